// Live validation: every design change is sent to a Web Worker (latest wins — while the worker is
// busy only the newest design waits), and its findings and flows land in this store. Without
// Worker support (tests, old browsers) the same analysis runs in the page.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Design } from '../model/schema';
import type { Finding } from '../rules/types';
import type { FlowResult } from '../veeam/flow-types';
import { analyzeDesign } from './analysis';
import { useDesignStore } from './store';

export interface ValidationState {
  findings: Finding[];
  flows: FlowResult[];
  /** The design these results belong to (results of an older design are replaced, never mixed). */
  design: Design | null;
  /** Engine failure message; the panel shows it instead of pretending the design is clean. */
  error: string | null;
  /** Milliseconds the last analysis took in the worker. */
  ms: number;
}

export const useValidationStore = create<ValidationState>()(() => ({
  findings: [],
  flows: [],
  design: null,
  error: null,
  ms: 0,
}));

interface WorkerAnswer {
  seq: number;
  findings?: Finding[];
  flows?: FlowResult[];
  error?: string;
  ms?: number;
}

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

    const runInPage = (design: Design) => {
      const started = performance.now();
      try {
        const { findings, flows } = analyzeDesign(design);
        useValidationStore.setState({
          findings,
          flows,
          design,
          error: null,
          ms: performance.now() - started,
        });
      } catch (error) {
        useValidationStore.setState({
          design,
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
      worker.postMessage({ seq, design });
    };
    if (worker) {
      worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
        const answer = event.data;
        const done = inFlight;
        inFlight = null;
        if (done && answer.seq === done.seq) {
          if (answer.error !== undefined)
            useValidationStore.setState({ design: done.design, error: answer.error });
          else
            useValidationStore.setState({
              findings: answer.findings ?? [],
              flows: answer.flows ?? [],
              design: done.design,
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
        runInPage(useDesignStore.getState().design);
      };
    }
    send(useDesignStore.getState().design);
    const unsubscribe = useDesignStore.subscribe((state, prev) => {
      if (state.design !== prev.design) send(state.design);
    });
    return () => {
      unsubscribe();
      worker?.terminate();
    };
  }, []);
}
