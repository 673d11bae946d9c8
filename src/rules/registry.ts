// Every rule, in catalog order. validate() runs them all; docs/rules.md is generated from their meta.
import { indexDesign } from '../model/design-index';
import type { Design } from '../model/schema';
import { duplicateId, invalidReference } from './structure';
import type { Finding, Rule } from './types';

export const RULES: readonly Rule[] = [invalidReference, duplicateId];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function validate(design: Design, rules: readonly Rule[] = RULES): Finding[] {
  const index = indexDesign(design);
  const findings = rules.flatMap((rule) => rule.check({ design, index }));
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
