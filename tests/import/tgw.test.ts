// Transit Gateway import: a hub account owns a TGW shared with a workload account whose VPC attaches
// to it, a blackhole route, explicit propagations, and a peering attachment to a second TGW in
// another region, seen from both sides. The files are in the shape the AWS CLI prints (botocore ec2
// service-2.json: DescribeTransitGateways … SearchTransitGatewayRoutes, GetTransitGatewayRouteTablePropagations).
import { describe, expect, it } from 'vitest';
import { importAws } from '../../src/import/aws/index';
import { HUB, tgwCollection } from './tgw-fixture';

describe('Transit Gateway import', () => {
  const r = importAws(tgwCollection());

  it('TGWs keep owner, region, ASN, defaults, SG referencing, and their sharing with the attached account', () => {
    const hub = r.design.transitGateways.find((t) => t.id === 'tgw-0hub')!;
    expect(r.design.transitGateways.map((t) => t.id).sort()).toEqual(['tgw-0dr', 'tgw-0hub']);
    expect(hub).toMatchObject({
      name: 'Hub',
      account: 'acct-111111111111',
      region: 'eu-west-1',
      asn: 64512,
      defaultAssociationRouteTable: 'tgw-rtb-0spokes',
      defaultPropagationRouteTable: 'tgw-rtb-0spokes',
      securityGroupReferencing: true,
      sharedWith: ['acct-222222222222'],
    });
    const dr = r.design.transitGateways.find((t) => t.id === 'tgw-0dr')!;
    expect(dr.defaultAssociationRouteTable).toBeUndefined();
    expect(dr.region).toBe('us-east-1');
  });

  it('static routes (attachment or blackhole) are kept; propagated ones are not routes', () => {
    const hub = r.design.transitGateways.find((t) => t.id === 'tgw-0hub')!;
    expect(hub.routeTables.find((t) => t.id === 'tgw-rtb-0spokes')!.routes).toEqual([
      { destination: '10.50.0.0/16', attachment: 'tgw-attach-0peer' },
      { destination: '10.99.0.0/16', blackhole: true },
    ]);
  });

  it('attachments: VPC with subnets, association and propagations; one peering attachment seen from both sides', () => {
    const byId = new Map(r.design.transitGatewayAttachments.map((a) => [a.id, a]));
    expect(byId.size).toBe(4);
    expect(byId.get('tgw-attach-0spoke')).toMatchObject({
      transitGateway: 'tgw-0hub',
      vpc: 'vpc-0spoke',
      subnets: ['subnet-0spoke'],
      routeTable: 'tgw-rtb-0spokes',
      propagations: ['tgw-rtb-0spokes', 'tgw-rtb-0peer'],
    });
    expect(byId.get('tgw-attach-0hub')!.propagations).toEqual(['tgw-rtb-0spokes']);
    expect(byId.get('tgw-attach-0peer')).toMatchObject({
      transitGateway: 'tgw-0hub',
      peerTransitGateway: 'tgw-0dr',
      routeTable: 'tgw-rtb-0peer',
      peerRouteTable: 'tgw-rtb-0dr',
    });
  });

  it('VPC routes to a TGW become transitGateway routes, and the import reports no errors', () => {
    const spoke = r.design.vpcs.find((v) => v.id === 'vpc-0spoke')!;
    expect(spoke.routeTables[0]!.routes).toEqual([
      { destination: '10.0.0.0/16', transitGateway: 'tgw-0hub' },
    ]);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('without the propagation files the attachment keeps the default propagation (and a missing routes file is said)', () => {
    const files = tgwCollection();
    for (const k of [...files.keys()])
      if (k.includes('get-transit-gateway-route-table-propagations')) files.delete(k);
    files.delete(`${HUB}/search-transit-gateway-routes-tgw-rtb-0peer.json`);
    const again = importAws(files);
    expect(
      again.design.transitGatewayAttachments.find((a) => a.id === 'tgw-attach-0spoke')!.propagations,
    ).toBeUndefined();
    expect(again.findings.map((f) => f.file)).toContain(
      `${HUB}/search-transit-gateway-routes-tgw-rtb-0peer.json`,
    );
  });
});
