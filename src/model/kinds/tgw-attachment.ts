import type { TgwAttachment } from '../schema';
import type { KindDescriptor } from './types';

export const tgwAttachment: KindDescriptor<'tgwAttachment'> = {
  kind: 'tgwAttachment',
  place: { in: 'design', list: 'transitGatewayAttachments' },
  label: { singular: 'transit gateway attachment', plural: 'transit gateway attachments' },
  idPrefix: 'tgw-attach',
  references: [
    { field: 'transitGateway', target: 'transitGateway', onDelete: 'cascade' },
    { field: 'vpc', target: 'vpc', onDelete: 'cascade' },
    {
      field: 'subnets',
      many: true,
      target: 'subnet',
      onDelete: 'prune',
      sameVpc: true,
      pruned: (a, ids) => [
        `transit gateway attachment ${a.name || a.id} no longer reaches the AZ of subnet(s) ${ids.join(', ')}`,
      ],
    },
    { field: 'peerTransitGateway', target: 'transitGateway', onDelete: 'cascade' },
    // AWS: an attachment without an explicit association uses the TGW's default association table.
    { field: 'routeTable', target: 'tgwRouteTable', onDelete: 'clear' },
    { field: 'peerRouteTable', target: 'tgwRouteTable', onDelete: 'clear' },
    {
      field: 'propagations',
      many: true,
      target: 'tgwRouteTable',
      onDelete: 'prune',
      pruned: (a, ids) => [
        `transit gateway attachment ${a.name || a.id} no longer propagates to ${ids.join(', ')}`,
      ],
    },
  ],
  cleared: (a, fields) =>
    `transit gateway attachment ${a.name || a.id}: ${fields.join(', ')} cleared (the default association table applies)`,
};

export function createVpcAttachment(p: {
  id: string;
  name?: string;
  transitGateway: string;
  vpc: string;
  subnets: string[];
}): TgwAttachment {
  return {
    id: p.id,
    ...(p.name !== undefined ? { name: p.name } : {}),
    transitGateway: p.transitGateway,
    vpc: p.vpc,
    subnets: p.subnets,
    status: 'active',
  };
}

/** A TGW peering attachment between two Transit Gateways (in different regions). */
export function createPeeringAttachment(p: {
  id: string;
  name?: string;
  transitGateway: string;
  peerTransitGateway: string;
}): TgwAttachment {
  return {
    id: p.id,
    ...(p.name !== undefined ? { name: p.name } : {}),
    transitGateway: p.transitGateway,
    peerTransitGateway: p.peerTransitGateway,
    subnets: [],
    status: 'active',
  };
}
