// A worker started with a link's text as its name decodes it at once and answers as request 0
// (share.worker.ts): a message posted to a worker that is still starting waits for the page's main
// thread to forward it, and that thread is busy painting the link's preview and then evaluating the
// app just then. Its own module, so that early-link.ts (the page's first chunk) does not pull in
// the worker.
export const DECODE_NAME_PREFIX = 'decode:';

/** `decode:<fragment>`. */
export function decodeName(fragment: string): string {
  return `${DECODE_NAME_PREFIX}${fragment}`;
}

/** The fragment of a worker named by decodeName, or null for any other name. */
export function readDecodeName(name: string): string | null {
  return name.startsWith(DECODE_NAME_PREFIX) ? name.slice(DECODE_NAME_PREFIX.length) : null;
}
