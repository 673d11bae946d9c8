/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI JSON is edited as untyped data, as a user would edit the files */
// Test helper: what a design would look like collected from its accounts by scripts/collect-aws.sh —
// the AWS CLI's JSON (EC2 API member names and nesting, botocore ec2 service-2.json), one file per
// call, under ACCOUNT_ID/REGION/. Design ids are used as AWS ids so the Veeam side of the design
// still resolves after `import --into`.
import type { Design, SgRule, Vpc } from '../../src/model/schema';

export type Folder = Map<string, string>;

export interface DescribeOptions {
  /** Write describe-vpcs.json as two pages concatenated, as the CLI does when it pages. */
  paginate?: boolean;
}

type Json = Record<string, unknown>;
const tags = (name: string | undefined, extra: Json[] = []) => [
  ...(name ? [{ Key: 'Name', Value: name }] : []),
  { Key: 'team', Value: 'backup' },
  ...extra,
];

function permissions(rules: readonly SgRule[], design: Design): Json[] {
  const groups = new Map<string, Json & { IpRanges: Json[]; UserIdGroupPairs: Json[] }>();
  for (const r of rules) {
    const key = `${r.protocol}/${r.fromPort}/${r.toPort}`;
    let p = groups.get(key);
    if (!p) {
      p = {
        IpProtocol: r.protocol,
        ...(r.protocol === 'tcp' || r.protocol === 'udp' ? { FromPort: r.fromPort, ToPort: r.toPort } : {}),
        ...(r.protocol === 'icmp' ? { FromPort: -1, ToPort: -1 } : {}),
        IpRanges: [],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      };
      groups.set(key, p);
    }
    if (r.cidr) p.IpRanges.push({ CidrIp: r.cidr, ...(r.description ? { Description: r.description } : {}) });
    else {
      const owner = design.vpcs.find((v) => v.securityGroups.some((g) => g.id === r.securityGroup));
      p.UserIdGroupPairs.push({
        ...(r.description ? { Description: r.description } : {}),
        GroupId: r.securityGroup,
        UserId: accountNumber(design, owner?.account ?? ''),
      });
    }
  }
  return [...groups.values()];
}

function accountNumber(design: Design, accountId: string): string {
  return design.accounts.find((a) => a.id === accountId)?.accountId ?? '000000000000';
}

function pages(member: string, items: unknown[], paginate: boolean): string {
  if (!paginate || items.length < 2) return JSON.stringify({ [member]: items }, null, 4) + '\n';
  const half = Math.ceil(items.length / 2);
  return (
    JSON.stringify({ [member]: items.slice(0, half), NextToken: 'eyJOZXh0VG9rZW4iOiAiMiJ9' }, null, 4) +
    '\n' +
    JSON.stringify({ [member]: items.slice(half) }, null, 4) +
    '\n'
  );
}

function describeVpc(v: Vpc, owner: string): Json {
  return {
    CidrBlock: v.cidr,
    DhcpOptionsId: 'dopt-0a1b2c3d',
    State: 'available',
    VpcId: v.id,
    OwnerId: owner,
    InstanceTenancy: 'default',
    CidrBlockAssociationSet: [v.cidr, ...v.secondaryCidrs].map((c, i) => ({
      AssociationId: `vpc-cidr-assoc-${i}${v.id.length}`,
      CidrBlock: c,
      CidrBlockState: { State: 'associated' },
    })),
    IsDefault: false,
    Tags: tags(v.name),
  };
}

/** The collection folder for `design`: path → file text. */
export function describeAsCli(design: Design, options: DescribeOptions = {}): Folder {
  const folder: Folder = new Map();
  const places = new Map<string, Vpc[]>();
  for (const v of design.vpcs) {
    const key = `${accountNumber(design, v.account)}/${v.region}`;
    places.set(key, [...(places.get(key) ?? []), v]);
  }
  const vpcById = new Map(design.vpcs.map((v) => [v.id, v]));
  const peeringPlaces = new Set<string>();
  for (const p of design.peerings)
    for (const end of [p.requester, p.accepter]) {
      const v = vpcById.get(end);
      if (v) peeringPlaces.add(`${accountNumber(design, v.account)}/${v.region}`);
    }
  for (const key of peeringPlaces) if (!places.has(key)) places.set(key, []);

  for (const [key, vpcs] of places) {
    const [owner, region] = key.split('/') as [string, string];
    const put = (file: string, member: string, items: unknown[]) =>
      folder.set(
        `${key}/${file}`,
        pages(member, items, (options.paginate ?? false) && file === 'describe-vpcs.json'),
      );
    put(
      'describe-vpcs.json',
      'Vpcs',
      vpcs.map((v) => describeVpc(v, owner)),
    );
    put(
      'describe-subnets.json',
      'Subnets',
      vpcs.flatMap((v) =>
        v.subnets.map((s) => ({
          AvailabilityZone: s.az,
          AvailabilityZoneId: `${region.slice(0, 3)}-az1`,
          AvailableIpAddressCount: 251,
          CidrBlock: s.cidr,
          DefaultForAz: false,
          MapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
          State: 'available',
          SubnetId: s.id,
          VpcId: v.id,
          OwnerId: owner,
          AssignIpv6AddressOnCreation: false,
          Ipv6CidrBlockAssociationSet: [],
          Tags: tags(s.name),
          SubnetArn: `arn:aws:ec2:${region}:${owner}:subnet/${s.id}`,
        })),
      ),
    );
    put(
      'describe-route-tables.json',
      'RouteTables',
      vpcs.flatMap((v) =>
        v.routeTables.map((t) => ({
          Associations: [
            ...(t.main
              ? [
                  {
                    Main: true,
                    RouteTableAssociationId: `rtbassoc-m${t.id.length}`,
                    RouteTableId: t.id,
                    AssociationState: { State: 'associated' },
                  },
                ]
              : []),
            ...v.subnets
              .filter((s) => s.routeTable === t.id)
              .map((s) => ({
                Main: false,
                RouteTableAssociationId: `rtbassoc-${s.id}`,
                RouteTableId: t.id,
                SubnetId: s.id,
                AssociationState: { State: 'associated' },
              })),
          ],
          PropagatingVgws: [],
          RouteTableId: t.id,
          Routes: [
            ...[v.cidr, ...v.secondaryCidrs].map((c) => ({
              DestinationCidrBlock: c,
              GatewayId: 'local',
              Origin: 'CreateRouteTable',
              State: 'active',
            })),
            ...t.routes.map((r) => ({
              DestinationCidrBlock: r.destination,
              ...(r.peering
                ? { VpcPeeringConnectionId: r.peering }
                : r.gateway === 'nat'
                  ? { NatGatewayId: 'nat-0a1b2c3d4e5f' }
                  : { GatewayId: 'igw-0a1b2c3d' }),
              Origin: 'CreateRoute',
              State: 'active',
            })),
            ...v.endpoints
              .filter((e) => e.type === 'Gateway' && e.routeTables.includes(t.id))
              .map((e) => ({
                DestinationPrefixListId: 'pl-63a5400a',
                GatewayId: e.id,
                Origin: 'CreateRoute',
                State: 'active',
              })),
          ],
          Tags: tags(t.name),
          VpcId: v.id,
          OwnerId: owner,
        })),
      ),
    );
    put(
      'describe-security-groups.json',
      'SecurityGroups',
      vpcs.flatMap((v) =>
        v.securityGroups.map((g) => ({
          Description: `${g.name} group`,
          GroupName: g.name,
          IpPermissions: permissions(g.ingress, design),
          OwnerId: owner,
          GroupId: g.id,
          IpPermissionsEgress: permissions(g.egress, design),
          Tags: tags(undefined),
          VpcId: v.id,
          SecurityGroupArn: `arn:aws:ec2:${region}:${owner}:security-group/${g.id}`,
        })),
      ),
    );
    put(
      'describe-vpc-endpoints.json',
      'VpcEndpoints',
      vpcs.flatMap((v) =>
        v.endpoints.map((e) => ({
          VpcEndpointId: e.id,
          VpcEndpointType: e.type,
          VpcId: v.id,
          ServiceName: `com.amazonaws.${v.region}.${e.service}`,
          State: 'available',
          PolicyDocument:
            '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
          RouteTableIds: e.type === 'Gateway' ? e.routeTables : [],
          SubnetIds: e.type === 'Interface' ? e.subnets : [],
          Groups: e.type === 'Interface' ? e.securityGroups.map((g) => ({ GroupId: g, GroupName: g })) : [],
          IpAddressType: 'ipv4',
          DnsOptions: { DnsRecordIpType: 'ipv4' },
          PrivateDnsEnabled: e.type === 'Interface' ? e.privateDns : false,
          RequesterManaged: false,
          NetworkInterfaceIds:
            e.type === 'Interface' ? e.subnets.map((_, i) => `eni-0${i}${e.id.length}`) : [],
          DnsEntries:
            e.type === 'Interface'
              ? [
                  {
                    DnsName: `${e.id}-0a1b2c3d.${e.service}.${v.region}.vpce.amazonaws.com`,
                    HostedZoneId: 'Z7HUB22UULQXV',
                  },
                  ...(e.privateDns
                    ? [{ DnsName: `${e.service}.${v.region}.amazonaws.com`, HostedZoneId: 'ZONEIDPENDING' }]
                    : []),
                ]
              : [],
          CreationTimestamp: '2026-11-30T10:00:00.000Z',
          Tags: tags(e.name),
          OwnerId: owner,
        })),
      ),
    );
    const here = (id: string) => {
      const v = vpcById.get(id);
      return v !== undefined && `${accountNumber(design, v.account)}/${v.region}` === key;
    };
    const side = (id: string) => {
      const v = vpcById.get(id)!;
      return {
        CidrBlock: v.cidr,
        CidrBlockSet: [v.cidr, ...v.secondaryCidrs].map((c) => ({ CidrBlock: c })),
        OwnerId: accountNumber(design, v.account),
        PeeringOptions: { AllowDnsResolutionFromRemoteVpc: false },
        VpcId: v.id,
        Region: v.region,
      };
    };
    put(
      'describe-vpc-peering-connections.json',
      'VpcPeeringConnections',
      design.peerings
        .filter((p) => here(p.requester) || here(p.accepter))
        .map((p) => ({
          AccepterVpcInfo: side(p.accepter),
          RequesterVpcInfo: side(p.requester),
          Status:
            p.status === 'active'
              ? { Code: 'active', Message: 'Active' }
              : {
                  Code: 'pending-acceptance',
                  Message: `Pending Acceptance by ${accountNumber(design, vpcById.get(p.accepter)!.account)}`,
                },
          Tags: tags(p.name),
          VpcPeeringConnectionId: p.id,
        })),
    );
    for (const v of vpcs) {
      folder.set(
        `${key}/describe-vpc-attribute-${v.id}-enableDnsSupport.json`,
        JSON.stringify({ EnableDnsSupport: { Value: v.dnsSupport }, VpcId: v.id }, null, 4) + '\n',
      );
      folder.set(
        `${key}/describe-vpc-attribute-${v.id}-enableDnsHostnames.json`,
        JSON.stringify({ EnableDnsHostnames: { Value: v.dnsHostnames }, VpcId: v.id }, null, 4) + '\n',
      );
    }
  }
  return folder;
}

/** Reads a file of the folder as JSON, lets `change` edit it, writes it back. */
export function editFile(folder: Folder, path: string, change: (json: any) => void): Folder {
  const text = folder.get(path);
  if (text === undefined) throw new Error(`no ${path} in the folder`);
  const json = JSON.parse(text);
  change(json);
  const next = new Map(folder);
  next.set(path, JSON.stringify(json, null, 4) + '\n');
  return next;
}
