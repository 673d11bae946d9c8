// Security-group rules: egress on the source side, ingress on the endpoint side, on tcp/443, and
// group references only within one region.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/schema';
import { edit, example, group, serious } from './helpers';
import { ruleTester } from './tester';

const e1 = example(1);

const byReference = edit(
  e1,
  (x) =>
    (group(x, 'sg-endpoints').ingress = [
      { protocol: 'tcp', fromPort: 443, toPort: 443, securityGroup: 'sg-worker' },
    ]),
);
const range = (from: number, to: number) => (x: Design) =>
  (group(x, 'sg-endpoints').ingress = [{ protocol: 'tcp', fromPort: from, toPort: to, cidr: '10.0.0.0/16' }]);
const crossRegion = edit(
  e1,
  (x) =>
    (group(x, 'sg-s3-endpoint').ingress[1] = {
      protocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      securityGroup: 'sg-worker',
    }),
);

ruleTester('sg/ingress-443')
  .fires(
    'the S3 endpoint’s group loses its rule for the workers',
    (x) => group(x, 'sg-s3-endpoint').ingress.splice(1, 1),
    {
      elements: ['sg-s3-endpoint', 'vpce-s3-repo'],
      fix: {
        type: 'sg-rule/add',
        securityGroup: 'sg-s3-endpoint',
        direction: 'ingress',
        rule: { cidr: '10.0.0.0/16', fromPort: 443 },
      },
      fixed: true,
    },
  )
  .fires('a port range that misses 443', range(80, 442), { elements: ['sg-endpoints'] })
  .fires(
    'udp/443 is not tcp/443',
    (x) =>
      (group(x, 'sg-endpoints').ingress = [
        { protocol: 'udp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16' },
      ]),
    { elements: ['sg-endpoints'] },
  )
  .fires('a reference across regions does not admit', crossRegion, { elements: ['sg-s3-endpoint'] })
  .silent('a group reference instead of a CIDR admits the workers (same region)', byReference)
  .silent('a port range that includes 443', range(0, 65535))
  .silent(
    'protocol -1',
    (x) => (group(x, 'sg-endpoints').ingress = [{ protocol: '-1', cidr: '10.0.1.0/24' }]),
  );

ruleTester('sg/egress-443')
  .fires(
    'the worker group lets tcp/443 out only to its own VPC',
    (x) =>
      (group(x, 'sg-worker').egress = [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/16' }]),
    {
      elements: ['sg-worker'],
      count: 1,
      fix: { securityGroup: 'sg-worker', direction: 'egress', rule: { cidr: '11.0.0.0/16' } },
      fixed: true,
    },
  )
  .silent('example 1', e1);

ruleTester('sg/cross-region-reference')
  .fires('a reference to a group in another region', crossRegion, {
    elements: ['sg-s3-endpoint', 'sg-worker'],
  })
  .silent('example 1', e1);

describe('groups that admit', () => {
  it('a group reference instead of a CIDR admits the workers (same region)', () => {
    expect(serious(byReference)).toEqual([]);
  });
  it('a port range or protocol -1 that includes 443 admits', () => {
    expect(serious(edit(e1, range(0, 65535)))).toEqual([]);
    expect(
      serious(
        edit(e1, (x) => (group(x, 'sg-endpoints').ingress = [{ protocol: '-1', cidr: '10.0.1.0/24' }])),
      ),
    ).toEqual([]);
  });
});
