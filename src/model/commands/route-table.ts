// VPC route table commands (the routes in them: ./route.ts).
import { defineCommand, updateVpc } from '../command';
import { named } from '../kinds';
import type { RouteTable } from '../schema';

export const addRouteTable = defineCommand<{ vpc: string; routeTable: RouteTable }>({
  type: 'route-table/add',
  describe: ({ routeTable }) => `Added ${named('routeTable', routeTable)}`,
  perform: (design, { vpc, routeTable }) =>
    updateVpc(design, vpc, (v) => ({ ...v, routeTables: [...v.routeTables, routeTable] })),
});

/** Exactly one main route table per VPC (AWS): making one main demotes its siblings. */
export const setMainRouteTable = defineCommand<{ routeTable: string }>({
  type: 'route-table/set-main',
  describe: ({ routeTable }) => `Made ${routeTable} the main route table`,
  perform: (design, { routeTable }) => {
    const vpc = design.vpcs.find((v) => v.routeTables.some((t) => t.id === routeTable));
    if (!vpc) return design;
    return updateVpc(design, vpc.id, (v) => ({
      ...v,
      routeTables: v.routeTables.map((t) => ({ ...t, main: t.id === routeTable })),
    }));
  },
});
