// The link a page opens with is decoded from the first moment the page runs: main.tsx imports this
// module before anything else, so the decoding worker starts before the app's script is even
// requested, and the design is ready about when the app shell is. boot() takes the answer
// (decodeOffThread) or, when the fragment turns out to be this tab's own autosave, drops it. For a
// large design this chunk also paints a picture of it at once (link-preview.ts, preview.ts).
import type { DecodeResult } from '../share';
import { carriesDesign } from '../share/fragment';
import { decodeName } from './decode-name';
import { linkPreviewerNatively } from './link-preview';
import { shareWorkerOnce, type OffThread } from './off-thread';
import { isOwnFragment } from './own-fragments';
import { removePreview, showPreview } from './preview';

let pending: { fragment: string; decoding: OffThread<DecodeResult | null> } | null = null;
let firstPicture: Promise<void> = Promise.resolve();

/** A link this long carries a design large enough to be fitted below the canvas's detail zoom,
 * which is when it gets a preview (ui/canvas/preview.ts); a shorter one is not even inflated here. */
const PREVIEW_WORTH_TRYING = 16_000;
/** The longest the app waits for the preview's frame: a hidden tab paints none until it is shown. */
const PREVIEW_WAIT_MS = 1000;

/** Settles once the link's preview is on screen, or once it is clear that none is coming. */
export function previewSettled(): Promise<void> {
  return firstPicture;
}

function start(): void {
  if (typeof window === 'undefined' || typeof Worker === 'undefined') return;
  const fragment = window.location.hash.slice(1);
  if (!fragment || !carriesDesign(fragment)) return;
  // The link's text goes in as the worker's name, read as soon as the worker runs (share.worker.ts).
  const decoding = shareWorkerOnce<DecodeResult | null>(
    { name: decodeName(fragment) },
    (answer) => answer.decoded,
    () => null,
  );
  pending = { fragment, decoding };
  // A reload of this tab's own link reopens its autosave (link.ts): a picture of the link could
  // show what the autosave no longer holds.
  if (fragment.length < PREVIEW_WORTH_TRYING || isOwnFragment(fragment)) return;
  firstPicture = paintPreview(fragment);
}

/** The picture of the link: inflated by the browser, then laid out and drawn in a task of its own. */
async function paintPreview(fragment: string): Promise<void> {
  const layout = await linkPreviewerNatively(fragment);
  if (!layout) return;
  await nextTask();
  const preview = layout({ width: window.innerWidth, height: window.innerHeight });
  if (!preview) return;
  await Promise.race([
    showPreview(preview, layout),
    new Promise<void>((resolve) => setTimeout(resolve, PREVIEW_WAIT_MS)),
  ]);
}

/**
 * Settles in a later task, so the browser may run input and rendering in between: inflating a large
 * link and laying it out are each a good part of the 200 ms a task may take, and together they
 * were one task of more.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The early decoding of `fragment`, if one was started (null: the worker failed, decode here). */
export function takeEarlyDecode(fragment: string): Promise<DecodeResult | null> | null {
  const taken = pending?.fragment === fragment ? pending.decoding.answer : null;
  if (!taken) dropEarlyDecode();
  // The worker failed: the page decodes the link itself.
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
