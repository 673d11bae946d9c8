// Security groups on required flows: egress on the source side, ingress on the endpoint side
// (groups are stateful, so replies need nothing more), and group references that cannot work.
import type { SecurityGroup, Vpc } from '../model/schema';
import { endpointSide, quoted } from './flow-problems';
import { admit443Fix } from './sg-rule-fix';
import type { Report, Rule } from './types';
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
  hops: [
    {
      kinds: ['sg-ingress'],
      reasons: ['no-rule'],
      describe(ctx, at) {
        if (!endpointSide(ctx, at)) return undefined;
        const { flow, source, endpoint } = at.planned;
        const name = (id: string) => quoted(ctx, id);
        const groups = at.hop.groups ?? [];
        const group = groups[0];
        if (!group)
          return {
            message: `Endpoint ${name(endpoint.id)} has no security group, so nothing admits tcp/443 from ${source.label}. Attach a group that admits tcp/443 from ${flow.fixRange}.`,
            elements: [endpoint.id],
          };
        return {
          message: `Security group ${groups.map(name).join(', ')} of endpoint ${name(endpoint.id)} does not admit tcp/443 from ${flow.sourceRange} (${source.label}). Add an ingress rule for tcp/443 from ${flow.fixRange}.`,
          elements: [...groups, endpoint.id],
          fix: admit443Fix(ctx.design, {
            group,
            groupName: ctx.index.nameOf(group),
            direction: 'ingress',
            range: flow.fixRange,
            description: `HTTPS from ${flow.kind === 'appliance-repository' ? 'the backup appliance' : flow.kind === 'archive-peering' ? 'the other repository VPC' : 'worker instances'}`,
            addTitle: `Admit tcp/443 from ${flow.fixRange} in security group ${name(group)}`,
          }),
        };
      },
    },
  ],
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
  hops: [
    {
      kinds: ['sg-egress'],
      reasons: ['no-rule'],
      describe(ctx, at) {
        const side = endpointSide(ctx, at);
        if (!side) return undefined;
        const { flow, source, endpoint } = at.planned;
        const name = (id: string) => quoted(ctx, id);
        const groups = at.hop.groups ?? [];
        const group = groups[0];
        return {
          message: `Security group ${groups.map(name).join(', ')} (${source.label}) does not let tcp/443 out to ${side.dest.text}, where endpoint ${name(endpoint.id)} sits. Add an egress rule for tcp/443 to ${side.destBlock}.`,
          elements: groups,
          fix: group
            ? admit443Fix(ctx.design, {
                group,
                groupName: ctx.index.nameOf(group),
                direction: 'egress',
                range: side.destBlock,
                description: `HTTPS to ${flow.service} endpoint`,
                addTitle: `Allow tcp/443 out to ${side.destBlock} in security group ${name(group)}`,
              })
            : undefined,
        };
      },
    },
  ],
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
    const findings: Report[] = [];
    // With unique ids, a group of the rule's own VPC is the one the id names: same region.
    const unique = !index.hasDuplicateIds;
    // Indexed loops: once per validation over every rule, mostly unoptimised, where an iterator
    // allocates a result per rule.
    const judge = (v: Vpc, g: SecurityGroup, direction: 'ingress' | 'egress') => {
      const rules = g[direction];
      for (let i = 0; i < rules.length; i++) {
        const r = rules[i]!;
        if (r.securityGroup === undefined) continue;
        if (unique && holdsGroup(v, r.securityGroup)) continue;
        const other = index.securityGroups.get(r.securityGroup)?.vpc;
        if (!other || other.region === v.region) continue;
        findings.push({
          message: `An ${direction} rule of security group ${name(index.nameOf(g.id))} (${v.region}) references group ${name(index.nameOf(r.securityGroup))} in ${other.region}; references work only within one region. Use the CIDR of VPC ${name(index.nameOf(other.id))} (${other.cidr}) instead.`,
          elements: [g.id, r.securityGroup],
        });
      }
    };
    const vpcs = design.vpcs;
    for (let i = 0; i < vpcs.length; i++) {
      const v = vpcs[i]!;
      const groups = v.securityGroups;
      for (let j = 0; j < groups.length; j++) {
        judge(v, groups[j]!, 'ingress');
        judge(v, groups[j]!, 'egress');
      }
    }
    return findings;
  },
};

function holdsGroup(v: Vpc, id: string): boolean {
  const groups = v.securityGroups;
  for (let i = 0; i < groups.length; i++) if (groups[i]!.id === id) return true;
  return false;
}
