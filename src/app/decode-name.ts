// A worker started with a link's text as its name decodes it at once and answers as request 0
// (share.worker.ts): a message posted to a worker that is still starting waits for the page's main
// thread to forward it, and that thread is busy evaluating and first rendering the app just then.
// Its own module, so that early-link.ts (the page's first chunk) does not pull in the worker.
export const DECODE_NAME_PREFIX = 'decode:';
