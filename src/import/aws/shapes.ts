// The parts of the EC2 API's Describe* output the import reads, with the API's member names
// (botocore ec2 service-2.json: DescribeVpcsResult.Vpcs, RouteTable.Associations[].Main, …).
// Everything else the CLI prints is allowed and ignored.
import { z } from 'zod';

const Tags = z.array(z.looseObject({ Key: z.string(), Value: z.string() })).optional();

export const VpcShape = z.looseObject({
  VpcId: z.string(),
  CidrBlock: z.string(),
  State: z.string().optional(),
  OwnerId: z.string().optional(),
  CidrBlockAssociationSet: z
    .array(
      z.looseObject({
        CidrBlock: z.string(),
        CidrBlockState: z.looseObject({ State: z.string() }).optional(),
      }),
    )
    .optional(),
  Ipv6CidrBlockAssociationSet: z.array(z.looseObject({ Ipv6CidrBlock: z.string().optional() })).optional(),
  Tags,
});

export const SubnetShape = z.looseObject({
  SubnetId: z.string(),
  VpcId: z.string(),
  CidrBlock: z.string().optional(),
  AvailabilityZone: z.string(),
  MapPublicIpOnLaunch: z.boolean().optional(),
  OwnerId: z.string().optional(),
  Tags,
});

export const RouteShape = z.looseObject({
  DestinationCidrBlock: z.string().optional(),
  DestinationIpv6CidrBlock: z.string().optional(),
  DestinationPrefixListId: z.string().optional(),
  GatewayId: z.string().optional(),
  NatGatewayId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  TransitGatewayId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  InstanceId: z.string().optional(),
  EgressOnlyInternetGatewayId: z.string().optional(),
  LocalGatewayId: z.string().optional(),
  CarrierGatewayId: z.string().optional(),
  CoreNetworkArn: z.string().optional(),
  State: z.string().optional(),
});

export const RouteTableShape = z.looseObject({
  RouteTableId: z.string(),
  VpcId: z.string(),
  Associations: z
    .array(
      z.looseObject({
        Main: z.boolean().optional(),
        SubnetId: z.string().optional(),
        GatewayId: z.string().optional(),
        AssociationState: z.looseObject({ State: z.string() }).optional(),
      }),
    )
    .optional(),
  Routes: z.array(RouteShape).optional(),
  Tags,
});

const IpPermission = z.looseObject({
  IpProtocol: z.string(),
  FromPort: z.number().int().optional(),
  ToPort: z.number().int().optional(),
  IpRanges: z.array(z.looseObject({ CidrIp: z.string(), Description: z.string().optional() })).optional(),
  Ipv6Ranges: z.array(z.looseObject({ CidrIpv6: z.string() })).optional(),
  PrefixListIds: z.array(z.looseObject({ PrefixListId: z.string() })).optional(),
  UserIdGroupPairs: z
    .array(
      z.looseObject({
        GroupId: z.string().optional(),
        UserId: z.string().optional(),
        Description: z.string().optional(),
      }),
    )
    .optional(),
});
export type IpPermission = z.output<typeof IpPermission>;

export const SecurityGroupShape = z.looseObject({
  GroupId: z.string(),
  GroupName: z.string().optional(),
  VpcId: z.string().optional(),
  IpPermissions: z.array(IpPermission).optional(),
  IpPermissionsEgress: z.array(IpPermission).optional(),
  Tags,
});

export const VpcEndpointShape = z.looseObject({
  VpcEndpointId: z.string(),
  VpcEndpointType: z.string(),
  VpcId: z.string(),
  ServiceName: z.string(),
  State: z.string().optional(),
  SubnetIds: z.array(z.string()).optional(),
  RouteTableIds: z.array(z.string()).optional(),
  Groups: z.array(z.looseObject({ GroupId: z.string() })).optional(),
  PrivateDnsEnabled: z.boolean().optional(),
  DnsEntries: z.array(z.looseObject({ DnsName: z.string().optional() })).optional(),
  Tags,
});

const PeeringSide = z.looseObject({
  VpcId: z.string(),
  OwnerId: z.string().optional(),
  Region: z.string().optional(),
  CidrBlock: z.string().optional(),
});

export const PeeringShape = z.looseObject({
  VpcPeeringConnectionId: z.string(),
  RequesterVpcInfo: PeeringSide,
  AccepterVpcInfo: PeeringSide,
  Status: z.looseObject({ Code: z.string(), Message: z.string().optional() }),
  Tags,
});

// Transit Gateway calls (botocore ec2 service-2.json: TransitGateway.Options, TransitGatewayAttachment
// .Association, TransitGatewayVpcAttachment.SubnetIds, TransitGatewayRoute.TransitGatewayAttachments,
// TransitGatewayRouteTablePropagation).
export const TransitGatewayShape = z.looseObject({
  TransitGatewayId: z.string(),
  OwnerId: z.string().optional(),
  State: z.string().optional(),
  Options: z
    .looseObject({
      AmazonSideAsn: z.number().optional(),
      DefaultRouteTableAssociation: z.string().optional(),
      AssociationDefaultRouteTableId: z.string().optional(),
      DefaultRouteTablePropagation: z.string().optional(),
      PropagationDefaultRouteTableId: z.string().optional(),
      SecurityGroupReferencingSupport: z.string().optional(),
    })
    .optional(),
  Tags,
});

export const TgwAttachmentShape = z.looseObject({
  TransitGatewayAttachmentId: z.string(),
  TransitGatewayId: z.string(),
  TransitGatewayOwnerId: z.string().optional(),
  ResourceOwnerId: z.string().optional(),
  ResourceType: z.string(),
  ResourceId: z.string().optional(),
  State: z.string().optional(),
  Association: z
    .looseObject({ TransitGatewayRouteTableId: z.string().optional(), State: z.string().optional() })
    .optional(),
  Tags,
});

export const TgwVpcAttachmentShape = z.looseObject({
  TransitGatewayAttachmentId: z.string(),
  SubnetIds: z.array(z.string()).optional(),
  Options: z.looseObject({ SecurityGroupReferencingSupport: z.string().optional() }).optional(),
});

export const TgwRouteTableShape = z.looseObject({
  TransitGatewayRouteTableId: z.string(),
  TransitGatewayId: z.string(),
  State: z.string().optional(),
  Tags,
});

export const TgwRouteShape = z.looseObject({
  DestinationCidrBlock: z.string().optional(),
  PrefixListId: z.string().optional(),
  TransitGatewayAttachments: z
    .array(z.looseObject({ TransitGatewayAttachmentId: z.string().optional() }))
    .optional(),
  Type: z.string().optional(),
  State: z.string().optional(),
});

export const TgwPropagationShape = z.looseObject({
  TransitGatewayAttachmentId: z.string(),
  State: z.string().optional(),
});

export type CliTransitGateway = z.output<typeof TransitGatewayShape>;
export type CliTgwAttachment = z.output<typeof TgwAttachmentShape>;
export type CliTgwVpcAttachment = z.output<typeof TgwVpcAttachmentShape>;
export type CliTgwRouteTable = z.output<typeof TgwRouteTableShape>;
export type CliTgwRoute = z.output<typeof TgwRouteShape>;
export type CliTgwPropagation = z.output<typeof TgwPropagationShape>;

export type CliVpc = z.output<typeof VpcShape>;
export type CliSubnet = z.output<typeof SubnetShape>;
export type CliRouteTable = z.output<typeof RouteTableShape>;
export type CliRoute = z.output<typeof RouteShape>;
export type CliSecurityGroup = z.output<typeof SecurityGroupShape>;
export type CliVpcEndpoint = z.output<typeof VpcEndpointShape>;
export type CliPeering = z.output<typeof PeeringShape>;

/** The files of one account and region, and the list member each one holds. */
export const LIST_FILES = {
  vpcs: { file: 'describe-vpcs.json', member: 'Vpcs', shape: VpcShape },
  subnets: { file: 'describe-subnets.json', member: 'Subnets', shape: SubnetShape },
  routeTables: { file: 'describe-route-tables.json', member: 'RouteTables', shape: RouteTableShape },
  securityGroups: {
    file: 'describe-security-groups.json',
    member: 'SecurityGroups',
    shape: SecurityGroupShape,
  },
  endpoints: { file: 'describe-vpc-endpoints.json', member: 'VpcEndpoints', shape: VpcEndpointShape },
  peerings: {
    file: 'describe-vpc-peering-connections.json',
    member: 'VpcPeeringConnections',
    shape: PeeringShape,
  },
  transitGateways: {
    file: 'describe-transit-gateways.json',
    member: 'TransitGateways',
    shape: TransitGatewayShape,
  },
  tgwAttachments: {
    file: 'describe-transit-gateway-attachments.json',
    member: 'TransitGatewayAttachments',
    shape: TgwAttachmentShape,
  },
  tgwVpcAttachments: {
    file: 'describe-transit-gateway-vpc-attachments.json',
    member: 'TransitGatewayVpcAttachments',
    shape: TgwVpcAttachmentShape,
  },
  tgwRouteTables: {
    file: 'describe-transit-gateway-route-tables.json',
    member: 'TransitGatewayRouteTables',
    shape: TgwRouteTableShape,
  },
} as const;

/** Files per TGW route table: `<prefix><tgw-rtb-id>.json`. */
export const TABLE_FILES = {
  tgwRoutes: { prefix: 'search-transit-gateway-routes-', member: 'Routes', shape: TgwRouteShape },
  tgwPropagations: {
    prefix: 'get-transit-gateway-route-table-propagations-',
    member: 'TransitGatewayRouteTablePropagations',
    shape: TgwPropagationShape,
  },
} as const;

export type ListKind = keyof typeof LIST_FILES;

export const DNS_ATTRIBUTES = {
  enableDnsSupport: 'EnableDnsSupport',
  enableDnsHostnames: 'EnableDnsHostnames',
} as const;

export const DnsAttributeShape = z.looseObject({
  VpcId: z.string().optional(),
  EnableDnsSupport: z.looseObject({ Value: z.boolean() }).optional(),
  EnableDnsHostnames: z.looseObject({ Value: z.boolean() }).optional(),
});

export function nameTag(tags: readonly { Key: string; Value: string }[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value;
}
