// Diagram export as React Flow's docs show it: render the viewport element with html-to-image at
// a transform that fits every node. Loaded lazily (only when the user exports).
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';

export type ImageFormat = 'png' | 'svg';

const PADDING = 40;

export async function renderDiagram(nodes: Node[], format: ImageFormat, background: string): Promise<string> {
  const { toPng, toSvg } = await import('html-to-image');
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('The canvas is not on screen.');
  const bounds = getNodesBounds(nodes.filter((n) => !n.parentId));
  const width = Math.min(8000, Math.max(320, Math.ceil(bounds.width + 2 * PADDING)));
  const height = Math.min(8000, Math.max(240, Math.ceil(bounds.height + 2 * PADDING)));
  // In pixels: a bare number would be read as a fraction of the image (40 = 40 × its size).
  const transform = getViewportForBounds(bounds, width, height, 0.05, 2, `${PADDING}px`);
  const options = {
    backgroundColor: background,
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${transform.x}px, ${transform.y}px) scale(${transform.zoom})`,
    },
    // The export contains only the diagram: no controls, minimap or overlay buttons.
    filter: (el: HTMLElement) =>
      !(el.classList?.contains('react-flow__minimap') || el.classList?.contains('react-flow__controls')),
  };
  // html-to-image carries inline styles into the image but not the stylesheet rules that colour
  // SVG edge paths, so the peering lines would come out unstroked (invisible): pin them inline.
  const paths = [...viewport.querySelectorAll<SVGPathElement>('.react-flow__edge-path')];
  const saved = paths.map((path) => path.getAttribute('style'));
  for (const path of paths) {
    const computed = getComputedStyle(path);
    path.style.stroke = computed.stroke;
    path.style.strokeWidth = computed.strokeWidth;
    path.style.strokeDasharray = computed.strokeDasharray;
  }
  try {
    return await (format === 'png' ? toPng(viewport, options) : toSvg(viewport, options));
  } finally {
    paths.forEach((path, i) => {
      const style = saved[i];
      if (style === null || style === undefined) path.removeAttribute('style');
      else path.setAttribute('style', style);
    });
  }
}

/** A file name for the design, safe on every file system (the name is user text, never trusted). */
export function diagramFileName(designName: string, format: ImageFormat): string {
  const stem = designName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${stem || 'design'}.${format}`;
}
