// The share worker's work that needs the design's zod definition: checking a link's design,
// encoding, and loading an opened file. A chunk of its own, so the worker can inflate the link it
// was started for while this is fetched (share.worker.ts).
import { loadDesign } from '../model/parse';
import { decode, decodeInflated, encode } from '../share';
import type { EncodeAnswer, ShareRequest } from './share.worker';

export { decode, decodeInflated };

export function answer(request: ShareRequest): EncodeAnswer {
  try {
    if ('text' in request) return { id: request.id, loaded: loadDesign(request.text) };
    if ('fragment' in request) return { id: request.id, decoded: decode(request.fragment) };
    return { id: request.id, fragment: encode(request.design) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}
