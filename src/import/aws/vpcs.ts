// One design VPC per described VPC, with its subnets, route tables, groups and endpoints. Ids are
// the AWS ids; names come from Name tags (a group without one keeps its GroupName).
import type { Endpoint, RouteTable, SecurityGroup, Subnet, Vpc } from '../../model/schema';
import type { ImportLog } from '../findings';
import type { Located, RegionInput } from './folder';
import { convertRoute } from './routes';
import { expandPermissions } from './rules';
import { nameTag, type CliVpc } from './shapes';

const GONE = new Set(['deleted', 'deleting', 'failed', 'rejected', 'expired']);
const SERVICE = /^com\.amazonaws\.([a-z0-9-]+)\.(.+)$/;

export interface VpcContext {
  log: ImportLog;
  accountDesignId: string;
  knownGroups: ReadonlySet<string>;
}

function vpcCidrs(v: CliVpc): { cidr: string; secondaryCidrs: string[] } {
  const associated = (v.CidrBlockAssociationSet ?? [])
    .filter((a) => !a.CidrBlockState || a.CidrBlockState.State === 'associated')
    .map((a) => a.CidrBlock);
  return { cidr: v.CidrBlock, secondaryCidrs: associated.filter((c) => c !== v.CidrBlock) };
}

export function buildVpc(region: RegionInput, located: Located<CliVpc>, ctx: VpcContext): Vpc {
  const { item: v } = located;
  const { log } = ctx;
  const id = v.VpcId;
  const mine = <T extends { VpcId?: string }>(list: Located<T>[]) => byVpc(list).get(id) ?? [];
  if (v.Ipv6CidrBlockAssociationSet?.length)
    log.add('not-judged', 'info', `VPC ${id} has IPv6 blocks; IPv6 is not judged`, {
      ...at(located),
      elements: [id],
    });

  const dns = region.dns.get(id);
  for (const [attr, key] of [
    ['enableDnsSupport', 'dnsSupport'],
    ['enableDnsHostnames', 'dnsHostnames'],
  ] as const)
    if (dns?.[key] === undefined)
      log.add(
        'missing-file',
        'info',
        `no describe-vpc-attribute-${id}-${attr}.json: assumed the AWS default for a new VPC`,
        {
          file: `${region.accountId}/${region.region}/describe-vpc-attribute-${id}-${attr}.json`,
          elements: [id],
        },
      );
  const isDefault = (v as { IsDefault?: unknown }).IsDefault === true;

  const tables = mine(region.routeTables);
  const explicit = new Map<string, string>();
  const routeTables: RouteTable[] = tables.map((located) => {
    const t = located.item;
    const associations = (t.Associations ?? []).filter(
      (a) => !a.AssociationState || a.AssociationState.State === 'associated',
    );
    for (const a of associations) {
      if (a.SubnetId) explicit.set(a.SubnetId, t.RouteTableId);
      if (a.GatewayId)
        log.add(
          'not-judged',
          'info',
          `route table ${t.RouteTableId} is associated with gateway ${a.GatewayId} (edge association); not judged`,
          { ...at(located), elements: [t.RouteTableId] },
        );
    }
    const routes = (t.Routes ?? []).flatMap((r, i) => {
      const route = convertRoute(r, {
        log,
        file: located.file,
        path: `${located.path}.Routes[${i}]`,
        table: t.RouteTableId,
      });
      return route ? [route] : [];
    });
    const name = nameTag(t.Tags);
    return {
      id: t.RouteTableId,
      ...(name !== undefined ? { name } : {}),
      main: associations.some((a) => a.Main === true),
      routes,
    };
  });

  const subnets: Subnet[] = mine(region.subnets).flatMap((located) => {
    const s = located.item;
    if (!s.CidrBlock) {
      log.add(
        'not-judged',
        'info',
        `subnet ${s.SubnetId} has no IPv4 block; IPv6-only subnets are not judged`,
        { ...at(located), elements: [id] },
      );
      return [];
    }
    const table = explicit.get(s.SubnetId);
    return [
      {
        id: s.SubnetId,
        name: nameTag(s.Tags) ?? '',
        cidr: s.CidrBlock,
        az: s.AvailabilityZone,
        ...(table ? { routeTable: table } : {}),
        mapPublicIpOnLaunch: s.MapPublicIpOnLaunch ?? false,
      },
    ];
  });

  const securityGroups: SecurityGroup[] = mine(region.securityGroups).map((located) => {
    const g = located.item;
    const rc = {
      log,
      file: located.file,
      path: located.path,
      groupId: g.GroupId,
      knownGroups: ctx.knownGroups,
    };
    return {
      id: g.GroupId,
      name: nameTag(g.Tags) ?? g.GroupName ?? '',
      ingress: expandPermissions(g.IpPermissions, 'ingress', rc),
      egress: expandPermissions(g.IpPermissionsEgress, 'egress', rc),
    };
  });

  const endpoints: Endpoint[] = mine(region.endpoints).flatMap((located) => {
    const e = located.item;
    const where = { ...at(located), elements: [id] };
    const state = (e.State ?? '').toLowerCase();
    if (GONE.has(state)) {
      log.add('dropped', 'info', `endpoint ${e.VpcEndpointId} is ${e.State}; left out`, where);
      return [];
    }
    const service = SERVICE.exec(e.ServiceName);
    if (e.VpcEndpointType !== 'Interface' && e.VpcEndpointType !== 'Gateway') {
      log.add(
        'not-judged',
        'info',
        `endpoint ${e.VpcEndpointId} is of type ${e.VpcEndpointType}; only Interface and Gateway endpoints are judged`,
        where,
      );
      return [];
    }
    if (!service || service[2]!.startsWith('vpce-svc') || service[1] === 'vpce') {
      log.add(
        'not-judged',
        'info',
        `endpoint ${e.VpcEndpointId} serves ${e.ServiceName}, not an AWS service; not judged`,
        where,
      );
      return [];
    }
    const name = nameTag(e.Tags);
    const common = { id: e.VpcEndpointId, ...(name !== undefined ? { name } : {}), service: service[2]! };
    return [
      e.VpcEndpointType === 'Gateway'
        ? {
            ...common,
            type: 'Gateway' as const,
            subnets: [],
            securityGroups: [],
            routeTables: e.RouteTableIds ?? [],
            privateDns: false,
          }
        : {
            ...common,
            type: 'Interface' as const,
            subnets: e.SubnetIds ?? [],
            securityGroups: (e.Groups ?? []).map((g) => g.GroupId),
            routeTables: [],
            privateDns: e.PrivateDnsEnabled ?? false,
          },
    ];
  });

  return {
    id,
    name: nameTag(v.Tags) ?? '',
    account: ctx.accountDesignId,
    region: region.region,
    ...vpcCidrs(v),
    dnsSupport: dns?.dnsSupport ?? true,
    dnsHostnames: dns?.dnsHostnames ?? isDefault,
    subnets,
    routeTables,
    securityGroups,
    endpoints,
  };
}

const groupedByVpc = new WeakMap<object, Map<string | undefined, Located<never>[]>>();

/** The items of a region's list by VPC id, grouped once per list (a region may hold hundreds of VPCs). */
function byVpc<T extends { VpcId?: string }>(list: Located<T>[]): Map<string | undefined, Located<T>[]> {
  let groups = groupedByVpc.get(list) as Map<string | undefined, Located<T>[]> | undefined;
  if (!groups) {
    groups = new Map();
    for (const x of list) {
      const same = groups.get(x.item.VpcId);
      if (same) same.push(x);
      else groups.set(x.item.VpcId, [x]);
    }
    groupedByVpc.set(list, groups as Map<string | undefined, Located<never>[]>);
  }
  return groups;
}

function at(l: Located<unknown>): { file: string; path: string } {
  return { file: l.file, path: l.path };
}
