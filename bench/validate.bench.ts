// Validation speed against the cost of merely parsing the same document. Goal (issue 3): a
// 2,000-VPC design validates in at most 3× its JSON.parse time, growing near-linearly.
// "cold" clears the parse memo first (every CIDR is parsed again), as for
// a design never validated before; "warm" is the UI's case of revalidating after an edit. "after
// load" validates a copy loaded from the text just before (untimed): on top of cold it pays for
// the garbage collector moving the just-loaded design out of the young generation, which is the
// loader's allocation rather than validation work.
// JSON.parse runs back to back, its fastest steady state, and the ratios are read against it.
// Cold and warm validations take turns, one of each per round, so a slow spell of the machine
// falls on both alike. Each figure is the median of its samples. VPCS=2000 (or 1000,2000)
// measures only those sizes.
import { generateDesign } from '../src/model/generate';
import { loadDesignValue } from '../src/model/parse';
import { clearCidrCache } from '../src/network/cidr';
import { analyze, validate } from '../src/rules/registry';
import { reportGoal } from './goals';
import { median, time, timeFresh } from './timing';

const SIZES = process.env.VPCS ? process.env.VPCS.split(',').map(Number) : [10, 100, 1000, 2000, 5000];

const clearMemos = () => clearCidrCache();

const GOAL_VPCS = 2000;
const rows: string[][] = [];
for (const vpcs of SIZES) {
  const text = JSON.stringify(generateDesign({ vpcs, seed: 42, regions: 6 }));
  const loaded = loadDesignValue(JSON.parse(text));
  if (!loaded.ok) throw new Error(`generated design of ${vpcs} VPCs does not load`);
  const design = loaded.design;
  const findings = validate(design);
  // A generated design hangs hundreds of worker VPCs off a few repository VPCs: past 50 peerings or
  // routes that exceeds AWS's default quotas, which the quota warnings rightly say. Anything else
  // would mean the bench times a broken design.
  const bad = findings.filter((f) => f.severity !== 'info' && !f.rule.startsWith('quota/'));
  if (bad.length) throw new Error(`generated design has ${bad.length} findings, e.g. ${bad[0]!.rule}`);
  // A few untimed validations first: the samples measure optimised code, not the JIT warming up.
  for (let i = 0; i < 5; i++) validate(design);
  const runs = vpcs >= 2000 ? 31 : 41;
  const parseMs = time(runs, () => JSON.parse(text));
  const coldSamples: number[] = [];
  const warmSamples: number[] = [];
  for (let round = 0; round < runs; round++) {
    clearMemos();
    coldSamples.push(time(1, () => validate(design)));
    warmSamples.push(time(1, () => validate(design)));
  }
  const cold = median(coldSamples);
  const warm = median(warmSamples);
  const afterLoad = timeFresh(
    runs,
    () => {
      const fresh = loadDesignValue(JSON.parse(text));
      clearMemos();
      return fresh.ok ? fresh.design : design;
    },
    (d) => validate(d),
  );
  if (vpcs === GOAL_VPCS)
    reportGoal({
      row: `validation alone of ${vpcs} VPCs in Node (cold)`,
      measured: `${(cold / parseMs).toFixed(2)}× JSON.parse (${cold.toFixed(0)} ms vs ${parseMs.toFixed(1)} ms; warm ${(warm / parseMs).toFixed(2)}×, right after a load ${(afterLoad / parseMs).toFixed(2)}×)`,
      goal: '≤ 3× JSON.parse',
      met: cold / parseMs <= 3,
    });
  const analyzeMs = time(runs, () => analyze(design));
  const flows = analyze(design).flows.length;
  rows.push([
    String(vpcs),
    `${(text.length / 1e6).toFixed(1)} MB`,
    String(flows),
    parseMs.toFixed(1),
    cold.toFixed(1),
    warm.toFixed(1),
    afterLoad.toFixed(1),
    analyzeMs.toFixed(1),
    (cold / parseMs).toFixed(2),
    (warm / parseMs).toFixed(2),
  ]);
}

const head = [
  'VPCs',
  'JSON',
  'flows',
  'JSON.parse ms',
  'validate cold ms',
  'validate warm ms',
  'after load ms',
  'analyze ms',
  'cold ÷ parse',
  'warm ÷ parse',
];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => '| ' + r.map((c, i) => c.padStart(widths[i]!)).join(' | ') + ' |';
console.log(line(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
