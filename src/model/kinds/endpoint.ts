import type { Endpoint } from '../schema';
import type { KindDescriptor } from './types';

const noLonger = (what: string) => (e: Endpoint) => [`${e.service} endpoint ${e.id} no longer uses ${what}`];

export const endpoint: KindDescriptor<'endpoint'> = {
  kind: 'endpoint',
  place: { in: 'vpc', list: 'endpoints' },
  label: { singular: 'endpoint', plural: 'endpoints' },
  idPrefix: 'vpce',
  // An endpoint's network interfaces, groups and gateway routes are all in its own VPC (AWS).
  references: [
    {
      field: 'subnets',
      many: true,
      target: 'subnet',
      onDelete: 'prune',
      sameVpc: true,
      pruned: noLonger('the deleted subnet'),
    },
    {
      field: 'securityGroups',
      many: true,
      target: 'securityGroup',
      onDelete: 'prune',
      sameVpc: true,
      pruned: noLonger('the deleted group'),
    },
    {
      field: 'routeTables',
      many: true,
      target: 'routeTable',
      onDelete: 'prune',
      sameVpc: true,
      pruned: noLonger('the deleted route table'),
    },
  ],
};

/** An interface endpoint of an AWS service. */
export function createInterfaceEndpoint(p: {
  id: string;
  service: string;
  subnets: string[];
  securityGroups: string[];
  privateDns?: boolean;
}): Endpoint {
  return {
    id: p.id,
    service: p.service,
    type: 'Interface',
    subnets: p.subnets,
    securityGroups: p.securityGroups,
    routeTables: [],
    // Veeam addresses the S3 endpoint by its endpoint-specific name; the others by the regional name.
    privateDns: p.privateDns ?? p.service !== 's3',
  };
}
