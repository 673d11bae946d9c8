// Transit Gateway route table commands (the routes in them: ./tgw-route.ts).
import { defineCommand } from '../command';
import type { TgwRouteTable } from '../schema';
import { updateTgw } from './transit-gateway';

export const addTgwRouteTable = defineCommand<{ transitGateway: string; routeTable: TgwRouteTable }>({
  type: 'tgw-route-table/add',
  describe: ({ routeTable }) => `Added TGW route table ${routeTable.name || routeTable.id}`,
  perform: (design, { transitGateway, routeTable }) =>
    design.transitGateways.some((t) => t.routeTables.some((r) => r.id === routeTable.id))
      ? design
      : updateTgw(design, transitGateway, (t) => ({ ...t, routeTables: [...t.routeTables, routeTable] })),
});
