// The link a page opens with is decoded from the first moment the page runs: main.tsx imports this
// module before anything else, so the decoding worker starts while the rest of the app is still
// being evaluated, and the design is ready about when the app shell is. boot() takes the answer
// (decodeOffThread) or, when the fragment turns out to be this tab's own autosave, drops it. For a
// large design the worker also sends the picture the page paints at once (preview.ts).
import type { DecodeResult } from '../share';
import { carriesDesign } from '../share/fragment';
import { decodeName, NO_PREVIEW } from './decode-name';
import { shareWorkerOnce, type OffThread } from './off-thread';
import { isOwnFragment } from './own-fragments';
import { removePreview, showPreview } from './preview';

let pending: { fragment: string; decoding: OffThread<DecodeResult | null> } | null = null;
let firstPicture: Promise<void> = Promise.resolve();

/** A link this long carries a design large enough to be fitted below the canvas's detail zoom,
 * which is when the worker sends a preview (ui/canvas/preview.ts); a shorter one is not waited for. */
const PREVIEW_WORTH_WAITING = 16_000;
/** The longest the app waits for a preview: a worker that hangs must not keep the app from starting. */
const PREVIEW_WAIT_MS = 1000;

/** Settles once the link's preview is on screen, or once it is clear that none is coming. */
export function previewSettled(): Promise<void> {
  return firstPicture;
}

function start(): void {
  if (typeof window === 'undefined' || typeof Worker === 'undefined') return;
  const fragment = window.location.hash.slice(1);
  if (!fragment || !carriesDesign(fragment)) return;
  // A reload of this tab's own link reopens its autosave (link.ts): a picture of the link could
  // show what the autosave no longer holds.
  const wantsPreview = !isOwnFragment(fragment);
  let settle = () => {};
  if (wantsPreview && fragment.length >= PREVIEW_WORTH_WAITING) {
    firstPicture = new Promise((resolve) => (settle = resolve));
    setTimeout(settle, PREVIEW_WAIT_MS);
  }
  // The link's text goes in as the worker's name, read as soon as the worker runs (share.worker.ts).
  const decoding = shareWorkerOnce<DecodeResult | null>(
    {
      name: decodeName(
        fragment,
        wantsPreview ? { width: window.innerWidth, height: window.innerHeight } : NO_PREVIEW,
      ),
    },
    (answer) => answer.decoded,
    () => null,
    (preview) => void showPreview(preview).then(settle),
  );
  void decoding.answer.then(settle);
  pending = { fragment, decoding };
}

/** The early decoding of `fragment`, if one was started (null: the worker failed, decode here). */
export function takeEarlyDecode(fragment: string): Promise<DecodeResult | null> | null {
  const taken = pending?.fragment === fragment ? pending.decoding.answer : null;
  if (!taken) dropEarlyDecode();
  // The worker failed: the page decodes the link itself, and no preview is coming.
  else void taken.then((result) => result ?? removePreview());
  pending = null;
  return taken;
}

/** Stops an early decoding nobody will take (the page reopened its own design). */
export function dropEarlyDecode(): void {
  removePreview();
  pending?.decoding.stop();
  pending = null;
}

start();
