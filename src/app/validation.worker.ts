// Validation off the main thread: the engine is pure, so it runs here unchanged and typing or
// dragging never waits for it. Each design carries a sequence number; the page keeps only the
// answer to its latest design. The last result stays here: the page asks for the traces it shows
// (messages are handled in order, so a detail request is answered from the newest analysis).
import { AnalysisResult, answerDetail, type DetailRequest } from './analysis';
import { designOfText, type DesignText } from './design-text';

export type WorkerRequest =
  | { type: 'validate'; seq: number; design: DesignText }
  | { type: 'detail'; id: number; request: DetailRequest };

let latest: { seq: number; result: AnalysisResult } | null = null;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.type === 'detail') {
    const answer = latest ? answerDetail(latest.result, message.request) : null;
    self.postMessage({ type: 'detail', id: message.id, seq: latest?.seq ?? 0, answer });
    return;
  }
  const { seq } = message;
  const started = performance.now();
  try {
    const result = new AnalysisResult(designOfText(message.design));
    latest = { seq, result };
    self.postMessage({ type: 'result', seq, ...result.summary(), ms: performance.now() - started });
  } catch (error) {
    latest = null;
    self.postMessage({ type: 'result', seq, error: error instanceof Error ? error.message : String(error) });
  }
};
