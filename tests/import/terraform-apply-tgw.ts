/* eslint-disable @typescript-eslint/no-explicit-any -- CLI JSON is built as untyped data */
// Test helper, the Transit Gateway part of terraform-apply.ts: what applying the exported TGW
// resources creates, as describe-transit-gateway* / search-transit-gateway-routes-<rtb> /
// get-transit-gateway-route-table-propagations-<rtb> JSON. AWS's part: an attachment from another
// account (or a peering attachment) is available once its accepter exists, pending otherwise; each
// side of a peering attachment lists it under its own TGW with its own association; the owner of a
// TGW and the owner of an attached VPC both list the VPC attachment.

/** What terraform-apply.ts hands over: its resources, how to read them, where they live, the lists. */
interface Resource {
  type: string;
  labels: string[];
  attrs: Record<string, any>;
}

export interface ApplyContext {
  of: (type: string) => Resource[];
  a: (r: Resource, key: string) => any;
  id: (r: Resource) => string;
  where: (r: Resource) => string;
  tags: (r: Resource) => { Key: string; Value: unknown }[];
  list: (dir: string, member: string) => any[];
  folder: Map<string, string>;
}

/** The list members this part adds, with their file names. */
export const TGW_FILES: Record<string, string> = {
  TransitGateways: 'describe-transit-gateways.json',
  TransitGatewayAttachments: 'describe-transit-gateway-attachments.json',
  TransitGatewayVpcAttachments: 'describe-transit-gateway-vpc-attachments.json',
  TransitGatewayRouteTables: 'describe-transit-gateway-route-tables.json',
};

export function describeTransitGateways(ctx: ApplyContext): void {
  const { of, a, id, where, tags, list, folder } = ctx;
  const tgws = new Map<string, { dir: string; account: string }>();
  for (const r of of('aws_ec2_transit_gateway')) {
    const dir = where(r);
    const account = dir.split('/')[0]!;
    tgws.set(id(r), { dir, account });
    list(dir, 'TransitGateways').push({
      TransitGatewayId: id(r),
      OwnerId: account,
      State: 'available',
      Options: {
        AmazonSideAsn: a(r, 'amazon_side_asn') ?? 64512,
        DefaultRouteTableAssociation: a(r, 'default_route_table_association') ?? 'enable',
        DefaultRouteTablePropagation: a(r, 'default_route_table_propagation') ?? 'enable',
        SecurityGroupReferencingSupport: a(r, 'security_group_referencing_support') ?? 'disable',
      },
      Tags: tags(r),
    });
  }
  const tableTgw = new Map<string, string>();
  const routes = new Map<string, any[]>();
  const propagations = new Map<string, any[]>();
  for (const r of of('aws_ec2_transit_gateway_route_table')) {
    const tgw = a(r, 'transit_gateway_id');
    tableTgw.set(id(r), tgw);
    routes.set(id(r), []);
    propagations.set(id(r), []);
    list(tgws.get(tgw)!.dir, 'TransitGatewayRouteTables').push({
      TransitGatewayRouteTableId: id(r),
      TransitGatewayId: tgw,
      State: 'available',
      Tags: tags(r),
    });
  }
  for (const r of of('aws_ec2_transit_gateway_route')) {
    const attachment = a(r, 'transit_gateway_attachment_id');
    routes.get(a(r, 'transit_gateway_route_table_id'))!.push({
      DestinationCidrBlock: a(r, 'destination_cidr_block'),
      Type: 'static',
      State: a(r, 'blackhole') ? 'blackhole' : 'active',
      ...(attachment ? { TransitGatewayAttachments: [{ TransitGatewayAttachmentId: attachment }] } : {}),
    });
  }
  for (const r of of('aws_ec2_transit_gateway_route_table_propagation'))
    propagations.get(a(r, 'transit_gateway_route_table_id'))!.push({
      TransitGatewayAttachmentId: a(r, 'transit_gateway_attachment_id'),
      State: 'enabled',
    });
  // Associations by attachment and TGW (a peering attachment has one on each side).
  const association = new Map<string, string>();
  for (const r of of('aws_ec2_transit_gateway_route_table_association')) {
    const table = a(r, 'transit_gateway_route_table_id');
    association.set(`${a(r, 'transit_gateway_attachment_id')}|${tableTgw.get(table)}`, table);
  }
  const assoc = (attachment: string, tgw: string) => {
    const table = association.get(`${attachment}|${tgw}`);
    return table ? { Association: { TransitGatewayRouteTableId: table, State: 'associated' } } : {};
  };
  const accepted = new Set(
    [
      ...of('aws_ec2_transit_gateway_vpc_attachment_accepter'),
      ...of('aws_ec2_transit_gateway_peering_attachment_accepter'),
    ].map((r) => a(r, 'transit_gateway_attachment_id')),
  );

  for (const r of of('aws_ec2_transit_gateway_vpc_attachment')) {
    const tgw = a(r, 'transit_gateway_id');
    const owner = tgws.get(tgw)!;
    const dir = where(r);
    const account = dir.split('/')[0]!;
    const state = account === owner.account || accepted.has(id(r)) ? 'available' : 'pendingAcceptance';
    const attachment = {
      TransitGatewayAttachmentId: id(r),
      TransitGatewayId: tgw,
      TransitGatewayOwnerId: owner.account,
      ResourceOwnerId: account,
      ResourceType: 'vpc',
      ResourceId: a(r, 'vpc_id'),
      State: state,
      ...assoc(id(r), tgw),
      Tags: tags(r),
    };
    const vpcAttachment = {
      TransitGatewayAttachmentId: id(r),
      TransitGatewayId: tgw,
      VpcId: a(r, 'vpc_id'),
      SubnetIds: a(r, 'subnet_ids') ?? [],
      State: state,
      // The EC2 API's default for a new VPC attachment.
      Options: { SecurityGroupReferencingSupport: a(r, 'security_group_referencing_support') ?? 'enable' },
    };
    for (const d of new Set([owner.dir, dir])) {
      list(d, 'TransitGatewayAttachments').push(attachment);
      list(d, 'TransitGatewayVpcAttachments').push(vpcAttachment);
    }
  }
  for (const r of of('aws_ec2_transit_gateway_peering_attachment')) {
    const from = a(r, 'transit_gateway_id');
    const to = a(r, 'peer_transit_gateway_id');
    const state = accepted.has(id(r)) ? 'available' : 'pendingAcceptance';
    for (const [tgw, peer] of [
      [from, to],
      [to, from],
    ] as const)
      list(tgws.get(tgw)!.dir, 'TransitGatewayAttachments').push({
        TransitGatewayAttachmentId: id(r),
        TransitGatewayId: tgw,
        TransitGatewayOwnerId: tgws.get(tgw)!.account,
        ResourceOwnerId: tgws.get(peer)!.account,
        ResourceType: 'peering',
        ResourceId: peer,
        State: state,
        ...assoc(id(r), tgw),
        Tags: tags(r),
      });
  }
  for (const [table, tgw] of tableTgw) {
    const dir = tgws.get(tgw)!.dir;
    folder.set(
      `${dir}/search-transit-gateway-routes-${table}.json`,
      JSON.stringify({ Routes: routes.get(table), AdditionalRoutesAvailable: false }),
    );
    folder.set(
      `${dir}/get-transit-gateway-route-table-propagations-${table}.json`,
      JSON.stringify({ TransitGatewayRouteTablePropagations: propagations.get(table) }),
    );
  }
}
