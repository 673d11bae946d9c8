// The first script the page runs is small: it starts decoding the received link in a worker
// (early-link) and only then asks for the app, so the decoding runs while the app's own script is
// still arriving and being compiled; a large design's preview (app/preview.ts) is painted from
// here too, before the app has run at all. The app's chunk is named in index.html as a
// modulepreload (vite.config.ts), so the browser fetches it at once rather than after this script.
import './app/early-link';
import '@mantine/core/styles.css';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { previewSettled } from './app/early-link';
import { pageReady } from './app/page-ready';

// With a large link, the app waits for the preview to be painted (or to be known not to come): the
// app's evaluation would otherwise hold the main thread when the preview arrives, and on a busy
// machine it takes from the worker the processor time the decoding needs. The app cannot draw the
// design before the decoding has finished anyway; the preview comes just before its answer.
void Promise.all([pageReady(), previewSettled()]).then(() => import('./boot'));
