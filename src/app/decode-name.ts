// A worker started with a link's text as its name decodes it at once and answers as request 0
// (share.worker.ts): a message posted to a worker that is still starting waits for the page's main
// thread to forward it, and that thread is busy evaluating and first rendering the app just then.
// The window's size goes in too, so the worker can lay out the page's preview of the design
// (app/preview.ts) for this screen. Its own module, so that early-link.ts (the page's first chunk)
// does not pull in the worker.
import type { Size } from '../ui/canvas/view';

export const DECODE_NAME_PREFIX = 'decode:';

/** The window size that asks for no preview. */
export const NO_PREVIEW: Size = { width: 0, height: 0 };

/** `decode:<width>x<height>:<fragment>`; a size of 0 × 0 asks for no preview. */
export function decodeName(fragment: string, inner: Size): string {
  return `${DECODE_NAME_PREFIX}${Math.round(inner.width)}x${Math.round(inner.height)}:${fragment}`;
}

/** The fragment and window size of a worker named by decodeName, or null for any other name. */
export function readDecodeName(name: string): { fragment: string; inner: Size } | null {
  const match = /^decode:(\d+)x(\d+):/.exec(name);
  if (!match) return null;
  return {
    fragment: name.slice(match[0].length),
    inner: { width: Number(match[1]), height: Number(match[2]) },
  };
}
