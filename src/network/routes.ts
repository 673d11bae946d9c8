// Route lookup as a VPC router does it: the implicit local route for every VPC block wins for
// addresses inside the VPC; otherwise the most specific route whose destination holds the whole
// target range (longest-prefix match).
import type { RouteTable, Vpc } from '../model/schema';
import { contains, type Cidr } from './cidr';
import type { NetworkModel, ParsedRoute } from './model';

export type RouteMatch =
  { kind: 'local'; block: Cidr } | { kind: 'route'; match: ParsedRoute } | { kind: 'none' };

export function routeFor(
  net: NetworkModel,
  vpc: Vpc,
  table: RouteTable | undefined,
  destination: Cidr,
): RouteMatch {
  for (const block of net.blocksOf(vpc)) if (contains(block, destination)) return { kind: 'local', block };
  if (!table) return { kind: 'none' };
  for (const parsed of net.routesOf(table))
    if (contains(parsed.cidr, destination)) return { kind: 'route', match: parsed };
  return { kind: 'none' };
}
