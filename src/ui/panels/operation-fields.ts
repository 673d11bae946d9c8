// Which fields each operation kind reads (design-format.md, "Operation kind and the fields each
// one reads"). The operation form shows exactly these, so a user is never asked for a value the
// validator ignores.
import type { OperationKind } from '../../model/schema';

export type OperationField =
  'account' | 'region' | 'repository' | 'archiveRepository' | 'vpc' | 'workersIn' | 'restoreToOriginal';

const EC2_LIKE: readonly OperationField[] = ['account', 'region', 'repository', 'workersIn'];
const REPOSITORY_ONLY: readonly OperationField[] = ['repository'];
const ARCHIVE: readonly OperationField[] = ['repository', 'archiveRepository'];
const IN_VPC: readonly OperationField[] = ['account', 'region', 'vpc', 'repository'];

export const OPERATION_FIELDS: Record<OperationKind, readonly OperationField[]> = {
  'ec2-backup': EC2_LIKE,
  'ec2-restore': EC2_LIKE,
  'ec2-volume-restore': EC2_LIKE,
  'ec2-health-check': REPOSITORY_ONLY,
  'rds-health-check': REPOSITORY_ONLY,
  retention: REPOSITORY_ONLY,
  'ec2-archive': ARCHIVE,
  'rds-archive': ARCHIVE,
  'rds-backup': IN_VPC,
  'rds-restore': IN_VPC,
  'efs-indexing': IN_VPC,
  'flr-backup': ['repository', 'restoreToOriginal'],
};

export const OPERATION_LABELS: Record<OperationKind, string> = {
  'ec2-backup': 'EC2 backup',
  'ec2-restore': 'EC2 instance restore',
  'ec2-volume-restore': 'EC2 volume restore',
  'ec2-health-check': 'EC2 backup health check',
  'rds-health-check': 'RDS backup health check',
  retention: 'Retention (deleting expired backups)',
  'ec2-archive': 'EC2 archiving',
  'rds-archive': 'RDS archiving',
  'rds-backup': 'RDS backup',
  'rds-restore': 'RDS restore',
  'efs-indexing': 'EFS indexing',
  'flr-backup': 'File-level recovery',
};

export const FIELD_LABELS: Record<OperationField, string> = {
  account: 'Production account',
  region: 'Region',
  repository: 'Repository',
  archiveRepository: 'Archive repository',
  vpc: 'VPC of the database / file system',
  workersIn: 'Workers run in',
  restoreToOriginal: 'Restore to the original location',
};
