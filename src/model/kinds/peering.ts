import type { Peering } from '../schema';
import type { KindDescriptor } from './types';

export const peering: KindDescriptor<'peering'> = {
  kind: 'peering',
  place: { in: 'design', list: 'peerings' },
  label: { singular: 'peering', plural: 'peerings' },
  idPrefix: 'pcx',
  references: [
    { field: 'requester', target: 'vpc', onDelete: 'cascade' },
    { field: 'accepter', target: 'vpc', onDelete: 'cascade' },
  ],
};

export function createPeering(p: {
  id: string;
  name?: string;
  requester: string;
  accepter: string;
}): Peering {
  return {
    id: p.id,
    ...(p.name !== undefined ? { name: p.name } : {}),
    requester: p.requester,
    accepter: p.accepter,
    status: 'active',
  };
}
