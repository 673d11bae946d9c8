// Endpoint rules: the interface endpoints each operation needs, their subnets, DNS and services,
// and the S3 endpoint each repository names.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/schema';
import { ruleMeta } from '../../src/rules/registry';
import { edit, endpoint, example, serious, vpc } from './helpers';
import { ruleTester } from './tester';

const e1 = example(1);
const e2 = example(2);

const withoutEbs = (x: Design) =>
  (vpc(x, 'vpc-worker').endpoints = vpc(x, 'vpc-worker').endpoints.filter((e) => e.service !== 'ebs'));
// FLR workers run in the repository's region: example 2's worker VPC (us-west-2) serves repo-std.
const flr = (restoreToOriginal: boolean) =>
  edit(e2, (x) => {
    x.operations = [
      {
        id: 'op-flr',
        kind: 'flr-backup',
        repository: 'repo-std',
        workersIn: 'backup-account',
        restoreToOriginal,
      },
    ];
  });

ruleTester('endpoint/missing')
  .fires('ebs for EC2 backup', withoutEbs, {
    elements: ['vpc-worker', 'op-ec2-backup'],
    fix: {
      type: 'endpoint/add',
      endpoint: { service: 'ebs', subnets: ['sn-worker-a'], securityGroups: ['sg-endpoints'] },
    },
    fixed: true,
  })
  .fires('kinesis-streams when file-level restore goes to the original location', flr(true), {
    elements: ['vpc-worker', 'op-flr'],
    message: 'kinesis-streams',
  })
  .silent('ebs is not needed for EC2 restore', (x) => {
    withoutEbs(x);
    x.operations[0]!.kind = 'ec2-restore';
  })
  .silent('kinesis-streams is not needed for restore elsewhere', flr(false));

ruleTester('endpoint/no-subnets')
  .fires('a required service endpoint with no subnets', (x) => (endpoint(x, 'vpce-ssm').subnets = []), {
    elements: ['vpce-ssm'],
    flow: 'ssm',
    severity: 'error',
  })
  .silent('example 1', e1);

const twoInOneAz = (az: string) => (d: Design) => {
  vpc(d, 'vpc-worker').subnets.push({
    id: 'sn-worker-b',
    name: 'b',
    cidr: '10.0.2.0/24',
    az,
    routeTable: 'rt-worker',
    mapPublicIpOnLaunch: false,
  });
  endpoint(d, 'vpce-ssm').subnets.push('sn-worker-b');
};

ruleTester('endpoint/one-subnet-per-az')
  .fires('two subnets of one AZ', twoInOneAz('us-east-1a'), {
    elements: ['vpce-ssm'],
    message: 'us-east-1a',
    severity: 'error',
    also: () =>
      expect(ruleMeta('endpoint/one-subnet-per-az')!.explanation).toMatch(
        /one network interface .* per Availability Zone/,
      ),
  })
  .silent('subnets of two AZs', twoInOneAz('us-east-1b'));

ruleTester('endpoint/private-dns-off')
  .fires('an interface endpoint without private DNS', (x) => (endpoint(x, 'vpce-ssm').privateDns = false), {
    elements: ['vpce-ssm'],
  })
  .silent('the S3 endpoint is exempt', e1);

ruleTester('endpoint/dns-attributes')
  .fires('a VPC holding private-DNS endpoints', (x) => (vpc(x, 'vpc-worker').dnsHostnames = false), {
    elements: ['vpc-worker'],
  })
  .silent('a VPC without private-DNS endpoints', (x) => (vpc(x, 'vpc-repo').dnsHostnames = false));

const secondSsm = (privateDns: boolean) => (x: Design) =>
  vpc(x, 'vpc-worker').endpoints.push({ ...endpoint(x, 'vpce-ssm'), id: 'vpce-ssm-2', privateDns });

ruleTester('endpoint/duplicate-private-dns')
  .fires('a second endpoint of a service with private DNS', secondSsm(true), {
    elements: ['vpce-ssm', 'vpce-ssm-2'],
    fix: { type: 'endpoint/remove-duplicate', keep: 'vpce-ssm', drop: 'vpce-ssm-2' },
    fixed: true,
  })
  .silent('a second endpoint without private DNS is fine', secondSsm(false));

const secondAz = (covered: boolean) => (x: Design) => {
  const v = vpc(x, 'vpc-worker');
  v.subnets.push({
    id: 'sn-worker-b',
    name: 'workers b',
    cidr: '10.0.2.0/24',
    az: 'us-east-1b',
    mapPublicIpOnLaunch: false,
  });
  x.workerConfigurations.push({ ...x.workerConfigurations[0]!, id: 'wc-b', subnet: 'sn-worker-b' });
  if (covered) for (const e of v.endpoints) e.subnets.push('sn-worker-b');
};

ruleTester('endpoint/az-not-covered')
  .fires('a worker subnet in an AZ the endpoints lack', secondAz(false), {
    elements: ['vpce-ssm', 'sn-worker-b'],
    severity: 'warning',
  })
  .silent('the endpoints cover that AZ too', secondAz(true))
  .silent(
    'an endpoint with no subnets is endpoint/no-subnets instead',
    (x) => (endpoint(x, 'vpce-ssm').subnets = []),
  );

ruleTester('endpoint/gateway-unsupported')
  .fires(
    'an S3 gateway endpoint for a repository',
    (x) =>
      Object.assign(endpoint(x, 'vpce-s3-repo'), { type: 'Gateway', subnets: [], routeTables: ['rt-repo'] }),
    { elements: ['repo-std', 'vpce-s3-repo'] },
  )
  .silent('example 1', e1);

ruleTester('endpoint/s3-region-mismatch')
  .fires(
    'a repository in another region than its S3 endpoint',
    (x) => (x.repositories[0]!.region = 'us-east-1'),
    {
      elements: ['repo-std', 'vpce-s3-repo'],
    },
  )
  .silent('example 1', e1);

ruleTester('repository/no-endpoint')
  .fires('with private network deployment on', (x) => delete x.repositories[0]!.s3Endpoint, {
    elements: ['repo-std', 'op-ec2-backup'],
  })
  .silent('with private network deployment off', (x) => {
    delete x.repositories[0]!.s3Endpoint;
    x.privateNetworkDeployment = false;
  });

describe('endpoints that work', () => {
  it('the S3 endpoint of example 1 has private DNS off, as it should', () => {
    expect(endpoint(e1, 'vpce-s3-repo').privateDns).toBe(false);
  });
  it('file-level restore elsewhere needs no kinesis-streams endpoint', () => {
    expect(serious(flr(false))).toEqual([]);
  });
  it('a second worker AZ covered by every endpoint', () => {
    expect(serious(edit(e1, secondAz(true)))).toEqual([]);
  });
});
