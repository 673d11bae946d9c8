// VPC endpoints and peering connections, with the role that lets another account accept a peering.
import type { Endpoint, Vpc } from '../../model/schema';
import { logicalId } from '../labels';
import { hasS3Gateway, type ResolvedPeering } from '../model';
import { awsText } from '../text';
import type { Builder, OutputRef, Stack } from './builder';
import { getAtt, join, nameTags, ref, truncateBytes, type Json } from './intrinsics';

export function buildEndpoint(b: Builder, stack: Stack, vpc: Vpc, endpoint: Endpoint) {
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
  const extra: Record<string, Json> = {};
  if (endpoint.type === 'Interface') {
    properties.SubnetIds = local(endpoint.subnets, (x) => b.model.index.subnets.get(x)?.element).map((p) =>
      ref(p.id),
    );
    properties.SecurityGroupIds = local(
      endpoint.securityGroups,
      (x) => b.model.index.securityGroups.get(x)?.element,
    ).map((p) => getAtt(p.id, 'GroupId'));
    properties.PrivateDnsEnabled = endpoint.privateDns;
    if (endpoint.service === 's3' && endpoint.privateDns) {
      // AWS limits S3's private DNS to inbound resolver endpoints only when the VPC has an S3
      // gateway endpoint (which then carries the VPC's own S3 traffic); without one it must be off.
      const gateways = vpc.endpoints.filter((e) => e.service === 's3' && e.type === 'Gateway');
      const only = hasS3Gateway(vpc);
      properties.DnsOptions = {
        PrivateDnsOnlyForInboundResolverEndpoint: only ? 'OnlyInboundResolver' : 'AllResolvers',
      };
      const local = gateways.flatMap((g) => {
        const place = b.placed.get(g);
        return place && place.stack === stack ? [place.id] : [];
      });
      if (only && local.length) extra.DependsOn = local;
    }
  } else {
    properties.RouteTableIds = local(
      endpoint.routeTables,
      (x) => b.model.index.routeTables.get(x)?.element,
    ).map((p) => ref(p.id));
  }
  properties.Tags = nameTags(endpoint.name || `${endpoint.service} endpoint`);
  b.resource(stack, id, 'AWS::EC2::VPCEndpoint', properties, extra);
}

export function buildPeering(b: Builder, p: ResolvedPeering) {
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
    const role = accepterRole(b, b.stackFor(p.accepter), p.requester.account);
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

/** The role in the accepter's stack that lets `requesterAccount` accept peerings into it. */
function accepterRole(b: Builder, accepterStack: Stack, requesterAccount: string): OutputRef | undefined {
  const number = b.accountNumber(requesterAccount);
  if (number === undefined) return undefined;
  const roleId = `PeeringAccepterRoleFor${logicalId(requesterAccount)}`;
  const key = `role:${requesterAccount}`;
  const existing = accepterStack.roles.get(key);
  if (existing) return existing;
  const id = accepterStack.ids.claim(roleId);
  const arn = (service: string, resource: Json[]) =>
    join(['arn:', ref('AWS::Partition'), `:${service}:`, ...resource]);
  const accepterVpcs = b.model.peerings
    .filter(
      (p) =>
        p.crossAccount &&
        p.requester.account === requesterAccount &&
        b.stackFor(p.accepter) === accepterStack,
    )
    .map((p) => p.accepter);
  // Accepting is authorised on the peering connection and on the accepter's VPC.
  const resources = [
    arn('ec2', [ref('AWS::Region'), ':', ref('AWS::AccountId'), ':vpc-peering-connection/*']),
    ...[...new Set(accepterVpcs)].map((v) =>
      arn('ec2', [ref('AWS::Region'), ':', ref('AWS::AccountId'), ':vpc/', ref(b.id(v))]),
    ),
  ];
  b.resource(accepterStack, id, 'AWS::IAM::Role', {
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
  const account = b.model.index.accounts.get(requesterAccount)?.element;
  const out = b.output(
    accepterStack,
    key,
    `${id}Arn`,
    getAtt(id, 'Arn'),
    `Role that account "${account?.name || requesterAccount}" assumes to accept VPC peering connections`,
  );
  accepterStack.roles.set(key, out);
  return out;
}
