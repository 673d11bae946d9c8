// Transit Gateway fixes → AWS CLI calls (botocore ec2 2016-11-15 and ram 2018-01-04). Route tables,
// associations and propagations belong to the TGW: those calls run in the TGW owner's account and
// region. A VPC attachment is created and modified by the VPC's account, which sees a shared TGW.
import type { Command } from '../../model/command';
import type { Design, TgwRoute, TransitGateway } from '../../model/schema';
import { accountNumber, at, byHand, ref, where, type Context, type Translator } from './context';
import { createdVariable, shellQuote } from './shell';

type TgwCommandType =
  | 'transit-gateway/share'
  | 'tgw-route/add'
  | 'tgw-route/set'
  | 'tgw-route/remove'
  | 'tgw-attachment/connect'
  | 'tgw-attachment/associate'
  | 'tgw-attachment/propagate'
  | 'tgw-attachment/add-subnet';

const tgwById = (design: Design, id: string) => design.transitGateways.find((t) => t.id === id);
const tgwOfTable = (design: Design, table: string) =>
  design.transitGateways.find((t) => t.routeTables.some((r) => r.id === table));
const attachmentById = (design: Design, id: string) =>
  design.transitGatewayAttachments.find((a) => a.id === id);

/** Where calls on a TGW's own resources (its route tables, associations, propagations) run. */
function tgwWhere(ctx: Context, tgw: TransitGateway | undefined): string {
  if (!tgw) return '--profile "$PROFILE_UNKNOWN" --region REGION';
  return at(ctx, tgw.account, tgw.region);
}

/** Where calls on a VPC attachment run: the account of its VPC (the attachment's owner). */
function attachmentWhere(ctx: Context, attachment: string): string {
  const a = attachmentById(ctx.before, attachment) ?? attachmentById(ctx.after, attachment);
  const vpc = a?.vpc !== undefined ? ctx.before.vpcs.find((v) => v.id === a.vpc) : undefined;
  if (vpc) return where(ctx, vpc);
  return tgwWhere(ctx, a ? tgwById(ctx.before, a.transitGateway) : undefined);
}

function routeTarget(ctx: Context, route: TgwRoute): string {
  return route.attachment !== undefined
    ? `--transit-gateway-attachment-id ${ref(ctx, route.attachment)}`
    : '--blackhole';
}

function tgwRouteCall(ctx: Context, verb: 'create' | 'replace', table: string, route: TgwRoute): string {
  return `aws ec2 ${verb}-transit-gateway-route --transit-gateway-route-table-id ${ref(ctx, table)} --destination-cidr-block ${shellQuote(route.destination)} ${routeTarget(ctx, route)} ${tgwWhere(ctx, tgwOfTable(ctx.before, table))}`;
}

function params<P>(c: Command): P {
  return c as unknown as P;
}

/** The VPC route `route/add` adds when its target is a TGW: the VPC's account reaches a shared TGW. */
export function vpcRouteToTgw(ctx: Context, table: string, destination: string, tgw: string, at: string) {
  return `aws ec2 create-route --route-table-id ${ref(ctx, table)} --destination-cidr-block ${shellQuote(destination)} --transit-gateway-id ${ref(ctx, tgw)} ${at}`;
}

/**
 * `element/set` when it turns security group referencing on or off at a TGW or a VPC attachment
 * (the tgw/sg-reference fix); any other field change is a canvas edit made by hand.
 */
export const setReferencing: Translator = (ctx, c) => {
  const p = params<{ id: string; fields: Record<string, unknown> }>(c);
  const keys = Object.keys(p.fields);
  const on = p.fields.securityGroupReferencing;
  if (keys.length !== 1 || typeof on !== 'boolean') return byHand(ctx, c);
  const value = `SecurityGroupReferencingSupport=${on ? 'enable' : 'disable'}`;
  const tgw = tgwById(ctx.before, p.id);
  if (tgw)
    return [
      `aws ec2 modify-transit-gateway --transit-gateway-id ${ref(ctx, tgw.id)} --options ${value} ${tgwWhere(ctx, tgw)}`,
    ];
  const attachment = attachmentById(ctx.before, p.id);
  if (attachment?.vpc !== undefined)
    return [
      `aws ec2 modify-transit-gateway-vpc-attachment --transit-gateway-attachment-id ${ref(ctx, attachment.id)} --options ${value} ${attachmentWhere(ctx, attachment.id)}`,
    ];
  return byHand(ctx, c);
};

export const TGW_TRANSLATORS: { readonly [T in TgwCommandType]: Translator } = {
  'transit-gateway/share'(ctx, c) {
    const p = params<{ transitGateway: string; account: string }>(c);
    const tgw = tgwById(ctx.before, p.transitGateway);
    if (!tgw) return byHand(ctx, c);
    const owner = accountNumber(ctx, tgw.account);
    const principal = accountNumber(ctx, p.account);
    // RAM names a TGW by its ARN and a principal by its 12-digit account number.
    for (const n of [owner, principal]) if (!/^\d{12}$/.test(n)) ctx.unresolved.add(n);
    const arn = `${shellQuote(`arn:aws:ec2:${tgw.region}:${owner}:transit-gateway/`)}${ref(ctx, tgw.id)}`;
    return [
      '# Outside one AWS Organization with RAM sharing on, the other account accepts the invitation (aws ram accept-resource-share-invitation).',
      `aws ram create-resource-share --name ${shellQuote(`${tgw.name || tgw.id} (Private Network Designer)`)} --resource-arns ${arn} --principals ${principal} ${tgwWhere(ctx, tgw)}`,
    ];
  },
  'tgw-route/add'(ctx, c) {
    const p = params<{ routeTable: string; route: TgwRoute }>(c);
    return [tgwRouteCall(ctx, 'create', p.routeTable, p.route)];
  },
  'tgw-route/set'(ctx, c) {
    const p = params<{ routeTable: string; route: TgwRoute; index?: number }>(c);
    const table = tgwOfTable(ctx.before, p.routeTable)?.routeTables.find((t) => t.id === p.routeTable);
    const old = p.index !== undefined ? table?.routes[p.index] : undefined;
    const exists = table?.routes.some((r) => r.destination === p.route.destination) ?? false;
    const lines = [tgwRouteCall(ctx, exists ? 'replace' : 'create', p.routeTable, p.route)];
    // A row edited to a new destination: the old destination's route goes once the new one is in.
    if (old && old.destination !== p.route.destination)
      lines.push(deleteRoute(ctx, p.routeTable, old.destination));
    return lines;
  },
  'tgw-route/remove'(ctx, c) {
    const p = params<{ routeTable: string; index: number }>(c);
    const table = tgwOfTable(ctx.before, p.routeTable)?.routeTables.find((t) => t.id === p.routeTable);
    const old = table?.routes[p.index];
    return old ? [deleteRoute(ctx, p.routeTable, old.destination)] : [];
  },
  'tgw-attachment/connect'(ctx, c) {
    const a = params<{ attachment: Design['transitGatewayAttachments'][number] }>(c).attachment;
    const tgw = tgwById(ctx.before, a.transitGateway);
    const vpc = ctx.before.vpcs.find((v) => v.id === a.vpc);
    if (!tgw || !vpc) return byHand(ctx, c);
    const variable = createdVariable(a.id);
    const lines: string[] = [];
    // The VPC's account creates the attachment; across accounts it stays pending until the TGW
    // owner accepts it, unless the TGW auto-accepts shared attachments.
    if (vpc.account !== tgw.account)
      lines.push(
        `# Unless ${tgw.name || tgw.id} auto-accepts shared attachments, its owner accepts this one: aws ec2 accept-transit-gateway-vpc-attachment --transit-gateway-attachment-id "$${variable}" ${tgwWhere(ctx, tgw)}`,
      );
    lines.push(
      `${variable}=$(aws ec2 create-transit-gateway-vpc-attachment --transit-gateway-id ${ref(ctx, tgw.id)} --vpc-id ${ref(ctx, vpc.id)} --subnet-ids ${a.subnets.map((s) => ref(ctx, s)).join(' ')} --query TransitGatewayVpcAttachment.TransitGatewayAttachmentId --output text ${where(ctx, vpc)})`,
    );
    ctx.created.set(a.id, variable);
    // A new attachment joins the TGW's default tables; other ones the design names are set after.
    const table = a.routeTable;
    if (table !== undefined && table !== tgw.defaultAssociationRouteTable) {
      if (tgw.defaultAssociationRouteTable !== undefined)
        lines.push(disassociate(ctx, tgw, a.id, tgw.defaultAssociationRouteTable));
      lines.push(associate(ctx, tgw, a.id, table));
    }
    for (const t of a.propagations ?? [])
      if (t !== tgw.defaultPropagationRouteTable) lines.push(propagate(ctx, tgw, a.id, t));
    return lines;
  },
  'tgw-attachment/associate'(ctx, c) {
    const p = params<{ attachment: string; routeTable: string }>(c);
    const a = attachmentById(ctx.before, p.attachment);
    const tgw = a ? tgwById(ctx.before, a.transitGateway) : undefined;
    if (!a || !tgw) return byHand(ctx, c);
    // An attachment is associated with one table at a time: the current one lets go first.
    const current = a.routeTable ?? tgw.defaultAssociationRouteTable;
    const lines: string[] = [];
    if (current !== undefined) {
      lines.push(disassociate(ctx, tgw, a.id, current));
      lines.push(
        '# The disassociation takes a moment: if the next call says the attachment is still associated, run it again.',
      );
    }
    lines.push(associate(ctx, tgw, a.id, p.routeTable));
    return lines;
  },
  'tgw-attachment/propagate'(ctx, c) {
    const p = params<{ attachment: string; routeTable: string }>(c);
    return [propagate(ctx, tgwOfTable(ctx.before, p.routeTable), p.attachment, p.routeTable)];
  },
  'tgw-attachment/add-subnet'(ctx, c) {
    const p = params<{ attachment: string; subnet: string }>(c);
    return [
      `aws ec2 modify-transit-gateway-vpc-attachment --transit-gateway-attachment-id ${ref(ctx, p.attachment)} --add-subnet-ids ${ref(ctx, p.subnet)} ${attachmentWhere(ctx, p.attachment)}`,
    ];
  },
};

/** AWS names a static TGW route by its table and destination. */
function deleteRoute(ctx: Context, table: string, destination: string): string {
  return `aws ec2 delete-transit-gateway-route --transit-gateway-route-table-id ${ref(ctx, table)} --destination-cidr-block ${shellQuote(destination)} ${tgwWhere(ctx, tgwOfTable(ctx.before, table))}`;
}

function disassociate(ctx: Context, tgw: TransitGateway, attachment: string, table: string): string {
  return `aws ec2 disassociate-transit-gateway-route-table --transit-gateway-route-table-id ${ref(ctx, table)} --transit-gateway-attachment-id ${ref(ctx, attachment)} ${tgwWhere(ctx, tgw)}`;
}

function associate(ctx: Context, tgw: TransitGateway, attachment: string, table: string): string {
  return `aws ec2 associate-transit-gateway-route-table --transit-gateway-route-table-id ${ref(ctx, table)} --transit-gateway-attachment-id ${ref(ctx, attachment)} ${tgwWhere(ctx, tgw)}`;
}

function propagate(ctx: Context, tgw: TransitGateway | undefined, attachment: string, table: string): string {
  return `aws ec2 enable-transit-gateway-route-table-propagation --transit-gateway-route-table-id ${ref(ctx, table)} --transit-gateway-attachment-id ${ref(ctx, attachment)} ${tgwWhere(ctx, tgw)}`;
}
