// The next-hop graph: what a VPC router does with a destination block. AWS facts: the implicit
// local route covers every block of the VPC and wins for addresses inside it; every other address
// goes by the most specific route holding it (longest-prefix match). A route leads to one of the
// edge kinds below; a route to a Transit Gateway is judged with both ends' subnets (transit.ts),
// and the path search in reachability.ts follows every kind the same way.
import type { Peering, RouteTable, Subnet, Vpc } from '../model/schema';
import type { Cidr } from './cidr';
import { routeHop, unreachedHop } from './hops';
import { tgwFailHop, tgwPassHop, tgwRouteHop } from './hops-tgw';
import { crossTgw, isTgwCrossing, type TgwCrossing } from './transit';
import type { Recorder } from './reachability';
import type { NetworkModel, ParsedRoute } from './model';

// Containment as in cidr.ts, kept beside the walk that asks it for every flow.
const contains = (outer: Cidr, inner: Cidr) => outer.first <= inner.first && inner.last <= outer.last;
const overlaps = (a: Cidr, b: Cidr) => a.first <= b.last && b.first <= a.last;

/** Where one route (or the implicit local route) sends traffic. */
export type NextHop =
  | { kind: 'local'; block: Cidr }
  | { kind: 'peering'; route: ParsedRoute; peering: Peering | undefined }
  | { kind: 'gateway'; route: ParsedRoute; gateway: 'internet' | 'nat' }
  | { kind: 'transit-gateway'; route: ParsedRoute; transitGateway: string }
  | { kind: 'none' };

/** A share of the destination block and the hop it takes; `partial` when it is only part of it. */
export interface RoutePart {
  hop: NextHop;
  partial: boolean;
}

const NO_ROUTE: readonly RoutePart[] = [{ hop: { kind: 'none' }, partial: false }];

/** The hop of a route, made once per route and validation (routes are asked about per flow). */
function hopOf(net: NetworkModel, parsed: ParsedRoute): NextHop {
  if (!parsed.hop) {
    const { route } = parsed;
    parsed.hop =
      route.gateway !== undefined
        ? { kind: 'gateway', route: parsed, gateway: route.gateway }
        : route.transitGateway !== undefined
          ? { kind: 'transit-gateway', route: parsed, transitGateway: route.transitGateway }
          : {
              kind: 'peering',
              route: parsed,
              peering:
                route.peering === undefined ? undefined : net.index.peerings.get(route.peering)?.element,
            };
  }
  return parsed.hop;
}

/** The route as the only part of a destination it holds entirely (shared, never changed). */
function whole(net: NetworkModel, parsed: ParsedRoute): readonly RoutePart[] {
  return (parsed.whole ??= [{ hop: hopOf(net, parsed), partial: false }]);
}

/**
 * How a table in `vpc` sends the addresses of `destination`: one part in the usual case, more when
 * the VPC's own blocks or routes more specific than the destination take some of its addresses.
 * Parts that together hold all of it count as one path: a flow passes when every part does.
 */
export function routeParts(
  net: NetworkModel,
  vpc: Vpc,
  table: RouteTable | undefined,
  destination: Cidr,
): readonly RoutePart[] {
  return partsOf(net, vpc, table, undefined, destination);
}

/** routeParts for traffic leaving `subnet`: its table is looked up only when the local route does not answer. */
export function routePartsFrom(
  net: NetworkModel,
  vpc: Vpc,
  subnet: Subnet,
  destination: Cidr,
): readonly RoutePart[] {
  return partsOf(net, vpc, undefined, subnet, destination);
}

function partsOf(
  net: NetworkModel,
  vpc: Vpc,
  given: RouteTable | undefined,
  subnet: Subnet | undefined,
  destination: Cidr,
): readonly RoutePart[] {
  let parts: RoutePart[] | undefined;
  // Indexed loops here and below: this runs for every flow, before the engine has optimised it.
  const locals = net.localRoutesOf(vpc);
  const blocks = locals.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (overlaps(block, destination)) {
      if (contains(block, destination))
        return ((locals.localParts ??= [])[i] ??= [{ hop: { kind: 'local', block }, partial: false }]);
      (parts ??= []).push({ hop: { kind: 'local', block }, partial: true });
    }
  }
  const table = subnet ? net.tableOf(subnet, vpc) : given;
  if (!table) return parts ? [...parts, ...NO_ROUTE] : NO_ROUTE;
  let inner: ParsedRoute[] | undefined;
  // Most specific first: routes inside the destination come before the one holding all of it.
  const routes = net.routesOf(table);
  for (let i = 0; i < routes.length; i++) {
    const parsed = routes[i]!;
    if (contains(parsed.cidr, destination)) {
      if (!parts && !inner) return whole(net, parsed);
      if (!inner || !coverAll(inner, destination))
        (parts ??= []).push({ hop: hopOf(net, parsed), partial: false });
      break;
    }
    if (contains(destination, parsed.cidr)) (inner ??= []).push(parsed);
  }
  if (inner) for (const r of inner) (parts ??= []).push({ hop: hopOf(net, r), partial: true });
  else if (!parts) return NO_ROUTE;
  // Routes inside the destination that do not hold all of it leave the rest to no route at all.
  if (!parts!.some((p) => !p.partial) && !(inner && coverAll(inner, destination)))
    parts!.push({ hop: { kind: 'none' }, partial: false });
  return parts!;
}

/** Whether these routes (each inside `destination`) together hold every address of it. */
function coverAll(routes: readonly ParsedRoute[], destination: Cidr): boolean {
  // CIDR blocks nest or are disjoint, so the outermost routes tile what the routes cover.
  let covered = 0;
  for (const r of routes)
    if (!routes.some((o) => o !== r && o.cidr.prefix < r.cidr.prefix && contains(o.cidr, r.cidr)))
      covered += r.cidr.last - r.cidr.first + 1;
  return covered === destination.last - destination.first + 1;
}

/**
 * Why a hop does not carry traffic from VPC `from` into VPC `to`:
 * - `local-shadow`: the destination lies in `from`'s own blocks, so the local route keeps it there;
 * - `no-route`: no route holds it; `gateway`: the route goes to an internet or NAT gateway;
 * - `unknown-peering`: the route names no existing peering;
 * - `foreign-peering`: its peering does not involve `from`;
 * - `other-peering`: its peering leads to a third VPC (a peering is never transitive).
 */
export type CrossingFailure =
  'local-shadow' | 'no-route' | 'gateway' | 'unknown-peering' | 'foreign-peering' | 'other-peering';

/**
 * Follows one hop from VPC `from` toward VPC `to`: `'within'` when the traffic stays in `from` and
 * `from` is `to`, the peering crossed into `to`, or why the traffic does not get there. Traffic
 * arriving over a peering is delivered only inside the accepting VPC's own blocks, so a walk ends
 * after one crossing; whether the peering is accepted is the path's question (reachability.ts),
 * since it holds for every route over it alike.
 */
export function crossing(from: Vpc, hop: NextHop, to: Vpc): Peering | 'within' | 'transit' | CrossingFailure {
  switch (hop.kind) {
    case 'transit-gateway':
      // Judged with the subnets at both ends (transit.ts): AZs and associations matter there.
      return 'transit';
    case 'local':
      return from.id === to.id ? 'within' : 'local-shadow';
    case 'none':
      return 'no-route';
    case 'gateway':
      return 'gateway';
    case 'peering': {
      const p = hop.peering;
      if (!p) return 'unknown-peering';
      if (p.requester !== from.id && p.accepter !== from.id) return 'foreign-peering';
      const other = p.requester === from.id ? p.accepter : p.requester;
      return other === to.id ? p : 'other-peering';
    }
  }
}

/**
 * One direction of the path: how `table` in `from` sends `destination`, and where each part of it
 * ends up. Passes with the peering crossed ('within' inside one VPC) when every part enters `to`
 * and the destination lies inside `to`'s blocks; the route hop is recorded either way.
 */
export function routeStep(
  net: NetworkModel,
  kind: 'route' | 'return-route',
  from: Vpc,
  subnet: Subnet,
  to: Vpc,
  destination: Cidr,
  rec: Recorder,
  /** The subnets at the far end (a TGW crossing must reach them): a list, or the one subnet. */
  toSubnets: readonly Subnet[] | Subnet,
): Peering | TgwCrossing | 'within' | undefined {
  const parts = partsOf(net, from, undefined, subnet, destination);
  const table = rec && net.tableOf(subnet, from);
  let used: Peering | TgwCrossing | 'within' | undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const c = crossing(from, part.hop, to);
    if (c === 'transit') {
      const h = part.hop as Extract<NextHop, { kind: 'transit-gateway' }>;
      const far = Array.isArray(toSubnets) ? (toSubnets as readonly Subnet[]) : [toSubnets as Subnet];
      const t = crossTgw(net, from, subnet, h.transitGateway, to, far, destination);
      if (isTgwCrossing(t)) {
        used ??= t;
        continue;
      }
      rec?.push(tgwRouteHop(net, kind, from, table, destination, part), tgwFailHop(net, kind, t));
      return undefined;
    }
    if (c === 'within' || typeof c !== 'string') {
      used ??= c;
      continue;
    }
    rec?.push(routeHop(net, kind, from, table, to, destination, parts[i]!, c));
    return undefined;
  }
  // Traffic that crosses into a VPC is delivered only to its own addresses ('within' a VPC, the
  // local route answered because the destination lies in its blocks).
  if (used !== 'within' && !insideBlocks(net.blocksOf(to), destination)) {
    rec?.push(unreachedHop(net, kind, to, destination, table));
    return undefined;
  }
  if (rec && isTgwCrossing(used)) {
    const part = parts.find((p) => p.hop.kind === 'transit-gateway')!;
    rec.push(tgwRouteHop(net, kind, from, table, destination, part), tgwPassHop(net, kind, used, to));
    return used;
  }
  rec?.push(routeHop(net, kind, from, table, to, destination, parts[0]!, used as Peering | 'within'));
  return used;
}

function insideBlocks(blocks: readonly Cidr[], inner: Cidr): boolean {
  for (let i = 0; i < blocks.length; i++) if (contains(blocks[i]!, inner)) return true;
  return false;
}

/** Whether both ends lie in the VPC's blocks, so its local route carries the traffic both ways. */
export function localBothWays(net: NetworkModel, vpc: Vpc, a: Cidr, b: Cidr): boolean {
  const blocks = net.blocksOf(vpc);
  return insideBlocks(blocks, a) && insideBlocks(blocks, b);
}
