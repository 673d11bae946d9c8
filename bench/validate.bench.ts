// Validation speed against the cost of merely parsing the same document. Goal (issue 3): a
// 2,000-VPC design validates in at most 3× its JSON.parse time, growing near-linearly.
// "cold" is a freshly opened design: a new copy loaded from the text (untimed) and the CIDR parse
// memo cleared, so no cache keyed by text or by element survives; "warm" is the UI's case of
// revalidating after an edit. Each figure is the median of several runs.
import { generateDesign } from '../src/model/generate';
import { loadDesignValue } from '../src/model/parse';
import { clearCidrCache } from '../src/network/cidr';
import { analyze, validate } from '../src/rules/registry';
import { time, timeFresh } from './timing';

const SIZES = [10, 100, 1000, 2000, 5000];

const rows: string[][] = [];
for (const vpcs of SIZES) {
  const text = JSON.stringify(generateDesign({ vpcs, seed: 42, regions: 6 }));
  const loaded = loadDesignValue(JSON.parse(text));
  if (!loaded.ok) throw new Error(`generated design of ${vpcs} VPCs does not load`);
  const design = loaded.design;
  // Other work on the machine skews single runs; more runs steady the medians the goal is read from.
  const runs = vpcs >= 2000 ? 15 : 21;
  const findings = validate(design);
  const bad = findings.filter((f) => f.severity !== 'info');
  if (bad.length) throw new Error(`generated design has ${bad.length} findings, e.g. ${bad[0]!.rule}`);
  const parseMs = time(runs, () => JSON.parse(text));
  const cold = timeFresh(
    runs,
    () => {
      const fresh = loadDesignValue(JSON.parse(text));
      clearCidrCache();
      return fresh.ok ? fresh.design : design;
    },
    (d) => validate(d),
  );
  const warm = time(runs, () => validate(design));
  const analyzeMs = time(runs, () => analyze(design));
  const flows = analyze(design).flows.length;
  rows.push([
    String(vpcs),
    `${(text.length / 1e6).toFixed(1)} MB`,
    String(flows),
    parseMs.toFixed(1),
    cold.toFixed(1),
    warm.toFixed(1),
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
  'analyze ms',
  'cold ÷ parse',
  'warm ÷ parse',
];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => '| ' + r.map((c, i) => c.padStart(widths[i]!)).join(' | ') + ' |';
console.log(line(head));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
