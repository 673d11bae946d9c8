// The first script the page runs starts decoding the received link in a worker (early-link) and
// only then asks for the app, so the decoding runs while the app's own script is still arriving and
// being compiled; a large design's preview (app/preview.ts) is painted from here too, before the
// app has run at all. It holds the preview's code (node derivation, layout, the overview's paths),
// which the app would load anyway.
import './app/early-link';
import '@mantine/core/styles.css';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { previewSettled } from './app/early-link';
import { pageReady } from './app/page-ready';

// The app's download starts at once — or, with a large link, once its preview is painted (or known
// not to come): measured side by side, asking for it at once made the picture later and React
// Flow's canvas no sooner. The app cannot draw the design before the decoding has finished anyway.
// ip-num builds its constant ranges (BigInt and binary-string parsing) as its module runs: asked for
// on its own, beside the app, that runs in a task of its own instead of inside the app's first,
// already long, one (and not before the preview, which it would delay).
const app = previewSettled().then(() => {
  void import('ip-num');
  return import('./boot');
});
void Promise.all([app, pageReady()]).then(([{ startApp }]) => startApp());
