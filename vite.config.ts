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

// main.tsx loads the app (boot.tsx) with a dynamic import so that its first, tiny chunk can start
// the link's decoding worker before the app's large chunk has arrived. Naming that chunk and its
// imports as modulepreloads keeps their download starting with the page's, as a static import would.
function preloadBoot(): Plugin {
  return {
    name: 'pnd-preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        const chunks = Object.values(ctx.bundle ?? {});
        const boot = chunks.find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/boot.tsx'));
        if (!boot || boot.type !== 'chunk') return html;
        const files = new Set([boot.fileName, ...boot.imports]);
        for (const c of chunks) if (c.type === 'chunk' && c.isEntry) files.delete(c.fileName);
        return {
          // Async: the first chunk runs as soon as it arrives, without waiting for the stylesheet
          // (main.tsx waits for it before the app renders).
          html: html.replace('<script type="module" crossorigin', '<script type="module" async crossorigin'),
          tags: [...files].map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
        };
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), preloadBoot()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
