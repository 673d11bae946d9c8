// Transit Gateway commands: adding one and sharing it through AWS RAM. Its fields are set with
// element/set like any element's; its route tables and their routes: ./tgw-route-table.ts and
// ./tgw-route.ts; attachments: ./tgw-attachment.ts.
import { defineCommand } from '../command';
import type { Design, TgwRouteTable, TransitGateway } from '../schema';
import { nameOf, place, type Point } from './helpers';

/** Replaces the TGW with `id`; the design itself when absent or unchanged. */
export function updateTgw(design: Design, id: string, update: (t: TransitGateway) => TransitGateway): Design {
  let changed = false;
  const transitGateways = design.transitGateways.map((t) => {
    if (t.id !== id) return t;
    const next = update(t);
    changed ||= next !== t;
    return next;
  });
  return changed ? { ...design, transitGateways } : design;
}

/** Replaces the TGW route table with `id`, in whichever TGW holds it; the design itself when absent or unchanged. */
export function updateTgwTable(
  design: Design,
  tableId: string,
  update: (t: TgwRouteTable) => TgwRouteTable,
): Design {
  const tgw = design.transitGateways.find((t) => t.routeTables.some((r) => r.id === tableId));
  if (!tgw) return design;
  return updateTgw(design, tgw.id, (t) => {
    let changed = false;
    const routeTables = t.routeTables.map((r) => {
      if (r.id !== tableId) return r;
      const next = update(r);
      changed ||= next !== r;
      return next;
    });
    return changed ? { ...t, routeTables } : t;
  });
}

export const addTransitGateway = defineCommand<{ transitGateway: TransitGateway; at?: Point }>({
  type: 'transit-gateway/add',
  describe: ({ transitGateway }) => `Added Transit Gateway ${transitGateway.name || transitGateway.id}`,
  perform: (design, { transitGateway, at }) =>
    design.transitGateways.some((t) => t.id === transitGateway.id)
      ? design
      : place(
          { ...design, transitGateways: [...design.transitGateways, transitGateway] },
          transitGateway.id,
          at,
        ),
});

export const shareTgw = defineCommand<{ transitGateway: string; account: string }>({
  type: 'transit-gateway/share',
  describe: (p, d) =>
    `Shared transit gateway "${nameOf(d, p.transitGateway)}" with account "${nameOf(d, p.account)}" (AWS RAM)`,
  perform: (design, p) =>
    updateTgw(design, p.transitGateway, (t) =>
      t.sharedWith.includes(p.account) ? t : { ...t, sharedWith: [...t.sharedWith, p.account] },
    ),
});
