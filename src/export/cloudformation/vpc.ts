// One VPC as CloudFormation resources: the VPC and its secondary blocks, an internet gateway when a
// route needs one, subnets with their table associations, route tables with one resource per route,
// then its security groups and endpoints. Logical ids come from element ids and, for routes, from
// the destination, so deleting one route changes only that resource.
import type { RouteTable, Subnet, Vpc } from '../../model/schema';
import { mainRouteTable } from '../model';
import type { Builder, Stack } from './builder';
import { buildEndpoint } from './connections';
import { description, idPart, nameTags, PATTERNS, ref, type Json } from './intrinsics';
import { buildGroup } from './security-groups';

interface Gateways {
  gateway?: string;
  attachment?: string;
  natParameter?: string;
}

export function buildVpc(b: Builder, vpc: Vpc) {
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
  b.vpcOutput(vpc);

  const blocks = vpc.secondaryCidrs.map((cidr) => {
    const id = stack.ids.claim(`${vpcId}Cidr${idPart(cidr)}`);
    b.resource(stack, id, 'AWS::EC2::VPCCidrBlock', { VpcId: vpcRef, CidrBlock: cidr });
    return id;
  });

  const gateways: Gateways = {};
  if (b.model.usesGateway(vpc, 'internet')) {
    gateways.gateway = stack.ids.claim(`${vpcId}InternetGateway`);
    gateways.attachment = stack.ids.claim(`${vpcId}GatewayAttachment`);
    b.resource(stack, gateways.gateway, 'AWS::EC2::InternetGateway', {
      Tags: nameTags(`${name} internet gateway`),
    });
    b.resource(stack, gateways.attachment, 'AWS::EC2::VPCGatewayAttachment', {
      VpcId: vpcRef,
      InternetGatewayId: ref(gateways.gateway),
    });
  }
  if (b.model.usesGateway(vpc, 'nat')) {
    // Optional: the design does not draw the NAT gateway, so its routes wait until its id is given.
    const natParameter = stack.ids.claim(`${vpcId}NatGatewayId`);
    stack.parameters[natParameter] = {
      Type: 'String',
      Default: '',
      AllowedPattern: PATTERNS.nat.pattern,
      ConstraintDescription: `must be empty or ${PATTERNS.nat.what}`,
      Description: description(
        `NAT gateway for the "nat" routes of VPC "${name}"; the design does not draw it. Leave empty until it exists: the routes wait for it.`,
        4000,
      ),
    };
    stack.conditions[`Has${natParameter}`] = { 'Fn::Not': [{ 'Fn::Equals': [ref(natParameter), ''] }] };
    stack.manual.push(natParameter);
    gateways.natParameter = natParameter;
  }

  for (const subnet of vpc.subnets) buildSubnet(b, stack, vpc, subnet, blocks);
  for (const table of vpc.routeTables) buildRouteTable(b, stack, vpc, table, gateways);
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
  // CloudFormation cannot replace a VPC's main route table, so subnets that use the design's main
  // table are associated with it explicitly: same routes, one more resource.
  const tableId = subnet.routeTable ?? mainRouteTable(vpc)?.id;
  if (tableId === undefined) return;
  const table = b.model.index.routeTables.get(tableId)?.element;
  const tablePlace = table && b.placed.get(table);
  if (!table || !tablePlace || tablePlace.stack !== stack) {
    stack.notes.push(
      `Subnet ${subnet.id} names route table ${tableId}, which is not in its stack; it keeps the main table.`,
    );
    return;
  }
  b.resource(stack, stack.ids.claim(`${id}RouteTableAssociation`), 'AWS::EC2::SubnetRouteTableAssociation', {
    SubnetId: ref(id),
    RouteTableId: ref(tablePlace.id),
  });
}

function buildRouteTable(b: Builder, stack: Stack, vpc: Vpc, table: RouteTable, gateways: Gateways) {
  const id = b.id(table);
  b.resource(stack, id, 'AWS::EC2::RouteTable', {
    VpcId: ref(b.id(vpc)),
    Tags: nameTags(table.name || table.id),
  });
  for (const route of table.routes) {
    const routeId = stack.ids.claim(`${id}Route${idPart(route.destination)}`);
    const properties: Record<string, Json> = {
      RouteTableId: ref(id),
      DestinationCidrBlock: route.destination,
    };
    const extra: Record<string, Json> = {};
    if (route.peering !== undefined) {
      const p = b.model.peering(route.peering);
      if (!p) {
        stack.notes.push(
          `Route ${route.destination} in ${table.id} is not exported: peering ${route.peering} does not join two VPCs of the design.`,
        );
        continue;
      }
      const resolved = b.peeringRef(stack, p);
      properties.VpcPeeringConnectionId = resolved.value;
      const condition = b.condition(stack, routeId, resolved.conditions);
      if (condition) extra.Condition = condition;
    } else if (route.transitGateway !== undefined) {
      const tgw = b.transit?.tgw(route.transitGateway)?.tgw;
      const attachment = tgw && b.transit?.vpcAttachment(vpc.id, tgw.id);
      if (!tgw || !attachment || attachment.at.stack !== stack) {
        stack.notes.push(
          `Route ${route.destination} in ${table.id} is not exported: ${vpc.id} has no attachment to Transit Gateway ${route.transitGateway}.`,
        );
        continue;
      }
      const resolved = b.transit!.tgwRef(stack, tgw);
      properties.TransitGatewayId = resolved.value;
      // AWS refuses a route to a TGW the VPC is not attached to.
      extra.DependsOn = attachment.at.id;
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
  }
}
