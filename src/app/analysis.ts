// What the app asks of the validation engine, in one place so the Web Worker and the in-thread
// fallback run the same code. `analyze` (findings plus the required flows with their traces) is
// used when the engine exports it; until then the app shows findings without a flow overlay.
import type { Design } from '../model/schema';
import * as registry from '../rules/registry';
import type { Finding } from '../rules/types';
import type { FlowResult } from '../veeam/flow-types';

export interface Analysis {
  findings: Finding[];
  flows: FlowResult[];
}

type Analyze = (design: Design) => { findings: Finding[]; flows: FlowResult[] };

export function analyzeDesign(design: Design): Analysis {
  const analyze = (registry as { analyze?: Analyze }).analyze;
  if (typeof analyze === 'function') {
    const { findings, flows } = analyze(design);
    return { findings, flows };
  }
  return { findings: registry.validate(design), flows: [] };
}
