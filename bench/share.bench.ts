// Share links: link length and encode/decode time for the examples and a 100-VPC design, beside the
// raw design JSON and lz-string's compressToEncodedURIComponent of the same JSON (the usual choice
// for playground links). Goal: Example 1's full link ≤ 2,000 characters and ≤ ½ of lz-string.
import LZString from 'lz-string';
import { EXAMPLES } from '../src/app/examples';
import { generateDesign } from '../src/model/generate';
import type { Design } from '../src/model/schema';
import { decode, encode, shareLink } from '../src/share';

const BASE_URL = 'https://private-network-designer.example.com/';

/** Median milliseconds per call over enough calls to fill ~300 ms. */
function time(fn: () => unknown): number {
  fn();
  const samples: number[] = [];
  const until = performance.now() + 300;
  while (samples.length < 5 || (performance.now() < until && samples.length < 2000)) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const cases: [string, Design][] = [
  ['Example 1', EXAMPLES['example-1'].design()],
  ['Example 2', EXAMPLES['example-2'].design()],
  ['100 VPCs (generated)', generateDesign({ vpcs: 100, seed: 1 })],
];

const rows = cases.map(([name, design]) => {
  const json = JSON.stringify(design);
  const fragment = encode(design);
  const decoded = decode(fragment);
  if (!decoded.ok) throw new Error(`${name}: ${decoded.error.message}`);
  const lz = LZString.compressToEncodedURIComponent(json);
  return {
    design: name,
    'JSON chars': json.length,
    'lz-string chars': lz.length,
    'fragment chars': fragment.length,
    'full link chars': shareLink(design, BASE_URL).length,
    'vs lz-string': `${((fragment.length / lz.length) * 100).toFixed(1)} %`,
    'encode ms': time(() => encode(design)).toFixed(3),
    'decode ms': time(() => decode(fragment)).toFixed(3),
    'lz encode ms': time(() => LZString.compressToEncodedURIComponent(json)).toFixed(3),
  };
});

console.log(`full link = ${BASE_URL}#d=1…`);
console.table(rows);
