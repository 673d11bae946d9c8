// Design → a Terraform root module for hashicorp/aws >= 5: versions.tf, providers.tf, variables.tf,
// one file per account, outputs.tf. Every reference between resources is an expression, so Terraform
// orders creation and no id is ever copied. Choices the design leaves open:
// - an `internet` route gets an aws_internet_gateway in its VPC (an IGW needs nothing else);
// - a `nat` route targets var.<vpc>_nat_gateway_id: a NAT gateway needs a public subnet and an
//   Elastic IP the design does not draw, so the user supplies one;
// - every peering is exported active (accepted), whatever its `status`, because the routes that use
//   it only work once it is.
import type {
  Design,
  Endpoint,
  Peering,
  RouteTable,
  SecurityGroup,
  SgRule,
  Subnet,
  Vpc,
} from '../../model/schema';
import type { Finding } from '../../rules/types';
import { hashComment, headerLines, type ExportFile } from '../header';
import { identifierSlug, terraformLabel } from '../labels';
import {
  buildExportModel,
  needsAccepter,
  type ExportModel,
  type ResolvedPeering,
  type Scope,
} from '../model';
import { awsText, commentQuote, commentText, NameRegistry, tagValue } from '../text';
import {
  attr,
  block,
  hclInlineObject,
  hclList,
  hclString,
  object,
  renderHclFile,
  type BodyItem,
  type TopBlock,
} from './hcl';

/** Terraform 1.7 brought `mock_provider` for `terraform test`; the module is tested with it. */
const REQUIRED_TERRAFORM = '>= 1.7.0';
const REQUIRED_AWS = '>= 5.0';

/** The labels this export gives to design elements, by resource type; tests plan against them. */
export interface TerraformLabels {
  provider(scope: Scope): string;
  vpc(vpc: Vpc): string;
  subnet(subnet: Subnet): string;
  routeTable(table: RouteTable): string;
  route(table: RouteTable, index: number): string | undefined;
  securityGroup(group: SecurityGroup): string;
  rule(group: SecurityGroup, direction: 'ingress' | 'egress', index: number): string | undefined;
  endpoint(endpoint: Endpoint): string;
  peering(peering: Peering): string;
  roleVariable(accountRef: string): string;
  natVariable(vpc: Vpc): string;
}

class Labeller implements TerraformLabels {
  private readonly registries = new Map<string, NameRegistry>();
  private readonly memo = new Map<string, Map<object, string>>();
  private readonly byKey = new Map<string, string>();

  private claim(namespace: string, element: object, preferred: () => string): string {
    let seen = this.memo.get(namespace);
    if (!seen) this.memo.set(namespace, (seen = new Map()));
    const known = seen.get(element);
    if (known) return known;
    let registry = this.registries.get(namespace);
    if (!registry) this.registries.set(namespace, (registry = new NameRegistry()));
    const label = registry.claim(preferred());
    seen.set(element, label);
    return label;
  }

  private keyed(namespace: string, key: string, preferred: () => string): string {
    const k = JSON.stringify([namespace, key]);
    let label = this.byKey.get(k);
    if (!label) {
      let registry = this.registries.get(namespace);
      if (!registry) this.registries.set(namespace, (registry = new NameRegistry()));
      label = registry.claim(preferred());
      this.byKey.set(k, label);
    }
    return label;
  }

  readonly routeLabels = new Map<RouteTable, string[]>();
  readonly ruleLabels = new Map<SecurityGroup, { ingress: string[]; egress: string[] }>();

  provider = (scope: Scope) =>
    this.keyed(
      'provider',
      scope.key,
      () => `${terraformLabel(scope.accountRef)}_${identifierSlug(scope.region)}`,
    );
  vpc = (vpc: Vpc) => this.claim('aws_vpc', vpc, () => terraformLabel(vpc.id));
  subnet = (s: Subnet) => this.claim('aws_subnet', s, () => terraformLabel(s.id));
  routeTable = (t: RouteTable) => this.claim('aws_route_table', t, () => terraformLabel(t.id));
  securityGroup = (g: SecurityGroup) => this.claim('aws_security_group', g, () => terraformLabel(g.id));
  endpoint = (e: Endpoint) => this.claim('aws_vpc_endpoint', e, () => terraformLabel(e.id));
  peering = (p: Peering) => this.claim('aws_vpc_peering_connection', p, () => terraformLabel(p.id));
  roleVariable = (accountRef: string) =>
    this.keyed('variable', `role:${accountRef}`, () => `${terraformLabel(accountRef)}_role_arn`);
  natVariable = (vpc: Vpc) => this.claim('variable', vpc, () => `${this.vpc(vpc)}_nat_gateway_id`);
  route = (t: RouteTable, i: number) => this.routeLabels.get(t)?.[i];
  rule = (g: SecurityGroup, d: 'ingress' | 'egress', i: number) => this.ruleLabels.get(g)?.[d][i];

  /** Routes and rules have no ids: they are named after their table/group and what they hold. */
  nameRoutesAndRules(design: Design) {
    const routes = new NameRegistry();
    const rules = { ingress: new NameRegistry(), egress: new NameRegistry() };
    for (const vpc of design.vpcs) {
      for (const table of vpc.routeTables) {
        const base = this.routeTable(table);
        this.routeLabels.set(
          table,
          table.routes.map((r) => routes.claim(`${base}_${identifierSlug(r.destination)}`)),
        );
      }
      for (const group of vpc.securityGroups) {
        const base = this.securityGroup(group);
        this.ruleLabels.set(group, {
          ingress: group.ingress.map((_, i) => rules.ingress.claim(`${base}_ingress_${i + 1}`)),
          egress: group.egress.map((_, i) => rules.egress.claim(`${base}_egress_${i + 1}`)),
        });
      }
    }
  }
}

/** Labels for a design, the same ones exportTerraform uses. */
export function terraformLabels(design: Design): TerraformLabels {
  const labels = new Labeller();
  labels.nameRoutesAndRules(design);
  return labels;
}

const tags = (name: string): BodyItem => attr('tags', hclInlineObject([['Name', hclString(tagValue(name))]]));

interface Context {
  model: ExportModel;
  labels: Labeller;
  /** Account label → the literal account number, for `local.account_ids`. */
  accountIds: Map<string, string>;
}

function providerRef(ctx: Context, vpc: Vpc): string {
  return `aws.${ctx.labels.provider(ctx.model.scopeOf(vpc))}`;
}

/** The expression for a peering's id as seen by routes: the accepter's, so routes wait for acceptance. */
function peeringIdExpr(ctx: Context, p: ResolvedPeering): string {
  const label = ctx.labels.peering(p.peering);
  return needsAccepter(p)
    ? `aws_vpc_peering_connection_accepter.${label}.id`
    : `aws_vpc_peering_connection.${label}.id`;
}

function vpcBlocks(ctx: Context, vpc: Vpc): TopBlock[] {
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

  for (const table of vpc.routeTables) {
    const rtLabel = labels.routeTable(table);
    const rtId = `aws_route_table.${rtLabel}.id`;
    blocks.push({
      type: 'resource',
      labels: ['aws_route_table', rtLabel],
      body: [provider, attr('vpc_id', vpcId), tags(table.name || table.id)],
    });
    if (table.main && vpc.routeTables.find((t) => t.main) === table) {
      blocks.push({
        comments: ['Subnets without an explicit association use the main route table.'],
        type: 'resource',
        labels: ['aws_main_route_table_association', rtLabel],
        body: [provider, attr('vpc_id', vpcId), attr('route_table_id', rtId)],
      });
    }
    table.routes.forEach((route, i) => {
      const label = labels.route(table, i)!;
      const target: BodyItem[] = [];
      if (route.peering !== undefined) {
        const p = model.peering(route.peering);
        if (!p) {
          notes.push(
            `Route ${commentQuote(route.destination)} in ${commentText(table.id)} is not exported: peering ${commentQuote(route.peering)} does not join two VPCs of the design.`,
          );
          return;
        }
        target.push(attr('vpc_peering_connection_id', peeringIdExpr(ctx, p)));
      } else if (route.gateway === 'internet') {
        target.push(attr('gateway_id', `aws_internet_gateway.${vpcLabel}.id`));
      } else {
        target.push(attr('nat_gateway_id', `var.${labels.natVariable(vpc)}`));
      }
      blocks.push({
        type: 'resource',
        labels: ['aws_route', label],
        body: [
          provider,
          attr('route_table_id', rtId),
          attr('destination_cidr_block', hclString(route.destination)),
          ...target,
        ],
      });
    });
  }

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

  const groupNames = new NameRegistry(' ');
  for (const group of vpc.securityGroups) {
    const sgLabel = labels.securityGroup(group);
    let groupName = awsText(group.name || group.id) || group.id;
    // EC2 reserves the "sg-" prefix for group ids.
    if (/^sg-/i.test(groupName)) groupName = `group ${groupName}`;
    blocks.push({
      type: 'resource',
      labels: ['aws_security_group', sgLabel],
      body: [
        provider,
        attr('name', hclString(groupNames.claim(groupName.slice(0, 240)))),
        attr('description', hclString(awsText(group.name || group.id) || group.id)),
        attr('vpc_id', vpcId),
        tags(group.name || group.id),
      ],
    });
    for (const direction of ['ingress', 'egress'] as const) {
      group[direction].forEach((rule, i) => {
        const made = ruleBlock(ctx, vpc, group, direction, rule, labels.rule(group, direction, i)!);
        if (typeof made === 'string') notes.push(made);
        else blocks.push(made);
      });
    }
  }

  for (const endpoint of vpc.endpoints) blocks.push(endpointBlock(ctx, vpc, endpoint));

  for (const text of notes) blocks.push({ comments: [text], labels: [], body: [] });
  return blocks;
}

function ruleBlock(
  ctx: Context,
  vpc: Vpc,
  group: SecurityGroup,
  direction: 'ingress' | 'egress',
  rule: SgRule,
  label: string,
): TopBlock | string {
  const { labels, model } = ctx;
  const body: BodyItem[] = [
    attr('provider', providerRef(ctx, vpc)),
    attr('security_group_id', `aws_security_group.${labels.securityGroup(group)}.id`),
    attr('ip_protocol', hclString(rule.protocol)),
  ];
  const comments: string[] = [];
  if (rule.protocol === 'tcp' || rule.protocol === 'udp') {
    body.push(attr('from_port', String(rule.fromPort ?? 0)), attr('to_port', String(rule.toPort ?? 65535)));
  } else if (rule.protocol === 'icmp') {
    // For ICMP the "ports" are the type and code; -1 means all.
    body.push(attr('from_port', String(rule.fromPort ?? -1)), attr('to_port', String(rule.toPort ?? -1)));
  }
  if (rule.cidr !== undefined) {
    body.push(attr('cidr_ipv4', hclString(rule.cidr)));
  } else if (rule.securityGroup !== undefined) {
    const other = model.groupVpc(rule.securityGroup);
    if (!other) {
      return `The ${direction} rule ${label} is not exported: security group ${commentQuote(rule.securityGroup)} is not in the design.`;
    }
    const ref = `aws_security_group.${labels.securityGroup(other.group)}.id`;
    if (other.vpc.account !== vpc.account && ctx.accountIds.has(terraformLabel(other.vpc.account))) {
      // A group in another account is named "<account>/<group id>" (AWS VPC peering guide).
      body.push(
        attr(
          'referenced_security_group_id',
          `"\${local.account_ids.${terraformLabel(other.vpc.account)}}/\${${ref}}"`,
        ),
      );
    } else {
      body.push(attr('referenced_security_group_id', ref));
    }
    if (other.vpc.region !== vpc.region) {
      comments.push(
        'AWS cannot reference a security group in another region; the validation panel flags this rule.',
      );
    }
    if (other.vpc !== vpc) {
      // Referencing a group across a peering needs the peering to be active first.
      const link = model.peerings.find(
        (p) =>
          (p.requester === vpc && p.accepter === other.vpc) ||
          (p.accepter === vpc && p.requester === other.vpc),
      );
      if (link && needsAccepter(link)) {
        body.push(
          attr(
            'depends_on',
            hclList([`aws_vpc_peering_connection_accepter.${labels.peering(link.peering)}`]),
          ),
        );
      } else if (link) {
        body.push(
          attr('depends_on', hclList([`aws_vpc_peering_connection.${labels.peering(link.peering)}`])),
        );
      }
    }
  }
  if (rule.description) {
    const text = awsText(rule.description);
    if (text) body.splice(3, 0, attr('description', hclString(text)));
  }
  return {
    comments,
    type: 'resource',
    labels: [`aws_vpc_security_group_${direction}_rule`, label],
    body,
  };
}

function endpointBlock(ctx: Context, vpc: Vpc, endpoint: Endpoint): TopBlock {
  const { labels, model } = ctx;
  const body: BodyItem[] = [
    attr('provider', providerRef(ctx, vpc)),
    attr('vpc_id', `aws_vpc.${labels.vpc(vpc)}.id`),
    attr('service_name', hclString(`com.amazonaws.${vpc.region}.${endpoint.service}`)),
    attr('vpc_endpoint_type', hclString(endpoint.type)),
  ];
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
  } else {
    const tables = endpoint.routeTables
      .map((id) => model.index.routeTables.get(id)?.element)
      .filter((t) => t !== undefined)
      .map((t) => `aws_route_table.${labels.routeTable(t)}.id`);
    body.push(attr('route_table_ids', hclList(tables)));
  }
  body.push(tags(endpoint.name || `${endpoint.service} endpoint`));
  return { type: 'resource', labels: ['aws_vpc_endpoint', labels.endpoint(endpoint)], body };
}

function peeringBlocks(ctx: Context, p: ResolvedPeering): TopBlock {
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

function accepterBlock(ctx: Context, p: ResolvedPeering): TopBlock {
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

function outputsFile(ctx: Context, header: string): string {
  const { labels, model } = ctx;
  const design = model.design;
  const output = (name: string, description: string, entries: [string, string][]): TopBlock => ({
    type: 'output',
    labels: [name],
    body: [attr('description', hclString(description)), object('value', entries)],
  });
  const seen = new Set<string>();
  // Keys are element ids; a duplicated id (already an error finding) keeps its first element.
  const entry = (id: string, expr: string): [string, string][] => {
    if (seen.has(id)) return [];
    seen.add(id);
    return [[hclString(id), expr]];
  };
  const vpcs = design.vpcs;
  const blocks = [
    output(
      'vpc_ids',
      'VPC ids by design element id',
      vpcs.flatMap((v) => entry(v.id, `aws_vpc.${labels.vpc(v)}.id`)),
    ),
    output(
      'subnet_ids',
      'Subnet ids by design element id',
      vpcs.flatMap((v) => v.subnets.flatMap((s) => entry(s.id, `aws_subnet.${labels.subnet(s)}.id`))),
    ),
    output(
      'route_table_ids',
      'Route table ids by design element id',
      vpcs.flatMap((v) =>
        v.routeTables.flatMap((t) => entry(t.id, `aws_route_table.${labels.routeTable(t)}.id`)),
      ),
    ),
    output(
      'security_group_ids',
      'Security group ids by design element id',
      vpcs.flatMap((v) =>
        v.securityGroups.flatMap((g) => entry(g.id, `aws_security_group.${labels.securityGroup(g)}.id`)),
      ),
    ),
    output(
      'vpc_endpoint_ids',
      'VPC endpoint ids by design element id',
      vpcs.flatMap((v) =>
        v.endpoints.flatMap((e) => entry(e.id, `aws_vpc_endpoint.${labels.endpoint(e)}.id`)),
      ),
    ),
    output(
      'peering_connection_ids',
      'VPC peering connection ids by design element id',
      model.peerings.flatMap((p) =>
        entry(p.peering.id, `aws_vpc_peering_connection.${labels.peering(p.peering)}.id`),
      ),
    ),
  ];
  return renderHclFile(header, blocks);
}

export function exportTerraform(design: Design, findings: readonly Finding[]): ExportFile[] {
  const model = buildExportModel(design);
  const labels = new Labeller();
  labels.nameRoutesAndRules(design);
  const header = (about: string) => hashComment(headerLines(design, findings, about));

  const accountIds = new Map<string, string>();
  for (const scope of model.scopes) {
    if (scope.account) accountIds.set(terraformLabel(scope.accountRef), scope.account.accountId);
  }
  const ctx: Context = { model, labels, accountIds };

  const files: ExportFile[] = [];
  const hcl = (path: string, content: string) => files.push({ path, content, language: 'hcl' });

  hcl(
    'versions.tf',
    renderHclFile(header('Terraform and provider versions'), [
      {
        type: 'terraform',
        labels: [],
        body: [
          attr('required_version', hclString(REQUIRED_TERRAFORM)),
          block(
            'required_providers',
            [],
            [
              object('aws', [
                ['source', hclString('hashicorp/aws')],
                ['version', hclString(REQUIRED_AWS)],
              ]),
            ],
          ),
        ],
      },
    ]),
  );

  const accountRefs = [...new Set(model.scopes.map((s) => s.accountRef))];
  const providerBlocks: TopBlock[] = [];
  if (accountIds.size) {
    providerBlocks.push({
      comments: ['AWS account numbers of the design, by account element.'],
      type: 'locals',
      labels: [],
      body: [
        object(
          'account_ids',
          [...accountIds].map(([k, v]) => [k, hclString(v)] as const),
        ),
      ],
    });
  }
  for (const scope of model.scopes) {
    const accountLabel = terraformLabel(scope.accountRef);
    const body: BodyItem[] = [
      attr('alias', hclString(labels.provider(scope))),
      attr('region', hclString(scope.region)),
    ];
    // allowed_account_ids stops a wrong role or profile from building this part in another account.
    if (accountIds.has(accountLabel))
      body.push(attr('allowed_account_ids', hclList([`local.account_ids.${accountLabel}`])));
    body.push(block('assume_role', [], [attr('role_arn', `var.${labels.roleVariable(scope.accountRef)}`)]));
    providerBlocks.push({
      comments: [
        `Account ${commentQuote(scope.account?.name || scope.accountRef)} (${commentText(scope.accountRef)}), region ${commentText(scope.region)}`,
      ],
      type: 'provider',
      labels: ['aws'],
      body,
    });
  }
  hcl(
    'providers.tf',
    renderHclFile(header('One AWS provider configuration per account and region'), providerBlocks),
  );

  const variableBlocks: TopBlock[] = accountRefs.map((ref) => {
    const account = model.index.accounts.get(ref)?.element;
    const name = labels.roleVariable(ref);
    return {
      type: 'variable',
      labels: [name],
      body: [
        attr('type', 'string'),
        attr(
          'description',
          hclString(
            `ARN of the IAM role Terraform assumes in account "${account?.name || ref}" (${account?.accountId ?? 'not in the design'})`,
          ),
        ),
        block(
          'validation',
          [],
          [
            attr('condition', `can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", var.${name}))`),
            attr(
              'error_message',
              hclString('Expected an IAM role ARN such as arn:aws:iam::123456789012:role/name.'),
            ),
          ],
        ),
      ],
    };
  });
  for (const vpc of design.vpcs) {
    if (!model.usesGateway(vpc, 'nat')) continue;
    const name = labels.natVariable(vpc);
    variableBlocks.push({
      type: 'variable',
      labels: [name],
      body: [
        attr('type', 'string'),
        attr(
          'description',
          hclString(
            `NAT gateway (nat-…) that the "nat" routes of VPC "${vpc.name || vpc.id}" use; the design does not draw it`,
          ),
        ),
        block(
          'validation',
          [],
          [
            attr('condition', `can(regex("^nat-[0-9a-f]+$", var.${name}))`),
            attr('error_message', hclString('Expected a NAT gateway id such as nat-0123456789abcdef0.')),
          ],
        ),
      ],
    });
  }
  hcl(
    'variables.tf',
    renderHclFile(
      header('Inputs: a role per account, and gateways the design does not draw'),
      variableBlocks,
    ),
  );

  const fileNames = new NameRegistry('-');
  for (const ref of accountRefs) {
    const account = model.index.accounts.get(ref)?.element;
    const vpcs = design.vpcs.filter((v) => v.account === ref);
    const blocks: TopBlock[] = vpcs.flatMap((v) => vpcBlocks(ctx, v));
    for (const p of model.peerings) {
      if (p.requester.account === ref) blocks.push(peeringBlocks(ctx, p));
    }
    for (const p of model.peerings) {
      if (p.accepter.account === ref && needsAccepter(p)) blocks.push(accepterBlock(ctx, p));
    }
    const path = `account-${fileNames.claim(terraformLabel(ref).replace(/_/g, '-').replace(/^-+/, ''))}.tf`;
    hcl(
      path,
      renderHclFile(header(`Account ${commentQuote(account?.name || ref)} (${commentText(ref)})`), blocks),
    );
  }

  hcl('outputs.tf', outputsFile(ctx, header('Outputs: AWS ids of the exported elements')));
  return files;
}
