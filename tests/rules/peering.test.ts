// VPC peering rules: two distinct VPCs, once per pair, disjoint blocks, one partition, accepted.
import { expect } from 'vitest';
import type { Design } from '../../src/model/schema';
import { ruleMeta } from '../../src/rules/registry';
import { example, vpc } from './helpers';
import { ruleTester } from './tester';

const e1 = example(1);

ruleTester('peering/self')
  .fires('a VPC peered with itself', (d) => (d.peerings[0]!.accepter = 'vpc-worker'), {
    elements: ['pcx-worker-repo'],
  })
  .silent('example 1', e1);

ruleTester('peering/duplicate')
  .fires(
    'the same pair in the other direction counts',
    (d) =>
      d.peerings.push({ id: 'pcx-again', requester: 'vpc-repo', accepter: 'vpc-worker', status: 'active' }),
    { elements: ['pcx-worker-repo', 'pcx-again'] },
  )
  .silent('a peering of another pair', (d) =>
    d.peerings.push({
      id: 'pcx-other',
      requester: 'vpc-appliance',
      accepter: 'vpc-worker',
      status: 'active',
    }),
  );

ruleTester('peering/cidr-overlap')
  .fires(
    'a secondary block overlapping the peer',
    (d) => (vpc(d, 'vpc-repo').secondaryCidrs = ['10.0.0.0/20']),
    {
      elements: ['pcx-worker-repo'],
    },
  )
  .silent(
    'a secondary block apart from the peer',
    (d) => (vpc(d, 'vpc-repo').secondaryCidrs = ['10.1.0.0/20']),
  );

const moved = (region: string) => (d: Design) => {
  const v = vpc(d, 'vpc-repo');
  v.region = region;
  for (const s of v.subnets) s.az = `${region}a`;
};

ruleTester('peering/cross-partition')
  .fires('into GovCloud', moved('us-gov-west-1'), {
    elements: ['pcx-worker-repo'],
    message: 'aws-us-gov',
    severity: 'error',
    also: () => expect(ruleMeta('peering/cross-partition')!.explanation).toMatch(/partition/),
  })
  .fires('into China', moved('cn-north-1'), { elements: ['pcx-worker-repo'], message: 'aws-cn' })
  .silent('another commercial region', moved('us-east-2'));

ruleTester('peering/not-active')
  .fires('a required flow crosses a pending peering', (d) => (d.peerings[0]!.status = 'pending-acceptance'), {
    elements: ['pcx-worker-repo'],
    fix: { type: 'peering/accept', peering: 'pcx-worker-repo' },
    fixed: true,
  })
  .silent('a pending peering no flow needs', (d) =>
    d.peerings.push({
      id: 'pcx-unused',
      requester: 'vpc-appliance',
      accepter: 'vpc-worker',
      status: 'pending-acceptance',
    }),
  );
