// Routes of VPC route tables: add (the Inspector's new row, and the fixes' missing route to a
// peering or a Transit Gateway), change by row, re-point, remove.
import { defineCommand, freshId, updateVpc, vpcHolding } from '../command';
import { createRouteTable } from '../kinds';
import type { Design, Route, RouteTable, Vpc } from '../schema';
import { mapOne, nameOf, replaceAt } from './helpers';

function updateTable(vpc: Vpc, tableId: string, update: (t: RouteTable) => RouteTable): Vpc {
  let changed = false;
  const routeTables = vpc.routeTables.map((t) => {
    if (t.id !== tableId) return t;
    const next = update(t);
    changed ||= next !== t;
    return next;
  });
  return changed ? { ...vpc, routeTables } : vpc;
}

const mapRouteTable = (design: Design, id: string, update: (t: RouteTable) => RouteTable) =>
  mapOne<RouteTable>(design, id, update);

function targetPhrase(design: Design, route: Route): string {
  if (route.peering !== undefined) return `peering "${nameOf(design, route.peering)}"`;
  if (route.transitGateway !== undefined) return `transit gateway "${nameOf(design, route.transitGateway)}"`;
  return route.gateway === 'internet' ? 'the internet gateway' : 'a NAT gateway';
}

export interface AddRoute {
  route: Route;
  /** The table; omitted, the main table of `vpc` (created when the VPC has none, as AWS always has one). */
  routeTable?: string;
  /** The VPC of the table; needed only when `routeTable` is omitted. */
  vpc?: string;
  /**
   * Append even when the table already routes the destination: the Inspector's new row, a draft
   * the user edits next. Otherwise (fixes) that is a no-op, as AWS allows one route per destination
   * and overlapping fixes in one "Fix all" must not add it twice.
   */
  allowDuplicate?: boolean;
}

export const addRoute = defineCommand<AddRoute>({
  type: 'route/add',
  describe: (p, d) =>
    `Added route ${p.route.destination} → ${targetPhrase(d, p.route)} to ${p.routeTable ? `route table "${nameOf(d, p.routeTable)}"` : `the main route table of VPC "${nameOf(d, p.vpc ?? '')}"`}`,
  perform(design, p) {
    const vpcId = p.vpc ?? (p.routeTable !== undefined ? vpcHolding(design, p.routeTable)?.id : undefined);
    if (vpcId === undefined) return design;
    return updateVpc(design, vpcId, (vpc) => {
      let tableId = p.routeTable ?? vpc.routeTables.find((t) => t.main)?.id;
      let next = vpc;
      if (!tableId || !vpc.routeTables.some((t) => t.id === tableId)) {
        if (p.routeTable !== undefined) return vpc;
        tableId = freshId(design, `rt-${vpc.id}`);
        next = { ...vpc, routeTables: [...vpc.routeTables, createRouteTable({ id: tableId, main: true })] };
      }
      const table = next.routeTables.find((t) => t.id === tableId)!;
      if (!p.allowDuplicate && table.routes.some((r) => r.destination === p.route.destination)) return next;
      return updateTable(next, tableId, (t) => ({ ...t, routes: [...t.routes, p.route] }));
    });
  },
});

/** Replaces the route in row `index` (the Inspector's edit of one row). */
export const setRoute = defineCommand<{ routeTable: string; index: number; route: Route }>({
  type: 'route/set',
  describe: ({ route, routeTable }) => `Changed route ${route.destination} in ${routeTable}`,
  perform: (design, { routeTable, index, route }) =>
    mapRouteTable(design, routeTable, (t) =>
      index in t.routes ? { ...t, routes: replaceAt(t.routes, index, route) } : t,
    ),
});

export const removeRoute = defineCommand<{ routeTable: string; index: number }>({
  type: 'route/remove',
  describe: ({ routeTable }) => `Removed a route from ${routeTable}`,
  perform: (design, { routeTable, index }) =>
    mapRouteTable(design, routeTable, (t) =>
      index in t.routes ? { ...t, routes: t.routes.filter((_, i) => i !== index) } : t,
    ),
});

/** Points the route of that destination at a peering instead of a gateway or another peering. */
export const setRouteTarget = defineCommand<{ routeTable: string; destination: string; peering: string }>({
  type: 'route/set-target',
  describe: (p, d) =>
    `Pointed route ${p.destination} in route table "${nameOf(d, p.routeTable)}" at peering "${nameOf(d, p.peering)}"`,
  perform(design, p) {
    const vpc = vpcHolding(design, p.routeTable);
    const table = vpc?.routeTables.find((t) => t.id === p.routeTable);
    const route = table?.routes.find((r) => r.destination === p.destination);
    if (!vpc || !route || (route.peering === p.peering && route.gateway === undefined)) return design;
    return updateVpc(design, vpc.id, (v) =>
      updateTable(v, p.routeTable, (t) => ({
        ...t,
        routes: t.routes.map((r) => {
          if (r.destination !== p.destination) return r;
          const { gateway: _g, ...rest } = r;
          return { ...rest, peering: p.peering };
        }),
      })),
    );
  },
});
