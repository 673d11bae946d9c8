// Validation off the main thread: the engine is pure, so it runs here unchanged and typing or
// dragging never waits for it. Each message carries a sequence number; the page keeps only the
// answer to its latest design.
import type { Design } from '../model/schema';
import { analyzeDesign } from './analysis';

export interface ValidationRequest {
  seq: number;
  design: Design;
}

self.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const { seq, design } = event.data;
  const started = performance.now();
  try {
    const result = analyzeDesign(design);
    self.postMessage({ seq, ...result, ms: performance.now() - started });
  } catch (error) {
    self.postMessage({ seq, error: error instanceof Error ? error.message : String(error) });
  }
};
