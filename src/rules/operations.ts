// An operation the design lists but cannot be judged: a field its kind reads is empty. This is
// what a half-made operation, or one whose repository or account was deleted, looks like; the
// requirement rules skip it, so without this finding its network needs would go unchecked silently.
import type { Operation } from '../model/schema';
import { OPERATION_FIELD_LABELS, OPERATION_REQUIREMENTS, type OperationField } from '../veeam/operations';
import type { Report, Rule } from './types';
import { DESIGN_FORMAT } from './sources';

export const operationIncomplete: Rule = {
  meta: {
    id: 'operation/incomplete',
    severity: 'error',
    title: 'Operation lacks a field its kind needs',
    explanation:
      'Each kind of operation reads its own fields: an EC2 backup needs the production account, region and repository; archiving needs a standard and an archive repository; RDS and EFS need the VPC of the protected resource. Until they are set, the tool cannot tell where workers run or which repositories they reach, so nothing about that operation is checked.',
    sources: [DESIGN_FORMAT],
    fixable: false,
  },
  check({ design, index }) {
    const findings: Report[] = [];
    for (const o of design.operations) {
      const req = OPERATION_REQUIREMENTS[o.kind];
      const missing = missingFields(o, req.reads);
      if (!missing) continue;
      const what = missing.map((f) => OPERATION_FIELD_LABELS[f].inMessages).join(', ');
      findings.push({
        message: `Operation ${JSON.stringify(index.nameOf(o.id))} (${req.label}) has no ${what}, so its network needs cannot be checked. Set ${missing.length > 1 ? 'them' : 'it'} in the Inspector.`,
        elements: [o.id],
      });
    }
    return findings;
  },
};

/** The fields among `reads` that the operation leaves empty, or undefined when it sets them all. */
function missingFields(o: Operation, reads: readonly OperationField[]): OperationField[] | undefined {
  let missing: OperationField[] | undefined;
  for (let i = 0; i < reads.length; i++) {
    const value = o[reads[i]!];
    if (value === undefined || value === '') (missing ??= []).push(reads[i]!);
  }
  return missing;
}
