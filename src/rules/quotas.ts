// Default AWS quotas a design can exceed without noticing. Each is adjustable (Service Quotas
// console or a support case), so exceeding one is a warning that names the element and the quota.
import { AWS } from './sources';
import type { Report, Rule, RuleContext } from './types';

const name = JSON.stringify;

/** The default quotas, as AWS documents them. */
export const QUOTAS = {
  routesPerTable: 50,
  rulesPerGroupDirection: 60,
  activePeeringsPerVpc: 50,
  interfaceEndpointsPerVpc: 50,
} as const;

const RAISE =
  'AWS refuses more until the quota is raised, which you can request in the Service Quotas console.';

function warn(message: string, elements: string[]): Report {
  return { message: `${message} ${RAISE}`, elements };
}

export const quotaRoutesPerTable: Rule = {
  meta: {
    id: 'quota/routes-per-table',
    severity: 'warning',
    title: 'Route table above the routes quota',
    explanation: `A route table holds at most ${QUOTAS.routesPerTable} non-propagated routes by default; the quota can be raised.`,
    sources: [AWS.vpcQuotas],
    fixable: false,
  },
  check({ design, index }) {
    const out: Report[] = [];
    for (const v of design.vpcs)
      for (const t of v.routeTables)
        if (t.routes.length > QUOTAS.routesPerTable)
          out.push(
            warn(
              `Route table ${name(index.nameOf(t.id))} in VPC ${name(index.nameOf(v.id))} has ${t.routes.length} routes; the default quota "Routes per route table" is ${QUOTAS.routesPerTable}.`,
              [t.id],
            ),
          );
    return out;
  },
};

const DIRECTIONS = [
  { field: 'ingress', label: 'Inbound' },
  { field: 'egress', label: 'Outbound' },
] as const;

export const quotaSecurityGroupRules: Rule = {
  meta: {
    id: 'quota/security-group-rules',
    severity: 'warning',
    title: 'Security group above the rules quota',
    explanation: `A security group holds at most ${QUOTAS.rulesPerGroupDirection} inbound and ${QUOTAS.rulesPerGroupDirection} outbound rules by default; the quota can be raised.`,
    sources: [AWS.vpcQuotas],
    fixable: false,
  },
  check({ design, index }) {
    const out: Report[] = [];
    // Indexed loops: once per validation over every group, mostly unoptimised, where an iterator
    // allocates a result per group and direction.
    const vpcs = design.vpcs;
    for (let i = 0; i < vpcs.length; i++) {
      const groups = vpcs[i]!.securityGroups;
      for (let j = 0; j < groups.length; j++) {
        const g = groups[j]!;
        for (let k = 0; k < DIRECTIONS.length; k++) {
          // Not an array pair: destructuring one goes through an iterator as well.
          const { field: direction, label } = DIRECTIONS[k]!;
          if (g[direction].length > QUOTAS.rulesPerGroupDirection)
            out.push(
              warn(
                `Security group ${name(index.nameOf(g.id))} has ${g[direction].length} ${label.toLowerCase()} rules; the default quota "${label} rules per security group" is ${QUOTAS.rulesPerGroupDirection}.`,
                [g.id],
              ),
            );
        }
      }
    }
    return out;
  },
};

export const quotaPeeringsPerVpc: Rule = {
  meta: {
    id: 'quota/peerings-per-vpc',
    severity: 'warning',
    title: 'VPC above the active peerings quota',
    explanation: `A VPC has at most ${QUOTAS.activePeeringsPerVpc} active peering connections by default; the quota can be raised (up to 125).`,
    sources: [AWS.peeringQuotas],
    fixable: false,
  },
  check({ design, index }: RuleContext) {
    // Each peering counts for two VPCs, so below this many no VPC can be over the quota.
    if (design.peerings.length <= QUOTAS.activePeeringsPerVpc) return [];
    const count = new Map<string, number>();
    // Indexed loop and forEach: this runs once per validation, mostly unoptimised, where an
    // iterator allocates a result (and here an entry pair) per peering and per VPC.
    const peerings = design.peerings;
    for (let i = 0; i < peerings.length; i++) {
      const p = peerings[i]!;
      if (p.status !== 'active' || p.requester === p.accepter) continue;
      count.set(p.requester, (count.get(p.requester) ?? 0) + 1);
      count.set(p.accepter, (count.get(p.accepter) ?? 0) + 1);
    }
    const out: Report[] = [];
    count.forEach((n, v) => {
      if (n > QUOTAS.activePeeringsPerVpc)
        out.push(
          warn(
            `VPC ${name(index.nameOf(v))} has ${n} active peerings; the default quota "Active VPC peering connections per VPC" is ${QUOTAS.activePeeringsPerVpc}.`,
            [v],
          ),
        );
    });
    return out;
  },
};

export const quotaInterfaceEndpointsPerVpc: Rule = {
  meta: {
    id: 'quota/interface-endpoints-per-vpc',
    severity: 'warning',
    title: 'VPC above the interface endpoints quota',
    explanation: `A VPC has at most ${QUOTAS.interfaceEndpointsPerVpc} interface endpoints by default; the quota can be raised.`,
    sources: [AWS.endpointQuotas],
    fixable: false,
  },
  check({ design, index }) {
    const out: Report[] = [];
    for (const v of design.vpcs) {
      if (v.endpoints.length <= QUOTAS.interfaceEndpointsPerVpc) continue;
      const n = v.endpoints.filter((e) => e.type === 'Interface').length;
      if (n > QUOTAS.interfaceEndpointsPerVpc)
        out.push(
          warn(
            `VPC ${name(index.nameOf(v.id))} has ${n} interface endpoints; the default quota "Interface VPC endpoints per VPC" is ${QUOTAS.interfaceEndpointsPerVpc}.`,
            [v.id],
          ),
        );
    }
    return out;
  },
};
