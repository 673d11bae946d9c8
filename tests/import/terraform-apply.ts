/* eslint-disable @typescript-eslint/no-explicit-any -- CLI JSON is built as untyped data */
// Test helper: what `terraform apply` of an exported root module would create, described as the AWS
// CLI's JSON (the folder scripts/collect-aws.sh writes). It reads the flat HCL our exporter writes —
// `resource "TYPE" "LABEL" { key = value }` with strings, numbers, booleans, references, lists, maps
// and `${…}` templates — and plays AWS's part: ids for new resources (the design id where outputs.tf
// names one), peerings accepted when an accepter with auto_accept exists, the local route in every
// table. AWS's own default route table and default group of each VPC are left out: nothing uses them.
import type { Folder } from './describe';
import { describeTransitGateways, TGW_FILES } from './terraform-apply-tgw';

type Value = string | number | boolean | Value[] | { [k: string]: Value } | { ref: string };

interface Block {
  type: string;
  labels: string[];
  attrs: Record<string, Value>;
}

function parseValue(text: string): Value {
  const t = text.trim();
  if (t.startsWith('"')) return JSON.parse(t.replace(/\$\$\{/g, '$${')) as string;
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+$/.test(t)) return Number(t);
  if (t.startsWith('[')) {
    const inner = t.slice(1, -1).trim();
    return inner ? splitTop(inner, ',').map(parseValue) : [];
  }
  if (t.startsWith('{')) {
    const inner = t.slice(1, -1).trim();
    const out: Record<string, Value> = {};
    for (const part of splitTop(inner, /[,\n]/)) {
      const m = /^\s*"?([^"=\s]+)"?\s*=\s*([\s\S]+)$/.exec(part);
      if (m) out[m[1]!] = parseValue(m[2]!);
    }
    return out;
  }
  return { ref: t };
}

function splitTop(text: string, sep: string | RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if ('[{('.includes(c)) depth++;
    else if (']})'.includes(c)) depth--;
    else if (depth === 0 && (typeof sep === 'string' ? c === sep : sep.test(c))) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.trim());
}

/** Top-level blocks and their `key = value` attributes (nested blocks are read as attributes too). */
export function readHcl(files: readonly { path: string; content: string }[]): Block[] {
  const blocks: Block[] = [];
  for (const file of files.filter((f) => f.path.endsWith('.tf'))) {
    const lines = file.content.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const head = /^(resource|provider|locals|output|variable|terraform)\s*((?:"[^"]*"\s*)*)\{\s*$/.exec(
        lines[i]!,
      );
      if (!head) continue;
      const labels = [...head[2]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
      const body: string[] = [];
      for (i++; i < lines.length && lines[i] !== '}'; i++) body.push(lines[i]!);
      blocks.push({ type: head[1]!, labels, attrs: parseBody(body) });
    }
  }
  return blocks;
}

function parseBody(lines: string[]): Record<string, Value> {
  const attrs: Record<string, Value> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/^\s*#.*$/, '');
    const nested = /^\s*([a-z_]+)\s*\{\s*$/.exec(line);
    const m = /^\s*([A-Za-z_][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (nested || m) {
      let value = nested ? '{' : m![2]!;
      // A value that opens a bracket runs until its brackets close.
      let depth =
        [...value].filter((c) => '[{'.includes(c)).length - [...value].filter((c) => ']}'.includes(c)).length;
      while (depth > 0 && i + 1 < lines.length) {
        const next = lines[++i]!;
        value += '\n' + next;
        depth +=
          [...next].filter((c) => '[{'.includes(c)).length - [...next].filter((c) => ']}'.includes(c)).length;
      }
      if (nested) attrs[nested[1]!] = parseBody(value.split('\n').slice(1, -1));
      else attrs[m![1]!] = parseValue(value);
    }
  }
  return attrs;
}

const PREFIX: Record<string, string> = {
  aws_vpc: 'vpc',
  aws_subnet: 'subnet',
  aws_route_table: 'rtb',
  aws_security_group: 'sg',
  aws_vpc_endpoint: 'vpce',
  aws_vpc_peering_connection: 'pcx',
  aws_internet_gateway: 'igw',
  aws_ec2_transit_gateway: 'tgw',
  aws_ec2_transit_gateway_route_table: 'tgw-rtb',
  aws_ec2_transit_gateway_vpc_attachment: 'tgw-attach',
  aws_ec2_transit_gateway_peering_attachment: 'tgw-attach',
};

/** Accepters whose id is the id of what they accept. */
const ACCEPTED: Record<string, string> = {
  aws_vpc_peering_connection_accepter: 'vpc_peering_connection_id',
  aws_ec2_transit_gateway_vpc_attachment_accepter: 'transit_gateway_attachment_id',
  aws_ec2_transit_gateway_peering_attachment_accepter: 'transit_gateway_attachment_id',
};

/** The collection folder the applied module would give. */
export function describeTerraform(files: readonly { path: string; content: string }[]): Folder {
  const blocks = readHcl(files);
  const resources = blocks.filter((b) => b.type === 'resource');
  const address = (b: Block) => `${b.labels[0]}.${b.labels[1]}`;
  const locals: Record<string, Value> = Object.assign(
    {},
    ...blocks.filter((b) => b.type === 'locals').map((b) => b.attrs),
  );
  // outputs.tf maps design ids to resources: the simulated apply hands out those ids.
  const ids = new Map<string, string>();
  for (const o of blocks.filter((b) => b.type === 'output'))
    for (const [designId, v] of Object.entries((o.attrs.value ?? {}) as Record<string, Value>))
      if (typeof v === 'object' && 'ref' in v) ids.set((v.ref as string).replace(/\.id$/, ''), designId);
  let counter = 0;
  for (const r of resources) {
    const prefix = PREFIX[r.labels[0]!];
    if (prefix && !ids.has(address(r)))
      ids.set(address(r), `${prefix}-${(0x1000000 + ++counter).toString(16).padStart(8, '0')}`);
  }
  const byAddress = new Map(resources.map((r) => [address(r), r]));

  const resolve = (v: Value | undefined): any => {
    if (v === undefined) return undefined;
    if (typeof v === 'string')
      return v.replace(/\$\{([^}]+)\}/g, (_, expr: string) => String(resolve({ ref: expr.trim() })));
    if (Array.isArray(v)) return v.map(resolve);
    if (typeof v === 'object' && 'ref' in v) {
      const ref = v.ref as string;
      if (ref.startsWith('local.'))
        return ref
          .split('.')
          .slice(1)
          .reduce((x: any, k) => x?.[k], locals);
      if (ref.startsWith('var.'))
        return /nat_gateway/.test(ref) ? 'nat-0a1b2c3d4e5f6a7b8' : `${ref.slice(4)}-value`;
      const target = ref.replace(/\.id$/, '');
      const r = byAddress.get(target);
      const accepts = r && ACCEPTED[r.labels[0]!];
      if (accepts) return resolve(r.attrs[accepts]);
      const id = ids.get(target);
      if (!id) throw new Error(`cannot resolve ${ref}`);
      return id;
    }
    if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  const a = (r: Block, key: string) => resolve(r.attrs[key]);

  const providers = new Map<string, { account: string; region: string }>();
  for (const p of blocks.filter((b) => b.type === 'provider'))
    providers.set(`aws.${a(p, 'alias')}`, {
      account: a(p, 'allowed_account_ids')[0],
      region: a(p, 'region'),
    });
  const where = (r: Block) => {
    const p = providers.get((r.attrs.provider as { ref: string }).ref)!;
    return `${p.account}/${p.region}`;
  };
  const of = (type: string) => resources.filter((r) => r.labels[0] === type);
  const lists = new Map<string, Record<string, any[]>>();
  const list = (dir: string, member: string) => {
    const files = lists.get(dir) ?? {};
    lists.set(dir, files);
    return (files[member] ??= []);
  };
  const folder: Folder = new Map();
  const tags = (r: Block) => Object.entries(a(r, 'tags') ?? {}).map(([Key, Value]) => ({ Key, Value }));

  const vpcs = new Map<string, any>();
  for (const r of of('aws_vpc')) {
    const id = ids.get(address(r))!;
    const dir = where(r);
    const vpc = {
      VpcId: id,
      CidrBlock: a(r, 'cidr_block'),
      OwnerId: dir.split('/')[0],
      State: 'available',
      CidrBlockAssociationSet: [{ CidrBlock: a(r, 'cidr_block'), CidrBlockState: { State: 'associated' } }],
      IsDefault: false,
      Tags: tags(r),
    };
    vpcs.set(id, vpc);
    list(dir, 'Vpcs').push(vpc);
    folder.set(
      `${dir}/describe-vpc-attribute-${id}-enableDnsSupport.json`,
      JSON.stringify({ VpcId: id, EnableDnsSupport: { Value: a(r, 'enable_dns_support') ?? true } }),
    );
    folder.set(
      `${dir}/describe-vpc-attribute-${id}-enableDnsHostnames.json`,
      JSON.stringify({ VpcId: id, EnableDnsHostnames: { Value: a(r, 'enable_dns_hostnames') ?? false } }),
    );
  }
  for (const r of of('aws_vpc_ipv4_cidr_block_association'))
    vpcs.get(a(r, 'vpc_id')).CidrBlockAssociationSet.push({
      CidrBlock: a(r, 'cidr_block'),
      CidrBlockState: { State: 'associated' },
    });
  for (const r of of('aws_subnet'))
    list(where(r), 'Subnets').push({
      SubnetId: ids.get(address(r)),
      VpcId: a(r, 'vpc_id'),
      CidrBlock: a(r, 'cidr_block'),
      AvailabilityZone: a(r, 'availability_zone'),
      MapPublicIpOnLaunch: a(r, 'map_public_ip_on_launch') ?? false,
      State: 'available',
      Tags: tags(r),
    });
  const tables = new Map<string, any>();
  for (const r of of('aws_route_table')) {
    const vpc = vpcs.get(a(r, 'vpc_id'));
    const table = {
      RouteTableId: ids.get(address(r))!,
      VpcId: vpc.VpcId,
      Associations: [] as any[],
      Routes: vpc.CidrBlockAssociationSet.map((c: any) => ({
        DestinationCidrBlock: c.CidrBlock,
        GatewayId: 'local',
        State: 'active',
      })),
      Tags: tags(r),
    };
    tables.set(table.RouteTableId, table);
    list(where(r), 'RouteTables').push(table);
  }
  for (const r of of('aws_main_route_table_association'))
    tables.get(a(r, 'route_table_id')).Associations.push({
      Main: true,
      RouteTableId: a(r, 'route_table_id'),
      AssociationState: { State: 'associated' },
    });
  for (const r of of('aws_route_table_association'))
    tables.get(a(r, 'route_table_id')).Associations.push({
      Main: false,
      SubnetId: a(r, 'subnet_id'),
      RouteTableId: a(r, 'route_table_id'),
      AssociationState: { State: 'associated' },
    });
  for (const r of of('aws_route')) {
    const target = a(r, 'vpc_peering_connection_id')
      ? { VpcPeeringConnectionId: a(r, 'vpc_peering_connection_id') }
      : a(r, 'nat_gateway_id')
        ? { NatGatewayId: a(r, 'nat_gateway_id') }
        : a(r, 'transit_gateway_id')
          ? { TransitGatewayId: a(r, 'transit_gateway_id') }
          : { GatewayId: a(r, 'gateway_id') };
    tables
      .get(a(r, 'route_table_id'))
      .Routes.push({ DestinationCidrBlock: a(r, 'destination_cidr_block'), ...target, State: 'active' });
  }
  const groups = new Map<string, any>();
  for (const r of of('aws_security_group')) {
    // Terraform removes the allow-all egress rule AWS adds to a new group: only the rule resources remain.
    const g = {
      GroupId: ids.get(address(r))!,
      GroupName: a(r, 'name'),
      VpcId: a(r, 'vpc_id'),
      IpPermissions: [],
      IpPermissionsEgress: [],
      Tags: tags(r),
    };
    groups.set(g.GroupId, g);
    list(where(r), 'SecurityGroups').push(g);
  }
  for (const [type, member] of [
    ['aws_vpc_security_group_ingress_rule', 'IpPermissions'],
    ['aws_vpc_security_group_egress_rule', 'IpPermissionsEgress'],
  ] as const)
    for (const r of of(type)) {
      const protocol = a(r, 'ip_protocol');
      const description = a(r, 'description') !== undefined ? { Description: a(r, 'description') } : {};
      const referenced: string | undefined = a(r, 'referenced_security_group_id');
      const [userId, groupId] = referenced?.includes('/') ? referenced.split('/') : [undefined, referenced];
      groups.get(a(r, 'security_group_id'))[member].push({
        IpProtocol: protocol,
        ...(protocol === '-1' ? {} : { FromPort: a(r, 'from_port'), ToPort: a(r, 'to_port') }),
        IpRanges: a(r, 'cidr_ipv4') ? [{ CidrIp: a(r, 'cidr_ipv4'), ...description }] : [],
        UserIdGroupPairs: groupId
          ? [{ GroupId: groupId, ...(userId ? { UserId: userId } : {}), ...description }]
          : [],
        Ipv6Ranges: [],
        PrefixListIds: [],
      });
    }
  for (const r of of('aws_vpc_endpoint'))
    list(where(r), 'VpcEndpoints').push({
      VpcEndpointId: ids.get(address(r)),
      VpcEndpointType: a(r, 'vpc_endpoint_type') ?? 'Gateway',
      VpcId: a(r, 'vpc_id'),
      ServiceName: a(r, 'service_name'),
      State: 'available',
      SubnetIds: a(r, 'subnet_ids') ?? [],
      RouteTableIds: a(r, 'route_table_ids') ?? [],
      Groups: (a(r, 'security_group_ids') ?? []).map((GroupId: string) => ({ GroupId })),
      PrivateDnsEnabled: a(r, 'private_dns_enabled') ?? false,
      DnsEntries: [],
      Tags: tags(r),
    });
  const accepted = new Set(
    of('aws_vpc_peering_connection_accepter')
      .filter((r) => a(r, 'auto_accept'))
      .map((r) => a(r, 'vpc_peering_connection_id')),
  );
  for (const r of of('aws_vpc_peering_connection')) {
    const id = ids.get(address(r))!;
    const [account, region] = where(r).split('/') as [string, string];
    const peer = { account: a(r, 'peer_owner_id') ?? account, region: a(r, 'peer_region') ?? region };
    const p = {
      VpcPeeringConnectionId: id,
      RequesterVpcInfo: { VpcId: a(r, 'vpc_id'), OwnerId: account, Region: region },
      AccepterVpcInfo: { VpcId: a(r, 'peer_vpc_id'), OwnerId: peer.account, Region: peer.region },
      Status: accepted.has(id) || a(r, 'auto_accept') ? { Code: 'active' } : { Code: 'pending-acceptance' },
      Tags: tags(r),
    };
    list(`${account}/${region}`, 'VpcPeeringConnections').push(p);
    if (`${peer.account}/${peer.region}` !== `${account}/${region}`)
      list(`${peer.account}/${peer.region}`, 'VpcPeeringConnections').push(p);
  }
  describeTransitGateways({
    of,
    a,
    id: (r) => ids.get(`${r.labels[0]}.${r.labels[1]}`)!,
    where,
    tags,
    list,
    folder,
  });
  const FILES: Record<string, string> = {
    ...TGW_FILES,
    Vpcs: 'describe-vpcs.json',
    Subnets: 'describe-subnets.json',
    RouteTables: 'describe-route-tables.json',
    SecurityGroups: 'describe-security-groups.json',
    VpcEndpoints: 'describe-vpc-endpoints.json',
    VpcPeeringConnections: 'describe-vpc-peering-connections.json',
  };
  for (const [dir, members] of lists)
    for (const [member, file] of Object.entries(FILES))
      folder.set(`${dir}/${file}`, JSON.stringify({ [member]: members[member] ?? [] }, null, 4));
  return folder;
}
