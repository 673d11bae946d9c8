// What the tgw/* rules (transit-gateway.ts) share when they word a failed Transit Gateway hop: which
// way the traffic goes, the TGW and table that decided, and the fixes that route it on.
import type { Command } from '../model/command';
import { propagateTgwAttachment } from '../model/commands/tgw-attachment';
import { setTgwRoute } from '../model/commands/tgw-route';
import type { TgwRouteTable, TransitGateway, Vpc } from '../model/schema';
import { blockHolding, cidrOf, type Cidr } from '../network/cidr';
import type { NetworkModel } from '../network/model';
import { tgwLookup, vpcAttachmentOf } from '../network/transit';
import { analysisOf } from './analysis';
import type { FailedHop, Fix, RuleContext } from './types';

const q = (s: string) => `"${s}"`;

/** How `tgw` can send traffic on toward VPC `to`: its VPC attachment, or a peering attachment to the TGW that has one. */
export function onwardAttachment(
  ctx: RuleContext,
  net: NetworkModel,
  tgw: TransitGateway,
  to: Vpc,
): { attachment: string; propagate: boolean } | undefined {
  const own = vpcAttachmentOf(net, tgw.id, to.id);
  if (own) return { attachment: own.id, propagate: true };
  for (const a of ctx.design.transitGatewayAttachments) {
    if (a.vpc !== undefined) continue;
    const other =
      a.transitGateway === tgw.id
        ? a.peerTransitGateway
        : a.peerTransitGateway === tgw.id
          ? a.transitGateway
          : undefined;
    if (other !== undefined && vpcAttachmentOf(net, other, to.id))
      return { attachment: a.id, propagate: false };
  }
  return undefined;
}

/** The fix that makes `table` send `block` toward `to`: a propagation, or a static route over peering. */
export function routeFix(
  ctx: RuleContext,
  net: NetworkModel,
  tgw: TransitGateway,
  table: TgwRouteTable,
  to: Vpc,
  block: string,
): Fix | undefined {
  const name = (id: string) => q(ctx.index.nameOf(id));
  const onward = onwardAttachment(ctx, net, tgw, to);
  if (!onward) return undefined;
  const command: Command = onward.propagate
    ? propagateTgwAttachment({ attachment: onward.attachment, routeTable: table.id })
    : setTgwRoute({ routeTable: table.id, route: { destination: block, attachment: onward.attachment } });
  const title = onward.propagate
    ? `Propagate attachment ${name(onward.attachment)} (VPC ${name(to.id)}) to TGW route table ${name(table.id)}`
    : `Add static route ${block} → peering attachment ${name(onward.attachment)} to TGW route table ${name(table.id)}`;
  return { title, commands: [command] };
}

/** Another table of the TGW that would route `destination` on toward `to`: associating with it fixes a wrong association. */
export function betterTable(
  net: NetworkModel,
  tgw: TransitGateway,
  current: TgwRouteTable,
  destination: Cidr,
  to: Vpc,
  ctx: RuleContext,
): TgwRouteTable | undefined {
  const onward = onwardAttachment(ctx, net, tgw, to);
  if (!onward) return undefined;
  return tgw.routeTables.find((t) => {
    if (t === current) return false;
    const r = tgwLookup(net, t, destination);
    return r !== undefined && !r.blackhole && r.attachment?.id === onward.attachment;
  });
}

/** A failed TGW hop seen from the side it failed on. */
export interface TgwHop {
  net: NetworkModel;
  back: boolean;
  fromVpc: Vpc;
  toVpc: Vpc;
  /** The addresses the TGW looked up: the endpoint subnet's, or the source range on the way back. */
  destination?: Cidr;
  /** The block a fix should route: the endpoint VPC's block holding the subnet, or the fix range. */
  wanted: string;
  tgw?: TransitGateway;
  table?: TgwRouteTable;
  /** "traffic from … to VPC …" or "replies from VPC … back to …". */
  what: string;
}

export function tgwHop(ctx: RuleContext, { planned, subnet: subnetId, hop }: FailedHop): TgwHop {
  const { net } = analysisOf(ctx);
  const name = (id: string) => q(ctx.index.nameOf(id));
  const { flow, source, endpointVpc } = planned;
  const back = hop.returning === true;
  const fromVpc = back ? endpointVpc : source.vpc;
  const toVpc = back ? source.vpc : endpointVpc;
  const subnet = ctx.index.subnets.get(subnetId)?.element;
  const dest = cidrOf(subnet?.cidr);
  const tgw = hop.transitGateway
    ? ctx.design.transitGateways.find((t) => t.id === hop.transitGateway)
    : undefined;
  return {
    net,
    back,
    fromVpc,
    toVpc,
    destination: back ? cidrOf(flow.sourceRange) : dest,
    wanted: back
      ? flow.fixRange
      : ((dest && blockHolding(net.blocksOf(endpointVpc), dest)?.text) ?? dest?.text ?? ''),
    tgw,
    table: hop.tgwRouteTable ? tgw?.routeTables.find((t) => t.id === hop.tgwRouteTable) : undefined,
    what: back
      ? `replies from VPC ${name(fromVpc.id)} back to ${source.label}`
      : `traffic from ${source.label} to VPC ${name(toVpc.id)}`,
  };
}
