// VPCs with many subnets, route tables and groups: the network model finds a VPC's own elements
// through a map once there are more than a few, and security groups through the design-wide index.
// The verdicts must not depend on which way an element was found.
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';
import { edit, example, serious, table, vpc } from '../rules/helpers';

const EXTRA = 20;

/** Example 1 with EXTRA unused subnets, route tables and groups ahead of the worker VPC's own. */
function crowded(): Design {
  return edit(example(1), (d) => {
    const w = vpc(d, 'vpc-worker');
    const subnets = Array.from({ length: EXTRA }, (_, i) => ({
      id: `sn-spare-${i}`,
      name: `spare ${i}`,
      cidr: `10.0.${100 + i}.0/24`,
      az: 'us-east-1b',
      mapPublicIpOnLaunch: false,
    }));
    const tables = Array.from({ length: EXTRA }, (_, i) => ({
      id: `rt-spare-${i}`,
      name: `spare ${i}`,
      main: false,
      routes: [],
    }));
    const groups = Array.from({ length: EXTRA }, (_, i) => ({
      id: `sg-spare-${i}`,
      name: `spare ${i}`,
      ingress: [],
      egress: [],
    }));
    w.subnets.unshift(...(subnets as typeof w.subnets));
    w.routeTables.unshift(...(tables as typeof w.routeTables));
    w.securityGroups.unshift(...(groups as typeof w.securityGroups));
  });
}

describe('a VPC with many subnets, route tables and groups', () => {
  it('is judged as the same VPC with few', () => {
    expect(serious(crowded())).toEqual([]);
  });

  it('still reports a missing route, a missing rule and a subnet of another VPC', () => {
    const noRoute = edit(crowded(), (d) => (table(d, 'rt-worker').routes = []));
    expect(validate(noRoute).map((f) => f.rule)).toContain('route/missing');

    const noRule = edit(crowded(), (d) => {
      const g = vpc(d, 'vpc-worker').securityGroups.find((x) => x.id === 'sg-endpoints')!;
      g.ingress = [];
    });
    expect(validate(noRule).map((f) => f.rule)).toContain('sg/ingress-443');

    const foreign = edit(crowded(), (d) => {
      const e = vpc(d, 'vpc-worker').endpoints.find((x) => x.id === 'vpce-ssm')!;
      e.subnets = ['sn-repo-a'];
    });
    const messages = validate(foreign)
      .filter((f) => f.rule === 'design/invalid-reference')
      .map((f) => f.message);
    expect(messages.join('\n')).toMatch(/must be in VPC "Worker VPC"/);
  });
});
