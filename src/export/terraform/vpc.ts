// One VPC as Terraform blocks: the VPC and its secondary blocks, an internet gateway when a route
// needs one, subnets, route tables with one aws_route per route, table associations, security
// groups and endpoints. Dangling references are left out with a comment saying why.
import type { RouteTable, Vpc } from '../../model/schema';
import { identifierSlug } from '../labels';
import { commentQuote, commentText, NameRegistry } from '../text';
import { endpointBlock } from './connections';
import { peeringIdExpr, providerRef, tags, type Context } from './context';
import { attr, hclList, hclString, type BodyItem, type TopBlock } from './hcl';
import { groupBlocks } from './security-groups';
import { attachmentIdExpr, tgwLookup, vpcAttachmentOf } from './transit-gateway';

export function vpcBlocks(ctx: Context, vpc: Vpc): TopBlock[] {
  const { labels, model } = ctx;
  const provider = attr('provider', providerRef(ctx, vpc));
  const vpcLabel = labels.vpc(vpc);
  const vpcId = `aws_vpc.${vpcLabel}.id`;
  const blocks: TopBlock[] = [];
  const notes: string[] = [];

  blocks.push({
    comments: [`VPC ${commentQuote(vpc.name || vpc.id)} (${commentText(vpc.id)})`],
    type: 'resource',
    labels: ['aws_vpc', vpcLabel],
    body: [
      provider,
      attr('cidr_block', hclString(vpc.cidr)),
      attr('enable_dns_support', String(vpc.dnsSupport)),
      attr('enable_dns_hostnames', String(vpc.dnsHostnames)),
      tags(vpc.name || vpc.id),
    ],
  });

  const cidrRegistry = new NameRegistry();
  const associations = vpc.secondaryCidrs.map((cidr) => {
    const label = cidrRegistry.claim(`${vpcLabel}_${identifierSlug(cidr)}`);
    blocks.push({
      type: 'resource',
      labels: ['aws_vpc_ipv4_cidr_block_association', label],
      body: [provider, attr('vpc_id', vpcId), attr('cidr_block', hclString(cidr))],
    });
    return `aws_vpc_ipv4_cidr_block_association.${label}`;
  });

  if (model.usesGateway(vpc, 'internet')) {
    blocks.push({
      comments: ['The design routes to the internet from this VPC; an internet gateway carries it.'],
      type: 'resource',
      labels: ['aws_internet_gateway', vpcLabel],
      body: [provider, attr('vpc_id', vpcId), tags(`${vpc.name || vpc.id} internet gateway`)],
    });
  }

  for (const subnet of vpc.subnets) {
    const body = [
      provider,
      attr('vpc_id', vpcId),
      attr('cidr_block', hclString(subnet.cidr)),
      attr('availability_zone', hclString(subnet.az)),
      attr('map_public_ip_on_launch', String(subnet.mapPublicIpOnLaunch)),
      tags(subnet.name || subnet.id),
    ];
    // A subnet may lie in a secondary block, which must be associated with the VPC first.
    if (associations.length) body.push(attr('depends_on', hclList(associations)));
    blocks.push({ type: 'resource', labels: ['aws_subnet', labels.subnet(subnet)], body });
  }

  for (const table of vpc.routeTables) blocks.push(...routeTableBlocks(ctx, vpc, table, notes));

  for (const subnet of vpc.subnets) {
    if (subnet.routeTable === undefined) continue;
    const table = model.index.routeTables.get(subnet.routeTable)?.element;
    if (!table) {
      notes.push(
        `Subnet ${commentText(subnet.id)} names route table ${commentQuote(subnet.routeTable)}, which is not in the design; it keeps the main table.`,
      );
      continue;
    }
    blocks.push({
      type: 'resource',
      labels: ['aws_route_table_association', labels.subnet(subnet)],
      body: [
        provider,
        attr('subnet_id', `aws_subnet.${labels.subnet(subnet)}.id`),
        attr('route_table_id', `aws_route_table.${labels.routeTable(table)}.id`),
      ],
    });
  }

  blocks.push(...groupBlocks(ctx, vpc, notes));
  for (const endpoint of vpc.endpoints) blocks.push(endpointBlock(ctx, vpc, endpoint));

  for (const text of notes) blocks.push({ comments: [text], labels: [], body: [] });
  return blocks;
}

function routeTableBlocks(ctx: Context, vpc: Vpc, table: RouteTable, notes: string[]): TopBlock[] {
  const { labels, model } = ctx;
  const provider = attr('provider', providerRef(ctx, vpc));
  const vpcId = `aws_vpc.${labels.vpc(vpc)}.id`;
  const rtLabel = labels.routeTable(table);
  const rtId = `aws_route_table.${rtLabel}.id`;
  const blocks: TopBlock[] = [
    {
      type: 'resource',
      labels: ['aws_route_table', rtLabel],
      body: [provider, attr('vpc_id', vpcId), tags(table.name || table.id)],
    },
  ];
  if (table.main && vpc.routeTables.find((t) => t.main) === table) {
    blocks.push({
      comments: ['Subnets without an explicit association use the main route table.'],
      type: 'resource',
      labels: ['aws_main_route_table_association', rtLabel],
      body: [provider, attr('vpc_id', vpcId), attr('route_table_id', rtId)],
    });
  }
  for (const route of table.routes) {
    const head: BodyItem[] = [];
    const target: BodyItem[] = [];
    const comments: string[] = [];
    if (route.peering !== undefined) {
      const p = model.peering(route.peering);
      if (!p) {
        notes.push(
          `Route ${commentQuote(route.destination)} in ${commentText(table.id)} is not exported: peering ${commentQuote(route.peering)} does not join two VPCs of the design.`,
        );
        continue;
      }
      target.push(attr('vpc_peering_connection_id', peeringIdExpr(ctx, p)));
    } else if (route.transitGateway !== undefined) {
      const look = tgwLookup(ctx);
      const tgw = look.tgw(route.transitGateway);
      const attachment = tgw && vpcAttachmentOf(ctx, vpc, tgw.id);
      if (!tgw || !attachment) {
        notes.push(
          `Route ${commentQuote(route.destination)} in ${commentText(table.id)} is not exported: ${commentText(vpc.id)} has no attachment to Transit Gateway ${commentQuote(route.transitGateway)}.`,
        );
        continue;
      }
      target.push(attr('transit_gateway_id', `aws_ec2_transit_gateway.${labels.transitGateway(tgw)}.id`));
      // AWS refuses a route to a TGW the VPC is not (yet usably) attached to.
      target.push(
        attr('depends_on', hclList([attachmentIdExpr(ctx, look, attachment).replace(/\.id$/, '')])),
      );
    } else if (route.gateway === 'internet') {
      target.push(attr('gateway_id', `aws_internet_gateway.${labels.vpc(vpc)}.id`));
    } else {
      // The design does not draw the NAT gateway (it needs a public subnet and an Elastic IP), so its
      // id is an input; a first apply cannot know it, so the route waits until it is set.
      const variable = `var.${labels.natVariable(vpc)}`;
      comments.push(`Skipped while ${variable} is unset (null): set it once the NAT gateway exists.`);
      head.push(attr('count', `${variable} == null ? 0 : 1`));
      target.push(attr('nat_gateway_id', variable));
    }
    blocks.push({
      comments,
      type: 'resource',
      labels: ['aws_route', labels.route(table, route)!],
      body: [
        ...head,
        provider,
        attr('route_table_id', rtId),
        attr('destination_cidr_block', hclString(route.destination)),
        ...target,
      ],
    });
  }
  return blocks;
}
