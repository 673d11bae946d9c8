// Transit Gateways as Terraform blocks. The TGW is created with AWS's default association and
// propagation turned off, and every table, association and propagation of the design is an explicit
// resource: what the design draws is exactly what is created, and an attachment never lands in a
// table AWS picked. Sharing goes through AWS RAM (share, TGW, principal; accepted in the other
// account), a cross-account VPC attachment is accepted in the TGW owner's account, and a peering
// attachment between regions is accepted on the peer TGW's side.
import type { TgwAttachment, TgwRouteTable, TransitGateway, Vpc } from '../../model/schema';
import { terraformLabel } from '../labels';
import { attachmentReferencing } from '../model';
import { commentQuote, commentText } from '../text';
import { tags, type Context } from './context';
import { attr, hclList, hclString, type BodyItem, type TopBlock } from './hcl';

const enable = (on: boolean) => hclString(on ? 'enable' : 'disable');

function tgwProvider(ctx: Context, accountRef: string, region: string): BodyItem {
  const scope = ctx.model.scopeAt(accountRef, region)!;
  return attr('provider', `aws.${ctx.labels.provider(scope)}`);
}

export interface TgwLookup {
  tgw(id: string): TransitGateway | undefined;
  table(id: string): { tgw: TransitGateway; table: TgwRouteTable } | undefined;
  attachment(id: string): TgwAttachment | undefined;
  vpc(id: string): Vpc | undefined;
}

export function tgwLookup(ctx: Context): TgwLookup {
  const { design } = ctx.model;
  const tgws = new Map((design.transitGateways ?? []).map((t) => [t.id, t]));
  const tables = new Map(
    (design.transitGateways ?? []).flatMap((tgw) =>
      tgw.routeTables.map((table) => [table.id, { tgw, table }]),
    ),
  );
  const attachments = new Map((design.transitGatewayAttachments ?? []).map((a) => [a.id, a]));
  return {
    tgw: (id) => tgws.get(id),
    table: (id) => tables.get(id),
    attachment: (id) => attachments.get(id),
    vpc: (id) => ctx.model.index.vpcs.get(id)?.element,
  };
}

/** Whether a VPC attachment is made from another account than the TGW's (through a RAM share). */
function crossAccount(look: TgwLookup, a: TgwAttachment): boolean {
  const tgw = look.tgw(a.transitGateway);
  const vpc = a.vpc === undefined ? undefined : look.vpc(a.vpc);
  return !!tgw && !!vpc && vpc.account !== tgw.account;
}

/**
 * The attachment's id as the TGW owner sees it once usable: the accepter's for a cross-account VPC
 * attachment or a peering attachment (tables may only use it once accepted), else the attachment's.
 */
export function attachmentIdExpr(ctx: Context, look: TgwLookup, a: TgwAttachment): string {
  const label = ctx.labels.tgwAttachment(a);
  if (a.peerTransitGateway !== undefined)
    return `aws_ec2_transit_gateway_peering_attachment_accepter.${label}.id`;
  if (crossAccount(look, a)) return `aws_ec2_transit_gateway_vpc_attachment_accepter.${label}.id`;
  return `aws_ec2_transit_gateway_vpc_attachment.${label}.id`;
}

/** The attachment that joins a VPC to a TGW, which a VPC route to that TGW must wait for. */
export function vpcAttachmentOf(ctx: Context, vpc: Vpc, tgwId: string): TgwAttachment | undefined {
  return (ctx.model.design.transitGatewayAttachments ?? []).find(
    (a) => a.vpc === vpc.id && a.transitGateway === tgwId,
  );
}

/** Blocks for the TGWs an account owns: the TGW, its tables and routes, its RAM share, its accepters. */
export function transitGatewayBlocks(ctx: Context, accountRef: string): TopBlock[] {
  const look = tgwLookup(ctx);
  const { labels, model } = ctx;
  const blocks: TopBlock[] = [];
  for (const tgw of model.design.transitGateways ?? []) {
    if (tgw.account !== accountRef) continue;
    const provider = tgwProvider(ctx, tgw.account, tgw.region);
    const label = labels.transitGateway(tgw);
    const tgwId = `aws_ec2_transit_gateway.${label}.id`;
    blocks.push({
      comments: [`Transit Gateway ${commentQuote(tgw.name || tgw.id)} (${commentText(tgw.id)})`],
      type: 'resource',
      labels: ['aws_ec2_transit_gateway', label],
      body: [
        provider,
        attr('amazon_side_asn', String(tgw.asn)),
        attr('default_route_table_association', enable(false)),
        attr('default_route_table_propagation', enable(false)),
        attr('security_group_referencing_support', enable(tgw.securityGroupReferencing)),
        tags(tgw.name || tgw.id),
      ],
    });
    for (const table of tgw.routeTables) {
      const tableLabel = labels.tgwRouteTable(table);
      blocks.push({
        type: 'resource',
        labels: ['aws_ec2_transit_gateway_route_table', tableLabel],
        body: [provider, attr('transit_gateway_id', tgwId), tags(table.name || table.id)],
      });
      for (const route of table.routes) {
        const body: BodyItem[] = [
          provider,
          attr('destination_cidr_block', hclString(route.destination)),
          attr('transit_gateway_route_table_id', `aws_ec2_transit_gateway_route_table.${tableLabel}.id`),
        ];
        const target = route.attachment === undefined ? undefined : look.attachment(route.attachment);
        if (route.blackhole === true) body.push(attr('blackhole', 'true'));
        else if (target)
          body.push(attr('transit_gateway_attachment_id', attachmentIdExpr(ctx, look, target)));
        else {
          blocks.push({
            comments: [
              `TGW route ${commentQuote(route.destination)} in ${commentText(table.id)} is not exported: attachment ${commentQuote(route.attachment ?? '')} is not in the design.`,
            ],
            labels: [],
            body: [],
          });
          continue;
        }
        blocks.push({
          type: 'resource',
          labels: ['aws_ec2_transit_gateway_route', labels.tgwRoute(route)!],
          body,
        });
      }
    }
    blocks.push(...shareBlocks(ctx, tgw));
  }
  blocks.push(...associationBlocks(ctx, look, accountRef));
  return blocks;
}

/** A RAM share of the TGW to each account it is shared with (principals need account numbers). */
function shareBlocks(ctx: Context, tgw: TransitGateway): TopBlock[] {
  const others = tgw.sharedWith.filter((a) => a !== tgw.account);
  if (!others.length) return [];
  const { labels } = ctx;
  const provider = tgwProvider(ctx, tgw.account, tgw.region);
  const label = labels.transitGateway(tgw);
  const share = `aws_ram_resource_share.${label}.arn`;
  const blocks: TopBlock[] = [
    {
      comments: ['Shared through AWS RAM so VPCs of the other accounts can attach.'],
      type: 'resource',
      labels: ['aws_ram_resource_share', label],
      body: [
        provider,
        attr('name', hclString(`${tgw.name || tgw.id} transit gateway`.slice(0, 256))),
        // Accounts outside the owner's organization must accept an invitation; inside, none is sent.
        attr('allow_external_principals', 'true'),
        tags(tgw.name || tgw.id),
      ],
    },
    {
      type: 'resource',
      labels: ['aws_ram_resource_association', label],
      body: [
        provider,
        attr('resource_arn', `aws_ec2_transit_gateway.${label}.arn`),
        attr('resource_share_arn', share),
      ],
    },
  ];
  for (const account of others) {
    const accountLabel = terraformLabel(account);
    const pair = `${label}_${accountLabel.replace(/^_+/, '')}`;
    if (!ctx.accountIds.has(accountLabel)) {
      blocks.push({
        comments: [
          `Not shared with ${commentQuote(account)}: that account is not in the design, so its number is unknown.`,
        ],
        labels: [],
        body: [],
      });
      continue;
    }
    blocks.push(
      {
        type: 'resource',
        labels: ['aws_ram_principal_association', pair],
        body: [
          provider,
          attr('principal', `local.account_ids.${accountLabel}`),
          attr('resource_share_arn', share),
        ],
      },
      {
        comments: [`Accepted in ${commentText(account)}, in the TGW's region.`],
        type: 'resource',
        labels: ['aws_ram_resource_share_accepter', pair],
        body: [
          tgwProvider(ctx, account, tgw.region),
          attr('share_arn', `aws_ram_principal_association.${pair}.resource_share_arn`),
        ],
      },
    );
  }
  return blocks;
}

/** The RAM accepter a cross-account VPC attachment must wait for. */
export function shareAccepter(ctx: Context, tgw: TransitGateway, accountRef: string): string | undefined {
  if (!tgw.sharedWith.includes(accountRef) || !ctx.accountIds.has(terraformLabel(accountRef)))
    return undefined;
  const pair = `${ctx.labels.transitGateway(tgw)}_${terraformLabel(accountRef).replace(/^_+/, '')}`;
  return `aws_ram_resource_share_accepter.${pair}`;
}

/**
 * Acceptance, association and propagations of every attachment to a TGW this account owns (route
 * tables belong to the TGW owner), and on a peer TGW this account owns, the peer side's.
 */
function associationBlocks(ctx: Context, look: TgwLookup, accountRef: string): TopBlock[] {
  const { labels } = ctx;
  const blocks: TopBlock[] = [];
  const tableExpr = (t: TgwRouteTable) => `aws_ec2_transit_gateway_route_table.${labels.tgwRouteTable(t)}.id`;
  for (const a of ctx.model.design.transitGatewayAttachments ?? []) {
    const tgw = look.tgw(a.transitGateway);
    if (!tgw) continue;
    const label = labels.tgwAttachment(a);
    const associate = (owner: TransitGateway, tableId: string | undefined, name: string) => {
      const found = tableId === undefined ? undefined : look.table(tableId);
      if (!found || found.tgw !== owner) return;
      blocks.push({
        type: 'resource',
        labels: ['aws_ec2_transit_gateway_route_table_association', name],
        body: [
          tgwProvider(ctx, owner.account, owner.region),
          attr('transit_gateway_attachment_id', attachmentIdExpr(ctx, look, a)),
          attr('transit_gateway_route_table_id', tableExpr(found.table)),
        ],
      });
    };
    if (a.peerTransitGateway !== undefined) {
      const peer = look.tgw(a.peerTransitGateway);
      if (!peer) continue;
      if (peer.account === accountRef) {
        blocks.push({
          comments: [`The peer side of ${commentText(a.id)}, accepted by the peer TGW's owner.`],
          type: 'resource',
          labels: ['aws_ec2_transit_gateway_peering_attachment_accepter', label],
          body: [
            tgwProvider(ctx, peer.account, peer.region),
            attr('transit_gateway_attachment_id', `aws_ec2_transit_gateway_peering_attachment.${label}.id`),
            tags(a.name || a.id),
          ],
        });
        associate(peer, a.peerRouteTable, `${label}_peer`);
      }
      if (tgw.account === accountRef) associate(tgw, a.routeTable ?? tgw.defaultAssociationRouteTable, label);
      // Peering attachments carry static routes only: AWS does not propagate across them.
      continue;
    }
    if (tgw.account !== accountRef) continue;
    if (crossAccount(look, a)) {
      blocks.push({
        comments: [`${commentText(a.id)} comes from another account; the TGW owner accepts it.`],
        type: 'resource',
        labels: ['aws_ec2_transit_gateway_vpc_attachment_accepter', label],
        body: [
          tgwProvider(ctx, tgw.account, tgw.region),
          attr('transit_gateway_attachment_id', `aws_ec2_transit_gateway_vpc_attachment.${label}.id`),
          attr('transit_gateway_default_route_table_association', 'false'),
          attr('transit_gateway_default_route_table_propagation', 'false'),
          tags(a.name || a.id),
        ],
      });
    }
    associate(tgw, a.routeTable ?? tgw.defaultAssociationRouteTable, label);
    const propagations =
      a.propagations ?? (tgw.defaultPropagationRouteTable ? [tgw.defaultPropagationRouteTable] : []);
    for (const id of new Set(propagations)) {
      const found = look.table(id);
      if (!found || found.tgw !== tgw) continue;
      blocks.push({
        type: 'resource',
        labels: ['aws_ec2_transit_gateway_route_table_propagation', labels.tgwPropagation(a, found.table)],
        body: [
          tgwProvider(ctx, tgw.account, tgw.region),
          attr('transit_gateway_attachment_id', attachmentIdExpr(ctx, look, a)),
          attr('transit_gateway_route_table_id', tableExpr(found.table)),
        ],
      });
    }
  }
  return blocks;
}

/** The attachments made from this account: VPC attachments of its VPCs, peering requests of its TGWs. */
export function attachmentBlocks(ctx: Context, accountRef: string): TopBlock[] {
  const look = tgwLookup(ctx);
  const { labels, model } = ctx;
  const blocks: TopBlock[] = [];
  for (const a of model.design.transitGatewayAttachments ?? []) {
    const tgw = look.tgw(a.transitGateway);
    if (!tgw) continue;
    const label = labels.tgwAttachment(a);
    const tgwId = `aws_ec2_transit_gateway.${labels.transitGateway(tgw)}.id`;
    if (a.peerTransitGateway !== undefined) {
      const peer = look.tgw(a.peerTransitGateway);
      if (!peer || tgw.account !== accountRef) continue;
      const body: BodyItem[] = [
        tgwProvider(ctx, tgw.account, tgw.region),
        attr('transit_gateway_id', tgwId),
        attr('peer_transit_gateway_id', `aws_ec2_transit_gateway.${labels.transitGateway(peer)}.id`),
        attr('peer_region', hclString(peer.region)),
      ];
      const peerAccount = terraformLabel(peer.account);
      if (peer.account !== tgw.account && ctx.accountIds.has(peerAccount))
        body.push(attr('peer_account_id', `local.account_ids.${peerAccount}`));
      body.push(tags(a.name || a.id));
      blocks.push({
        comments: [
          `TGW peering ${commentText(a.id)}: ${commentText(tgw.id)} requests, ${commentText(peer.id)} accepts.`,
        ],
        type: 'resource',
        labels: ['aws_ec2_transit_gateway_peering_attachment', label],
        body,
      });
      continue;
    }
    const vpc = a.vpc === undefined ? undefined : look.vpc(a.vpc);
    if (!vpc || vpc.account !== accountRef) continue;
    const subnets = a.subnets
      .map((id) => model.index.subnets.get(id)?.element)
      .filter((s) => s !== undefined)
      .map((s) => `aws_subnet.${labels.subnet(s)}.id`);
    const body: BodyItem[] = [
      attr('provider', `aws.${labels.provider(model.scopeOf(vpc))}`),
      attr('transit_gateway_id', tgwId),
      attr('vpc_id', `aws_vpc.${labels.vpc(vpc)}.id`),
      attr('subnet_ids', hclList(subnets)),
    ];
    const referencing = attachmentReferencing(tgw, a);
    if (referencing !== undefined) body.push(attr('security_group_referencing_support', enable(referencing)));
    const accepter = vpc.account === tgw.account ? undefined : shareAccepter(ctx, tgw, vpc.account);
    // AWS will not let these be set from a shared TGW's other account; the owner's accepter sets them.
    if (vpc.account === tgw.account) {
      body.push(
        attr('transit_gateway_default_route_table_association', 'false'),
        attr('transit_gateway_default_route_table_propagation', 'false'),
      );
    }
    body.push(tags(a.name || a.id));
    if (accepter) body.push(attr('depends_on', hclList([accepter])));
    blocks.push({
      comments: [`${commentText(vpc.id)} attached to Transit Gateway ${commentText(tgw.id)}.`],
      type: 'resource',
      labels: ['aws_ec2_transit_gateway_vpc_attachment', label],
      body,
    });
  }
  return blocks;
}
