// Absolute boxes of what peering lines must go around (VPCs, repositories) and what their labels
// must not cover besides (account headers, where names and role badges are read).
import type { DesignNode } from './derive';
import type { Obstacles } from './routes';
import { SIZES, type Box } from './layout';

export function absoluteBoxes(nodes: readonly DesignNode[]): Map<string, { type: string; box: Box }> {
  const out = new Map<string, { type: string; box: Box }>();
  // Parents come before their children in the derived order (accounts, then VPCs with their subnets).
  for (const n of nodes) {
    const parent = n.parentId ? out.get(n.parentId)?.box : undefined;
    out.set(n.id, {
      type: n.type,
      box: {
        x: n.position.x + (parent?.x ?? 0),
        y: n.position.y + (parent?.y ?? 0),
        w: n.width ?? 0,
        h: n.height ?? 0,
      },
    });
  }
  return out;
}

/** How far outside the nodes a line may run (fitting adds about this much room around them). */
const BOUNDS_MARGIN = 12;

export function obstaclesOf(nodes: readonly DesignNode[]): Obstacles {
  const boxes: { id: string; box: Box }[] = [];
  const labelBlockers: Box[] = [];
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [id, { type, box }] of absoluteBoxes(nodes)) {
    if (type === 'vpc' || type === 'repository' || type === 'transitGateway') boxes.push({ id, box });
    else if (type === 'account') labelBlockers.push({ ...box, h: SIZES.header });
    [x0, y0] = [Math.min(x0, box.x), Math.min(y0, box.y)];
    [x1, y1] = [Math.max(x1, box.x + box.w), Math.max(y1, box.y + box.h)];
  }
  const m = BOUNDS_MARGIN;
  const bounds = x0 <= x1 ? { x: x0 - m, y: y0 - m, w: x1 - x0 + 2 * m, h: y1 - y0 + 2 * m } : undefined;
  return { boxes, labelBlockers, ...(bounds ? { bounds } : {}) };
}

const sameBoxes = (a: readonly Box[], b: readonly Box[]) =>
  a.length === b.length &&
  a.every((x, i) => x.x === b[i]!.x && x.y === b[i]!.y && x.w === b[i]!.w && x.h === b[i]!.h);

/** Keeps the previous answer while no box moved, so a selection change re-routes no line. */
export class ObstacleMemo {
  private last: Obstacles = { boxes: [], labelBlockers: [] };

  of(nodes: readonly DesignNode[]): Obstacles {
    const next = obstaclesOf(nodes);
    const same =
      next.boxes.length === this.last.boxes.length &&
      next.boxes.every((o, i) => o.id === this.last.boxes[i]!.id) &&
      sameBoxes(
        next.boxes.map((o) => o.box),
        this.last.boxes.map((o) => o.box),
      ) &&
      sameBoxes(next.labelBlockers, this.last.labelBlockers) &&
      sameBoxes(next.bounds ? [next.bounds] : [], this.last.bounds ? [this.last.bounds] : []);
    if (!same) this.last = next;
    return this.last;
  }
}
