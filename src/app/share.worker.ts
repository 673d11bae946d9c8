// Share-link work off the main thread. Encoding: deflate at level 9 with the dictionary takes
// ~70 ms for 300 VPCs, which would otherwise be a long task after every edit. Decoding the link a
// page opens with (inflate, then the schema check) is the largest single piece of work before a
// large design can be drawn; here it runs while the page builds everything else. An opened file
// is parsed and checked here too (files.ts), for the same reason.
import { loadDesign, type LoadResult } from '../model/parse';
import type { Design } from '../model/schema';
import { decode, encode, type DecodeResult } from '../share';
import { DECODE_NAME_PREFIX } from './decode-name';

export type ShareRequest =
  { id: number; design: Design } | { id: number; fragment: string } | { id: number; text: string };
export type EncodeRequest = Extract<ShareRequest, { design: Design }>;

export interface EncodeAnswer {
  id: number;
  fragment?: string;
  decoded?: DecodeResult;
  loaded?: LoadResult;
  error?: string;
}

function answer(request: ShareRequest): void {
  try {
    if ('text' in request)
      self.postMessage({ id: request.id, loaded: loadDesign(request.text) } satisfies EncodeAnswer);
    else if ('fragment' in request)
      self.postMessage({ id: request.id, decoded: decode(request.fragment) } satisfies EncodeAnswer);
    else self.postMessage({ id: request.id, fragment: encode(request.design) } satisfies EncodeAnswer);
  } catch (error) {
    self.postMessage({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    } satisfies EncodeAnswer);
  }
}

self.onmessage = (event: MessageEvent<ShareRequest>) => answer(event.data);

if (self.name.startsWith(DECODE_NAME_PREFIX))
  answer({ id: 0, fragment: self.name.slice(DECODE_NAME_PREFIX.length) });
