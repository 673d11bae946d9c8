import type { Appliance } from '../schema';
import type { KindDescriptor } from './types';

export const appliance: KindDescriptor<'appliance'> = {
  kind: 'appliance',
  place: { in: 'design', single: 'appliance' },
  label: { singular: 'appliance', plural: 'appliances' },
  idPrefix: 'appliance',
  references: [
    { field: 'vpc', target: 'vpc', onDelete: 'cascade' },
    { field: 'subnet', target: 'subnet', onDelete: 'cascade', sameVpc: true },
    {
      field: 'securityGroups',
      many: true,
      target: 'securityGroup',
      onDelete: 'prune',
      sameVpc: true,
      pruned: () => ['the appliance no longer uses the deleted group'],
    },
  ],
};

export function createAppliance(p: {
  id: string;
  vpc: string;
  subnet: string;
  ip: string;
  securityGroups: string[];
}): Appliance {
  return {
    id: p.id,
    name: 'Veeam Backup for AWS',
    vpc: p.vpc,
    subnet: p.subnet,
    ip: p.ip,
    securityGroups: p.securityGroups,
  };
}
