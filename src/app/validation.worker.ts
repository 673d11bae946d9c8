// Validation off the main thread: the engine is pure, so it runs here unchanged and typing or
// dragging never waits for it. Each design carries a sequence number; the page keeps only the
// answer to its latest design. The last result stays here: the page asks for the traces it shows
// (messages are handled in order, so a detail request is answered from the newest analysis).
import type { Design } from '../model/schema';
import { decode } from '../share';
import { AnalysisResult, answerDetail, type DetailRequest } from './analysis';
import { designOfText, type DesignText } from './design-text';

export type WorkerRequest =
  | { type: 'validate'; seq: number; design: DesignText }
  /** A design opened from a link, sent as the link's text (link-text.ts) and decoded here. */
  | { type: 'validate'; seq: number; fragment: string }
  | { type: 'detail'; id: number; request: DetailRequest };

function designOf(message: Extract<WorkerRequest, { type: 'validate' }>): Design {
  if ('design' in message) return designOfText(message.design);
  const decoded = decode(message.fragment);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.design;
}

let latest: { seq: number; result: AnalysisResult } | null = null;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.type === 'detail') {
    const answer = latest ? answerDetail(latest.result, message.request) : null;
    self.postMessage({ type: 'detail', id: message.id, seq: latest?.seq ?? 0, answer });
    return;
  }
  const { seq } = message;
  try {
    const design = designOf(message);
    const started = performance.now();
    const result = new AnalysisResult(design);
    latest = { seq, result };
    self.postMessage({ type: 'result', seq, ...result.summary(), ms: performance.now() - started });
  } catch (error) {
    latest = null;
    self.postMessage({ type: 'result', seq, error: error instanceof Error ? error.message : String(error) });
  }
};
