// What the app asks of the validation engine, in one place so the Web Worker and the in-thread
// fallback run the same code: findings plus every required flow with its traces.
import type { Design } from '../model/schema';
import { analyze } from '../rules/registry';
import type { Finding } from '../rules/types';
import type { FlowResult } from '../veeam/flow-types';

export interface Analysis {
  findings: Finding[];
  flows: FlowResult[];
}

export function analyzeDesign(design: Design): Analysis {
  return analyze(design);
}
