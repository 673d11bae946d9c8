// The preview a received link's page paints before the app runs is the zoomed-out canvas the app
// will draw: the same boxes and lines as the overview, at the fit React Flow will choose, and none
// of the user's names.
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../model/generate';
import { deriveEdges, NodeDeriver } from './derive';
import { absoluteBoxes } from './obstacles';
import { overviewOf } from './overview-paths';
import { previewOf } from './preview';
import { aspectOf, canvasSizeIn, DETAIL_ZOOM } from './view';

const screen = { width: 1440, height: 900 };
const canvas = canvasSizeIn(screen);
const design = generateDesign({ vpcs: 300, seed: 7 });
const preview = previewOf(design, screen)!;
// The canvas's own derivation, as DesignCanvas makes it zoomed out with nothing selected.
const nodes = new NodeDeriver(aspectOf(canvas)).nodes(design, new Set()).filter((n) => n.type !== 'subnet');
const boxes = absoluteBoxes(nodes);

/** Boxes of an overview path (`M x y h w v h h -w z`, one per VPC). */
function boxesOf(d: string) {
  return [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    w: Number(m[3]),
    h: Number(m[4]),
  }));
}

describe('previewOf', () => {
  it('draws every VPC as a box where the canvas lays it out, and the same paths as the overview', () => {
    expect(preview.vpcs).toBe(design.vpcs.length);
    const drawn = preview.boxes.flatMap(([, d]) => boxesOf(d));
    expect(drawn).toHaveLength(design.vpcs.length);
    const vpcBoxes = design.vpcs.map((v) => boxes.get(v.id)!.box);
    expect(drawn).toEqual(expect.arrayContaining(vpcBoxes));
    const mounted = new Set(nodes.filter((n) => n.type !== 'vpc').map((n) => n.id));
    const overview = overviewOf(nodes, deriveEdges(design), mounted, new Map());
    expect(preview.boxes).toEqual([...overview.boxPaths]);
    expect(preview.lines).toEqual([...overview.linePaths]);
    expect(preview.lines.length).toBeGreaterThan(0);
  });

  it('frames every account (and repository, Transit Gateway) React Flow keeps mounted zoomed out', () => {
    const kinds = (kind: string) => preview.nodes.filter((n) => n.kind === kind).map((n) => n.box);
    expect(kinds('account')).toEqual(design.accounts.map((a) => boxes.get(a.id)!.box));
    expect(kinds('repository')).toHaveLength(design.repositories.length);
    expect(kinds('transitGateway')).toHaveLength(design.transitGateways.length);
  });

  it('fits the design into the canvas below the detail zoom, padded as the canvas pads it', () => {
    const { x, y, zoom } = preview.viewport;
    expect(preview.canvas).toEqual(canvas);
    expect(zoom).toBeGreaterThan(0);
    expect(zoom).toBeLessThan(DETAIL_ZOOM);
    const frames = preview.nodes.map((n) => n.box);
    const left = Math.min(...frames.map((b) => b.x)) * zoom + x;
    const top = Math.min(...frames.map((b) => b.y)) * zoom + y;
    const right = Math.max(...frames.map((b) => b.x + b.w)) * zoom + x;
    const bottom = Math.max(...frames.map((b) => b.y + b.h)) * zoom + y;
    // FIT_OPTIONS: 48 px above (the canvas tools), 12 px on the other sides; one side touches.
    expect(left).toBeGreaterThanOrEqual(12 - 1e-6);
    expect(top).toBeGreaterThanOrEqual(48 - 1e-6);
    expect(right).toBeLessThanOrEqual(canvas.width - 12 + 1e-6);
    expect(bottom).toBeLessThanOrEqual(canvas.height - 12 + 1e-6);
    const slack = Math.min(left - 12, canvas.width - 12 - right, top - 48, canvas.height - 12 - bottom);
    expect(Math.abs(slack)).toBeLessThan(1e-6);
  });

  it('lays the design out for the screen it will be shown on', () => {
    const tall = previewOf(design, { width: 1000, height: 1400 })!;
    expect(tall.canvas).toEqual({ width: 430, height: 1344 });
    expect(tall.boxes).not.toEqual(preview.boxes);
  });

  it('carries no name a user wrote', () => {
    const named = structuredClone(design);
    named.accounts[0]!.name = '<script>alert(1)</script>';
    named.vpcs[0]!.name = 'Secret VPC <b>';
    const text = JSON.stringify(previewOf(named, screen));
    expect(text).not.toContain('script');
    expect(text).not.toContain('Secret');
    expect(text).not.toContain(named.vpcs[0]!.id);
  });

  it('is not drawn for a design the canvas shows in detail, or for a window with no canvas', () => {
    expect(previewOf(generateDesign({ vpcs: 4, seed: 7 }), screen)).toBeNull();
    expect(previewOf(design, { width: 500, height: 40 })).toBeNull();
  });
});
