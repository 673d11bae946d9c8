// Identifiers for exported resources, derived from element ids so that exporting the same design
// twice (or after unrelated edits) names everything the same: Terraform state and CloudFormation
// logical ids survive re-exports. Ids are 1–64 of [A-Za-z0-9._:-] and may start with a digit.
import { fingerprint } from './text';

/**
 * A Terraform identifier for an id. Ids made of letters, digits and hyphens that start with a letter
 * (what the app creates, e.g. `vpc-worker-2`) map to themselves with `-` → `_`; as no such id holds
 * `_`, that mapping is one-to-one. Any other id gets a leading `_` (which the first kind never has)
 * and a fingerprint of the id, so the two kinds never meet and the second stays unique too.
 */
export function terraformLabel(id: string): string {
  if (/^[A-Za-z][A-Za-z0-9-]*$/.test(id)) return id.replace(/-/g, '_');
  return `_${id.replace(/[^A-Za-z0-9]/g, '_')}_${fingerprint(id)}`;
}

/** A slug of free text for use inside an identifier (`us-east-1` → `us_east_1`). */
export function identifierSlug(s: string): string {
  return s.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'x';
}

/**
 * A CloudFormation logical id (alphanumeric only) for an id: `vpc-worker` → `VpcWorker`. Not
 * one-to-one (`a-b` and `a.b` meet), so callers claim them through a NameRegistry per template.
 */
export function logicalId(id: string): string {
  const words = id.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const pascal = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(pascal) ? pascal : `Id${pascal}`;
}
