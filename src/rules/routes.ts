// Routing for required flows: the source's table must send the endpoint's subnet over the peering
// that joins exactly the two VPCs, and the endpoint's table must route the source back over it.
import type { Command } from '../model/command';
import { addRoute, setRouteTarget } from '../model/commands/route';
import type { DesignIndex } from '../model/design-index';
import { cidrOf } from '../network/cidr';
import { createPeeringFix } from './missing-links';
import { endpointSide, quoted, routeHop } from './flow-problems';
import type { HopJudge, Report, Rule, RuleContext } from './types';
import { AWS, VEEAM } from './sources';

const name = JSON.stringify;
const ROUTE_HOPS = ['route', 'return-route'] as const;

/**
 * The TGW a VPC is attached to that leads toward VPC `to` (attached to it too, or to a TGW it
 * peers with); only designs with TGWs get past the first test.
 */
function attachedTgw(ctx: RuleContext, from: string, to: string): string | undefined {
  const list = ctx.design.transitGatewayAttachments;
  if (!list.length) return undefined;
  const tgwsOf = (vpc: string) => list.filter((a) => a.vpc === vpc).map((a) => a.transitGateway);
  const theirs = new Set(tgwsOf(to));
  const ours = tgwsOf(from);
  const direct = ours.find((t) => theirs.has(t));
  if (direct) return direct;
  return ours.find((t) =>
    list.some(
      (a) =>
        a.vpc === undefined &&
        ((a.transitGateway === t && theirs.has(a.peerTransitGateway ?? '')) ||
          (a.peerTransitGateway === t && theirs.has(a.transitGateway))),
    ),
  );
}

const noRoute: HopJudge = {
  kinds: ROUTE_HOPS,
  reasons: ['no-route'],
  describe(ctx, at) {
    const r = routeHop(ctx, at);
    if (!r) return undefined;
    const { hop, planned } = at;
    const name = (id: string) => quoted(ctx, id);
    const { fromVpc, toVpc, wanted, where, peering } = r;
    const elements = [hop.routeTable ?? fromVpc.id, ...(peering ? [peering] : [])];
    const what = r.forward
      ? `has no route to ${r.reaching}`
      : `has no return route to ${r.reaching}, so replies cannot get back`;
    const into = hop.routeTable ? `route table ${name(hop.routeTable)}` : `VPC ${name(fromVpc.id)}`;
    const tgw = peering ? undefined : attachedTgw(ctx, fromVpc.id, toVpc.id);
    if (tgw)
      return {
        message: `${where} ${what}. Add route ${wanted} → transit gateway ${name(tgw)}.`,
        elements: [...elements, tgw],
        fix: {
          title: `Add route ${wanted} → transit gateway ${name(tgw)} to ${into}`,
          commands: [
            addRoute({
              vpc: fromVpc.id,
              ...(hop.routeTable ? { routeTable: hop.routeTable } : {}),
              route: { destination: wanted, transitGateway: tgw },
            }),
          ],
        },
      };
    if (!peering) {
      const { source, flow, endpointVpc } = planned;
      const fix = createPeeringFix(ctx.design, {
        source: { vpc: source.vpc, subnets: source.subnets, range: flow.fixRange },
        target: { vpc: endpointVpc, subnet: r.subnet, block: r.destBlock },
      });
      return {
        message: `${where} ${what}. No peering joins VPC ${name(fromVpc.id)} and VPC ${name(toVpc.id)}: create one, then route ${wanted} over it.`,
        elements: [...elements, toVpc.id],
        ...(fix ? { fix } : {}),
      };
    }
    return {
      message: `${where} ${what}. Add route ${wanted} → peering ${name(peering)}.`,
      elements,
      fix: {
        title: `Add route ${wanted} → peering ${name(peering)} to ${into}`,
        commands: [
          addRoute({
            vpc: fromVpc.id,
            ...(hop.routeTable ? { routeTable: hop.routeTable } : {}),
            route: { destination: wanted, peering },
          }),
        ],
      },
    };
  },
};

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
  hops: [noRoute],
};

/** The most specific route names a peering that does not exist. */
const unknownPeering: HopJudge = {
  kinds: ROUTE_HOPS,
  reasons: ['unknown-peering'],
  describe(ctx, at) {
    const r = routeHop(ctx, at);
    if (!r) return undefined;
    const { hop, planned } = at;
    const name = (id: string) => quoted(ctx, id);
    const route = hop.route!;
    return {
      message: `${r.where}: the most specific route to ${r.forward ? r.dest.text : planned.flow.sourceRange} is ${route.destination} → ${route.peering ?? '?'}, a peering that does not exist. Point it at a peering between VPC ${name(r.fromVpc.id)} and VPC ${name(r.toVpc.id)}.`,
      elements: [hop.routeTable ?? r.fromVpc.id, r.toVpc.id],
    };
  },
};

/** The most specific route goes to a gateway, or to a peering with a third VPC. */
const elsewhere: HopJudge = {
  kinds: ROUTE_HOPS,
  reasons: ['gateway', 'other-peering'],
  describe(ctx, at) {
    const r = routeHop(ctx, at);
    if (!r) return undefined;
    const { hop, planned } = at;
    const { flow, source, endpoint } = planned;
    const name = (id: string) => quoted(ctx, id);
    const { forward, fromVpc, toVpc, wanted, where, peering, dest } = r;
    const route = hop.route!;
    const target =
      route.gateway !== undefined
        ? `the ${route.gateway} gateway`
        : `peering ${name(route.peering ?? '')}, which leads to another VPC (peering is not transitive)`;
    const elements = [
      hop.routeTable ?? fromVpc.id,
      ...(route.peering ? [route.peering] : []),
      ...(peering ? [peering] : []),
    ];
    const toward = forward ? dest.text : flow.sourceRange;
    if (hop.partial)
      // Which change is right (retarget the route, remove it, re-address) depends on what the
      // route is for, so this one has no fix.
      return {
        message: `${where}: the more specific route ${route.destination} → ${target} takes part of ${toward}, so traffic ${forward ? `for endpoint ${name(endpoint.id)}` : `back to ${source.label}`} to those addresses never reaches VPC ${name(toVpc.id)}. Send all of ${toward} over a peering to VPC ${name(toVpc.id)}: retarget or narrow that route.`,
        elements: [...elements, toVpc.id],
      };
    const base = `${where}: the most specific route to ${toward} is ${route.destination} → ${target}, so traffic ${forward ? 'for' : 'back to'} ${forward ? `endpoint ${name(endpoint.id)}` : source.label} never reaches VPC ${name(toVpc.id)}.`;
    if (!peering || !hop.routeTable)
      return {
        message: `${base} Peer the two VPCs and route ${wanted} over that peering.`,
        elements: [...elements, toVpc.id],
      };
    const wrongPrefix = cidrOf(route.destination)!.prefix;
    const wantedBlock = cidrOf(wanted);
    const exact = forward ? dest : cidrOf(flow.sourceRange);
    let command: Command;
    let title: string;
    if (route.destination === wanted || (exact && route.destination === exact.text)) {
      command = setRouteTarget({ routeTable: hop.routeTable, destination: route.destination, peering });
      title = `Point route ${route.destination} in route table ${name(hop.routeTable)} at peering ${name(peering)}`;
    } else {
      const destination = wantedBlock && wantedBlock.prefix > wrongPrefix ? wanted : exact!.text;
      command = addRoute({ vpc: fromVpc.id, routeTable: hop.routeTable, route: { destination, peering } });
      title = `Add route ${destination} → peering ${name(peering)} to route table ${name(hop.routeTable)}`;
    }
    return { message: `${base} ${title}.`, elements, fix: { title, commands: [command] } };
  },
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
  hops: [unknownPeering, elsewhere],
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
  // The flows such a route blocks report the same words as the route's own finding, so the two
  // merge and the finding names them.
  hops: [
    {
      kinds: ROUTE_HOPS,
      reasons: ['foreign-peering'],
      describe(ctx, at) {
        const { planned, hop } = at;
        if (!endpointSide(ctx, at) || !hop.routeTable || !hop.route?.peering) return undefined;
        const fromVpc = hop.kind === 'route' ? planned.source.vpc : planned.endpointVpc;
        return {
          message: foreignPeeringMessage(
            ctx.index,
            fromVpc.id,
            hop.routeTable,
            hop.route.destination,
            hop.route.peering,
          ),
          elements: [hop.routeTable, hop.route.peering],
        };
      },
    },
  ],
  check({ design, index }) {
    const findings: Report[] = [];
    for (const v of design.vpcs)
      for (const t of v.routeTables)
        for (const r of t.routes) {
          if (r.peering === undefined) continue;
          const p = index.peerings.get(r.peering)?.element;
          if (!p || p.requester === v.id || p.accepter === v.id) continue;
          findings.push({
            message: foreignPeeringMessage(index, v.id, t.id, r.destination, p.id),
            elements: [t.id, p.id],
          });
        }
    return findings;
  },
};

/** What route/foreign-peering says, for its own finding and for the flows such a route blocks. */
function foreignPeeringMessage(
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
  hops: [
    {
      kinds: ROUTE_HOPS,
      reasons: ['local-shadow'],
      describe(ctx, at) {
        const r = routeHop(ctx, at);
        if (!r) return undefined;
        const { planned } = at;
        const name = (id: string) => quoted(ctx, id);
        const other = r.forward ? r.dest.text : planned.flow.sourceRange;
        return {
          message: `${other} (${r.forward ? `subnet ${name(at.subnet)} of endpoint ${name(planned.endpoint.id)}` : planned.source.label}) lies inside the blocks of VPC ${name(r.fromVpc.id)} itself, so its local route keeps that traffic inside VPC ${name(r.fromVpc.id)} and it never reaches VPC ${name(r.toVpc.id)}. Re-address one of the two VPCs so their blocks do not overlap.`,
          elements: [r.fromVpc.id, r.toVpc.id],
        };
      },
    },
  ],
};
