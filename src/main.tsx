// The first script the page runs is small: it starts decoding the received link in a worker
// (early-link) and only then asks for the app, so the decoding runs while the app's own script is
// still arriving and being compiled. The app's chunk is named in index.html as a modulepreload
// (vite.config.ts), so the browser fetches it at once rather than after this script has run.
import './app/early-link';
import '@mantine/core/styles.css';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';

/** The page's body and stylesheets: the first chunk is async, so it may run before either is in. */
async function pageReady(): Promise<void> {
  if (document.readyState === 'loading')
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  const loading = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter(
    (link) => !link.sheet,
  );
  await Promise.all(
    loading.map(
      (link) =>
        new Promise((resolve) => {
          link.addEventListener('load', resolve, { once: true });
          link.addEventListener('error', resolve, { once: true });
        }),
    ),
  );
}

void pageReady().then(() => import('./boot'));
