// Share-link work off the main thread. Encoding: deflate at level 9 with the dictionary takes
// ~70 ms for 300 VPCs, which would otherwise be a long task after every edit. Decoding the link a
// page opens with (inflate, then the schema check) is the largest single piece of work before a
// large design can be drawn; here it runs while the page builds everything else. An opened file
// is parsed and checked here too (files.ts), for the same reason. The link is inflated while the
// design's zod definition (share-worker-answers.ts), a chunk of its own, is still being fetched.
import type { LoadResult } from '../model/parse';
import type { Design } from '../model/schema';
import { inflateLink, type DecodeResult, type Inflated, type LinkFailure } from '../share/inflate-link';
import { readDecodeName } from './decode-name';

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

const answers = () => import('./share-worker-answers');

function failed(id: number, error: unknown): void {
  self.postMessage({
    id,
    error: error instanceof Error ? error.message : String(error),
  } satisfies EncodeAnswer);
}

/** The link the page opened with; its answer ends the page's wait for this worker. */
async function openLink(fragment: string): Promise<void> {
  // Fetched meanwhile.
  const checking = answers();
  let inflated: Inflated | LinkFailure | null = null;
  try {
    inflated = inflateLink(fragment);
  } catch {
    // decode meets the same exception and reports it as it always does.
  }
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

const fragment = readDecodeName(self.name);
if (fragment !== null) openLink(fragment).catch((error: unknown) => failed(0, error));
