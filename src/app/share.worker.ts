// Share-link work off the main thread. Encoding: deflate at level 9 with the dictionary takes
// ~70 ms for 300 VPCs, which would otherwise be a long task after every edit. Decoding the link a
// page opens with (inflate, then the schema check) is the largest single piece of work before a
// large design can be drawn; here it runs while the page builds everything else. An opened file
// is parsed and checked here too (files.ts), for the same reason. For the link a page opens with,
// the worker also lays out the page's preview of the design (ui/canvas/preview.ts) — from the
// link's unchecked data, before the design's zod definition is even loaded (share-worker-answers.ts):
// evaluating that definition is a large part of the worker's start.
import type { LoadResult } from '../model/parse';
import type { Design } from '../model/schema';
import {
  inflateLink,
  unpackLink,
  type DecodeResult,
  type Inflated,
  type LinkFailure,
} from '../share/inflate-link';
import { plainPreview, previewOf, type Preview } from '../ui/canvas/preview';
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

const answers = () => import('./share-worker-answers');

function failed(id: number, error: unknown): void {
  self.postMessage({
    id,
    error: error instanceof Error ? error.message : String(error),
  } satisfies EncodeAnswer);
}

/** A preview of the link the page opened with, when the design is large enough to want one
 * (app/preview.ts). The link's data is not checked yet, so anything odd in it — a throw, or
 * anything but numbers where boxes and lines go — means no preview: the app draws the design as
 * usual, and a design the check refuses is never drawn at all. */
function postPreview(inflated: Inflated, inner: Size): void {
  try {
    const preview = previewOf(unpackLink(inflated, true) as Design, inner);
    if (preview && plainPreview(preview)) self.postMessage({ id: 0, preview } satisfies EncodeAnswer);
  } catch {
    // Only the head start is lost.
  }
}

/** The link the page opened with: its preview first, then the checked design, which ends the
 * page's wait for this worker. `inner`: the window size of that page. */
async function openLink(fragment: string, inner: Size): Promise<void> {
  // Fetched meanwhile; evaluated only once this function has sent the preview and waits.
  const checking = answers();
  let inflated: Inflated | LinkFailure | null = null;
  try {
    inflated = inflateLink(fragment);
  } catch {
    // decode meets the same exception and reports it as it always does.
  }
  // A window of 0 × 0 asks for no preview (decode-name.ts).
  if (inflated?.ok && inner.width > 0 && inner.height > 0) postPreview(inflated, inner);
  const { decode, decodeInflated } = await checking;
  const decoded = inflated ? decodeInflated(inflated) : decode(fragment);
  self.postMessage({ id: 0, decoded } satisfies EncodeAnswer);
}

self.onmessage = (event: MessageEvent<ShareRequest>) => {
  const request = event.data;
  answers().then(
    ({ answer }) => self.postMessage(answer(request)),
    (error: unknown) => failed(request.id, error),
  );
};

const named = readDecodeName(self.name);
if (named) openLink(named.fragment, named.inner).catch((error: unknown) => failed(0, error));
