import type { TgwRoute, TransitGateway } from '../schema';
import type { KindDescriptor } from './types';

export const transitGateway: KindDescriptor<'transitGateway'> = {
  kind: 'transitGateway',
  place: { in: 'design', list: 'transitGateways' },
  label: { singular: 'transit gateway', plural: 'transit gateways' },
  idPrefix: 'tgw',
  references: [
    { field: 'account', target: 'account', onDelete: 'cascade' },
    { field: 'defaultAssociationRouteTable', target: 'tgwRouteTable', onDelete: 'clear' },
    { field: 'defaultPropagationRouteTable', target: 'tgwRouteTable', onDelete: 'clear' },
    {
      field: 'sharedWith',
      many: true,
      target: 'account',
      onDelete: 'prune',
      pruned: (t, ids) => [`transit gateway ${t.name || t.id} is no longer shared with ${ids.join(', ')}`],
    },
  ],
};

// A TGW route table lives inside its TGW; its routes name attachments of that TGW.
export const tgwRouteTable: KindDescriptor<'tgwRouteTable'> = {
  kind: 'tgwRouteTable',
  place: { in: 'transitGateway', list: 'routeTables' },
  label: { singular: 'transit gateway route table', plural: 'transit gateway route tables' },
  idPrefix: 'tgw-rtb',
  references: [
    {
      field: 'attachment',
      items: ['routes'],
      target: 'tgwAttachment',
      onDelete: 'prune',
      shownAs: 'routes[].attachment',
      pruned: (t, routes) =>
        (routes as TgwRoute[]).map(
          (r) => `route ${r.destination} → ${r.attachment} removed from ${t.name || t.id}`,
        ),
    },
  ],
};

/** A TGW in the account and region with one route table that is its default association and propagation table. */
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
