// What each Veeam operation needs of the network (rules.md section 1), as one table.
// Sources: configuring_private_networks.md (interface endpoints per operation) and
// workers_location.md (where workers run, and whether they may run in production accounts).
import type { Operation, OperationKind } from '../model/schema';

export type OperationField = 'account' | 'region' | 'repository' | 'archiveRepository' | 'vpc';

export interface OperationRequirement {
  /** How the Veeam console names the operation. */
  label: string;
  /** Fields this kind reads; a missing one is a structural finding. */
  reads: readonly OperationField[];
  /**
   * The account workers run in: the backup account; the operation's account when `workersIn` is
   * production-account; or always the operation's (production) account.
   */
  workerAccount: 'backup' | 'backup-or-production' | 'production';
  /** The region workers run in: the operation's `region`, or the (standard) repository's. */
  workerRegion: 'operation' | 'repository';
  /** Whether the worker must sit in the operation's `vpc` (RDS and EFS). */
  workerInOperationVpc: boolean;
  /** Interface endpoint services the worker VPC needs. */
  services: readonly string[];
  /** Extra services when the operation restores items to the original location. */
  servicesWhenRestoreToOriginal: readonly string[];
  /** The repositories the worker writes to or reads from. */
  repositories: readonly ('repository' | 'archiveRepository')[];
}

const EC2_WORKER = ['ec2messages', 'ssm', 'sqs'] as const;
const RDS_WORKER = ['ssmmessages', 'ssm', 'sqs'] as const;

export const OPERATION_REQUIREMENTS: Readonly<Record<OperationKind, OperationRequirement>> = {
  'ec2-backup': {
    label: 'EC2 image-level backup',
    reads: ['account', 'region', 'repository'],
    workerAccount: 'backup-or-production',
    workerRegion: 'operation',
    workerInOperationVpc: false,
    services: [...EC2_WORKER, 'ebs'],
    servicesWhenRestoreToOriginal: [],
    repositories: ['repository'],
  },
  'ec2-restore': {
    label: 'EC2 instance restore',
    reads: ['account', 'region', 'repository'],
    workerAccount: 'backup-or-production',
    workerRegion: 'operation',
    workerInOperationVpc: false,
    services: EC2_WORKER,
    servicesWhenRestoreToOriginal: [],
    repositories: ['repository'],
  },
  'ec2-volume-restore': {
    label: 'EC2 volume restore',
    reads: ['account', 'region', 'repository'],
    workerAccount: 'backup-or-production',
    workerRegion: 'operation',
    workerInOperationVpc: false,
    services: EC2_WORKER,
    servicesWhenRestoreToOriginal: [],
    repositories: ['repository'],
  },
  'ec2-health-check': {
    label: 'EC2 backup health check',
    reads: ['repository'],
    workerAccount: 'backup',
    workerRegion: 'repository',
    workerInOperationVpc: false,
    services: EC2_WORKER,
    servicesWhenRestoreToOriginal: [],
    repositories: ['repository'],
  },
  retention: {
    label: 'Retention',
    reads: ['repository'],
    workerAccount: 'backup',
    workerRegion: 'repository',
    workerInOperationVpc: false,
    services: EC2_WORKER,
    servicesWhenRestoreToOriginal: [],
    repositories: ['repository'],
  },
  'ec2-archive': {
    label: 'EC2 backup archiving',
    reads: ['repository', 'archiveRepository'],
    workerAccount: 'backup',
    workerRegion: 'repository',
    workerInOperationVpc: false,
    services: EC2_WORKER,
    servicesWhenRestoreToOriginal: [],
    repositories: ['repository', 'archiveRepository'],
  },
  'rds-backup': {
    label: 'RDS image-level backup',
    reads: ['account', 'region', 'vpc', 'repository'],
    workerAccount: 'production',
    workerRegion: 'operation',
    workerInOperationVpc: true,
    services: RDS_WORKER,
    servicesWhenRestoreToOriginal: [],
    repositories: ['repository'],
  },
  'rds-restore': {
    label: 'RDS database restore',
    reads: ['account', 'region', 'vpc', 'repository'],
    workerAccount: 'production',
    workerRegion: 'operation',
    workerInOperationVpc: true,
    services: RDS_WORKER,
    servicesWhenRestoreToOriginal: [],
    repositories: ['repository'],
  },
  'efs-indexing': {
    label: 'EFS indexing',
    reads: ['account', 'region', 'vpc', 'repository'],
    workerAccount: 'production',
    workerRegion: 'operation',
    workerInOperationVpc: true,
    services: RDS_WORKER,
    servicesWhenRestoreToOriginal: [],
    repositories: ['repository'],
  },
  'rds-health-check': {
    label: 'RDS backup health check',
    reads: ['repository'],
    workerAccount: 'backup',
    workerRegion: 'repository',
    workerInOperationVpc: false,
    services: RDS_WORKER,
    servicesWhenRestoreToOriginal: [],
    repositories: ['repository'],
  },
  'rds-archive': {
    label: 'RDS backup archiving',
    reads: ['repository', 'archiveRepository'],
    workerAccount: 'backup',
    workerRegion: 'repository',
    workerInOperationVpc: false,
    services: RDS_WORKER,
    servicesWhenRestoreToOriginal: [],
    repositories: ['repository', 'archiveRepository'],
  },
  'flr-backup': {
    label: 'File-level recovery from image-level backups',
    reads: ['repository'],
    workerAccount: 'backup',
    workerRegion: 'repository',
    workerInOperationVpc: false,
    services: EC2_WORKER,
    servicesWhenRestoreToOriginal: ['kinesis-streams'],
    repositories: ['repository'],
  },
};

/** The interface endpoint services an operation's worker VPC needs (rules.md table 1). */
export function requiredEndpoints(operation: Operation): string[] {
  const req = OPERATION_REQUIREMENTS[operation.kind];
  return operation.restoreToOriginal
    ? [...req.services, ...req.servicesWhenRestoreToOriginal]
    : [...req.services];
}

/** Ids of the repositories an operation's workers reach (absent fields skipped). */
export function repositoriesOf(operation: Operation): string[] {
  return OPERATION_REQUIREMENTS[operation.kind].repositories
    .map((field) => operation[field])
    .filter((id): id is string => id !== undefined);
}
