// A Transit Gateway collection in the shape the AWS CLI prints (botocore ec2 service-2.json:
// DescribeTransitGateways … SearchTransitGatewayRoutes, GetTransitGatewayRouteTablePropagations): a hub
// account owns a TGW shared with a workload account whose VPC attaches to it, a blackhole route,
// explicit propagations, and a peering attachment to a second TGW in another region, seen from both sides.
export const HUB = '111111111111/eu-west-1';
export const DR = '111111111111/us-east-1';
const SPOKE = '222222222222/eu-west-1';
const tags = (name: string) => [{ Key: 'Name', Value: name }];
const j = (v: unknown) => JSON.stringify(v, null, 2);

function vpcFiles(at: string, owner: string, vpcId: string, cidr: string, tgw: string, to: string) {
  return [
    [
      `${at}/describe-vpcs.json`,
      j({ Vpcs: [{ VpcId: vpcId, CidrBlock: cidr, OwnerId: owner, State: 'available', Tags: tags(vpcId) }] }),
    ],
    [
      `${at}/describe-subnets.json`,
      j({
        Subnets: [
          {
            SubnetId: `subnet-${vpcId.slice(4)}`,
            VpcId: vpcId,
            CidrBlock: cidr.replace('.0.0/16', '.1.0/24'),
            AvailabilityZone: `${at.split('/')[1]}a`,
            OwnerId: owner,
          },
        ],
      }),
    ],
    [
      `${at}/describe-route-tables.json`,
      j({
        RouteTables: [
          {
            RouteTableId: `rtb-${vpcId.slice(4)}`,
            VpcId: vpcId,
            Associations: [
              {
                Main: true,
                RouteTableAssociationId: 'rtbassoc-1',
                AssociationState: { State: 'associated' },
              },
            ],
            Routes: [
              { DestinationCidrBlock: cidr, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
              { DestinationCidrBlock: to, TransitGatewayId: tgw, Origin: 'CreateRoute', State: 'active' },
            ],
          },
        ],
      }),
    ],
  ] as [string, string][];
}

const tgwHub = {
  TransitGatewayId: 'tgw-0hub',
  TransitGatewayArn: 'arn:aws:ec2:eu-west-1:111111111111:transit-gateway/tgw-0hub',
  State: 'available',
  OwnerId: '111111111111',
  Options: {
    AmazonSideAsn: 64512,
    AutoAcceptSharedAttachments: 'disable',
    DefaultRouteTableAssociation: 'enable',
    AssociationDefaultRouteTableId: 'tgw-rtb-0spokes',
    DefaultRouteTablePropagation: 'enable',
    PropagationDefaultRouteTableId: 'tgw-rtb-0spokes',
    VpnEcmpSupport: 'enable',
    DnsSupport: 'enable',
    SecurityGroupReferencingSupport: 'enable',
    MulticastSupport: 'disable',
  },
  Tags: tags('Hub'),
};
const tgwDr = {
  TransitGatewayId: 'tgw-0dr',
  State: 'available',
  OwnerId: '111111111111',
  Options: {
    AmazonSideAsn: 64513,
    DefaultRouteTableAssociation: 'disable',
    DefaultRouteTablePropagation: 'disable',
    SecurityGroupReferencingSupport: 'disable',
  },
};
const attachment = (
  id: string,
  tgw: string,
  type: string,
  resource: string,
  owner: string,
  table?: string,
) => ({
  TransitGatewayAttachmentId: id,
  TransitGatewayId: tgw,
  TransitGatewayOwnerId: '111111111111',
  ResourceOwnerId: owner,
  ResourceType: type,
  ResourceId: resource,
  State: 'available',
  ...(table ? { Association: { TransitGatewayRouteTableId: table, State: 'associated' } } : {}),
  CreationTime: '2026-01-01T00:00:00+00:00',
  Tags: [],
});
const propagation = (id: string, vpc: string) => ({
  TransitGatewayAttachmentId: id,
  ResourceId: vpc,
  ResourceType: 'vpc',
  State: 'enabled',
});

export function tgwCollection(): Map<string, string> {
  return new Map<string, string>([
    ...vpcFiles(HUB, '111111111111', 'vpc-0hub', '10.0.0.0/16', 'tgw-0hub', '10.0.0.0/8'),
    ...vpcFiles(SPOKE, '222222222222', 'vpc-0spoke', '10.1.0.0/16', 'tgw-0hub', '10.0.0.0/16'),
    ...vpcFiles(DR, '111111111111', 'vpc-0dr', '10.50.0.0/16', 'tgw-0dr', '10.0.0.0/8'),
    [`${HUB}/describe-transit-gateways.json`, j({ TransitGateways: [tgwHub] })],
    // The participant sees the shared TGW too; the owner's view is kept.
    [`${SPOKE}/describe-transit-gateways.json`, j({ TransitGateways: [tgwHub] })],
    [`${DR}/describe-transit-gateways.json`, j({ TransitGateways: [tgwDr] })],
    [
      `${HUB}/describe-transit-gateway-attachments.json`,
      j({
        TransitGatewayAttachments: [
          attachment('tgw-attach-0hub', 'tgw-0hub', 'vpc', 'vpc-0hub', '111111111111', 'tgw-rtb-0spokes'),
          attachment('tgw-attach-0spoke', 'tgw-0hub', 'vpc', 'vpc-0spoke', '222222222222', 'tgw-rtb-0spokes'),
          attachment('tgw-attach-0peer', 'tgw-0hub', 'peering', 'tgw-0dr', '111111111111', 'tgw-rtb-0peer'),
        ],
      }),
    ],
    [
      `${DR}/describe-transit-gateway-attachments.json`,
      j({
        TransitGatewayAttachments: [
          attachment('tgw-attach-0dr', 'tgw-0dr', 'vpc', 'vpc-0dr', '111111111111', 'tgw-rtb-0dr'),
          attachment('tgw-attach-0peer', 'tgw-0dr', 'peering', 'tgw-0hub', '111111111111', 'tgw-rtb-0dr'),
        ],
      }),
    ],
    [
      `${HUB}/describe-transit-gateway-vpc-attachments.json`,
      j({
        TransitGatewayVpcAttachments: [
          {
            TransitGatewayAttachmentId: 'tgw-attach-0hub',
            TransitGatewayId: 'tgw-0hub',
            VpcId: 'vpc-0hub',
            VpcOwnerId: '111111111111',
            State: 'available',
            SubnetIds: ['subnet-0hub'],
          },
          {
            TransitGatewayAttachmentId: 'tgw-attach-0spoke',
            TransitGatewayId: 'tgw-0hub',
            VpcId: 'vpc-0spoke',
            VpcOwnerId: '222222222222',
            State: 'available',
            SubnetIds: ['subnet-0spoke'],
          },
        ],
      }),
    ],
    [
      `${DR}/describe-transit-gateway-vpc-attachments.json`,
      j({
        TransitGatewayVpcAttachments: [
          {
            TransitGatewayAttachmentId: 'tgw-attach-0dr',
            TransitGatewayId: 'tgw-0dr',
            VpcId: 'vpc-0dr',
            State: 'available',
            SubnetIds: ['subnet-0dr'],
          },
        ],
      }),
    ],
    [
      `${HUB}/describe-transit-gateway-route-tables.json`,
      j({
        TransitGatewayRouteTables: [
          {
            TransitGatewayRouteTableId: 'tgw-rtb-0spokes',
            TransitGatewayId: 'tgw-0hub',
            State: 'available',
            DefaultAssociationRouteTable: true,
            DefaultPropagationRouteTable: true,
            Tags: tags('spokes'),
          },
          {
            TransitGatewayRouteTableId: 'tgw-rtb-0peer',
            TransitGatewayId: 'tgw-0hub',
            State: 'available',
            DefaultAssociationRouteTable: false,
            DefaultPropagationRouteTable: false,
          },
        ],
      }),
    ],
    [
      `${DR}/describe-transit-gateway-route-tables.json`,
      j({
        TransitGatewayRouteTables: [
          { TransitGatewayRouteTableId: 'tgw-rtb-0dr', TransitGatewayId: 'tgw-0dr', State: 'available' },
        ],
      }),
    ],
    [
      `${HUB}/search-transit-gateway-routes-tgw-rtb-0spokes.json`,
      j({
        Routes: [
          {
            DestinationCidrBlock: '10.0.0.0/16',
            TransitGatewayAttachments: [
              { ResourceId: 'vpc-0hub', TransitGatewayAttachmentId: 'tgw-attach-0hub', ResourceType: 'vpc' },
            ],
            Type: 'propagated',
            State: 'active',
          },
          {
            DestinationCidrBlock: '10.50.0.0/16',
            TransitGatewayAttachments: [
              {
                ResourceId: 'tgw-0dr',
                TransitGatewayAttachmentId: 'tgw-attach-0peer',
                ResourceType: 'peering',
              },
            ],
            Type: 'static',
            State: 'active',
          },
          { DestinationCidrBlock: '10.99.0.0/16', Type: 'static', State: 'blackhole' },
        ],
        AdditionalRoutesAvailable: false,
      }),
    ],
    [
      `${HUB}/search-transit-gateway-routes-tgw-rtb-0peer.json`,
      j({ Routes: [], AdditionalRoutesAvailable: false }),
    ],
    [
      `${DR}/search-transit-gateway-routes-tgw-rtb-0dr.json`,
      j({
        Routes: [
          {
            DestinationCidrBlock: '10.0.0.0/15',
            TransitGatewayAttachments: [
              {
                ResourceId: 'tgw-0hub',
                TransitGatewayAttachmentId: 'tgw-attach-0peer',
                ResourceType: 'peering',
              },
            ],
            Type: 'static',
            State: 'active',
          },
        ],
      }),
    ],
    [
      `${HUB}/get-transit-gateway-route-table-propagations-tgw-rtb-0spokes.json`,
      j({
        TransitGatewayRouteTablePropagations: [
          propagation('tgw-attach-0hub', 'vpc-0hub'),
          propagation('tgw-attach-0spoke', 'vpc-0spoke'),
        ],
      }),
    ],
    [
      `${HUB}/get-transit-gateway-route-table-propagations-tgw-rtb-0peer.json`,
      j({ TransitGatewayRouteTablePropagations: [propagation('tgw-attach-0spoke', 'vpc-0spoke')] }),
    ],
    [
      `${DR}/get-transit-gateway-route-table-propagations-tgw-rtb-0dr.json`,
      j({ TransitGatewayRouteTablePropagations: [propagation('tgw-attach-0dr', 'vpc-0dr')] }),
    ],
  ]);
}
