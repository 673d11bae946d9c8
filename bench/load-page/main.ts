// The load bench inside Chromium, under the app's Content-Security-Policy (no eval: zod runs
// jitless here). bench/load.bench.ts opens this page and reads the result it leaves on window.
import { generateDesign } from '../../src/model/generate';
import { measureLoad, type LoadTimes } from '../load-measure';

declare global {
  interface Window {
    __loadBench?: { times?: LoadTimes; error?: string; cspViolations: number };
  }
}

const params = new URLSearchParams(location.search);
const vpcs = Number(params.get('vpcs') ?? 2000);
const rounds = Number(params.get('rounds') ?? 15);
let cspViolations = 0;
document.addEventListener('securitypolicyviolation', () => cspViolations++);

setTimeout(() => {
  try {
    const text = JSON.stringify(generateDesign({ vpcs, seed: 42, regions: 6 }));
    window.__loadBench = { times: measureLoad(text, rounds), cspViolations };
  } catch (err) {
    window.__loadBench = { error: String(err), cspViolations };
  }
}, 0);
