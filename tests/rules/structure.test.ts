// Structure rules: references, ids, operations still being drawn, accounts, regions and AZs.
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../src/model/schema';
import { edit, example, group, serious, vpc } from './helpers';
import { ruleTester } from './tester';

const e1 = example(1);
const e2 = example(2);

describe('untouched examples', () => {
  it.each([1, 2] as const)('example %i has no error or warning', (n) => {
    expect(serious(example(n))).toEqual([]);
  });
});

ruleTester('design/invalid-reference')
  .fires('a dangling route table', (d) => (vpc(d, 'vpc-worker').subnets[0]!.routeTable = 'rt-nope'), {
    elements: ['sn-worker-a'],
  })
  .fires('an S3 endpoint that serves another service', (d) => (d.repositories[0]!.s3Endpoint = 'vpce-ssm'), {
    elements: ['repo-std'],
  })
  .fires(
    'an archive operation aimed at a standard repository',
    edit(e2, (d) => (d.operations[0]!.archiveRepository = 'repo-std')),
    { elements: ['op-ec2-archive'] },
  )
  .silent('example 1', e1);

ruleTester('design/duplicate-id')
  .fires('two groups with one id', (d) => (group(d, 'sg-worker').id = 'sg-endpoints'), {
    elements: ['sg-endpoints'],
  })
  .silent('example 1', e1);

ruleTester('operation/incomplete')
  .fires('an EC2 backup without its repository', (d) => delete d.operations[0]!.repository, {
    elements: ['op-ec2-backup'],
    message: 'has no repository',
    count: 1,
  })
  .silent('example 1', e1)
  .silent('a retention operation reads only its repository', (d) =>
    d.operations.push({ id: 'op-ret', kind: 'retention', repository: 'repo-std' } as Operation),
  );

ruleTester('account/invalid-id')
  .fires('11 digits', (d) => (d.accounts[0]!.accountId = '11111111111'), { elements: ['acct-appliance'] })
  .silent('leading zeros are fine', (d) => (d.accounts[0]!.accountId = '000000000001'));

ruleTester('region/unknown')
  .fires('a region that does not exist', (d) => (d.repositories[0]!.region = 'us-west-9'), {
    elements: ['repo-std'],
  })
  .silent('example 1', e1);

ruleTester('subnet/az-mismatch')
  .fires('an AZ of another region', (d) => (vpc(d, 'vpc-worker').subnets[0]!.az = 'us-west-2a'), {
    elements: ['sn-worker-a'],
  })
  .fires('an AZ the region does not have', (d) => (vpc(d, 'vpc-worker').subnets[0]!.az = 'us-east-1z'), {
    elements: ['sn-worker-a'],
  })
  .silent('any real AZ of the region', (d) => (vpc(d, 'vpc-worker').subnets[0]!.az = 'us-east-1f'));
