// The network as the reachability questions see it: VPC blocks, the route table that governs each
// subnet, routes sorted for longest-prefix match, peerings by VPC pair and each group's region.
// Built once per validation from the design index; everything is indexed so a question costs time
// proportional to the route table or group it reads, never to the size of the design.
// What AWS keeps inside one VPC (a subnet's route table, an endpoint's subnets) is looked up in
// that VPC's own arrays: a short scan of a handful of elements costs less than a lookup in a map of
// every id in the design, and validation asks it for every flow.
import type { DesignIndex } from '../model/design-index';
import type { Peering, Route, RouteTable, SecurityGroup, SgRule, Subnet, Vpc } from '../model/schema';
import { parseHttpsRules, type HttpsRule } from './security-groups';
import { cidrOf, type Cidr } from './cidr';
import type { NextHop, RoutePart } from './next-hop';

export interface ParsedRoute {
  route: Route;
  cidr: Cidr;
  /** Where the route leads, and the route as a whole-destination answer (next-hop.ts fills both). */
  hop?: NextHop;
  whole?: readonly RoutePart[];
}

/** The VPC blocks, and the implicit local route's answer for destinations inside each (made on first use). */
export interface LocalRoutes {
  readonly blocks: readonly Cidr[];
  localParts: (readonly RoutePart[] | undefined)[] | undefined;
}

export interface NetworkModel {
  readonly index: DesignIndex;
  /** A VPC's valid blocks: the primary CIDR then the secondary ones. */
  blocksOf(vpc: Vpc): Cidr[];
  /** The same blocks, each with the local route as the whole answer for destinations inside it. */
  localRoutesOf(vpc: Vpc): LocalRoutes;
  /** The table that routes a subnet: its explicit table (in its own VPC), else the VPC's main table. */
  tableOf(subnet: Subnet, vpc: Vpc): RouteTable | undefined;
  /** The VPC's subnets in order, each with its block (undefined when not a valid CIDR). */
  subnetsOf(vpc: Vpc): readonly { subnet: Subnet; cidr: Cidr | undefined }[];
  /** The VPC's subnet with this id and its valid block, or undefined when the VPC has none by that id. */
  subnetIn(vpc: Vpc, id: string): { subnet: Subnet; cidr: Cidr | undefined } | undefined;
  mainTableOf(vpc: Vpc): RouteTable | undefined;
  /** A table's routes with valid destinations, most specific first (ties keep document order). */
  routesOf(table: RouteTable): ParsedRoute[];
  /** A long rule list's tcp/443 rules, parsed once per validation (see security-groups.ts). */
  httpsRules(rules: readonly SgRule[]): HttpsRule[];
  /** Peerings whose two sides are exactly these VPCs, in either direction. */
  peeringsBetween(a: string, b: string): Peering[];
  /**
   * A security group by id. `home` is the VPC where it most likely is (an endpoint's own VPC):
   * with unique ids a group found there is the one the id names, so it is looked for there first.
   */
  groupOf(groupId: string, home?: Vpc): SecurityGroup | undefined;
  /** The region of the VPC holding a security group (`home` as for groupOf). */
  regionOfGroup(groupId: string, home?: Vpc): string | undefined;
}

const NONE: Peering[] = [];

/** Above this many elements, a VPC's lookups by id go through a map instead of a scan. */
const SCAN_LIMIT = 12;

/** What the reachability questions ask of one VPC, worked out on first use. */
interface VpcFacts extends LocalRoutes {
  blocks: Cidr[];
  main: RouteTable | undefined;
  /** Each subnet with its parsed block, in the VPC's order. */
  subnets: { subnet: Subnet; cidr: Cidr | undefined }[];
  /** The same by id, for VPCs with many subnets (first one wins, as in the design index). */
  subnetById?: Map<string, { subnet: Subnet; cidr: Cidr | undefined }>;
  tableById?: Map<string, RouteTable>;
}

export function buildNetwork(index: DesignIndex): NetworkModel {
  // Keyed by the VPC itself when ids are unique (the object is then as good as its id, and found
  // without reading the id string); by id otherwise, so VPCs sharing an id share their facts.
  const facts = new Map<Vpc | string, VpcFacts>();
  const keyOf: (vpc: Vpc) => Vpc | string = index.hasDuplicateIds ? (vpc) => vpc.id : (vpc) => vpc;
  const sortedRoutes = new Map<RouteTable, ParsedRoute[]>();
  const parsedRules = new Map<readonly SgRule[], HttpsRule[]>();
  // Keyed both ways round, so a lookup needs no key string built per question.
  const byPair = new Map<string, Map<string, Peering[]>>();
  const note = (a: string, b: string, p: Peering) => {
    let inner = byPair.get(a);
    if (!inner) byPair.set(a, (inner = new Map()));
    const list = inner.get(b);
    if (list) list.push(p);
    else inner.set(b, [p]);
  };
  const peerings = index.design.peerings;
  for (let i = 0; i < peerings.length; i++) {
    const p = peerings[i]!;
    note(p.requester, p.accepter, p);
    if (p.requester !== p.accepter) note(p.accepter, p.requester, p);
  }

  // A walk asks about the same VPC several times in a row (its blocks, then its table).
  let lastVpc: Vpc | undefined;
  let lastFacts: VpcFacts | undefined;
  const factsOf = (vpc: Vpc): VpcFacts => {
    if (vpc === lastVpc) return lastFacts!;
    let hit = facts.get(keyOf(vpc));
    if (!hit) {
      const primary = cidrOf(vpc.cidr);
      const secondary = vpc.secondaryCidrs;
      // Usually just the primary block: an array of that size (a push onto [] reserves room for 16).
      let blocks: Cidr[] = primary ? [primary] : [];
      if (secondary.length) blocks = [...blocks, ...secondary.map(cidrOf).filter((b) => b !== undefined)];
      const subnets = vpc.subnets.map((subnet) => ({ subnet, cidr: cidrOf(subnet.cidr) }));
      // Most VPCs are only ever asked about destinations outside their blocks.
      hit = { blocks, localParts: undefined, main: mainOf(vpc.routeTables), subnets };
      if (subnets.length > SCAN_LIMIT) {
        hit.subnetById = new Map();
        for (let i = subnets.length - 1; i >= 0; i--) hit.subnetById.set(subnets[i]!.subnet.id, subnets[i]!);
      }
      if (vpc.routeTables.length > SCAN_LIMIT) {
        hit.tableById = new Map();
        for (let i = vpc.routeTables.length - 1; i >= 0; i--)
          hit.tableById.set(vpc.routeTables[i]!.id, vpc.routeTables[i]!);
      }
      facts.set(keyOf(vpc), hit);
    }
    lastVpc = vpc;
    lastFacts = hit;
    return hit;
  };

  const mainTableOf = (vpc: Vpc): RouteTable | undefined => factsOf(vpc).main;

  return {
    index,
    blocksOf: (vpc) => factsOf(vpc).blocks,
    localRoutesOf: factsOf,
    subnetsOf: (vpc) => factsOf(vpc).subnets,
    mainTableOf,
    tableOf(subnet, vpc) {
      const f = factsOf(vpc);
      const id = subnet.routeTable;
      if (id !== undefined) {
        if (f.tableById) {
          const explicit = f.tableById.get(id);
          if (explicit) return explicit;
        } else for (const t of vpc.routeTables) if (t.id === id) return t;
      }
      return f.main;
    },
    subnetIn(vpc, id) {
      const f = factsOf(vpc);
      if (f.subnetById) return f.subnetById.get(id);
      const list = f.subnets;
      for (let i = 0; i < list.length; i++) if (list[i]!.subnet.id === id) return list[i];
      return undefined;
    },
    routesOf(table) {
      let hit = sortedRoutes.get(table);
      if (!hit) {
        // Exact-size arrays: most tables hold a route or two, and every table in use gets one.
        const all = table.routes.map((route): ParsedRoute | undefined => {
          const cidr = cidrOf(route.destination);
          return cidr && { route, cidr, hop: undefined, whole: undefined };
        });
        hit = all.includes(undefined) ? all.filter((r) => r !== undefined) : (all as ParsedRoute[]);
        sortByPrefixDescending(hit);
        sortedRoutes.set(table, hit);
      }
      return hit;
    },
    httpsRules(rules) {
      let hit = parsedRules.get(rules);
      if (!hit) parsedRules.set(rules, (hit = parseHttpsRules(rules)));
      return hit;
    },
    peeringsBetween(a, b) {
      return byPair.get(a)?.get(b) ?? NONE;
    },
    groupOf(groupId, home) {
      if (home && !index.hasDuplicateIds) {
        const local = localGroup(home, groupId);
        if (local) return local;
      }
      return index.securityGroups.get(groupId)?.element;
    },
    regionOfGroup(groupId, home) {
      if (home && !index.hasDuplicateIds && localGroup(home, groupId)) return home.region;
      return index.securityGroups.get(groupId)?.vpc?.region;
    },
  };
}

/** The VPC's group with this id, when the VPC has few enough groups to scan (else undefined). */
function localGroup(vpc: Vpc, id: string): SecurityGroup | undefined {
  const groups = vpc.securityGroups;
  if (groups.length > SCAN_LIMIT) return undefined;
  for (let i = 0; i < groups.length; i++) if (groups[i]!.id === id) return groups[i];
  return undefined;
}

/** The VPC's main table (the first marked main). */
function mainOf(tables: readonly RouteTable[]): RouteTable | undefined {
  for (let i = 0; i < tables.length; i++) if (tables[i]!.main) return tables[i];
  return undefined;
}

/** Most specific first, ties in document order: an insertion sort (tables hold a few routes). */
function sortByPrefixDescending(routes: ParsedRoute[]): void {
  if (routes.length > SCAN_LIMIT) {
    routes.sort((a, b) => b.cidr.prefix - a.cidr.prefix);
    return;
  }
  for (let i = 1; i < routes.length; i++) {
    const r = routes[i]!;
    let j = i - 1;
    while (j >= 0 && routes[j]!.cidr.prefix < r.cidr.prefix) {
      routes[j + 1] = routes[j]!;
      j--;
    }
    routes[j + 1] = r;
  }
}
