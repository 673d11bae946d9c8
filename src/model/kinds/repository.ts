import type { Repository } from '../schema';
import type { KindDescriptor } from './types';

export const repository: KindDescriptor<'repository'> = {
  kind: 'repository',
  place: { in: 'design', list: 'repositories' },
  label: { singular: 'repository', plural: 'repositories' },
  idPrefix: 'repo',
  references: [
    { field: 'account', target: 'account', onDelete: 'cascade' },
    { field: 's3Endpoint', target: 'endpoint', onDelete: 'clear' },
  ],
  cleared: (r) => `repository ${r.name || r.id} has no S3 endpoint selected any more`,
};

/** A standard-tier repository; its bucket name follows the id (S3 bucket names are lower case). */
export function createRepository(p: {
  id: string;
  name?: string;
  account: string;
  region: string;
  s3Endpoint?: string;
}): Repository {
  return {
    id: p.id,
    name: p.name ?? '',
    account: p.account,
    region: p.region,
    bucket: `vbaws-${p.id}`.toLowerCase(),
    tier: 'standard',
    ...(p.s3Endpoint !== undefined ? { s3Endpoint: p.s3Endpoint } : {}),
  };
}
