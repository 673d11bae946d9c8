// Transit Gateway edits that fixes apply (the canvas may reuse them): TGW routes, propagations,
// associations, attachment subnets, RAM sharing, and VPC routes to a TGW. Idempotent where natural.
import { defineCommand, updateVpc } from '../command';
import type { Design, TgwAttachment, TgwRouteTable, TransitGateway } from '../schema';

const nameOf = (design: Design, id: string): string => {
  for (const t of design.transitGateways) {
    if (t.id === id) return t.name || id;
    const rt = t.routeTables.find((r) => r.id === id);
    if (rt) return rt.name || id;
  }
  const a = design.transitGatewayAttachments.find((x) => x.id === id);
  if (a) return a.name || id;
  for (const v of design.vpcs) {
    if (v.id === id) return v.name || id;
    const hit = [...v.subnets, ...v.routeTables].find((x) => x.id === id);
    if (hit) return hit.name || id;
  }
  return design.accounts.find((x) => x.id === id)?.name || id;
};

function updateTgw(design: Design, id: string, update: (t: TransitGateway) => TransitGateway): Design {
  let changed = false;
  const transitGateways = design.transitGateways.map((t) => {
    if (t.id !== id) return t;
    const next = update(t);
    changed ||= next !== t;
    return next;
  });
  return changed ? { ...design, transitGateways } : design;
}

function updateTgwTable(
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

function updateAttachment(design: Design, id: string, update: (a: TgwAttachment) => TgwAttachment): Design {
  let changed = false;
  const transitGatewayAttachments = design.transitGatewayAttachments.map((a) => {
    if (a.id !== id) return a;
    const next = update(a);
    changed ||= next !== a;
    return next;
  });
  return changed ? { ...design, transitGatewayAttachments } : design;
}

/** Adds a static route (or points an existing one of that destination at the attachment). */
export const setTgwRoute = defineCommand<{ routeTable: string; destination: string; attachment: string }>({
  type: 'transit.setRoute',
  describe: (p, d) =>
    `Routed ${p.destination} → attachment "${nameOf(d, p.attachment)}" in TGW route table "${nameOf(d, p.routeTable)}"`,
  perform: (design, p) =>
    updateTgwTable(design, p.routeTable, (t) => {
      const at = t.routes.findIndex((r) => r.destination === p.destination);
      const route = { destination: p.destination, attachment: p.attachment };
      if (at < 0) return { ...t, routes: [...t.routes, route] };
      if (t.routes[at]!.attachment === p.attachment && !t.routes[at]!.blackhole) return t;
      return { ...t, routes: t.routes.map((r, i) => (i === at ? route : r)) };
    }),
});

/** Makes the attachment propagate into the table (an omitted list meant the default table). */
export const propagateTgwAttachment = defineCommand<{ attachment: string; routeTable: string }>({
  type: 'transit.propagate',
  describe: (p, d) =>
    `Attachment "${nameOf(d, p.attachment)}" propagates to TGW route table "${nameOf(d, p.routeTable)}"`,
  perform: (design, p) =>
    updateAttachment(design, p.attachment, (a) => {
      const tgw = design.transitGateways.find((t) => t.id === a.transitGateway);
      const current =
        a.propagations ?? (tgw?.defaultPropagationRouteTable ? [tgw.defaultPropagationRouteTable] : []);
      return current.includes(p.routeTable) ? a : { ...a, propagations: [...current, p.routeTable] };
    }),
});

export const associateTgwAttachment = defineCommand<{ attachment: string; routeTable: string }>({
  type: 'transit.associate',
  describe: (p, d) =>
    `Associated attachment "${nameOf(d, p.attachment)}" with TGW route table "${nameOf(d, p.routeTable)}"`,
  perform: (design, p) =>
    updateAttachment(design, p.attachment, (a) =>
      a.routeTable === p.routeTable ? a : { ...a, routeTable: p.routeTable },
    ),
});

export const attachTgwSubnet = defineCommand<{ attachment: string; subnet: string }>({
  type: 'transit.attachSubnet',
  describe: (p, d) =>
    `Attachment "${nameOf(d, p.attachment)}" reaches the AZ of subnet "${nameOf(d, p.subnet)}"`,
  perform: (design, p) =>
    updateAttachment(design, p.attachment, (a) =>
      a.subnets.includes(p.subnet) ? a : { ...a, subnets: [...a.subnets, p.subnet] },
    ),
});

export const shareTgw = defineCommand<{ transitGateway: string; account: string }>({
  type: 'transit.share',
  describe: (p, d) =>
    `Shared transit gateway "${nameOf(d, p.transitGateway)}" with account "${nameOf(d, p.account)}" (AWS RAM)`,
  perform: (design, p) =>
    updateTgw(design, p.transitGateway, (t) =>
      t.sharedWith.includes(p.account) ? t : { ...t, sharedWith: [...t.sharedWith, p.account] },
    ),
});

/** Adds a VPC route to a TGW to the table (the VPC's main table when none is named). */
export const addRouteToTgw = defineCommand<{
  vpc: string;
  routeTable?: string;
  destination: string;
  transitGateway: string;
}>({
  type: 'transit.addVpcRoute',
  describe: (p, d) =>
    `Added route ${p.destination} → transit gateway "${nameOf(d, p.transitGateway)}" to ${p.routeTable ? `route table "${nameOf(d, p.routeTable)}"` : `the main route table of VPC "${nameOf(d, p.vpc)}"`}`,
  perform: (design, p) =>
    updateVpc(design, p.vpc, (vpc) => {
      const tableId = p.routeTable ?? vpc.routeTables.find((t) => t.main)?.id;
      const table = vpc.routeTables.find((t) => t.id === tableId);
      if (!table || table.routes.some((r) => r.destination === p.destination)) return vpc;
      const routes = [...table.routes, { destination: p.destination, transitGateway: p.transitGateway }];
      return { ...vpc, routeTables: vpc.routeTables.map((t) => (t === table ? { ...t, routes } : t)) };
    }),
});
