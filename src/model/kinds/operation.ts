import type { Operation, OperationKind } from '../schema';
import type { KindDescriptor } from './types';

export const operation: KindDescriptor<'operation'> = {
  kind: 'operation',
  place: { in: 'design', list: 'operations' },
  label: { singular: 'operation', plural: 'operations' },
  idPrefix: 'op',
  // A cleared field makes the operation incomplete (a finding), not meaningless: it stays.
  references: [
    { field: 'account', target: 'account', onDelete: 'clear' },
    { field: 'repository', target: 'repository', onDelete: 'clear' },
    { field: 'archiveRepository', target: 'repository', onDelete: 'clear' },
    { field: 'vpc', target: 'vpc', onDelete: 'clear' },
  ],
};

export function createOperation(p: { id: string; kind: OperationKind } & Partial<Operation>): Operation {
  return { workersIn: 'backup-account', restoreToOriginal: false, ...p };
}
