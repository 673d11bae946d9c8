// Design → CloudFormation: one template per (account, region), because a stack lives in exactly one
// account and region, plus DEPLOY.md. Values one stack needs from another (a peer VPC id, a peering
// connection id, the accepter's role ARN, a peer's security group id) are Parameters fed from the
// other stack's Outputs. Peerings make those needs circular (the requester needs the accepter's VPC
// id, the accepter's routes need the requester's peering id), so every such Parameter defaults to
// empty and what depends on it is created under a Condition once it is filled: stacks are created
// first and updated in rounds, which DEPLOY.md spells out.
import type { Design, Endpoint, RouteTable, SecurityGroup, SgRule, Subnet, Vpc } from '../../model/schema';
import type { Finding } from '../../rules/types';
import { hashComment, headerLines, type ExportFile } from '../header';
import { logicalId } from '../labels';
import {
  buildExportModel,
  mainRouteTable,
  type ExportModel,
  type ResolvedPeering,
  type Scope,
} from '../model';
import {
  awsText,
  commentText,
  markdownCode,
  markdownText,
  NameRegistry,
  tagValue,
  wellFormed,
} from '../text';
import { toYaml } from './yaml';

type Json = unknown;
const ref = (name: string): Json => ({ Ref: name });
const getAtt = (name: string, attribute: string): Json => ({ 'Fn::GetAtt': [name, attribute] });
const join = (parts: Json[]): Json => ({ 'Fn::Join': ['', parts] });
const nameTags = (name: string): Json => [{ Key: 'Name', Value: tagValue(name) }];

/** CloudFormation counts description limits in bytes. */
function truncateBytes(s: string, max: number): string {
  const text = wellFormed(s);
  // A UTF-16 code unit never takes more than 3 bytes in UTF-8: most texts need no counting.
  if (text.length * 3 <= max) return text;
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= max) return text;
  let out = '';
  let bytes = 0;
  for (const c of text) {
    const n = encoder.encode(c).length;
    if (bytes + n > max) break;
    out += c;
    bytes += n;
  }
  return out;
}

type ValueKind = 'vpc' | 'group' | 'peering' | 'role';

const PATTERNS: Record<ValueKind | 'nat', { pattern: string; what: string }> = {
  vpc: { pattern: '^$|^vpc-[0-9a-f]{8,17}$', what: 'a VPC id (vpc-…)' },
  group: { pattern: '^$|^sg-[0-9a-f]{8,17}$', what: 'a security group id (sg-…)' },
  peering: { pattern: '^$|^pcx-[0-9a-f]{8,17}$', what: 'a VPC peering connection id (pcx-…)' },
  role: { pattern: '^$|^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$', what: 'an IAM role ARN' },
  nat: { pattern: '^$|^nat-[0-9a-f]{8,17}$', what: 'a NAT gateway id (nat-…)' },
};

/** One Output of one stack, and the round of deployment after which it has a value. */
interface OutputRef {
  stack: Stack;
  name: string;
  round: number;
}

/** A Parameter filled from another stack's Output, in a given round. */
export interface StackInput {
  parameter: string;
  from: OutputRef;
  round: number;
}

interface Stack {
  scope: Scope;
  name: string;
  file: string;
  ids: NameRegistry;
  outputNames: NameRegistry;
  parameters: Record<string, Json>;
  conditions: Record<string, Json>;
  resources: Record<string, Json>;
  outputs: Record<string, Json>;
  inputs: StackInput[];
  /** Parameters the user fills by hand (NAT gateways). */
  manual: string[];
  needsIam: boolean;
  /** Parameter memo: output identity → parameter name. */
  paramFor: Map<OutputRef, string>;
}

/** What a reference resolves to: a value, and the Condition (if any) it can only be used under. */
interface Resolved {
  value: Json;
  conditions: string[];
  round: number;
}

class Builder {
  readonly stacks: Stack[] = [];
  private readonly stackOf = new Map<Scope, Stack>();
  /** Where each design element lives: its stack and logical id. */
  readonly placed = new Map<object, { stack: Stack; id: string }>();
  private readonly outputsMemo = new Map<string, OutputRef>();
  readonly peeringRound = new Map<ResolvedPeering, { conditions: string[]; round: number }>();
  readonly notes = new Map<Stack, string[]>();

  constructor(readonly model: ExportModel) {
    const stackNames = new NameRegistry('-');
    const files = new NameRegistry('-');
    for (const scope of model.scopes) {
      const slug = `${scope.accountRef}-${scope.region}`.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+/g, '-');
      const base = `pnd-${slug}`.replace(/-+$/, '').slice(0, 120);
      const stack: Stack = {
        scope,
        name: stackNames.claim(base),
        file: `${files.claim(slug.replace(/^-+|-+$/g, '') || 'stack')}.yaml`,
        ids: new NameRegistry(''),
        outputNames: new NameRegistry(''),
        parameters: {},
        conditions: {},
        resources: {},
        outputs: {},
        inputs: [],
        manual: [],
        needsIam: false,
        paramFor: new Map(),
      };
      this.stacks.push(stack);
      this.stackOf.set(scope, stack);
    }
    // Logical ids first, so that references can be made in any order.
    for (const vpc of model.design.vpcs) {
      const stack = this.stackFor(vpc);
      const place = (element: { id: string }, suffix = '') =>
        this.placed.set(element, { stack, id: stack.ids.claim(logicalId(element.id) + suffix) });
      place(vpc);
      vpc.subnets.forEach((s) => place(s));
      vpc.routeTables.forEach((t) => place(t));
      vpc.securityGroups.forEach((g) => place(g));
      vpc.endpoints.forEach((e) => place(e));
    }
    for (const p of model.peerings) {
      const stack = this.stackFor(p.requester);
      this.placed.set(p.peering, { stack, id: stack.ids.claim(logicalId(p.peering.id)) });
    }
  }

  stackFor(vpc: Vpc): Stack {
    return this.stackOf.get(this.model.scopeOf(vpc))!;
  }

  id(element: object): string {
    const placed = this.placed.get(element);
    if (!placed) throw new Error('export: element has no logical id');
    return placed.id;
  }

  note(stack: Stack, text: string) {
    const list = this.notes.get(stack) ?? [];
    list.push(text);
    this.notes.set(stack, list);
  }

  /** An Output of `stack` (created once), e.g. a VPC's id. */
  output(
    stack: Stack,
    key: string,
    name: string,
    value: Json,
    description: string,
    round = 1,
    condition?: string,
  ) {
    const memoKey = JSON.stringify([stack.name, key]);
    const known = this.outputsMemo.get(memoKey);
    if (known) return known;
    const outputName = stack.outputNames.claim(name);
    stack.outputs[outputName] = {
      Description: truncateBytes(description, 1024),
      Value: value,
      ...(condition ? { Condition: condition } : {}),
    };
    const made: OutputRef = { stack, name: outputName, round };
    this.outputsMemo.set(memoKey, made);
    return made;
  }

  /** A Parameter of `stack` that takes `from`'s value, with a Condition that it has been filled. */
  input(stack: Stack, from: OutputRef, kind: ValueKind, description: string, minRound = 0): Resolved {
    let parameter = stack.paramFor.get(from);
    if (!parameter) {
      parameter = stack.ids.claim(from.name);
      stack.paramFor.set(from, parameter);
      const { pattern, what } = PATTERNS[kind];
      stack.parameters[parameter] = {
        Type: 'String',
        Default: '',
        AllowedPattern: pattern,
        ConstraintDescription: `must be empty or ${what}`,
        Description: truncateBytes(
          `${description}. Output ${from.name} of stack ${from.stack.name}; leave empty until that stack has it (see DEPLOY.md).`,
          4000,
        ),
      };
      stack.conditions[`Has${parameter}`] = { 'Fn::Not': [{ 'Fn::Equals': [ref(parameter), ''] }] };
      stack.inputs.push({ parameter, from, round: Math.max(from.round + 1, minRound) });
    }
    const input = stack.inputs.find((i) => i.parameter === parameter)!;
    return { value: ref(parameter), conditions: [`Has${parameter}`], round: input.round };
  }

  /** A Condition that holds when all of `conditions` do (or none when the list is empty). */
  condition(stack: Stack, owner: string, conditions: readonly string[]): string | undefined {
    const unique = [...new Set(conditions)].sort();
    if (unique.length === 0) return undefined;
    if (unique.length === 1) return unique[0];
    const name = `${owner}Ready`;
    stack.conditions[name] = { 'Fn::And': unique.slice(0, 10).map((c) => ({ Condition: c })) };
    return name;
  }

  resource(
    stack: Stack,
    id: string,
    type: string,
    properties: Record<string, Json>,
    extra: Record<string, Json> = {},
  ) {
    stack.resources[id] = { Type: type, ...extra, Properties: properties };
  }

  vpcRef(from: Stack, vpc: Vpc, description: string): Resolved {
    const { stack, id } = this.placed.get(vpc)!;
    if (stack === from) return { value: ref(id), conditions: [], round: 1 };
    const out = this.output(stack, `vpc:${id}`, `${id}VpcId`, ref(id), `VPC id of "${vpc.name || vpc.id}"`);
    return this.input(from, out, 'vpc', description);
  }

  groupRef(from: Stack, group: SecurityGroup, description: string, minRound: number): Resolved {
    const { stack, id } = this.placed.get(group)!;
    const value = getAtt(id, 'GroupId');
    if (stack === from) return { value, conditions: [], round: 1 };
    const out = this.output(
      stack,
      `sg:${id}`,
      `${id}GroupId`,
      value,
      `Security group id of "${group.name || group.id}"`,
    );
    return this.input(from, out, 'group', description, minRound);
  }

  /** The peering's id where `from` needs it, and whether the peering exists yet. */
  peeringRef(from: Stack, p: ResolvedPeering): Resolved {
    const { stack, id } = this.placed.get(p.peering)!;
    const state = this.peeringRound.get(p);
    if (!state) throw new Error('export: peering used before it was built');
    if (stack === from) return { value: ref(id), conditions: state.conditions, round: state.round };
    const out = this.peeringOutput(p);
    return this.input(
      from,
      out,
      'peering',
      `Id of VPC peering connection "${p.peering.name || p.peering.id}"`,
    );
  }

  peeringOutput(p: ResolvedPeering): OutputRef {
    const { stack, id } = this.placed.get(p.peering)!;
    const state = this.peeringRound.get(p)!;
    const condition = this.condition(stack, id, state.conditions);
    return this.output(
      stack,
      `pcx:${id}`,
      `${id}PeeringConnectionId`,
      ref(id),
      `VPC peering connection id of "${p.peering.name || p.peering.id}"`,
      state.round,
      condition,
    );
  }

  accountNumber(ref: string): string | undefined {
    return this.model.index.accounts.get(ref)?.element.accountId;
  }

  /** The role in the accepter's stack that lets `requesterAccount` accept peerings into it. */
  accepterRole(accepterStack: Stack, requesterAccount: string): OutputRef | undefined {
    const number = this.accountNumber(requesterAccount);
    if (number === undefined) return undefined;
    const key = `role:${requesterAccount}`;
    const roleId = `PeeringAccepterRoleFor${logicalId(requesterAccount)}`;
    const existing = this.outputsMemo.get(JSON.stringify([accepterStack.name, key]));
    if (existing) return existing;
    const id = accepterStack.ids.claim(roleId);
    const arn = (service: string, resource: Json[]) =>
      join(['arn:', ref('AWS::Partition'), `:${service}:`, ...resource]);
    const accepterVpcs = this.model.peerings
      .filter(
        (p) =>
          p.crossAccount &&
          p.requester.account === requesterAccount &&
          this.stackFor(p.accepter) === accepterStack,
      )
      .map((p) => p.accepter);
    // Accepting is authorised on the peering connection and on the accepter's VPC.
    const resources = [
      arn('ec2', [ref('AWS::Region'), ':', ref('AWS::AccountId'), ':vpc-peering-connection/*']),
      ...[...new Set(accepterVpcs)].map((v) =>
        arn('ec2', [ref('AWS::Region'), ':', ref('AWS::AccountId'), ':vpc/', ref(this.id(v))]),
      ),
    ];
    this.resource(accepterStack, id, 'AWS::IAM::Role', {
      Description: truncateBytes(
        awsText(`Lets account ${number} accept VPC peering connections into this account`, 1000),
        1000,
      ),
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: join(['arn:', ref('AWS::Partition'), ':iam::', number, ':root']) },
            Action: 'sts:AssumeRole',
          },
        ],
      },
      Policies: [
        {
          PolicyName: 'AcceptVpcPeering',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'ec2:AcceptVpcPeeringConnection', Resource: resources }],
          },
        },
      ],
    });
    accepterStack.needsIam = true;
    const account = this.model.index.accounts.get(requesterAccount)?.element;
    const out = this.output(
      accepterStack,
      key,
      `${id}Arn`,
      getAtt(id, 'Arn'),
      `Role that account "${account?.name || requesterAccount}" assumes to accept VPC peering connections`,
    );
    return out;
  }
}

function buildVpc(b: Builder, vpc: Vpc) {
  const stack = b.stackFor(vpc);
  const vpcId = b.id(vpc);
  const vpcRef = ref(vpcId);
  const name = vpc.name || vpc.id;

  b.resource(stack, vpcId, 'AWS::EC2::VPC', {
    CidrBlock: vpc.cidr,
    EnableDnsSupport: vpc.dnsSupport,
    EnableDnsHostnames: vpc.dnsHostnames,
    Tags: nameTags(name),
  });
  b.output(stack, `vpc:${vpcId}`, `${vpcId}VpcId`, vpcRef, `VPC id of "${name}"`);

  const blocks = vpc.secondaryCidrs.map((cidr) => {
    const id = stack.ids.claim(`${vpcId}Cidr`);
    b.resource(stack, id, 'AWS::EC2::VPCCidrBlock', { VpcId: vpcRef, CidrBlock: cidr });
    return id;
  });

  let attachment: string | undefined;
  let gateway: string | undefined;
  if (b.model.usesGateway(vpc, 'internet')) {
    gateway = stack.ids.claim(`${vpcId}InternetGateway`);
    attachment = stack.ids.claim(`${vpcId}GatewayAttachment`);
    b.resource(stack, gateway, 'AWS::EC2::InternetGateway', { Tags: nameTags(`${name} internet gateway`) });
    b.resource(stack, attachment, 'AWS::EC2::VPCGatewayAttachment', {
      VpcId: vpcRef,
      InternetGatewayId: ref(gateway),
    });
  }
  let natParameter: string | undefined;
  if (b.model.usesGateway(vpc, 'nat')) {
    natParameter = stack.ids.claim(`${vpcId}NatGatewayId`);
    stack.parameters[natParameter] = {
      Type: 'String',
      Default: '',
      AllowedPattern: PATTERNS.nat.pattern,
      ConstraintDescription: `must be empty or ${PATTERNS.nat.what}`,
      Description: truncateBytes(
        `NAT gateway for the "nat" routes of VPC "${name}"; the design does not draw it`,
        4000,
      ),
    };
    stack.conditions[`Has${natParameter}`] = { 'Fn::Not': [{ 'Fn::Equals': [ref(natParameter), ''] }] };
    stack.manual.push(natParameter);
  }

  for (const subnet of vpc.subnets) buildSubnet(b, stack, vpc, subnet, blocks);
  for (const table of vpc.routeTables)
    buildRouteTable(b, stack, vpc, table, { gateway, attachment, natParameter });
  for (const group of vpc.securityGroups) buildGroup(b, stack, vpc, group);
  for (const endpoint of vpc.endpoints) buildEndpoint(b, stack, vpc, endpoint);
}

function buildSubnet(b: Builder, stack: Stack, vpc: Vpc, subnet: Subnet, blocks: string[]) {
  const id = b.id(subnet);
  b.resource(
    stack,
    id,
    'AWS::EC2::Subnet',
    {
      VpcId: ref(b.id(vpc)),
      CidrBlock: subnet.cidr,
      AvailabilityZone: subnet.az,
      MapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch,
      Tags: nameTags(subnet.name || subnet.id),
    },
    // A subnet may lie in a secondary block, which must be associated first.
    blocks.length ? { DependsOn: blocks } : {},
  );
  b.output(stack, `subnet:${id}`, `${id}SubnetId`, ref(id), `Subnet id of "${subnet.name || subnet.id}"`);
  // CloudFormation cannot replace a VPC's main route table, so subnets that use the design's main
  // table are associated with it explicitly: same routes, one more resource.
  const tableId = subnet.routeTable ?? mainRouteTable(vpc)?.id;
  if (tableId === undefined) return;
  const table = b.model.index.routeTables.get(tableId)?.element;
  const tablePlace = table && b.placed.get(table);
  if (!table || !tablePlace || tablePlace.stack !== stack) {
    b.note(
      stack,
      `Subnet ${subnet.id} names route table ${tableId}, which is not in its stack; it keeps the main table.`,
    );
    return;
  }
  b.resource(stack, stack.ids.claim(`${id}RouteTableAssociation`), 'AWS::EC2::SubnetRouteTableAssociation', {
    SubnetId: ref(id),
    RouteTableId: ref(tablePlace.id),
  });
}

function buildRouteTable(
  b: Builder,
  stack: Stack,
  vpc: Vpc,
  table: RouteTable,
  gateways: { gateway?: string; attachment?: string; natParameter?: string },
) {
  const id = b.id(table);
  b.resource(stack, id, 'AWS::EC2::RouteTable', {
    VpcId: ref(b.id(vpc)),
    Tags: nameTags(table.name || table.id),
  });
  b.output(stack, `rt:${id}`, `${id}RouteTableId`, ref(id), `Route table id of "${table.name || table.id}"`);
  table.routes.forEach((route) => {
    const routeId = stack.ids.claim(`${id}Route`);
    const properties: Record<string, Json> = {
      RouteTableId: ref(id),
      DestinationCidrBlock: route.destination,
    };
    const extra: Record<string, Json> = {};
    if (route.peering !== undefined) {
      const p = b.model.peering(route.peering);
      if (!p) {
        b.note(
          stack,
          `Route ${route.destination} in ${table.id} is not exported: peering ${route.peering} does not join two VPCs of the design.`,
        );
        return;
      }
      const resolved = b.peeringRef(stack, p);
      properties.VpcPeeringConnectionId = resolved.value;
      const condition = b.condition(stack, routeId, resolved.conditions);
      if (condition) extra.Condition = condition;
    } else if (route.gateway === 'internet') {
      properties.GatewayId = ref(gateways.gateway!);
      // A route to an internet gateway fails until the gateway is attached to the VPC.
      extra.DependsOn = gateways.attachment!;
    } else {
      properties.NatGatewayId = ref(gateways.natParameter!);
      extra.Condition = `Has${gateways.natParameter!}`;
    }
    b.resource(stack, routeId, 'AWS::EC2::Route', properties, extra);
  });
}

function isDefaultEgress(rule: SgRule): boolean {
  return rule.protocol === '-1' && rule.cidr === '0.0.0.0/0';
}

function ruleProperties(rule: SgRule): Record<string, Json> {
  const properties: Record<string, Json> = { IpProtocol: rule.protocol };
  if (rule.protocol === 'tcp' || rule.protocol === 'udp') {
    properties.FromPort = rule.fromPort ?? 0;
    properties.ToPort = rule.toPort ?? 65535;
  } else if (rule.protocol === 'icmp') {
    // For ICMP the "ports" are the type and code; -1 means all.
    properties.FromPort = rule.fromPort ?? -1;
    properties.ToPort = rule.toPort ?? -1;
  }
  const description = rule.description ? awsText(rule.description) : '';
  if (description) properties.Description = description;
  return properties;
}

function buildGroup(b: Builder, stack: Stack, vpc: Vpc, group: SecurityGroup) {
  const id = b.id(group);
  const name = group.name || group.id;
  // A new group gets an allow-all egress rule unless the template lists its egress rules. When the
  // design has that rule it is listed; when it does not, a rule that matches nothing is listed in its
  // place (the placeholder AWS CDK uses), so the group allows only what the design says.
  const defaultEgress = group.egress.find(isDefaultEgress);
  const inlineEgress = defaultEgress
    ? [{ ...ruleProperties(defaultEgress), CidrIp: '0.0.0.0/0' }]
    : [
        {
          IpProtocol: 'icmp',
          FromPort: 252,
          ToPort: 86,
          CidrIp: '255.255.255.255/32',
          Description: 'Disallow all traffic',
        },
      ];
  b.resource(stack, id, 'AWS::EC2::SecurityGroup', {
    GroupDescription: awsText(name) || group.id,
    VpcId: ref(b.id(vpc)),
    SecurityGroupEgress: inlineEgress,
    Tags: nameTags(name),
  });
  b.output(stack, `sg:${id}`, `${id}GroupId`, getAtt(id, 'GroupId'), `Security group id of "${name}"`);

  for (const direction of ['ingress', 'egress'] as const) {
    group[direction].forEach((rule) => {
      if (direction === 'egress' && rule === defaultEgress) return;
      const ruleId = stack.ids.claim(`${id}${direction === 'ingress' ? 'Ingress' : 'Egress'}`);
      const properties: Record<string, Json> = { GroupId: getAtt(id, 'GroupId'), ...ruleProperties(rule) };
      const extra: Record<string, Json> = {};
      if (rule.cidr !== undefined) {
        properties.CidrIp = rule.cidr;
      } else if (rule.securityGroup !== undefined) {
        const other = b.model.groupVpc(rule.securityGroup);
        if (!other) {
          b.note(
            stack,
            `A ${direction} rule of ${group.id} is not exported: security group ${rule.securityGroup} is not in the design.`,
          );
          return;
        }
        // Referencing a peer's group needs the peering active (AWS VPC peering guide).
        const link = b.model.peerings.find(
          (p) =>
            (p.requester === vpc && p.accepter === other.vpc) ||
            (p.accepter === vpc && p.requester === other.vpc),
        );
        let minRound = 0;
        let linkConditions: string[] = [];
        if (link && b.stackFor(link.requester) !== stack) minRound = b.peeringOutput(link).round + 1;
        if (link && b.stackFor(link.requester) === stack)
          linkConditions = b.peeringRef(stack, link).conditions;
        const resolved = b.groupRef(
          stack,
          other.group,
          `Security group id of "${other.group.name || other.group.id}"`,
          minRound,
        );
        properties[direction === 'ingress' ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId'] =
          resolved.value;
        if (direction === 'ingress' && other.vpc.account !== vpc.account) {
          const number = b.accountNumber(other.vpc.account);
          if (number !== undefined) properties.SourceSecurityGroupOwnerId = number;
        }
        const condition = b.condition(stack, ruleId, [...resolved.conditions, ...linkConditions]);
        if (condition) extra.Condition = condition;
      }
      const type =
        direction === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress';
      b.resource(stack, ruleId, type, properties, extra);
    });
  }
}

function buildEndpoint(b: Builder, stack: Stack, vpc: Vpc, endpoint: Endpoint) {
  const id = b.id(endpoint);
  const local = (ids: readonly string[], lookup: (id: string) => object | undefined) =>
    ids.flatMap((x) => {
      const element = lookup(x);
      const place = element && b.placed.get(element);
      return place && place.stack === stack ? [place] : [];
    });
  const properties: Record<string, Json> = {
    VpcId: ref(b.id(vpc)),
    ServiceName: `com.amazonaws.${vpc.region}.${endpoint.service}`,
    VpcEndpointType: endpoint.type,
  };
  if (endpoint.type === 'Interface') {
    properties.SubnetIds = local(endpoint.subnets, (x) => b.model.index.subnets.get(x)?.element).map((p) =>
      ref(p.id),
    );
    properties.SecurityGroupIds = local(
      endpoint.securityGroups,
      (x) => b.model.index.securityGroups.get(x)?.element,
    ).map((p) => getAtt(p.id, 'GroupId'));
    properties.PrivateDnsEnabled = endpoint.privateDns;
  } else {
    properties.RouteTableIds = local(
      endpoint.routeTables,
      (x) => b.model.index.routeTables.get(x)?.element,
    ).map((p) => ref(p.id));
  }
  properties.Tags = nameTags(endpoint.name || `${endpoint.service} endpoint`);
  b.resource(stack, id, 'AWS::EC2::VPCEndpoint', properties);
  b.output(
    stack,
    `vpce:${id}`,
    `${id}EndpointId`,
    ref(id),
    `VPC endpoint id of ${endpoint.service} endpoint ${endpoint.id}`,
  );
}

function buildPeering(b: Builder, p: ResolvedPeering) {
  const stack = b.stackFor(p.requester);
  const id = b.id(p.peering);
  const name = p.peering.name || p.peering.id;
  const peer = b.vpcRef(
    stack,
    p.accepter,
    `VPC id of the accepter VPC "${p.accepter.name || p.accepter.id}"`,
  );
  const conditions = [...peer.conditions];
  let round = peer.round;
  const properties: Record<string, Json> = { VpcId: ref(b.id(p.requester)), PeerVpcId: peer.value };
  if (p.crossAccount) {
    const owner = b.accountNumber(p.accepter.account);
    if (owner !== undefined) properties.PeerOwnerId = owner;
    const role = b.accepterRole(b.stackFor(p.accepter), p.requester.account);
    if (role) {
      const input = b.input(
        stack,
        role,
        'role',
        `ARN of the role that accepts peerings in the accepter's account`,
      );
      properties.PeerRoleArn = input.value;
      conditions.push(...input.conditions);
      round = Math.max(round, input.round);
    }
  }
  if (p.crossRegion) properties.PeerRegion = p.accepter.region;
  properties.Tags = nameTags(name);
  const condition = b.condition(stack, id, conditions);
  b.resource(
    stack,
    id,
    'AWS::EC2::VPCPeeringConnection',
    properties,
    condition ? { Condition: condition } : {},
  );
  b.peeringRound.set(p, { conditions: condition ? [condition] : [], round });
}

function deployGuide(b: Builder, header: string[]): string {
  const esc = (s: string) => commentText(s).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
  const lines: string[] = ['<!--', ...header.map(esc), '-->', ''];
  const design = b.model.design;
  lines.push(`# Deploying ${markdownText(design.name || 'the design')} with CloudFormation`, '');
  lines.push(
    'A stack lives in one account and one region, so the design is split into one template per account and region.',
    "Values that one stack needs from another are parameters, filled from the other stack's outputs.",
    'Peerings make those needs circular, so every such parameter starts empty and the resources that need it',
    'are created when it is filled: create all stacks, then update them round by round as below.',
    '',
    '| Stack | Template | Account | Region |',
    '| --- | --- | --- | --- |',
  );
  for (const s of b.stacks) {
    const account = s.scope.account;
    const who = account
      ? `${markdownText(account.name || s.scope.accountRef)} (${markdownText(account.accountId)})`
      : markdownText(s.scope.accountRef);
    lines.push(`| \`${s.name}\` | \`${s.file}\` | ${who} | ${markdownCode(s.scope.region)} |`);
  }
  lines.push('', '## Round 1: create every stack', '');
  lines.push("In any order, in each stack's own account and region, for example:", '', '```sh');
  for (const s of b.stacks) {
    const capabilities = s.needsIam ? ' --capabilities CAPABILITY_IAM' : '';
    lines.push(
      `aws cloudformation deploy --region ${s.scope.region.replace(/[^A-Za-z0-9-]/g, '')} --stack-name ${s.name} --template-file ${s.file}${capabilities}`,
    );
  }
  lines.push('```', '');
  const iam = b.stacks.filter((s) => s.needsIam);
  if (iam.length) {
    lines.push(
      `${iam.map((s) => `\`${s.name}\``).join(', ')} create${iam.length === 1 ? 's' : ''} an IAM role that lets another account accept VPC peering connections here, so ${iam.length === 1 ? 'it needs' : 'they need'} \`CAPABILITY_IAM\`.`,
      '',
    );
  }
  const manual = b.stacks.filter((s) => s.manual.length);
  if (manual.length) {
    lines.push(
      'Routes to a NAT gateway need its id, which the design does not hold: pass it when creating the stack.',
      '',
    );
    lines.push('| Stack | Parameter |', '| --- | --- |');
    for (const s of manual) for (const p of s.manual) lines.push(`| \`${s.name}\` | \`${p}\` |`);
    lines.push('');
  }
  const rounds = [...new Set(b.stacks.flatMap((s) => s.inputs.map((i) => i.round)))].sort((x, y) => x - y);
  for (const round of rounds) {
    lines.push(`## Round ${round}: update stacks with outputs of earlier rounds`, '');
    lines.push('Keep every parameter set in an earlier round (`ParameterKey=…,UsePreviousValue=true`).', '');
    lines.push('| Stack | Parameter | Output | Of stack |', '| --- | --- | --- | --- |');
    for (const s of b.stacks) {
      for (const input of s.inputs.filter((i) => i.round === round)) {
        lines.push(
          `| \`${s.name}\` | \`${input.parameter}\` | \`${input.from.name}\` | \`${input.from.stack.name}\` |`,
        );
      }
    }
    lines.push('');
  }
  lines.push('## Notes', '');
  lines.push(
    "- CloudFormation cannot make a route table the main one, so subnets that use the design's main table are associated with it explicitly.",
    "- Security groups list their egress: the design's allow-all rule when it has one, otherwise a rule that matches nothing, so no default allow-all is left behind.",
    '- Peerings are created active (accepted) whatever their status in the design, as the routes that use them need it.',
  );
  for (const s of b.stacks) {
    for (const text of b.notes.get(s) ?? []) lines.push(`- \`${s.name}\`: ${markdownText(text)}`);
  }
  return lines.join('\n') + '\n';
}

export function exportCloudFormation(design: Design, findings: readonly Finding[]): ExportFile[] {
  const model = buildExportModel(design);
  const b = new Builder(model);
  // Peerings first: routes and rules that use one need to know under which Condition and in which
  // round of deployment it exists.
  for (const p of model.peerings) buildPeering(b, p);
  for (const vpc of design.vpcs) buildVpc(b, vpc);
  return finish(b, design, findings);
}

function finish(b: Builder, design: Design, findings: readonly Finding[]): ExportFile[] {
  const files: ExportFile[] = [];
  for (const stack of b.stacks) {
    const account = stack.scope.account;
    const about = `CloudFormation template for stack ${stack.name} (account ${account?.accountId ?? stack.scope.accountRef}, region ${stack.scope.region})`;
    const header = hashComment(headerLines(design, findings, about));
    const template: Record<string, Json> = {
      AWSTemplateFormatVersion: '2010-09-09',
      // Subnets sit in the availability zones the design names, on purpose.
      Metadata: { 'cfn-lint': { config: { ignore_checks: ['W3010'] } } },
      Description: truncateBytes(
        `${design.name || 'Design'}: network for account ${account?.name || stack.scope.accountRef}, region ${stack.scope.region} (Private Network Designer)`,
        1024,
      ),
    };
    if (Object.keys(stack.parameters).length) template.Parameters = stack.parameters;
    if (Object.keys(stack.conditions).length) template.Conditions = stack.conditions;
    // Peerings and roles were built first; listing them after the VPCs reads in creation order.
    const late = (r: Json) => /VPCPeeringConnection|IAM::Role/.test((r as { Type: string }).Type);
    const entries = Object.entries(stack.resources);
    template.Resources = Object.fromEntries([
      ...entries.filter(([, r]) => !late(r)),
      ...entries.filter(([, r]) => late(r)),
    ]);
    if (Object.keys(stack.outputs).length) template.Outputs = stack.outputs;
    files.push({ path: stack.file, content: toYaml(header, template), language: 'yaml' });
  }
  const guideHeader = headerLines(design, findings, 'How to deploy the CloudFormation templates');
  files.push({ path: 'DEPLOY.md', content: deployGuide(b, guideHeader), language: 'markdown' });
  return files;
}
