// Loading and judging a design as a user waits for it: text → checked Design (load) → findings
// (validate), beside JSON.parse of the same text. Shared by the Node bench and the Chromium page,
// so both run the same code. JSON.parse runs back to back, its fastest steady state (as in
// validate.bench.ts), so the ratios are read against the floor, never flattered by a collection
// the parse happened to pay for. The other measurements take turns, one of each per round, so a busy
// spell of the machine falls on all of them alike; figures are medians. Validation starts cold each time
// (CIDR memo cleared), as for a design never opened before. The heap is not collected between
// samples on purpose: a forced collection shrinks the young generation, and every sample then pays
// for copying what it allocates far more often than an app or command ever does.
import { designOfText, designText } from '../src/app/design-text';
import { checkDesign, loadDesign } from '../src/model/parse';
import { DesignSchema } from '../src/model/schema';
import { clearCidrCache } from '../src/network/cidr';
import { validate } from '../src/rules/registry';
import { median } from './timing';

export interface LoadTimes {
  /** JSON.parse of the text. */
  parse: number;
  /**
   * The fastest JSON.parse sample: one no collection fell into. Back-to-back parses land in one of
   * two regimes for a whole run (a collection in most samples or in few), and the median with them;
   * printed beside it, the floor shows which one a run's ratio was read against.
   */
  parseFloor: number;
  /** zod's own parse of the parsed value: what a load cost before the compiled checker. */
  zodOnly: number;
  /** The compiled checker alone, on a value JSON.parse has just made. */
  check: number;
  /** loadDesign: text → Design. */
  load: number;
  /** loadDesign then validate: text → findings. */
  loadValidate: number;
  /**
   * Handing a loaded Design to the validation worker, which the app pays on top of load + validate:
   * as the app does it (its JSON text, src/app/design-text.ts: stringify, then parse in the worker),
   * and as a structured clone of the object tree (what postMessage of the object would copy).
   */
  handoff: number;
  clone: number;
}

function ms(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

// The values the zod and check samples are given live inside these functions, so none of them is
// still reachable while a later sample runs: a collection during load + validate would otherwise
// copy two more designs that a real load never holds.
function zodOnlySample(text: string): number {
  const value: unknown = JSON.parse(text);
  return ms(() => DesignSchema.safeParse(value));
}

function checkSample(text: string): number {
  const fresh = JSON.parse(text) as Record<string, unknown>;
  return ms(() => checkDesign(fresh));
}

/**
 * `spans`, when given, receives each load + validate sample's start and end (performance.now()),
 * so the Node bench can tell how much of each was garbage collection.
 */
export function measureLoad(text: string, rounds: number, spans?: [number, number][]): LoadTimes {
  const loadAndValidate = () => {
    const r = loadDesign(text);
    if (!r.ok) throw new Error(`the design does not load: ${r.errors[0]?.path} ${r.errors[0]?.message}`);
    return validate(r.design);
  };
  // Untimed rounds first: the samples measure optimised code, not the JIT warming up.
  for (let i = 0; i < 3; i++) {
    clearCidrCache();
    loadAndValidate();
  }
  const samples: Record<Exclude<keyof LoadTimes, 'parseFloor'>, number[]> = {
    parse: [],
    zodOnly: [],
    check: [],
    load: [],
    loadValidate: [],
    handoff: [],
    clone: [],
  };
  for (let round = 0; round < rounds; round++) samples.parse.push(ms(() => JSON.parse(text)));
  for (let round = 0; round < rounds; round++) {
    samples.zodOnly.push(zodOnlySample(text));
    samples.check.push(checkSample(text));
    samples.load.push(ms(() => loadDesign(text)));
    clearCidrCache();
    const start = performance.now();
    loadAndValidate();
    const end = performance.now();
    samples.loadValidate.push(end - start);
    spans?.push([start, end]);
  }
  // On its own, after the rounds: a copy of a whole design is garbage the other samples would pay
  // the collector for.
  const loaded = loadDesign(text);
  if (!loaded.ok) throw new Error('the design does not load');
  const design = loaded.design;
  for (let round = 0; round < rounds; round++) {
    samples.handoff.push(ms(() => designOfText(designText(design))));
    samples.clone.push(ms(() => structuredClone(design)));
  }
  return {
    parse: median(samples.parse),
    parseFloor: Math.min(...samples.parse),
    zodOnly: median(samples.zodOnly),
    check: median(samples.check),
    load: median(samples.load),
    loadValidate: median(samples.loadValidate),
    handoff: median(samples.handoff),
    clone: median(samples.clone),
  };
}

export function loadTable(rows: { where: string; vpcs: number; times: LoadTimes }[]): string {
  const lines = [
    '| where | VPCs | JSON.parse ms | zod parse ms (before) | compiled check ms | load ms | load + validate ms | to the worker ms (structuredClone ms) | load ÷ parse | load + validate ÷ parse |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { where, vpcs, times: t } of rows) {
    lines.push(
      `| ${where} | ${vpcs} | ${t.parse.toFixed(1)} | ${t.zodOnly.toFixed(1)} | ${t.check.toFixed(1)} | ${t.load.toFixed(1)} | ${t.loadValidate.toFixed(1)} | ${t.handoff.toFixed(1)} (${t.clone.toFixed(1)}) | ${(t.load / t.parse).toFixed(2)} | ${(t.loadValidate / t.parse).toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}
