// What AWS refuses at create time, and the default quotas a design can exceed: each case fires on
// a design that breaks the limit (and would pass without this rule) and stays silent at the limit.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/schema';
import { ruleMeta } from '../../src/rules/registry';
import { edit, endpoint, example, group, table, vpc, withRule } from './helpers';

const e1 = example(1);

/** The rule fires on `bad` (naming `element`) and not on `good`, and its meta states the AWS fact. */
function judges(rule: string, bad: Design, good: Design, element: string, fact: RegExp) {
  const found = withRule(bad, rule);
  expect(found.length, rule).toBeGreaterThan(0);
  expect(found[0]!.elements).toContain(element);
  expect(withRule(good, rule)).toEqual([]);
  expect(ruleMeta(rule)!.explanation).toMatch(fact);
  return found[0]!;
}

describe('AWS create-time refusals', () => {
  it('an interface endpoint takes at most one subnet per Availability Zone', () => {
    const twoInOneAz = (az: string) =>
      edit(e1, (d) => {
        vpc(d, 'vpc-worker').subnets.push({
          id: 'sn-worker-b',
          name: 'b',
          cidr: '10.0.2.0/24',
          az,
          routeTable: 'rt-worker',
          mapPublicIpOnLaunch: false,
        });
        endpoint(d, 'vpce-ssm').subnets.push('sn-worker-b');
      });
    const f = judges(
      'endpoint/one-subnet-per-az',
      twoInOneAz('us-east-1a'),
      twoInOneAz('us-east-1b'),
      'vpce-ssm',
      /one network interface .* per Availability Zone/,
    );
    expect(f.severity).toBe('error');
    expect(f.message).toContain('us-east-1a');
  });

  it('subnets are /16 to /28', () => {
    const sized = (cidr: string) =>
      edit(e1, (d) => {
        const v = vpc(d, 'vpc-worker');
        v.secondaryCidrs.push('10.1.0.0/16');
        v.subnets.push({ id: 'sn-x', name: 'x', cidr, az: 'us-east-1a', mapPublicIpOnLaunch: false });
      });
    judges('cidr/subnet-size', sized('10.1.0.0/29'), sized('10.1.0.0/28'), 'sn-x', /\/16 .* \/28/);
    expect(withRule(sized('10.0.0.0/15'), 'cidr/subnet-size')[0]!.message).toContain('/15');
  });

  it('the appliance IP lies inside its subnet', () => {
    const at = (ip: string) => edit(e1, (d) => (d.appliance!.ip = ip));
    judges(
      'appliance/ip-outside-subnet',
      at('172.16.2.10'),
      at('172.16.1.200'),
      'appliance',
      /subnet's block/,
    );
  });

  it.each([
    ['172.16.1.0', 'the network address'],
    ['172.16.1.1', 'network address + 1'],
    ['172.16.1.2', 'network address + 2'],
    ['172.16.1.3', 'network address + 3'],
    ['172.16.1.255', 'the broadcast address'],
  ])('the appliance IP is not %s, which AWS reserves', (ip, which) => {
    const f = judges(
      'appliance/ip-reserved',
      edit(e1, (d) => (d.appliance!.ip = ip)),
      edit(e1, (d) => (d.appliance!.ip = '172.16.1.4')),
      'appliance',
      /five addresses/,
    );
    expect(f.message).toContain(which);
  });

  it.each([
    ['us-gov-west-1', 'aws-us-gov'],
    ['cn-north-1', 'aws-cn'],
  ])('no peering across partitions (%s)', (region, partition) => {
    const moved = (r: string) =>
      edit(e1, (d) => {
        const v = vpc(d, 'vpc-repo');
        v.region = r;
        for (const s of v.subnets) s.az = `${r}a`;
      });
    const f = judges(
      'peering/cross-partition',
      moved(region),
      moved('us-east-2'),
      'pcx-worker-repo',
      /partition/,
    );
    expect(f.message).toContain(partition);
  });
});

describe('default quotas, as warnings that name the element and the quota', () => {
  const routes = (n: number) =>
    edit(e1, (d) => {
      const t = table(d, 'rt-worker');
      for (let i = t.routes.length; i < n; i++)
        t.routes.push({ destination: `192.168.${i}.0/24`, gateway: 'nat' });
    });
  const rules = (n: number, direction: 'ingress' | 'egress') =>
    edit(e1, (d) => {
      const g = group(d, 'sg-worker');
      for (let i = g[direction].length; i < n; i++)
        g[direction].push({ protocol: 'tcp', fromPort: 1000 + i, toPort: 1000 + i, cidr: '10.0.0.0/16' });
    });
  const peerings = (n: number) =>
    edit(e1, (d) => {
      for (let i = 1; i < n; i++) {
        const id = `vpc-extra-${i}`;
        d.vpcs.push({
          ...structuredClone(vpc(d, 'vpc-appliance')),
          id,
          cidr: `100.${i}.0.0/16`,
          subnets: [],
          routeTables: [],
          securityGroups: [],
          endpoints: [],
        });
        d.peerings.push({ id: `pcx-extra-${i}`, requester: 'vpc-repo', accepter: id, status: 'active' });
      }
    });
  const endpoints = (n: number) =>
    edit(e1, (d) => {
      const v = vpc(d, 'vpc-worker');
      for (let i = v.endpoints.length; i < n; i++)
        v.endpoints.push({
          ...structuredClone(endpoint(d, 'vpce-ssm')),
          id: `vpce-x-${i}`,
          service: `svc${i}`,
          privateDns: false,
        });
    });

  it.each([
    ['quota/routes-per-table', 'Routes per route table', routes(51), routes(50), 'rt-worker'],
    [
      'quota/security-group-rules',
      'Inbound rules per security group',
      rules(61, 'ingress'),
      rules(60, 'ingress'),
      'sg-worker',
    ],
    [
      'quota/security-group-rules',
      'Outbound rules per security group',
      rules(61, 'egress'),
      rules(60, 'egress'),
      'sg-worker',
    ],
    // The repository VPC already has two peerings (workers, appliance).
    [
      'quota/peerings-per-vpc',
      'Active VPC peering connections per VPC',
      peerings(50),
      peerings(49),
      'vpc-repo',
    ],
    [
      'quota/interface-endpoints-per-vpc',
      'Interface VPC endpoints per VPC',
      endpoints(51),
      endpoints(50),
      'vpc-worker',
    ],
  ] as const)('%s: %s', (rule, quota, bad, good, element) => {
    const f = judges(rule, bad, good, element, /can be raised/);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain(quota);
    expect(f.message).toMatch(/quota is raised/);
  });
});
