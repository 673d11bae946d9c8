// Share-link work off the main thread. Encoding: deflate at level 9 with the dictionary takes
// ~70 ms for 300 VPCs, which would otherwise be a long task after every edit. Decoding the link a
// page opens with (inflate, then the schema check) is the largest single piece of work before a
// large design can be drawn; here it runs while the page builds everything else. An opened file
// is parsed and checked here too (files.ts), for the same reason. For the link a page opens with,
// the worker also lays out the page's preview of the design (ui/canvas/preview.ts).
import { loadDesign, type LoadResult } from '../model/parse';
import type { Design } from '../model/schema';
import { decode, encode, type DecodeResult } from '../share';
import { previewOf, type Preview } from '../ui/canvas/preview';
import type { Size } from '../ui/canvas/view';
import { readDecodeName } from './decode-name';

export type ShareRequest =
  { id: number; design: Design } | { id: number; fragment: string } | { id: number; text: string };
export type EncodeRequest = Extract<ShareRequest, { design: Design }>;

export interface EncodeAnswer {
  id: number;
  fragment?: string;
  decoded?: DecodeResult;
  loaded?: LoadResult;
  /** Sent before `decoded`, for a link the page opened with (app/preview.ts). */
  preview?: Preview;
  error?: string;
}

/** A preview of the link the page opened with, when the design is large enough to want one
 * (app/preview.ts). One that fails is simply not sent: the app draws the design as usual. */
function postPreview(design: Design, inner: Size): void {
  try {
    const preview = previewOf(design, inner);
    if (preview) self.postMessage({ id: 0, preview } satisfies EncodeAnswer);
  } catch {
    // Only the head start is lost.
  }
}

/** `inner`: the window size of the page that opened with this link, which wants its preview. */
function answer(request: ShareRequest, inner?: Size): void {
  try {
    if ('text' in request)
      self.postMessage({ id: request.id, loaded: loadDesign(request.text) } satisfies EncodeAnswer);
    else if ('fragment' in request) {
      const decoded = decode(request.fragment);
      // Before the decoded design, which ends the page's wait for this worker.
      if (inner && decoded.ok) postPreview(decoded.design, inner);
      self.postMessage({ id: request.id, decoded } satisfies EncodeAnswer);
    } else self.postMessage({ id: request.id, fragment: encode(request.design) } satisfies EncodeAnswer);
  } catch (error) {
    self.postMessage({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    } satisfies EncodeAnswer);
  }
}

self.onmessage = (event: MessageEvent<ShareRequest>) => answer(event.data);

const named = readDecodeName(self.name);
if (named) answer({ id: 0, fragment: named.fragment }, named.inner);
