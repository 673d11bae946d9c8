// Encodes designs into share-link fragments off the main thread: deflate at level 9 with the
// dictionary takes ~70 ms for 300 VPCs, which would otherwise be a long task after every edit.
import type { Design } from '../model/schema';
import { encode } from '../share';

export interface EncodeRequest {
  id: number;
  design: Design;
}

export interface EncodeAnswer {
  id: number;
  fragment?: string;
  error?: string;
}

self.onmessage = (event: MessageEvent<EncodeRequest>) => {
  const { id, design } = event.data;
  try {
    self.postMessage({ id, fragment: encode(design) } satisfies EncodeAnswer);
  } catch (error) {
    self.postMessage({
      id,
      error: error instanceof Error ? error.message : String(error),
    } satisfies EncodeAnswer);
  }
};
