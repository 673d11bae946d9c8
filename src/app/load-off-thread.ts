// One request to a fresh share worker, answered once, for work that would cost the page a long
// task on a large design: parsing and checking an opened file, decoding a received link. Where
// workers are unavailable or fail, the same work runs in the page.
import { loadDesign, type LoadResult } from '../model/parse';
import type { EncodeAnswer, ShareRequest } from './share.worker';

export function offThread<T>(
  request: ShareRequest,
  answerOf: (answer: EncodeAnswer) => T | undefined,
  inPage: () => T,
): Promise<T> {
  if (typeof Worker === 'undefined') return Promise.resolve(inPage());
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./share.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(inPage());
      return;
    }
    const done = (result: T) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<EncodeAnswer>) => done(answerOf(event.data) ?? inPage());
    worker.onerror = (event) => {
      event.preventDefault();
      done(inPage());
    };
    worker.postMessage(request);
  });
}

/** An opened file: JSON.parse, then the schema. */
export function loadOffThread(text: string): Promise<LoadResult> {
  return offThread(
    { id: 0, text },
    (answer) => answer.loaded,
    () => loadDesign(text),
  );
}
