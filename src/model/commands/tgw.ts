// Transit Gateway commands: adding a TGW, attaching VPCs and peer TGWs, editing either, and the
// static routes of a TGW route table. Plain data like every command (src/model/command.ts), and
// no-ops on unknown ids. They edit the two TGW lists directly, so they work whether or not the
// kind descriptors (src/model/kinds) know the TGW kinds yet.
import { defineCommand } from '../command';
import { withFields } from './edit';
import type { Design, TgwAttachment, TgwRoute, TgwRouteTable, TransitGateway } from '../schema';

type Fields = Record<string, unknown>;

function mapTgw(design: Design, id: string, update: (t: TransitGateway) => TransitGateway): Design {
  if (!design.transitGateways.some((t) => t.id === id)) return design;
  return { ...design, transitGateways: design.transitGateways.map((t) => (t.id === id ? update(t) : t)) };
}

function mapTgwRouteTable(
  design: Design,
  routeTable: string,
  update: (t: TgwRouteTable) => TgwRouteTable,
): Design {
  const tgw = design.transitGateways.find((t) => t.routeTables.some((r) => r.id === routeTable));
  if (!tgw) return design;
  return mapTgw(design, tgw.id, (t) => ({
    ...t,
    routeTables: t.routeTables.map((r) => (r.id === routeTable ? update(r) : r)),
  }));
}

/**
 * Why attaching `from` (a VPC or a TGW) to the TGW `to` would be refused, or null. AWS: a VPC
 * attachment joins a VPC to a TGW in the same region, owned by the VPC's account or shared with it
 * through RAM; a peering attachment joins two TGWs in different regions.
 */
export function attachmentRefusal(design: Design, from: string, to: string): string | null {
  const tgw = design.transitGateways.find((t) => t.id === to);
  if (!tgw) return 'Attachments end on a Transit Gateway.';
  const tgwName = tgw.name || tgw.id;
  const vpc = design.vpcs.find((v) => v.id === from);
  if (vpc) {
    const vpcName = vpc.name || vpc.id;
    if (vpc.region !== tgw.region)
      return `${vpcName} is in ${vpc.region} and ${tgwName} in ${tgw.region}: a VPC attaches only to a Transit Gateway in its own region.`;
    if (vpc.account !== tgw.account && !tgw.sharedWith.includes(vpc.account))
      return `${tgwName} is not shared with the account of ${vpcName}: share it through AWS RAM first (Shared with accounts).`;
    const existing = design.transitGatewayAttachments.find((a) => a.vpc === from && a.transitGateway === to);
    if (existing) return `${vpcName} is already attached to ${tgwName} (${existing.name || existing.id}).`;
    return null;
  }
  const peer = design.transitGateways.find((t) => t.id === from);
  if (!peer) return 'Attachments start at a VPC or a Transit Gateway.';
  if (peer.id === tgw.id) return 'A Transit Gateway cannot be peered with itself.';
  if (peer.region === tgw.region)
    return `${peer.name || peer.id} and ${tgwName} are both in ${tgw.region}: Transit Gateway peering joins gateways in different regions.`;
  const existing = design.transitGatewayAttachments.find(
    (a) =>
      (a.transitGateway === from && a.peerTransitGateway === to) ||
      (a.transitGateway === to && a.peerTransitGateway === from),
  );
  if (existing)
    return `${peer.name || peer.id} and ${tgwName} are already peered (${existing.name || existing.id}).`;
  return null;
}

/** One subnet per Availability Zone of the VPC (the first in document order), as AWS requires at most one per AZ. */
export function defaultAttachmentSubnets(design: Design, vpc: string): string[] {
  const v = design.vpcs.find((x) => x.id === vpc);
  if (!v) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of v.subnets) {
    if (seen.has(s.az)) continue;
    seen.add(s.az);
    out.push(s.id);
  }
  return out;
}

export const addTransitGateway = defineCommand<{
  transitGateway: TransitGateway;
  at?: { x: number; y: number };
}>({
  type: 'transit-gateway/add',
  describe: ({ transitGateway }) => `Added Transit Gateway ${transitGateway.name || transitGateway.id}`,
  perform: (design, { transitGateway, at }) => {
    if (design.transitGateways.some((t) => t.id === transitGateway.id)) return design;
    const next = { ...design, transitGateways: [...design.transitGateways, transitGateway] };
    if (!at) return next;
    return {
      ...next,
      layout: { ...design.layout, [transitGateway.id]: { x: Math.round(at.x), y: Math.round(at.y) } },
    };
  },
});

export const setTransitGatewayFields = defineCommand<{ id: string; fields: Fields }>({
  type: 'transit-gateway/set',
  describe: ({ id, fields }) => `Changed ${Object.keys(fields).join(', ')} of ${id}`,
  perform: (design, { id, fields }) => mapTgw(design, id, (t) => withFields(t, fields)),
});

/** Adds an attachment from `vpc` (or `peerTransitGateway`) to its TGW, unless it would be refused. */
export const connectTgwAttachment = defineCommand<{ attachment: TgwAttachment }>({
  type: 'tgw-attachment/connect',
  describe: ({ attachment }) =>
    `Attached ${attachment.vpc ?? attachment.peerTransitGateway} to ${attachment.transitGateway}`,
  perform: (design, { attachment }) => {
    const from = attachment.vpc ?? attachment.peerTransitGateway;
    if (from === undefined || attachmentRefusal(design, from, attachment.transitGateway) !== null)
      return design;
    if (design.transitGatewayAttachments.some((a) => a.id === attachment.id)) return design;
    return { ...design, transitGatewayAttachments: [...design.transitGatewayAttachments, attachment] };
  },
});

export const setTgwAttachmentFields = defineCommand<{ id: string; fields: Fields }>({
  type: 'tgw-attachment/set',
  describe: ({ id, fields }) => `Changed ${Object.keys(fields).join(', ')} of ${id}`,
  perform: (design, { id, fields }) =>
    design.transitGatewayAttachments.some((a) => a.id === id)
      ? {
          ...design,
          transitGatewayAttachments: design.transitGatewayAttachments.map((a) =>
            a.id === id ? withFields(a, fields) : a,
          ),
        }
      : design,
});

export const addTgwRouteTable = defineCommand<{ transitGateway: string; routeTable: TgwRouteTable }>({
  type: 'tgw-route-table/add',
  describe: ({ routeTable }) => `Added TGW route table ${routeTable.name || routeTable.id}`,
  perform: (design, { transitGateway, routeTable }) =>
    design.transitGateways.some((t) => t.routeTables.some((r) => r.id === routeTable.id))
      ? design
      : mapTgw(design, transitGateway, (t) => ({ ...t, routeTables: [...t.routeTables, routeTable] })),
});

export const addTgwRoute = defineCommand<{ routeTable: string; route: TgwRoute }>({
  type: 'tgw-route/add',
  describe: ({ route, routeTable }) => `Added TGW route ${route.destination} to ${routeTable}`,
  perform: (design, { routeTable, route }) =>
    mapTgwRouteTable(design, routeTable, (t) => ({ ...t, routes: [...t.routes, route] })),
});

export const setTgwRoute = defineCommand<{ routeTable: string; index: number; route: TgwRoute }>({
  type: 'tgw-route/set',
  describe: ({ route, routeTable }) => `Changed TGW route ${route.destination} in ${routeTable}`,
  perform: (design, { routeTable, index, route }) =>
    mapTgwRouteTable(design, routeTable, (t) =>
      index in t.routes ? { ...t, routes: t.routes.map((r, i) => (i === index ? route : r)) } : t,
    ),
});

export const removeTgwRoute = defineCommand<{ routeTable: string; index: number }>({
  type: 'tgw-route/remove',
  describe: ({ routeTable }) => `Removed a TGW route from ${routeTable}`,
  perform: (design, { routeTable, index }) =>
    mapTgwRouteTable(design, routeTable, (t) =>
      index in t.routes ? { ...t, routes: t.routes.filter((_, i) => i !== index) } : t,
    ),
});
