// What the zoomed-out overview draws (overview.tsx), as plain data: every VPC React Flow does not
// mount as a box, and every line with an end among them, as a few SVG paths. No React, so the page's
// first chunk lays out its preview of a received link with it too (preview.ts).
import type { Edge } from '@xyflow/react';
import type { DesignNode, FlowEdgeData } from './derive';
import type { Issues } from './elements';
import type { Box } from './layout';
import { absoluteBoxes } from './obstacles';
import type { Point } from './router';
import { ROUTED_EDGE_TYPES } from './routes';

export interface OverviewVpc {
  id: string;
  box: Box;
}

export interface Overview {
  vpcs: OverviewVpc[];
  /** SVG path data per class list: boxes and lines of the same look share one path. */
  boxPaths: Map<string, string>;
  linePaths: Map<string, string>;
}

const boxPath = ({ x, y, w, h }: Box) => `M${x} ${y}h${w}v${h}h${-w}z`;
const linePath = (points: readonly Point[]) =>
  points.map((p, i) => `${i ? 'L' : 'M'}${Math.round(p.x)} ${Math.round(p.y)}`).join('');

function add(paths: Map<string, string>, key: string, d: string): void {
  paths.set(key, (paths.get(key) ?? '') + d);
}

const centre = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

const severityClass = (issues: Issues | undefined) => (issues ? ` has-${issues.severity}` : '');

/**
 * What the overview draws: every VPC React Flow does not mount (`mounted`), and every edge with an
 * end among them. `nodes` are the canvas's nodes with a drag applied, so boxes follow an account
 * while it is dragged.
 */
export function overviewOf(
  nodes: readonly DesignNode[],
  edges: readonly Edge[],
  mounted: ReadonlySet<string>,
  issues: ReadonlyMap<string, Issues>,
  /** The nodes' absolute boxes, when the caller has them already. */
  boxes = absoluteBoxes(nodes),
): Overview {
  const vpcs: OverviewVpc[] = [];
  const boxPaths = new Map<string, string>();
  for (const [id, { type, box }] of boxes) {
    if (type !== 'vpc' || mounted.has(id)) continue;
    vpcs.push({ id, box });
    add(boxPaths, `pnd-overview-vpc${severityClass(issues.get(id))}`, boxPath(box));
  }
  const linePaths = new Map<string, string>();
  for (const edge of edges) {
    if (mounted.has(edge.source) && mounted.has(edge.target)) continue;
    const from = boxes.get(edge.source)?.box;
    const to = boxes.get(edge.target)?.box;
    if (!from || !to) continue;
    // Straight from centre to centre: at this zoom a line only has to say which boxes it joins.
    const line = linePath([centre(from), centre(to)]);
    if (ROUTED_EDGE_TYPES.has(edge.type)) {
      const data = edge.data as {
        issues?: Issues;
        peering?: { status: string };
        attachment?: { status: string };
      };
      const pending = (data.peering ?? data.attachment)?.status === 'pending-acceptance';
      const key = `pnd-peering${pending ? ' is-pending' : ''}${edge.selected ? ' is-selected' : ''}${severityClass(data.issues)}`;
      add(linePaths, key, line);
    } else if (edge.type === 'flow') {
      const ok = (edge.data as FlowEdgeData).ok;
      add(linePaths, `pnd-flow ${ok ? 'is-ok' : 'is-failing'}`, line);
    }
  }
  return { vpcs, boxPaths, linePaths };
}

/** The VPC drawn at a point of the flow, if any (the smallest, should boxes ever overlap). */
export function vpcAt(vpcs: readonly OverviewVpc[], p: Point): OverviewVpc | undefined {
  let best: OverviewVpc | undefined;
  for (const v of vpcs) {
    const { x, y, w, h } = v.box;
    if (p.x >= x && p.x <= x + w && p.y >= y && p.y <= y + h && (!best || w * h < best.box.w * best.box.h))
      best = v;
  }
  return best;
}
