// The link a page opens with is decoded from the first moment the page runs: main.tsx imports this
// module before anything else, so the decoding worker starts while the rest of the app is still
// being evaluated, and the design is ready about when the app shell is. boot() takes the answer
// (decodeOffThread) or, when the fragment turns out to be this tab's own autosave, drops it.
import type { DecodeResult } from '../share';
import { carriesDesign } from '../share/fragment';
import { DECODE_NAME_PREFIX } from './decode-name';
import type { EncodeAnswer } from './share.worker';

let pending: { fragment: string; worker: Worker; answer: Promise<DecodeResult | null> } | null = null;

function start(): void {
  if (typeof window === 'undefined' || typeof Worker === 'undefined') return;
  const fragment = window.location.hash.slice(1);
  if (!fragment || !carriesDesign(fragment)) return;
  let worker: Worker;
  try {
    // The link's text goes in as the worker's name, read as soon as the worker runs (share.worker.ts).
    worker = new Worker(new URL('./share.worker.ts', import.meta.url), {
      type: 'module',
      name: `${DECODE_NAME_PREFIX}${fragment}`,
    });
  } catch {
    return;
  }
  const answer = new Promise<DecodeResult | null>((resolve) => {
    worker.onmessage = (event: MessageEvent<EncodeAnswer>) => {
      worker.terminate();
      resolve(event.data.decoded ?? null);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(null);
    };
  });
  pending = { fragment, worker, answer };
}

/** The early decoding of `fragment`, if one was started (null: the worker failed, decode here). */
export function takeEarlyDecode(fragment: string): Promise<DecodeResult | null> | null {
  const taken = pending?.fragment === fragment ? pending.answer : null;
  if (!taken) dropEarlyDecode();
  pending = null;
  return taken;
}

/** Stops an early decoding nobody will take (the page reopened its own design). */
export function dropEarlyDecode(): void {
  pending?.worker.terminate();
  pending = null;
}

start();
