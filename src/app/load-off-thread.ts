// An opened file is parsed and checked (JSON.parse, then the schema) in a worker, so opening a
// large design file costs the page no long task; where workers are unavailable or fail, in the page.
import { loadDesign, type LoadResult } from '../model/parse';
import { shareWorkerOnce } from './off-thread';

export function loadOffThread(text: string): Promise<LoadResult> {
  return shareWorkerOnce(
    { request: { id: 0, text } },
    (answer) => answer.loaded,
    () => loadDesign(text),
  ).answer;
}
