// Routing for required flows: the source's table must send the endpoint's subnet over the peering
// that joins exactly the two VPCs, and the endpoint's table must route the source back over it.
import type { DesignIndex } from '../../../../src/model/design-index';
import { hopFindings } from './flow-problems';
import type { Finding, Rule } from './types';
import { AWS, VEEAM } from './sources';

const name = JSON.stringify;

export const routeMissing: Rule = {
  meta: {
    id: 'route/missing',
    severity: 'error',
    title: 'No route for a required flow',
    explanation:
      "Route tables are not stateful: for a worker or the appliance to reach an endpoint in another VPC, the source subnet's route table needs a route covering the endpoint's subnet over the peering, and the endpoint subnet's table needs a route back covering the source.",
    sources: [VEEAM.configureRouting, AWS.peeringRoutes],
    fixable: true,
  },
  check: (ctx) => hopFindings(ctx, 'route/missing', 'error'),
};

export const routeWrongTarget: Rule = {
  meta: {
    id: 'route/wrong-target',
    severity: 'error',
    title: 'The most specific route goes elsewhere',
    explanation:
      "A VPC router sends each address by the most specific route holding it (longest prefix). If that route leads to an internet or NAT gateway, or to a peering with some third VPC, traffic never reaches the endpoint: peering is never transitive. A narrower route that takes only part of an endpoint subnet (or of the workers' range, on the way back) breaks the flow for those addresses, since an endpoint's interface may sit in any of them.",
    sources: [AWS.routePriority, AWS.peeringLimitations],
    fixable: true,
  },
  check: (ctx) => hopFindings(ctx, 'route/wrong-target', 'error'),
};

export const routeForeignPeering: Rule = {
  meta: {
    id: 'route/foreign-peering',
    severity: 'error',
    title: 'Route targets a peering of other VPCs',
    explanation: "A route can target only a peering connection that involves the route table's own VPC.",
    sources: [AWS.peeringRoutes],
    fixable: false,
  },
  check(ctx) {
    const { design, index } = ctx;
    // The flows such a route blocks report the same words, so the findings merge and name them.
    const findings: Finding[] = hopFindings(ctx, 'route/foreign-peering', 'error');
    for (const v of design.vpcs)
      for (const t of v.routeTables)
        for (const r of t.routes) {
          if (r.peering === undefined) continue;
          const p = index.peerings.get(r.peering)?.element;
          if (!p || p.requester === v.id || p.accepter === v.id) continue;
          findings.push({
            rule: 'route/foreign-peering',
            severity: 'error',
            message: foreignPeeringMessage(index, v.id, t.id, r.destination, p.id),
            elements: [t.id, p.id],
          });
        }
    return findings;
  },
};

/** What route/foreign-peering says, for its own finding and for the flows such a route blocks. */
export function foreignPeeringMessage(
  index: DesignIndex,
  vpc: string,
  table: string,
  destination: string,
  peering: string,
): string {
  const p = index.peerings.get(peering)?.element;
  const joins = p
    ? `, which joins ${name(index.nameOf(p.requester))} and ${name(index.nameOf(p.accepter))}`
    : '';
  return `Route ${destination} in route table ${name(index.nameOf(table))} (VPC ${name(index.nameOf(vpc))}) targets peering ${name(index.nameOf(peering))}${joins}, not this VPC. Target a peering of VPC ${name(index.nameOf(vpc))}.`;
}

export const routeLocalShadow: Rule = {
  meta: {
    id: 'route/local-shadow',
    severity: 'error',
    title: "The other side's addresses lie inside the VPC's own blocks",
    explanation:
      "Every route table has an implicit local route for the VPC's own blocks, and it wins for every address inside them. If an endpoint's subnet (or, on the way back, the workers' range) lies inside the source VPC's blocks, traffic for it never leaves the VPC; such VPCs cannot be peered either, since their blocks overlap.",
    sources: [AWS.routeTables, AWS.peeringLimitations],
    fixable: false,
  },
  check: (ctx) => hopFindings(ctx, 'route/local-shadow', 'error'),
};
