// What the app asks of the validation engine, in one place so the Web Worker and the in-thread
// fallback run the same code. The page receives findings and a summary of every required flow;
// hop-by-hop traces stay with the engine and are fetched for the flows a user looks at. At 300 VPCs
// the full flow results are about 3.7 MB of objects: building every passing flow's traces and
// copying them to the page took ~80 ms of main-thread time per edit, for views that are mostly closed.
import type { Design } from '../model/schema';
import { analyze } from '../rules/registry';
import type { Finding } from '../rules/types';
import type { FlowResult, RequiredFlow } from '../veeam/flow-types';

/** A required flow and whether it passes on every endpoint subnet. */
export interface FlowSummary {
  flow: RequiredFlow;
  ok: boolean;
}

/** The endpoint subnets a flow was traced to, and whether each passes (the canvas overlay). */
export interface FlowPaths {
  id: string;
  paths: { subnet: string; ok: boolean }[];
}

export interface Analysis {
  findings: Finding[];
  flows: FlowSummary[];
}

/** The engine's last answer, kept where it ran so details can be read without copying them all. */
export class AnalysisResult {
  readonly findings: Finding[];
  private readonly results: FlowResult[];

  constructor(design: Design) {
    const { findings, flows } = analyze(design);
    this.findings = findings;
    this.results = flows;
  }

  summary(): Analysis {
    return { findings: this.findings, flows: this.results.map((r) => ({ flow: r.flow, ok: r.ok })) };
  }

  /** Full results (with traces) of the named flows. */
  traces(ids: readonly string[]): FlowResult[] {
    const wanted = new Set(ids);
    // Reading `traces` builds a passing flow's traces: only the requested ones pay for it.
    return this.results
      .filter((r) => wanted.has(r.flow.id))
      .map((r) => ({ flow: r.flow, ok: r.ok, traces: r.traces }));
  }

  /** Every flow's traced endpoint subnets with their verdicts, without the hops. */
  paths(): FlowPaths[] {
    return this.results.map((r) => ({
      id: r.flow.id,
      paths: r.traces.map((t) => ({ subnet: t.subnet, ok: t.trace.ok })),
    }));
  }
}

export type DetailRequest = { kind: 'traces'; ids: string[] } | { kind: 'paths' };
export type DetailAnswer = { kind: 'traces'; results: FlowResult[] } | { kind: 'paths'; paths: FlowPaths[] };

export function answerDetail(result: AnalysisResult, request: DetailRequest): DetailAnswer {
  return request.kind === 'traces'
    ? { kind: 'traces', results: result.traces(request.ids) }
    : { kind: 'paths', paths: result.paths() };
}
