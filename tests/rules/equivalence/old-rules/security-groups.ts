// Security groups on required flows: egress on the source side, ingress on the endpoint side
// (groups are stateful, so replies need nothing more), and group references that cannot work.
import { hopFindings } from './flow-problems';
import type { SecurityGroup, Vpc } from '../../../../src/model/schema';
import type { Finding, Rule } from './types';
import { AWS, VEEAM } from './sources';

const name = JSON.stringify;

export const sgIngress443: Rule = {
  meta: {
    id: 'sg/ingress-443',
    severity: 'error',
    title: "Endpoint's groups do not admit tcp/443 from the source",
    explanation:
      "Workers and the appliance talk to endpoints over HTTPS. An endpoint's security groups must admit tcp/443 from the source, by a CIDR that contains the source's addresses or by referencing one of the source's groups (same region only).",
    sources: [VEEAM.interfaceEndpoints, VEEAM.ports, AWS.sgRules],
    fixable: true,
  },
  check: (ctx) => hopFindings(ctx, 'sg/ingress-443', 'error'),
};

export const sgEgress443: Rule = {
  meta: {
    id: 'sg/egress-443',
    severity: 'error',
    title: "Source's groups do not let tcp/443 out",
    explanation:
      "A worker's (or the appliance's) security group must allow outbound HTTPS to every VPC endpoint it uses, by a CIDR that contains the endpoint subnet or by referencing one of the endpoint's groups (same region only).",
    sources: [VEEAM.workerGroups, VEEAM.ports, AWS.sgRules],
    fixable: true,
  },
  check: (ctx) => hopFindings(ctx, 'sg/egress-443', 'error'),
};

export const sgCrossRegionReference: Rule = {
  meta: {
    id: 'sg/cross-region-reference',
    severity: 'error',
    title: 'Rule references a group in another region',
    explanation:
      'A security-group rule can reference another group only within the same region (across a peering, only a same-region one); use the peer CIDR across regions.',
    sources: [AWS.peeringGroups],
    fixable: false,
  },
  check({ design, index }) {
    const findings: Finding[] = [];
    const judge = (v: Vpc, g: SecurityGroup, direction: 'ingress' | 'egress') => {
      for (const r of g[direction]) {
        if (r.securityGroup === undefined) continue;
        const other = index.securityGroups.get(r.securityGroup)?.vpc;
        if (!other || other.region === v.region) continue;
        findings.push({
          rule: 'sg/cross-region-reference',
          severity: 'error',
          message: `An ${direction} rule of security group ${name(index.nameOf(g.id))} (${v.region}) references group ${name(index.nameOf(r.securityGroup))} in ${other.region}; references work only within one region. Use the CIDR of VPC ${name(index.nameOf(other.id))} (${other.cidr}) instead.`,
          elements: [g.id, r.securityGroup],
        });
      }
    };
    for (const v of design.vpcs)
      for (const g of v.securityGroups) {
        judge(v, g, 'ingress');
        judge(v, g, 'egress');
      }
    return findings;
  },
};
