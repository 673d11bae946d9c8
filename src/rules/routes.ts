// Routing for required flows: the source's table must send the endpoint's subnet over the peering
// that joins exactly the two VPCs, and the endpoint's table must route the source back over it.
import { hopFindings } from './flow-problems';
import type { Finding, Rule } from './types';

const name = JSON.stringify;

export const routeMissing: Rule = {
  meta: {
    id: 'route/missing',
    severity: 'error',
    title: 'No route for a required flow',
    explanation:
      "Route tables are not stateful: for a worker or the appliance to reach an endpoint in another VPC, the source subnet's route table needs a route covering the endpoint's subnet over the peering, and the endpoint subnet's table needs a route back covering the source.",
    source: 'Veeam: configure_routing_network.md; AWS: Update your route tables for a VPC peering connection',
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
    source: 'AWS: Route priority and VPC peering limitations (transitive peering)',
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
    source: 'AWS: Update your route tables for a VPC peering connection',
    fixable: false,
  },
  check({ design, index }) {
    const findings: Finding[] = [];
    for (const v of design.vpcs)
      for (const t of v.routeTables)
        for (const r of t.routes) {
          if (r.peering === undefined) continue;
          const p = index.peerings.get(r.peering)?.element;
          if (!p || p.requester === v.id || p.accepter === v.id) continue;
          findings.push({
            rule: 'route/foreign-peering',
            severity: 'error',
            message: `Route ${r.destination} in route table ${name(index.nameOf(t.id))} (VPC ${name(index.nameOf(v.id))}) targets peering ${name(index.nameOf(p.id))}, which joins ${name(index.nameOf(p.requester))} and ${name(index.nameOf(p.accepter))}, not this VPC. Target a peering of VPC ${name(index.nameOf(v.id))}.`,
            elements: [t.id, p.id],
          });
        }
    return findings;
  },
};
