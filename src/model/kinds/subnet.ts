import type { Subnet } from '../schema';
import type { KindDescriptor } from './types';

export const subnet: KindDescriptor<'subnet'> = {
  kind: 'subnet',
  place: { in: 'vpc', list: 'subnets' },
  label: { singular: 'subnet', plural: 'subnets' },
  idPrefix: 'sn',
  references: [{ field: 'routeTable', target: 'routeTable', onDelete: 'clear', sameVpc: true }],
  // A subnet with no explicit association uses its VPC's main route table (AWS).
  cleared: (s) => `subnet ${s.name || s.id} falls back to the main route table`,
};

export function createSubnet(p: { id: string; name?: string; cidr: string; az: string }): Subnet {
  return { id: p.id, name: p.name ?? '', cidr: p.cidr, az: p.az, mapPublicIpOnLaunch: false };
}
