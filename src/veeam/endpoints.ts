// The interface endpoint services a design may need, in the order the pickers list them: each
// service an operation's workers call (./operations.ts), the S3 interface endpoint repositories are
// reached through, and STS, which Veeam Backup for AWS also calls (system requirements, AWS services).
export const ENDPOINT_SERVICES: string[] = [
  'ec2messages',
  'ssm',
  'ssmmessages',
  'sqs',
  'ebs',
  's3',
  'kinesis-streams',
  'sts',
];
