// An opened file is parsed and checked (JSON.parse, then the schema) in a worker, so opening a
// large design file costs the page no long task; where workers are unavailable or fail, in the page.
import { loadDesign, type LoadResult } from '../model/parse';
import type { EncodeAnswer, ShareRequest } from './share.worker';

export function loadOffThread(text: string): Promise<LoadResult> {
  if (typeof Worker === 'undefined') return Promise.resolve(loadDesign(text));
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./share.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(loadDesign(text));
      return;
    }
    const done = (result: LoadResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<EncodeAnswer>) => done(event.data.loaded ?? loadDesign(text));
    worker.onerror = (event) => {
      event.preventDefault();
      done(loadDesign(text));
    };
    worker.postMessage({ id: 0, text } satisfies ShareRequest);
  });
}
