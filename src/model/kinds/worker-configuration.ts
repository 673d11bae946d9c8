import type { WorkerConfiguration } from '../schema';
import type { KindDescriptor } from './types';

export const workerConfiguration: KindDescriptor<'workerConfiguration'> = {
  kind: 'workerConfiguration',
  place: { in: 'design', list: 'workerConfigurations' },
  label: { singular: 'worker configuration', plural: 'worker configurations' },
  idPrefix: 'wc',
  // A worker configuration names one VPC, subnet and group; without any of them it means nothing.
  references: [
    { field: 'account', target: 'account', onDelete: 'cascade' },
    { field: 'vpc', target: 'vpc', onDelete: 'cascade' },
    { field: 'subnet', target: 'subnet', onDelete: 'cascade', sameVpc: true },
    { field: 'securityGroup', target: 'securityGroup', onDelete: 'cascade', sameVpc: true },
  ],
};

export function createWorkerConfiguration(p: {
  id: string;
  name?: string;
  account: string;
  region: string;
  vpc: string;
  subnet: string;
  securityGroup: string;
}): WorkerConfiguration {
  return {
    id: p.id,
    ...(p.name !== undefined ? { name: p.name } : {}),
    account: p.account,
    region: p.region,
    vpc: p.vpc,
    subnet: p.subnet,
    securityGroup: p.securityGroup,
  };
}
