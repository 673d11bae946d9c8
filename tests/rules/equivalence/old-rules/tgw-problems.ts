// What a failed Transit Gateway hop means for the user (message, elements, fix): one place, read by
// describeHop (flow-problems.ts) for the tgw/* rules (transit-gateway.ts).
import type { Command } from '../../../../src/model/command';
import {
  associateTgwAttachment,
  attachTgwSubnet,
  propagateTgwAttachment,
} from '../../../../src/model/commands/tgw-attachment';
import { setTgwRoute } from '../../../../src/model/commands/tgw-route';
import { shareTgw } from '../../../../src/model/commands/transit-gateway';
import type { TgwRouteTable, TransitGateway, Vpc } from '../../../../src/model/schema';
import { blockHolding, cidrOf, type Cidr } from '../../../../src/network/cidr';
import type { NetworkModel } from '../../../../src/network/model';
import type { Hop } from '../../../../src/network/trace';
import { tgwLookup, vpcAttachmentOf } from '../../../../src/network/transit';
import type { PlannedFlow } from '../../../../src/veeam/flows';
import type { Fix, RuleContext } from './types';

export interface TgwProblem {
  rule: string;
  message: string;
  elements: string[];
  fix?: Fix;
}

const q = (s: string) => `"${s}"`;

/** How `tgw` can send traffic on toward VPC `to`: its VPC attachment, or a peering attachment to the TGW that has one. */
function onwardAttachment(
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
function routeFix(
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
function betterTable(
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

export function describeTgwHop(
  ctx: RuleContext,
  net: NetworkModel,
  planned: PlannedFlow,
  subnetId: string,
  hop: Hop,
): TgwProblem | undefined {
  const name = (id: string) => q(ctx.index.nameOf(id));
  const { flow, source, endpointVpc } = planned;
  const back = hop.returning === true;
  const fromVpc = back ? endpointVpc : source.vpc;
  const toVpc = back ? source.vpc : endpointVpc;
  const subnet = ctx.index.subnets.get(subnetId)?.element;
  const dest = cidrOf(subnet?.cidr);
  const destination = back ? cidrOf(flow.sourceRange) : dest;
  const wanted = back
    ? flow.fixRange
    : ((dest && blockHolding(net.blocksOf(endpointVpc), dest)?.text) ?? dest?.text ?? '');
  const tgw = hop.transitGateway
    ? ctx.design.transitGateways.find((t) => t.id === hop.transitGateway)
    : undefined;
  const table = hop.tgwRouteTable ? tgw?.routeTables.find((t) => t.id === hop.tgwRouteTable) : undefined;
  const what = back
    ? `replies from VPC ${name(fromVpc.id)} back to ${source.label}`
    : `traffic from ${source.label} to VPC ${name(toVpc.id)}`;
  const elements = hop.elements;
  switch (hop.reason) {
    case 'tgw-no-attachment': {
      const vpc = hop.vpc ?? fromVpc.id;
      return {
        rule: 'tgw/no-attachment',
        message: `${hop.detail}, so ${what} cannot use transit gateway ${name(hop.transitGateway ?? '')}. Attach VPC ${name(vpc)} to it (one subnet per Availability Zone), in the TGW's region, and accept the attachment.`,
        elements: [...elements, vpc],
      };
    }
    case 'tgw-not-shared': {
      const vpc = ctx.index.vpcs.get(hop.vpc ?? '')?.element;
      return {
        rule: 'tgw/not-shared',
        message: `${hop.detail}. Share transit gateway ${name(hop.transitGateway ?? '')} with account ${name(vpc?.account ?? '')} through AWS RAM.`,
        elements: [...elements, ...(vpc ? [vpc.id] : [])],
        ...(tgw && vpc
          ? {
              fix: {
                title: `Share transit gateway ${name(tgw.id)} with account ${name(vpc.account)}`,
                commands: [shareTgw({ transitGateway: tgw.id, account: vpc.account })],
              },
            }
          : {}),
      };
    }
    case 'tgw-az-not-attached': {
      const vpc = ctx.index.vpcs.get(hop.vpc ?? '')?.element;
      const inAz = vpc?.subnets.find((s) => s.az === hop.az);
      return {
        rule: 'tgw/az-not-attached',
        message: `${hop.detail}: ${what} is dropped in ${hop.az}. Add a subnet of ${hop.az} to attachment ${name(hop.attachment ?? '')}.`,
        elements,
        ...(inAz && hop.attachment
          ? {
              fix: {
                title: `Add subnet ${name(inAz.id)} (${hop.az}) to attachment ${name(hop.attachment)}`,
                commands: [attachTgwSubnet({ attachment: hop.attachment, subnet: inAz.id })],
              },
            }
          : {}),
      };
    }
    case 'tgw-blackhole': {
      const fix =
        tgw && table ? routeFix(ctx, net, tgw, table, toVpc, hop.tgwRoute?.destination ?? wanted) : undefined;
      const onward = tgw && onwardAttachment(ctx, net, tgw, toVpc);
      return {
        rule: 'tgw/blackhole',
        message: `${hop.detail}: ${what} never arrives. Point that route at an attachment toward VPC ${name(toVpc.id)}, or remove it.`,
        elements,
        ...(onward && table && hop.tgwRoute
          ? {
              fix: {
                title: `Point TGW route ${hop.tgwRoute.destination} in ${name(table.id)} at attachment ${name(onward.attachment)}`,
                commands: [
                  setTgwRoute({
                    routeTable: table.id,
                    route: { destination: hop.tgwRoute.destination, attachment: onward.attachment },
                  }),
                ],
              },
            }
          : fix
            ? { fix }
            : {}),
      };
    }
    case 'tgw-no-route': {
      const rule = back ? 'tgw/no-return-route' : 'tgw/no-route';
      let fix: Fix | undefined;
      if (tgw && table && destination) {
        const better = hop.attachment ? betterTable(net, tgw, table, destination, toVpc, ctx) : undefined;
        const arriving = hop.attachment;
        fix =
          better &&
          arriving &&
          tgw.routeTables.includes(table) &&
          ctx.design.transitGatewayAttachments.some(
            (a) => a.id === arriving && a.transitGateway === tgw.id && a.vpc !== undefined,
          )
            ? {
                title: `Associate attachment ${name(arriving)} with TGW route table ${name(better.id)}`,
                commands: [associateTgwAttachment({ attachment: arriving, routeTable: better.id })],
              }
            : routeFix(ctx, net, tgw, table, toVpc, wanted);
      }
      return {
        rule,
        message: `${hop.detail}, so ${what} is dropped at transit gateway ${name(hop.transitGateway ?? '')}. ${fix ? `${fix.title}.` : `Route ${wanted} toward VPC ${name(toVpc.id)} in that table (a propagation from its attachment, or a static route over a peering attachment).`}`,
        elements,
        ...(fix ? { fix } : {}),
      };
    }
    default:
      return undefined;
  }
}
