// Worker, appliance and flow-level rules: where workers run, the appliance's address, endpoints
// reached through some subnets only, the archive layout, and the appliance's way to S3.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/schema';
import { ruleMeta, validate } from '../../src/rules/registry';
import { edit, endpoint, example, serious, table, vpc, withRule } from './helpers';
import { ruleTester } from './tester';

const e1 = example(1);
const e2 = example(2);

ruleTester('worker/no-configuration')
  .fires('no worker configuration for the backup account', (x) => (x.workerConfigurations = []), {
    elements: ['acct-backup', 'op-ec2-backup'],
    severity: 'warning',
  })
  .fires(
    'it follows workersIn: production-account',
    (x) => (x.operations[0]!.workersIn = 'production-account'),
    {
      elements: ['acct-prod'],
    },
  )
  .silent('example 1', e1);

ruleTester('worker/public-ip')
  .fires(
    'a worker subnet that maps public IPs',
    (x) => (vpc(x, 'vpc-worker').subnets[0]!.mapPublicIpOnLaunch = true),
    {
      elements: ['sn-worker-a'],
      fix: { type: 'subnet/set-public-ip', mapPublicIpOnLaunch: false },
      fixed: true,
    },
  )
  .silent(
    'the appliance subnet may',
    (x) => (vpc(x, 'vpc-appliance').subnets[0]!.mapPublicIpOnLaunch = true),
  );

ruleTester('worker/production-only')
  .fires(
    'RDS workers ignore the backup account’s configuration',
    (x) => {
      x.vpcs.push({
        ...structuredClone(vpc(x, 'vpc-worker')),
        id: 'vpc-db',
        name: 'DB VPC',
        account: 'acct-prod',
        cidr: '10.50.0.0/16',
        subnets: [],
        routeTables: [],
        securityGroups: [],
        endpoints: [],
      });
      x.operations.push({
        id: 'op-rds',
        kind: 'rds-backup',
        account: 'acct-prod',
        region: 'us-east-1',
        vpc: 'vpc-db',
        repository: 'repo-std',
        workersIn: 'backup-account',
        restoreToOriginal: false,
      });
    },
    { elements: ['op-rds', 'vpc-db'] },
  )
  .silent('example 1', e1);

const secondEndpointSubnet = (returnRoute: boolean) => (x: Design) => {
  const v = vpc(x, 'vpc-repo');
  v.subnets.push({
    id: 'sn-repo-b',
    name: 'S3 endpoint b',
    cidr: '11.0.2.0/24',
    az: 'us-west-2b',
    routeTable: 'rt-repo-b',
    mapPublicIpOnLaunch: false,
  });
  v.routeTables.push({
    id: 'rt-repo-b',
    name: 'repository routes b',
    main: false,
    routes: returnRoute ? structuredClone(table(x, 'rt-repo').routes) : [],
  });
  endpoint(x, 'vpce-s3-repo').subnets.push('sn-repo-b');
};

ruleTester('reach/partial')
  .fires(
    'one endpoint subnet without a return route is a warning, not an error',
    secondEndpointSubnet(false),
    {
      elements: ['vpce-s3-repo', 'sn-repo-b', 'rt-repo-b'],
      severity: 'warning',
      fixed: true,
      also: (found, all) => {
        expect(found.every((f) => f.fix)).toBe(true);
        expect(all.filter((f) => f.severity === 'error')).toEqual([]);
      },
    },
  )
  .silent('both endpoint subnets routed back', secondEndpointSubnet(true));

ruleTester('reach/invalid-element')
  .fires(
    'an endpoint subnet without a valid block',
    (x) => (vpc(x, 'vpc-repo').subnets[0]!.cidr = 'nonsense'),
    {
      elements: ['sn-repo-a'],
      flow: 'S3 endpoint',
      severity: 'error',
    },
  )
  .fires(
    'a repository naming an endpoint that is not S3',
    (x) => (x.repositories[0]!.s3Endpoint = 'vpce-ssm'),
    {
      elements: ['repo-std'],
      message: 'not an S3 interface endpoint',
    },
  )
  .silent('example 1', e1);

ruleTester('appliance/missing')
  .fires('no appliance', (x) => delete x.appliance, { elements: ['repo-std'] })
  .silent('example 1', e1);

const applianceAt = (ip: string) => (d: Design) => (d.appliance!.ip = ip);

ruleTester('appliance/ip-outside-subnet')
  .fires('an address of another subnet', applianceAt('172.16.2.10'), {
    elements: ['appliance'],
    severity: 'error',
    also: () => expect(ruleMeta('appliance/ip-outside-subnet')!.explanation).toMatch(/subnet's block/),
  })
  .silent('an address inside its subnet', applianceAt('172.16.1.200'));

const reservedAppliance = ruleTester('appliance/ip-reserved');
for (const [ip, which] of [
  ['172.16.1.0', 'the network address'],
  ['172.16.1.1', 'network address + 1'],
  ['172.16.1.2', 'network address + 2'],
  ['172.16.1.3', 'network address + 3'],
  ['172.16.1.255', 'the broadcast address'],
] as const)
  reservedAppliance.fires(`${ip}, which AWS reserves`, applianceAt(ip), {
    elements: ['appliance'],
    message: which,
    severity: 'error',
    also: () => expect(ruleMeta('appliance/ip-reserved')!.explanation).toMatch(/five addresses/),
  });
reservedAppliance.silent('the first address AWS leaves free', applianceAt('172.16.1.4'));

const archiveRouteGone = edit(
  e2,
  (x) =>
    (table(x, 'rt-repo-std').routes = table(x, 'rt-repo-std').routes.filter(
      (r) => r.destination !== '13.0.0.0/16',
    )),
);

ruleTester('archive/repository-peering')
  .fires('the standard repository VPC cannot route to the archive one', archiveRouteGone, {
    elements: ['rt-repo-std', 'pcx-std-archive'],
    severity: 'warning',
    fixed: true,
    also: (_, all) => expect(all.filter((x) => x.severity === 'error')).toEqual([]),
  })
  .silent('example 2', e2);

ruleTester('s3/public-endpoint-needed')
  .fires(
    'the appliance has no way out',
    (x) => (table(x, 'rt-appliance').routes = table(x, 'rt-appliance').routes.filter((r) => !r.gateway)),
    { elements: ['appliance'] },
  )
  .silent('example 1', e1);

describe('whole flows', () => {
  it('a second endpoint subnet routed back like the first: no error or warning', () => {
    expect(serious(edit(e1, secondEndpointSubnet(true)))).toEqual([]);
  });
  it('an operation without its repository is skipped, not misjudged', () => {
    const d = edit(e1, (x) => delete x.operations[0]!.repository);
    expect(() => validate(d)).not.toThrow();
    expect(withRule(d, 'repository/no-endpoint')).toEqual([]);
    expect(withRule(d, 'appliance/missing')).toEqual([]);
  });
});
