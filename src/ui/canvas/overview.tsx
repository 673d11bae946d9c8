// Level of detail, zoomed out (lod.ts): where no VPC's text can be read, the VPCs and the lines
// between them are drawn as one SVG inside React Flow's viewport — a handful of paths, one per
// look, instead of a thousand mounted nodes and edges. React Flow keeps what must stay interactive
// at that zoom: accounts, Transit Gateways, repositories and the selected VPCs. A click on a box
// selects its VPC (which mounts it, so it can then be dragged); a double click zooms to it, which
// mounts its detail. The SVG moves with the viewport's transform, so panning renders nothing.
import { memo, useMemo, useRef, type MouseEvent, type PointerEvent } from 'react';
import { useReactFlow, ViewportPortal, type Edge } from '@xyflow/react';
import { useUiStore } from '../../app/ui-store';
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
): Overview {
  const boxes = absoluteBoxes(nodes);
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

/** A press that moved further than this is a pan, not a click. */
const CLICK_DISTANCE = 4;

export const OverviewLayer = memo(function OverviewLayer({ overview }: { overview: Overview }) {
  const { screenToFlowPosition, fitBounds } = useReactFlow();
  const pressed = useRef<{ x: number; y: number } | null>(null);
  const hit = (event: MouseEvent) =>
    vpcAt(overview.vpcs, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  const handlers = useMemo(
    () => ({
      onPointerDown: (event: PointerEvent) => {
        pressed.current = { x: event.clientX, y: event.clientY };
      },
      onClick: (event: MouseEvent) => {
        const from = pressed.current;
        if (from && Math.hypot(event.clientX - from.x, event.clientY - from.y) > CLICK_DISTANCE) return;
        const vpc = hit(event);
        if (!vpc) return;
        event.stopPropagation();
        const { select, selection } = useUiStore.getState();
        // Shift/Ctrl/Cmd adds to (or takes from) the selection, as on canvas nodes.
        if (event.shiftKey || event.ctrlKey || event.metaKey)
          select(
            selection.includes(vpc.id) ? selection.filter((x) => x !== vpc.id) : [...selection, vpc.id],
            { tab: 'inspector' },
          );
        else select([vpc.id], { tab: 'inspector' });
      },
      onDoubleClick: (event: MouseEvent) => {
        const vpc = hit(event);
        if (!vpc) return;
        event.stopPropagation();
        const { x, y, w, h } = vpc.box;
        void fitBounds({ x, y, width: w, height: h }, { padding: 0.2, duration: 300 });
      },
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- hit reads the overview of this render
    [overview, screenToFlowPosition, fitBounds],
  );
  return (
    <ViewportPortal>
      <svg
        className="pnd-overview"
        data-testid="overview"
        data-vpcs={overview.vpcs.length}
        width={1}
        height={1}
        aria-hidden
      >
        {[...overview.linePaths].map(([className, d]) => (
          <path key={className} className={className} d={d} />
        ))}
        <g className="pnd-overview-boxes" {...handlers}>
          {[...overview.boxPaths].map(([className, d]) => (
            <path key={className} className={className} d={d} />
          ))}
        </g>
      </svg>
    </ViewportPortal>
  );
});
