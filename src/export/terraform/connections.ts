// VPC endpoints and peering connections (with their accepter side) as Terraform blocks.
import type { Endpoint, Vpc } from '../../model/schema';
import { terraformLabel } from '../labels';
import { hasS3Gateway, needsAccepter, type ResolvedPeering } from '../model';
import { commentQuote, commentText } from '../text';
import { providerRef, tags, type Context } from './context';
import { attr, block, hclList, hclString, type BodyItem, type TopBlock } from './hcl';

export function endpointBlock(ctx: Context, vpc: Vpc, endpoint: Endpoint): TopBlock {
  const { labels, model } = ctx;
  const body: BodyItem[] = [
    attr('provider', providerRef(ctx, vpc)),
    attr('vpc_id', `aws_vpc.${labels.vpc(vpc)}.id`),
    attr('service_name', hclString(`com.amazonaws.${vpc.region}.${endpoint.service}`)),
    attr('vpc_endpoint_type', hclString(endpoint.type)),
  ];
  const comments: string[] = [];
  if (endpoint.type === 'Interface') {
    const subnets = endpoint.subnets
      .map((id) => model.index.subnets.get(id)?.element)
      .filter((s) => s !== undefined)
      .map((s) => `aws_subnet.${labels.subnet(s)}.id`);
    const groups = endpoint.securityGroups
      .map((id) => model.index.securityGroups.get(id)?.element)
      .filter((g) => g !== undefined)
      .map((g) => `aws_security_group.${labels.securityGroup(g)}.id`);
    body.push(
      attr('subnet_ids', hclList(subnets)),
      attr('security_group_ids', hclList(groups)),
      attr('private_dns_enabled', String(endpoint.privateDns)),
    );
    if (endpoint.service === 's3' && endpoint.privateDns) {
      const gateway = hasS3Gateway(vpc);
      comments.push(
        gateway
          ? 'Private DNS for S3 answers only inbound resolver endpoints; in the VPC, S3 goes through its gateway endpoint.'
          : 'Private DNS for S3 must answer every resolver here: AWS limits it to inbound resolver endpoints only when the VPC has an S3 gateway endpoint, and this one has none.',
      );
      body.push(
        block('dns_options', [], [attr('private_dns_only_for_inbound_resolver_endpoint', String(gateway))]),
      );
      if (gateway) {
        // The limit is accepted only once the gateway endpoint exists.
        const gateways = vpc.endpoints
          .filter((e) => e.service === 's3' && e.type === 'Gateway')
          .map((e) => `aws_vpc_endpoint.${labels.endpoint(e)}`);
        body.push(attr('depends_on', hclList(gateways)));
      }
    }
  } else {
    const tables = endpoint.routeTables
      .map((id) => model.index.routeTables.get(id)?.element)
      .filter((t) => t !== undefined)
      .map((t) => `aws_route_table.${labels.routeTable(t)}.id`);
    body.push(attr('route_table_ids', hclList(tables)));
  }
  body.push(tags(endpoint.name || `${endpoint.service} endpoint`));
  return { comments, type: 'resource', labels: ['aws_vpc_endpoint', labels.endpoint(endpoint)], body };
}

export function peeringBlock(ctx: Context, p: ResolvedPeering): TopBlock {
  const { labels } = ctx;
  const body: BodyItem[] = [
    attr('provider', providerRef(ctx, p.requester)),
    attr('vpc_id', `aws_vpc.${labels.vpc(p.requester)}.id`),
    attr('peer_vpc_id', `aws_vpc.${labels.vpc(p.accepter)}.id`),
  ];
  const accepterAccount = terraformLabel(p.accepter.account);
  if (p.crossAccount && ctx.accountIds.has(accepterAccount)) {
    body.push(attr('peer_owner_id', `local.account_ids.${accepterAccount}`));
  }
  if (p.crossRegion) body.push(attr('peer_region', hclString(p.accepter.region)));
  // Only a same-account, same-region peering can be accepted by the requester itself.
  if (!needsAccepter(p)) body.push(attr('auto_accept', 'true'));
  body.push(tags(p.peering.name || p.peering.id));
  const comments = [
    `Peering ${commentQuote(p.peering.name || p.peering.id)} (${commentText(p.peering.id)}): ${commentText(p.requester.id)} requests, ${commentText(p.accepter.id)} accepts.`,
  ];
  if (p.peering.status === 'pending-acceptance') {
    comments.push(
      'The design marks it pending acceptance; it is exported accepted, as its routes need it active.',
    );
  }
  return {
    comments,
    type: 'resource',
    labels: ['aws_vpc_peering_connection', labels.peering(p.peering)],
    body,
  };
}

export function accepterBlock(ctx: Context, p: ResolvedPeering): TopBlock {
  const label = ctx.labels.peering(p.peering);
  return {
    comments: [`The accepter side of ${commentText(p.peering.id)}, in the accepter's account and region.`],
    type: 'resource',
    labels: ['aws_vpc_peering_connection_accepter', label],
    body: [
      attr('provider', providerRef(ctx, p.accepter)),
      attr('vpc_peering_connection_id', `aws_vpc_peering_connection.${label}.id`),
      attr('auto_accept', 'true'),
      tags(p.peering.name || p.peering.id),
    ],
  };
}
