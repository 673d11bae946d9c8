// Transit Gateway attachments: connecting a VPC or a peer TGW (refused where AWS would refuse
// it), association, propagation and the subnets (AZs) they reach.
import { defineCommand } from '../command';
import type { Design, TgwAttachment } from '../schema';
import { nameOf } from './helpers';

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

/** Makes the attachment propagate into the table (an omitted list meant the default table). */
export const propagateTgwAttachment = defineCommand<{ attachment: string; routeTable: string }>({
  type: 'tgw-attachment/propagate',
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
  type: 'tgw-attachment/associate',
  describe: (p, d) =>
    `Associated attachment "${nameOf(d, p.attachment)}" with TGW route table "${nameOf(d, p.routeTable)}"`,
  perform: (design, p) =>
    updateAttachment(design, p.attachment, (a) =>
      a.routeTable === p.routeTable ? a : { ...a, routeTable: p.routeTable },
    ),
});

export const attachTgwSubnet = defineCommand<{ attachment: string; subnet: string }>({
  type: 'tgw-attachment/add-subnet',
  describe: (p, d) =>
    `Attachment "${nameOf(d, p.attachment)}" reaches the AZ of subnet "${nameOf(d, p.subnet)}"`,
  perform: (design, p) =>
    updateAttachment(design, p.attachment, (a) =>
      a.subnets.includes(p.subnet) ? a : { ...a, subnets: [...a.subnets, p.subnet] },
    ),
});
