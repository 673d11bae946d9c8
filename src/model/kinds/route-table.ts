import type { Route, RouteTable } from '../schema';
import type { KindDescriptor } from './types';

export const routeTable: KindDescriptor<'routeTable'> = {
  kind: 'routeTable',
  place: { in: 'vpc', list: 'routeTables' },
  label: { singular: 'route table', plural: 'route tables' },
  idPrefix: 'rt',
  references: [
    {
      field: 'peering',
      items: ['routes'],
      target: 'peering',
      onDelete: 'prune',
      shownAs: 'routes[].peering',
      pruned: (t, routes) =>
        (routes as Route[]).map(
          (r) => `route ${r.destination} → ${r.peering} removed from ${t.name || t.id}`,
        ),
    },
    {
      field: 'transitGateway',
      items: ['routes'],
      target: 'transitGateway',
      onDelete: 'prune',
      shownAs: 'routes[].transitGateway',
      pruned: (t, routes) =>
        (routes as Route[]).map(
          (r) => `route ${r.destination} → ${r.transitGateway} removed from ${t.name || t.id}`,
        ),
    },
  ],
};

/** An empty route table; a main one is named "main". */
export function createRouteTable(p: { id: string; name?: string; main?: boolean }): RouteTable {
  const main = p.main ?? false;
  return { id: p.id, name: p.name ?? (main ? 'main' : 'routes'), main, routes: [] };
}
