// Static routes of Transit Gateway route tables: add (the Inspector's new row), set (a row, or the
// route of a destination as fixes ask), remove.
import { defineCommand } from '../command';
import type { Design, TgwRoute } from '../schema';
import { nameOf } from './helpers';
import { updateTgwTable } from './transit-gateway';

const sameTarget = (a: TgwRoute, b: TgwRoute) =>
  a.attachment === b.attachment && !a.blackhole === !b.blackhole;

const targetPhrase = (design: Design, route: TgwRoute) =>
  route.attachment !== undefined ? `attachment "${nameOf(design, route.attachment)}"` : 'blackhole';

export const addTgwRoute = defineCommand<{ routeTable: string; route: TgwRoute }>({
  type: 'tgw-route/add',
  describe: ({ route, routeTable }) => `Added TGW route ${route.destination} to ${routeTable}`,
  perform: (design, { routeTable, route }) =>
    updateTgwTable(design, routeTable, (t) => ({ ...t, routes: [...t.routes, route] })),
});

export interface SetTgwRoute {
  routeTable: string;
  route: TgwRoute;
  /**
   * The row to replace (the Inspector). Omitted (fixes): the route of the same destination is
   * replaced, or the route added when the table has none for it.
   */
  index?: number;
}

export const setTgwRoute = defineCommand<SetTgwRoute>({
  type: 'tgw-route/set',
  describe: (p, d) =>
    `Routed ${p.route.destination} → ${targetPhrase(d, p.route)} in TGW route table "${nameOf(d, p.routeTable)}"`,
  perform: (design, { routeTable, route, index }) =>
    updateTgwTable(design, routeTable, (t) => {
      if (index !== undefined)
        return index in t.routes ? { ...t, routes: t.routes.map((r, i) => (i === index ? route : r)) } : t;
      const at = t.routes.findIndex((r) => r.destination === route.destination);
      if (at < 0) return { ...t, routes: [...t.routes, route] };
      if (sameTarget(t.routes[at]!, route)) return t;
      return { ...t, routes: t.routes.map((r, i) => (i === at ? route : r)) };
    }),
});

export const removeTgwRoute = defineCommand<{ routeTable: string; index: number }>({
  type: 'tgw-route/remove',
  describe: ({ routeTable }) => `Removed a TGW route from ${routeTable}`,
  perform: (design, { routeTable, index }) =>
    updateTgwTable(design, routeTable, (t) =>
      index in t.routes ? { ...t, routes: t.routes.filter((_, i) => i !== index) } : t,
    ),
});
