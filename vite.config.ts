import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The built app may talk to its own origin only: no CDN, fonts or telemetry. The policy is added
// at build time because the dev server injects an inline preamble script for hot reload.
const CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'pnd-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      ),
  };
}

// main.tsx loads the app (boot.tsx) with a dynamic import, asked for as soon as its first, tiny
// chunk has started the link's decoding worker — or, for a large link, once the link's preview has
// been painted (app/preview.ts). The app's chunks are therefore not named as modulepreloads here:
// fetched and compiled alongside the page, they took processor time from that worker.
function asyncEntry(): Plugin {
  return {
    name: 'pnd-async-entry',
    apply: 'build',
    // Async: the first chunk runs as soon as it arrives, without waiting for the stylesheet (main.tsx
    // waits for it before the app renders).
    transformIndexHtml: (html) =>
      html.replace('<script type="module" crossorigin', '<script type="module" async crossorigin'),
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), asyncEntry()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
