// Live validation: every design change is sent to a Web Worker (latest wins — while the worker is
// busy only the newest design waits), and its findings and flow summaries land in this store.
// Traces stay in the worker until a view asks for them (useFlowDetail). Without Worker support
// (tests, old browsers) the same analysis runs in the page, loaded only then (the rules engine is not
// part of the page's initial JavaScript).
import { useEffect, useState } from 'react';
import { create } from 'zustand';
import type { Design } from '../model/schema';
import type { Finding } from '../rules/types';
import type { FlowResult } from '../veeam/flow-types';
import type { AnalysisResult, DetailAnswer, DetailRequest, FlowPaths, FlowSummary } from './analysis';
// Findings from the worker carry fixes made of commands; the page applies them, so every command
// (the index) is registered here, where the findings arrive (not only where a panel imports one).
import '../model/commands';
import { linkTextOf } from './link-text';
import { useDesignStore } from './store';
import { designText } from './design-text';
import type { WorkerRequest } from './validation.worker';

export type { FlowPaths, FlowSummary } from './analysis';

export interface ValidationState {
  findings: Finding[];
  flows: FlowSummary[];
  /** The design these results belong to (results of an older design are replaced, never mixed). */
  design: Design | null;
  /** Which analysis the results come from; details are matched against it. */
  seq: number;
  /** Engine failure message; the panel shows it instead of pretending the design is clean. */
  error: string | null;
  /** Milliseconds the last analysis took in the worker. */
  ms: number;
}

export const useValidationStore = create<ValidationState>()(() => ({
  findings: [],
  flows: [],
  design: null,
  seq: 0,
  error: null,
  ms: 0,
}));

type WorkerAnswer =
  | { type: 'result'; seq: number; findings?: Finding[]; flows?: FlowSummary[]; error?: string; ms?: number }
  | { type: 'detail'; id: number; seq: number; answer: DetailAnswer | null };

interface Engine {
  detail(request: DetailRequest): Promise<{ seq: number; answer: DetailAnswer | null }>;
}

let engine: Engine | null = null;

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./validation.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** Mount once (in App): keeps the validation store in step with the design. */
export function useLiveValidation(): void {
  useEffect(() => {
    let worker = startWorker();
    let seq = 0;
    let inFlight: { seq: number; design: Design } | null = null;
    let waiting: Design | null = null;
    // The in-page fallback's last result, read by detail requests like the worker's.
    let local: { seq: number; result: AnalysisResult } | null = null;
    let detailSeq = 0;
    const pendingDetails = new Map<number, (value: { seq: number; answer: DetailAnswer | null }) => void>();

    const post = (message: WorkerRequest) => worker!.postMessage(message);
    const analysis = () => import('./analysis');
    const runInPage = (design: Design) => {
      const mySeq = ++seq;
      void analysis().then(({ AnalysisResult }) => {
        if (mySeq === seq) analyzeInPage(AnalysisResult, design, mySeq);
      });
    };
    const analyzeInPage = (Analysis: typeof AnalysisResult, design: Design, mySeq: number) => {
      const started = performance.now();
      try {
        const result = new Analysis(design);
        local = { seq: mySeq, result };
        useValidationStore.setState({
          ...result.summary(),
          design,
          seq: mySeq,
          error: null,
          ms: performance.now() - started,
        });
      } catch (error) {
        local = null;
        useValidationStore.setState({
          design,
          seq: mySeq,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    };
    const send = (design: Design) => {
      if (!worker) return runInPage(design);
      if (inFlight) {
        waiting = design;
        return;
      }
      inFlight = { seq: ++seq, design };
      const fragment = linkTextOf(design);
      post(
        fragment === undefined
          ? { type: 'validate', seq, design: designText(design) }
          : { type: 'validate', seq, fragment },
      );
    };
    const answerPendingInPage = () => {
      for (const [, resolve] of pendingDetails) resolve({ seq: local?.seq ?? 0, answer: null });
      pendingDetails.clear();
    };
    if (worker) {
      worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
        const answer = event.data;
        if (answer.type === 'detail') {
          pendingDetails.get(answer.id)?.({ seq: answer.seq, answer: answer.answer });
          pendingDetails.delete(answer.id);
          return;
        }
        const done = inFlight;
        inFlight = null;
        if (done && answer.seq === done.seq) {
          if (answer.error !== undefined)
            useValidationStore.setState({ design: done.design, seq: done.seq, error: answer.error });
          else
            useValidationStore.setState({
              findings: answer.findings ?? [],
              flows: answer.flows ?? [],
              design: done.design,
              seq: done.seq,
              error: null,
              ms: answer.ms ?? 0,
            });
        }
        if (waiting) {
          const next = waiting;
          waiting = null;
          send(next);
        }
      };
      worker.onerror = (event) => {
        // A worker that cannot start (blocked by policy, failed to load) must not leave the panel
        // silently empty: fall back to validating in the page.
        event.preventDefault();
        worker?.terminate();
        worker = null;
        inFlight = null;
        waiting = null;
        answerPendingInPage();
        runInPage(useDesignStore.getState().design);
      };
    }
    engine = {
      detail: (request) =>
        new Promise((resolve) => {
          if (!worker) {
            const held = local;
            if (!held) resolve({ seq: 0, answer: null });
            else
              void analysis().then(({ answerDetail }) =>
                resolve({ seq: held.seq, answer: answerDetail(held.result, request) }),
              );
            return;
          }
          const id = ++detailSeq;
          pendingDetails.set(id, resolve);
          post({ type: 'detail', id, request });
        }),
    };
    // The first design goes to the worker once the page has painted: copying a large design into
    // the worker is main-thread work the first frame need not wait for. Later edits go at once.
    let started = false;
    let firstTimer: ReturnType<typeof setTimeout> | undefined;
    const firstFrame = requestAnimationFrame(() => {
      firstTimer = setTimeout(() => {
        started = true;
        send(useDesignStore.getState().design);
      }, 0);
    });
    const unsubscribe = useDesignStore.subscribe((state, prev) => {
      if (started && state.design !== prev.design) send(state.design);
    });
    return () => {
      cancelAnimationFrame(firstFrame);
      clearTimeout(firstTimer);
      unsubscribe();
      engine = null;
      worker?.terminate();
      answerPendingInPage();
    };
  }, []);
}

/**
 * Details of the current validation results, fetched from the engine while `request` is set
 * (null until they arrive, and again while results of a newer design are being fetched).
 * `key` names the request so a new object with the same meaning does not refetch.
 */
function useFlowDetail(request: DetailRequest | null, key: string): DetailAnswer | null {
  const seq = useValidationStore((s) => s.seq);
  const [held, setHeld] = useState<{ seq: number; key: string; answer: DetailAnswer | null } | null>(null);
  useEffect(() => {
    if (!request || !engine || !seq) return;
    let live = true;
    void engine.detail(request).then((got) => {
      if (live && got.seq === seq) setHeld({ seq, key, answer: got.answer });
    });
    return () => {
      live = false;
    };
    // `key` stands for `request`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seq, key]);
  return request && held && held.seq === seq && held.key === key ? held.answer : null;
}

/** The full result (with hop-by-hop traces) of one flow of the current results. */
export function useFlowTrace(flowId: string | null): FlowResult | null {
  const answer = useFlowDetail(flowId ? { kind: 'traces', ids: [flowId] } : null, `traces:${flowId}`);
  return answer?.kind === 'traces' ? (answer.results[0] ?? null) : null;
}

/** The traced endpoint subnets of every flow, while `enabled` (the overlay is on). */
export function useFlowPaths(enabled: boolean): FlowPaths[] | null {
  const answer = useFlowDetail(enabled ? { kind: 'paths' } : null, `paths:${enabled}`);
  return answer?.kind === 'paths' ? answer.paths : null;
}
