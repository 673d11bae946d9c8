// What each Veeam operation needs of the network (rules.md section 1), as one table.
// Sources: configuring_private_networks.md (interface endpoints per operation) and
// workers_location.md (where workers run, and whether they may run in production accounts).
import type { Operation, OperationKind } from '../model/schema';

export type OperationField = 'account' | 'region' | 'repository' | 'archiveRepository' | 'vpc';

export interface OperationRequirement {
  /** How the Veeam console names the operation (findings say this). */
  label: string;
  /** The name the operation pickers show, short enough for a menu. */
  shortLabel: string;
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
    shortLabel: 'EC2 backup',
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
    shortLabel: 'EC2 instance restore',
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
    shortLabel: 'EC2 volume restore',
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
    shortLabel: 'EC2 backup health check',
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
    shortLabel: 'Retention (deleting expired backups)',
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
    shortLabel: 'EC2 archiving',
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
    shortLabel: 'RDS backup',
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
    shortLabel: 'RDS restore',
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
    shortLabel: 'EFS indexing',
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
    shortLabel: 'RDS backup health check',
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
    shortLabel: 'RDS archiving',
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
    shortLabel: 'File-level recovery',
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

/** Fields of an operation the Inspector's form offers: what the kind reads, plus its options. */
export type OperationFormField = OperationField | 'workersIn' | 'restoreToOriginal';

/** The fields a kind's form shows, so a user is never asked for a value the validator ignores. */
export function operationFormFields(kind: OperationKind): readonly OperationFormField[] {
  const req = OPERATION_REQUIREMENTS[kind];
  return [
    ...req.reads,
    ...(req.workerAccount === 'backup-or-production' ? (['workersIn'] as const) : []),
    ...(req.servicesWhenRestoreToOriginal.length ? (['restoreToOriginal'] as const) : []),
  ];
}

/** How the form labels an operation field, and how findings name it mid-sentence. */
export const OPERATION_FIELD_LABELS: Readonly<
  Record<OperationFormField, { readonly label: string; readonly inMessages: string }>
> = {
  account: { label: 'Production account', inMessages: 'production account' },
  region: { label: 'Region', inMessages: 'region' },
  repository: { label: 'Repository', inMessages: 'repository' },
  archiveRepository: { label: 'Archive repository', inMessages: 'archive repository' },
  vpc: { label: 'VPC of the database / file system', inMessages: 'VPC' },
  workersIn: { label: 'Workers run in', inMessages: 'where workers run' },
  restoreToOriginal: {
    label: 'Restore to the original location',
    inMessages: 'restore to the original location',
  },
};

/** The picker name of every operation kind. */
export const OPERATION_KIND_NAMES: Readonly<Record<OperationKind, string>> = Object.fromEntries(
  Object.entries(OPERATION_REQUIREMENTS).map(([kind, req]) => [kind, req.shortLabel]),
) as Record<OperationKind, string>;
