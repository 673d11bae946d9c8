// Route lookup as a VPC router does it: the implicit local route for every VPC block wins for
// addresses inside the VPC; otherwise each address goes by the most specific route holding it
// (longest-prefix match). A destination block is judged as a whole: the most specific route
// holding all of it, plus any more specific routes that take part of it somewhere else.
import type { RouteTable, Vpc } from '../model/schema';
import { contains, type Cidr } from './cidr';
import type { NetworkModel, ParsedRoute } from './model';

export type RouteMatch =
  | { kind: 'local'; block: Cidr }
  /** `inner`: routes inside the destination, more specific than `match` (usually none). */
  | { kind: 'route'; match: ParsedRoute; inner: readonly ParsedRoute[] }
  | { kind: 'none'; inner: readonly ParsedRoute[] };

const NO_ROUTES: readonly ParsedRoute[] = [];

export function routeFor(
  net: NetworkModel,
  vpc: Vpc,
  table: RouteTable | undefined,
  destination: Cidr,
): RouteMatch {
  for (const block of net.blocksOf(vpc)) if (contains(block, destination)) return { kind: 'local', block };
  if (!table) return { kind: 'none', inner: NO_ROUTES };
  let inner: ParsedRoute[] | undefined;
  // Most specific first: routes inside the destination come before the one holding all of it.
  for (const parsed of net.routesOf(table)) {
    if (contains(parsed.cidr, destination))
      return { kind: 'route', match: parsed, inner: inner ?? NO_ROUTES };
    if (contains(destination, parsed.cidr)) (inner ??= []).push(parsed);
  }
  return { kind: 'none', inner: inner ?? NO_ROUTES };
}

/** Whether these routes (each inside `destination`) together hold every address of it. */
export function coverAll(routes: readonly ParsedRoute[], destination: Cidr): boolean {
  // CIDR blocks nest or are disjoint, so the outermost routes tile what the routes cover.
  let covered = 0;
  for (const r of routes)
    if (!routes.some((o) => o !== r && o.cidr.prefix < r.cidr.prefix && contains(o.cidr, r.cidr)))
      covered += r.cidr.last - r.cidr.first + 1;
  return covered === destination.last - destination.first + 1;
}
