// The network as the reachability questions see it: VPC blocks, the route table that governs each
// subnet, routes sorted for longest-prefix match, peerings by VPC pair and each group's region.
// Built once per validation from the design index; everything is indexed so a question costs time
// proportional to the route table or group it reads, never to the size of the design.
import type { DesignIndex } from '../model/design-index';
import type { Peering, Route, RouteTable, Subnet, Vpc } from '../model/schema';
import { cidrOf, type Cidr } from './cidr';

export interface ParsedRoute {
  route: Route;
  cidr: Cidr;
  /** The route's peering once looked up (null: none by that id); see peeringOf. */
  peering?: Peering | null;
}

export interface NetworkModel {
  readonly index: DesignIndex;
  /** A VPC's valid blocks: the primary CIDR then the secondary ones. */
  blocksOf(vpc: Vpc): Cidr[];
  /** The table that routes a subnet: its explicit table (in its own VPC), else the VPC's main table. */
  tableOf(subnet: Subnet, vpc: Vpc): RouteTable | undefined;
  mainTableOf(vpc: Vpc): RouteTable | undefined;
  /** A table's routes with valid destinations, most specific first (ties keep document order). */
  routesOf(table: RouteTable): ParsedRoute[];
  /** Peerings whose two sides are exactly these VPCs, in either direction. */
  peeringsBetween(a: string, b: string): Peering[];
  /** The region of the VPC holding a security group. */
  regionOfGroup(groupId: string): string | undefined;
}

const NONE: Peering[] = [];

export function buildNetwork(index: DesignIndex): NetworkModel {
  const blocks = new Map<string, Cidr[]>();
  const mains = new Map<string, RouteTable | undefined>();
  const sortedRoutes = new Map<RouteTable, ParsedRoute[]>();
  // Keyed both ways round, so a lookup needs no key string built per question.
  const byPair = new Map<string, Map<string, Peering[]>>();
  const note = (a: string, b: string, p: Peering) => {
    let inner = byPair.get(a);
    if (!inner) byPair.set(a, (inner = new Map()));
    const list = inner.get(b);
    if (list) list.push(p);
    else inner.set(b, [p]);
  };
  for (const p of index.design.peerings) {
    note(p.requester, p.accepter, p);
    if (p.requester !== p.accepter) note(p.accepter, p.requester, p);
  }

  const blocksOf = (vpc: Vpc): Cidr[] => {
    let hit = blocks.get(vpc.id);
    if (!hit) {
      hit = [vpc.cidr, ...vpc.secondaryCidrs].map(cidrOf).filter((c): c is Cidr => c !== undefined);
      blocks.set(vpc.id, hit);
    }
    return hit;
  };

  const mainTableOf = (vpc: Vpc): RouteTable | undefined => {
    if (!mains.has(vpc.id))
      mains.set(
        vpc.id,
        vpc.routeTables.find((t) => t.main),
      );
    return mains.get(vpc.id);
  };

  return {
    index,
    blocksOf,
    mainTableOf,
    tableOf(subnet, vpc) {
      if (subnet.routeTable !== undefined) {
        const explicit = index.routeTables.get(subnet.routeTable);
        if (explicit && explicit.vpc?.id === vpc.id) return explicit.element;
      }
      return mainTableOf(vpc);
    },
    routesOf(table) {
      let hit = sortedRoutes.get(table);
      if (!hit) {
        hit = [];
        for (const route of table.routes) {
          const cidr = cidrOf(route.destination);
          if (cidr) hit.push({ route, cidr });
        }
        hit.sort((a, b) => b.cidr.prefix - a.cidr.prefix);
        sortedRoutes.set(table, hit);
      }
      return hit;
    },
    peeringsBetween(a, b) {
      return byPair.get(a)?.get(b) ?? NONE;
    },
    regionOfGroup(groupId) {
      return index.securityGroups.get(groupId)?.vpc?.region;
    },
  };
}
