// The link a page opens with is decoded from the first moment the page runs: main.tsx imports this
// module before anything else, so the decoding worker starts while the rest of the app is still
// being evaluated, and the design is ready about when the app shell is. boot() takes the answer
// (decodeOffThread) or, when the fragment turns out to be this tab's own autosave, drops it.
import type { DecodeResult } from '../share';
import { carriesDesign } from '../share/fragment';
import { DECODE_NAME_PREFIX } from './decode-name';
import { shareWorkerOnce, type OffThread } from './off-thread';

let pending: { fragment: string; decoding: OffThread<DecodeResult | null> } | null = null;

function start(): void {
  if (typeof window === 'undefined' || typeof Worker === 'undefined') return;
  const fragment = window.location.hash.slice(1);
  if (!fragment || !carriesDesign(fragment)) return;
  // The link's text goes in as the worker's name, read as soon as the worker runs (share.worker.ts).
  const decoding = shareWorkerOnce<DecodeResult | null>(
    { name: `${DECODE_NAME_PREFIX}${fragment}` },
    (answer) => answer.decoded,
    () => null,
  );
  pending = { fragment, decoding };
}

/** The early decoding of `fragment`, if one was started (null: the worker failed, decode here). */
export function takeEarlyDecode(fragment: string): Promise<DecodeResult | null> | null {
  const taken = pending?.fragment === fragment ? pending.decoding.answer : null;
  if (!taken) dropEarlyDecode();
  pending = null;
  return taken;
}

/** Stops an early decoding nobody will take (the page reopened its own design). */
export function dropEarlyDecode(): void {
  pending?.decoding.stop();
  pending = null;
}

start();
