// A received link's design, painted by the page's first chunk before the app's script has even
// been requested: link-preview.ts reads the link and lays out the zoomed-out canvas it will
// become (ui/canvas/preview.ts); this draws that picture where the canvas will be, in the canvas's
// own classes. It is a picture only — hidden from assistive technology, transparent to the pointer —
// and the app removes it once its own canvas has painted the design, or as soon as the design it
// shows turns out to be another (a damaged link, the tab's own autosave) or anything fails.
import type { Preview, PreviewNodeKind } from '../ui/canvas/preview';
import { SHELL, type Size } from '../ui/canvas/view';
import { pageReady } from './page-ready';

const SVG = 'http://www.w3.org/2000/svg';

/** The app's node classes (kinds' Node.tsx, styles.css), so a frame looks as the canvas draws it. */
const NODE_CLASS: Record<PreviewNodeKind, string> = {
  account: 'pnd-node pnd-account',
  repository: 'pnd-node pnd-repository',
  transitGateway: 'pnd-node pnd-tgw',
};

let shown: HTMLElement | null = null;
/** False once the app has painted its canvas or dropped the link: a late preview stays away. */
let wanted = true;
/** Lays the design out again for a resized window (null: no picture fits it). */
let relayout: ((inner: Size) => Preview | null) | null = null;
let resizeFrame = 0;

function px(el: HTMLElement, styles: Record<string, number>): void {
  for (const [key, value] of Object.entries(styles)) el.style.setProperty(key, `${value}px`);
}

function paths(parent: Element, layers: readonly [string, string][]): void {
  for (const [className, d] of layers) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('class', className);
    path.setAttribute('d', d);
    parent.append(path);
  }
}

/** Mantine's colour scheme as the app will choose it (Root.tsx: saved choice, else the system's). */
function colorScheme(): 'light' | 'dark' {
  let saved: string | null = null;
  try {
    saved = window.localStorage.getItem('pnd-color-scheme');
  } catch {
    // Storage disabled: the system's choice.
  }
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function draw(preview: Preview): HTMLElement {
  const { canvas, viewport } = preview;
  const root = document.createElement('div');
  root.className = 'pnd-preview';
  root.setAttribute('aria-hidden', 'true');
  root.dataset.testid = 'preview';
  root.dataset.vpcs = String(preview.vpcs);
  const transform = `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`;
  // The fitted transform, as React Flow will write it on its viewport (the canvas bench reads it).
  root.dataset.viewport = transform;
  px(root, { left: SHELL.palette, top: SHELL.header, width: canvas.width, height: canvas.height });
  const view = document.createElement('div');
  view.className = 'pnd-preview-viewport';
  view.style.transform = transform;
  for (const { kind, box } of preview.nodes) {
    const node = document.createElement('div');
    node.className = NODE_CLASS[kind];
    px(node, { left: box.x, top: box.y, width: box.w, height: box.h });
    view.append(node);
  }
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'pnd-overview');
  svg.setAttribute('width', '1');
  svg.setAttribute('height', '1');
  paths(svg, preview.lines);
  const boxes = document.createElementNS(SVG, 'g');
  paths(boxes, preview.boxes);
  svg.append(boxes);
  view.append(svg);
  root.append(view);
  return root;
}

/** Draws the picture again for the window's new size, once per frame while it is being resized:
 * a picture laid out for the old size would sit where the canvas no longer is. */
function onResize(): void {
  if (resizeFrame) return;
  resizeFrame = requestAnimationFrame(() => {
    resizeFrame = 0;
    if (!wanted || !shown || !relayout) return;
    const preview = relayout({ width: window.innerWidth, height: window.innerHeight });
    const next = preview && draw(preview);
    if (next) shown.replaceWith(next);
    else shown.remove();
    shown = next;
  });
}

function stopRelayout(): void {
  window.removeEventListener('resize', onResize);
  relayout = null;
}

/**
 * Paints `preview` once the page's stylesheets are in, unless the app has already taken over;
 * `layout` lays it out again should the window be resized before then.
 */
export function showPreview(preview: Preview, layout: (inner: Size) => Preview | null): Promise<void> {
  return pageReady().then(() => {
    if (!wanted || shown) return;
    document.documentElement.setAttribute('data-mantine-color-scheme', colorScheme());
    shown = draw(preview);
    document.body.append(shown);
    relayout = layout;
    window.addEventListener('resize', onResize);
    // An app that fails to start must not stay hidden behind a picture of the design.
    window.addEventListener('error', removePreview, { once: true });
    window.addEventListener('unhandledrejection', removePreview, { once: true });
    // Settles once the frame with the preview has been painted.
    return new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  });
}

/** Takes the preview away (and keeps one still on its way from appearing). */
export function removePreview(): void {
  wanted = false;
  stopRelayout();
  shown?.remove();
  shown = null;
}

/** Takes the preview away once the frame being prepared — the app's own canvas — is on screen. */
export function removePreviewAfterPaint(): void {
  wanted = false;
  stopRelayout();
  const painted = shown;
  // A frame callback runs before its frame is painted; the one after it, after.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      painted?.remove();
      if (shown === painted) shown = null;
    }),
  );
}
