// A new Transit Gateway with AWS's defaults: ASN 64512, one route table used for both default
// association and default propagation (as AWS creates it), security group referencing off.
// Lives here until the TGW kind descriptor (src/model/kinds) offers a factory of its own.
import type { TransitGateway } from '../../../model/schema';

export function createTransitGateway(p: {
  id: string;
  name?: string;
  account: string;
  region: string;
  routeTable: string;
}): TransitGateway {
  return {
    id: p.id,
    name: p.name ?? '',
    account: p.account,
    region: p.region,
    asn: 64512,
    defaultAssociationRouteTable: p.routeTable,
    defaultPropagationRouteTable: p.routeTable,
    securityGroupReferencing: false,
    sharedWith: [],
    routeTables: [{ id: p.routeTable, name: 'default', routes: [] }],
  };
}
