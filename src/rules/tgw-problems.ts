// What the tgw/* rules (transit-gateway.ts) share when they word a failed Transit Gateway hop: which
// way the traffic goes, the TGW and table that decided, and the fixes that route it on.
import type { Command } from '../model/command';
import { setFields } from '../model/commands/element';
import { connectTgwAttachment, propagateTgwAttachment } from '../model/commands/tgw-attachment';
import { setTgwRoute } from '../model/commands/tgw-route';
import { shareTgw } from '../model/commands/transit-gateway';
import { freshId } from '../model/command';
import { createVpcAttachment } from '../model/kinds';
import type { TgwRouteTable, TransitGateway, Vpc } from '../model/schema';
import { blockHolding, cidrOf, type Cidr } from '../network/cidr';
import type { NetworkModel } from '../network/model';
import type { Hop } from '../network/trace';
import { tgwLookup, vpcAttachmentOf } from '../network/transit';
import type { PlannedFlow } from '../veeam/flows';
import { analysisOf } from './analysis';
import { admit443Fix } from './sg-rule-fix';
import type { FailedHop, Fix, HopReport, RuleContext } from './types';

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

/**
 * The attachment a VPC without one needs: one subnet per Availability Zone the flow uses in that
 * VPC (the flow's own subnets there), associated and propagating by the TGW's defaults, and the
 * RAM share first when the VPC's account needs one. None when AWS would refuse it (another region).
 */
export function attachFix(
  ctx: RuleContext,
  planned: PlannedFlow,
  subnetId: string,
  tgw: TransitGateway,
  vpcId: string,
): Fix | undefined {
  const name = (id: string) => q(ctx.index.nameOf(id));
  const vpc = ctx.index.vpcs.get(vpcId)?.element;
  if (!vpc || vpc.region !== tgw.region) return undefined;
  if (ctx.design.transitGatewayAttachments.some((a) => a.vpc === vpc.id && a.transitGateway === tgw.id))
    return undefined;
  const { source, endpoint, endpointVpc } = planned;
  const used =
    vpc.id === source.vpc.id
      ? source.subnets.map((s) => s.id)
      : vpc.id === endpointVpc.id
        ? [subnetId, ...endpoint.subnets]
        : [];
  const perAz = new Map<string, string>();
  for (const id of used) {
    const s = vpc.subnets.find((x) => x.id === id);
    if (s && !perAz.has(s.az)) perAz.set(s.az, s.id);
  }
  if (!perAz.size) return undefined;
  // A TGW with default association off (as the Terraform export makes them) leaves a new
  // attachment unassociated, so nothing it carries is routed: with one table, name it.
  const only = tgw.defaultAssociationRouteTable === undefined && tgw.routeTables.length === 1;
  const attachment = {
    ...createVpcAttachment({
      id: freshId(ctx.design, `tgw-attach-${vpc.id.replace(/^vpc-/, '')}`),
      name: vpc.name || vpc.id,
      transitGateway: tgw.id,
      vpc: vpc.id,
      subnets: [...perAz.values()],
    }),
    ...(only ? { routeTable: tgw.routeTables[0]!.id } : {}),
  };
  const share = vpc.account !== tgw.account && !tgw.sharedWith.includes(vpc.account);
  const azs = [...perAz.keys()].join(', ');
  return {
    title: `${share ? `Share transit gateway ${name(tgw.id)} with account ${name(vpc.account)} and attach` : 'Attach'} VPC ${name(vpc.id)} to transit gateway ${name(tgw.id)} (subnets in ${azs}; ${only ? `associated with TGW route table ${name(tgw.routeTables[0]!.id)}` : 'its default association and propagation tables'})`,
    commands: [
      ...(share ? [shareTgw({ transitGateway: tgw.id, account: vpc.account })] : []),
      connectTgwAttachment({ attachment }),
    ],
  };
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

/**
 * A flow that relies on a group reference AWS does not resolve across the TGW. Where turning
 * referencing on would make AWS resolve it (an inbound rule, one region), the fix turns it on at
 * the TGW and the attachments that have it off; otherwise it adds the address-range rule.
 */
export function sgReferenceProblem(
  ctx: RuleContext,
  planned: PlannedFlow,
  hop: Hop,
  destBlock: string,
): HopReport | undefined {
  const ref = hop.reference;
  if (!ref) return undefined;
  const name = (id: string) => q(ctx.index.nameOf(id));
  const { flow, source, endpoint } = planned;
  const tgw = hop.transitGateway ?? '';
  const ingress = hop.kind === 'sg-ingress';
  let fix: Fix;
  if (ref.enabling?.length) {
    const things = ref.enabling.map((id) =>
      id === tgw ? `transit gateway ${name(id)}` : `attachment ${name(id)}`,
    );
    fix = {
      title: `Turn on security group referencing on ${things.join(' and ')}`,
      commands: ref.enabling.map((id) => setFields({ id, fields: { securityGroupReferencing: true } })),
    };
  } else {
    const range = ingress ? flow.fixRange : destBlock;
    fix = admit443Fix(ctx.design, {
      group: ref.group,
      groupName: ctx.index.nameOf(ref.group),
      direction: ingress ? 'ingress' : 'egress',
      range,
      description: ingress ? `HTTPS from ${source.label}` : `HTTPS to ${flow.service} endpoint`,
      addTitle: ingress
        ? `Admit tcp/443 from ${range} in security group ${name(ref.group)}`
        : `Allow tcp/443 out to ${range} in security group ${name(ref.group)}`,
    });
  }
  const why = !ingress
    ? 'AWS does not resolve outbound rules that name a group across a transit gateway'
    : ref.enabling?.length
      ? `security group referencing is off on ${ref.enabling.map((id) => (id === tgw ? 'the TGW' : `attachment ${name(id)}`)).join(' and ')}`
      : 'the VPCs are in different regions, and AWS resolves such references only within one region';
  const refused = ingress
    ? `endpoint ${name(endpoint.id)} refuses ${source.label}`
    : `${source.label} cannot reach endpoint ${name(endpoint.id)}`;
  return {
    message: `The ${ingress ? 'inbound' : 'outbound'} rule of security group ${name(ref.group)} names group ${name(ref.securityGroup)} across transit gateway ${name(tgw)}, but ${why}: the rule matches nothing, so ${refused}. ${fix.title}.`,
    elements: [ref.group, tgw, ...(ref.enabling ?? []).filter((id) => id !== tgw)],
    fix,
  };
}
