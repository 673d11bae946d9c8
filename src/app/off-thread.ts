// One request to a fresh share worker, answered once, for work that would cost the page a long
// task on a large design: parsing and checking an opened file, decoding a received link. Where
// workers are unavailable or fail, the answer comes from `inPage`. It imports types only, so the
// page's first chunk (early-link.ts) can use it without pulling in the codec or the schema.
import type { EncodeAnswer, ShareRequest } from './share.worker';

export interface OffThread<T> {
  answer: Promise<T>;
  /** Stops the worker; its answer is no longer wanted. */
  stop(): void;
}

/**
 * `request` is posted to the worker; a worker started with a `name` reads its request from that
 * name instead (share.worker.ts), so nothing waits for the page's main thread to forward a message.
 */
export function shareWorkerOnce<T>(
  start: { request: ShareRequest } | { name: string },
  answerOf: (answer: EncodeAnswer) => T | undefined,
  inPage: () => T,
): OffThread<T> {
  const inPageOnly = { answer: Promise.resolve().then(inPage), stop: () => {} };
  if (typeof Worker === 'undefined') return inPageOnly;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./share.worker.ts', import.meta.url), {
      type: 'module',
      name: 'name' in start ? start.name : undefined,
    });
  } catch {
    return inPageOnly;
  }
  const answer = new Promise<T>((resolve) => {
    const done = (result: T) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<EncodeAnswer>) => done(answerOf(event.data) ?? inPage());
    worker.onerror = (event) => {
      event.preventDefault();
      done(inPage());
    };
  });
  if ('request' in start) worker.postMessage(start.request);
  return { answer, stop: () => worker.terminate() };
}
