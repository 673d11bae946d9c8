import type { Vpc } from '../schema';
import { createRouteTable } from './route-table';
import type { KindDescriptor } from './types';

export const vpc: KindDescriptor<'vpc'> = {
  kind: 'vpc',
  place: { in: 'design', list: 'vpcs' },
  label: { singular: 'VPC', plural: 'VPCs' },
  idPrefix: 'vpc',
  references: [{ field: 'account', target: 'account', onDelete: 'cascade' }],
};

/** A VPC with its main route table and nothing else. */
export function createVpc(p: {
  id: string;
  name?: string;
  account: string;
  region: string;
  cidr: string;
  mainRouteTable: string;
}): Vpc {
  return {
    id: p.id,
    name: p.name ?? '',
    account: p.account,
    region: p.region,
    cidr: p.cidr,
    secondaryCidrs: [],
    dnsSupport: true,
    // Interface endpoints with private DNS need both DNS attributes on (AWS).
    dnsHostnames: true,
    subnets: [],
    routeTables: [createRouteTable({ id: p.mainRouteTable, main: true })],
    securityGroups: [],
    endpoints: [],
  };
}
