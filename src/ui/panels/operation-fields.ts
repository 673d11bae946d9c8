// The operation form's fields and names, read from the operation table (src/veeam/operations.ts),
// the one place that says which fields each operation kind reads.
import type { OperationKind } from '../../model/schema';
import {
  OPERATION_FIELD_LABELS,
  OPERATION_KIND_NAMES,
  operationFormFields,
  type OperationFormField,
} from '../../veeam/operations';

export type OperationField = OperationFormField;

export const OPERATION_FIELDS: Record<OperationKind, readonly OperationField[]> = Object.fromEntries(
  Object.keys(OPERATION_KIND_NAMES).map((k) => [k, operationFormFields(k as OperationKind)]),
) as Record<OperationKind, readonly OperationField[]>;

export const OPERATION_LABELS: Record<OperationKind, string> = OPERATION_KIND_NAMES;

export const FIELD_LABELS = Object.fromEntries(
  Object.entries(OPERATION_FIELD_LABELS).map(([field, { label }]) => [field, label]),
) as Record<OperationField, string>;
