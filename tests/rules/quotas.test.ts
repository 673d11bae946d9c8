// Default quotas a design can exceed: warnings that name the element and the quota, silent at the limit.
import { expect } from 'vitest';
import type { Design } from '../../src/model/schema';
import { ruleMeta } from '../../src/rules/registry';
import { endpoint, group, table, vpc } from './helpers';
import { ruleTester } from './tester';

const routes = (n: number) => (d: Design) => {
  const t = table(d, 'rt-worker');
  for (let i = t.routes.length; i < n; i++)
    t.routes.push({ destination: `192.168.${i}.0/24`, gateway: 'nat' });
};
const rules = (n: number, direction: 'ingress' | 'egress') => (d: Design) => {
  const g = group(d, 'sg-worker');
  for (let i = g[direction].length; i < n; i++)
    g[direction].push({ protocol: 'tcp', fromPort: 1000 + i, toPort: 1000 + i, cidr: '10.0.0.0/16' });
};
const peerings = (n: number) => (d: Design) => {
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
};
const endpoints = (n: number) => (d: Design) => {
  const v = vpc(d, 'vpc-worker');
  for (let i = v.endpoints.length; i < n; i++)
    v.endpoints.push({
      ...structuredClone(endpoint(d, 'vpce-ssm')),
      id: `vpce-x-${i}`,
      service: `svc${i}`,
      privateDns: false,
    });
};

/** The quota's name in the message, the advice to raise it, and the meta saying it can be raised. */
const quota = (rule: string, name: string, element: string) => ({
  elements: [element],
  severity: 'warning' as const,
  message: name,
  also: (found: { message: string }[]) => {
    expect(found[0]!.message).toMatch(/quota is raised/);
    expect(ruleMeta(rule)!.explanation).toMatch(/can be raised/);
  },
});

ruleTester('quota/routes-per-table')
  .fires('51 routes', routes(51), quota('quota/routes-per-table', 'Routes per route table', 'rt-worker'))
  .silent('50 routes', routes(50));

ruleTester('quota/security-group-rules')
  .fires(
    '61 inbound rules',
    rules(61, 'ingress'),
    quota('quota/security-group-rules', 'Inbound rules per security group', 'sg-worker'),
  )
  .fires(
    '61 outbound rules',
    rules(61, 'egress'),
    quota('quota/security-group-rules', 'Outbound rules per security group', 'sg-worker'),
  )
  .silent('60 inbound rules', rules(60, 'ingress'))
  .silent('60 outbound rules', rules(60, 'egress'));

// The repository VPC already has two peerings (workers, appliance).
ruleTester('quota/peerings-per-vpc')
  .fires(
    '51 active peerings',
    peerings(50),
    quota('quota/peerings-per-vpc', 'Active VPC peering connections per VPC', 'vpc-repo'),
  )
  .silent('50 active peerings', peerings(49));

ruleTester('quota/interface-endpoints-per-vpc')
  .fires(
    '51 interface endpoints',
    endpoints(51),
    quota('quota/interface-endpoints-per-vpc', 'Interface VPC endpoints per VPC', 'vpc-worker'),
  )
  .silent('50 interface endpoints', endpoints(50));
