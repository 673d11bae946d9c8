// Where a dragged element lands. Nothing lands on top of another element: the dragged one takes
// the free place nearest to where it was let go (its siblings stay). A VPC or a repository let go
// over another account moves there when the usual checks allow it (planMove); let go outside any
// account it goes back, with the reason.
import type { InternalNode, XYPosition } from '@xyflow/react';
import type { Command } from '../../model/command';
import { setLayout } from '../../model/commands/layout';
import type { Design } from '../../model/schema';
import { accountOf, planMove, type DropTarget } from './drop';
import { SIZES, settle, type Box } from './layout';

const CONTAINER_DEPTH: Record<string, number> = { account: 1, repository: 2, vpc: 2, subnet: 3 };

export function boxOfNode(node: InternalNode): Box {
  return {
    x: node.internals.positionAbsolute.x,
    y: node.internals.positionAbsolute.y,
    w: node.measured.width ?? node.width ?? 0,
    h: node.measured.height ?? node.height ?? 0,
  };
}

/** The innermost node under a flow-space point. */
export function containerAt(nodes: Iterable<InternalNode>, point: XYPosition): DropTarget {
  let best: InternalNode | undefined;
  for (const node of nodes) {
    const { x, y, w, h } = boxOfNode(node);
    if (point.x < x || point.y < y || point.x > x + w || point.y > y + h) continue;
    if (!best || (CONTAINER_DEPTH[node.type ?? ''] ?? 0) > (CONTAINER_DEPTH[best.type ?? ''] ?? 0))
      best = node;
  }
  return best ? { id: best.id, type: best.type as NonNullable<DropTarget>['type'] } : null;
}

/** The nearest place to `wanted` (relative to the parent) that no sibling occupies. */
function freePlace(wanted: Box, siblings: readonly Box[], kind: string): XYPosition {
  const top = kind === 'account';
  const gap = top ? SIZES.accountGap : SIZES.gap;
  const minX = top ? -Infinity : SIZES.pad;
  const minY = top ? -Infinity : kind === 'subnet' ? SIZES.header : SIZES.header + 12;
  const placed = settle(
    [...siblings.map((box, i) => ({ id: `s${i}`, box })), { id: 'moved', box: wanted }],
    gap,
    minX,
    minY,
  ).get('moved')!;
  return { x: placed.x, y: placed.y };
}

/** Boxes of the children of `parent` (relative to it; top-level nodes when undefined), except `id`. */
function siblingBoxes(nodes: readonly InternalNode[], parent: string | undefined, id: string): Box[] {
  return nodes
    .filter((n) => n.parentId === parent && n.id !== id)
    .map((n) => ({
      x: n.position.x,
      y: n.position.y,
      w: n.measured.width ?? n.width ?? 0,
      h: n.measured.height ?? n.height ?? 0,
    }));
}

/**
 * The commands for nodes let go at `landed` (positions relative to their parents, as React Flow
 * reports them), and the refusals for those that go back.
 */
export function planLanding(
  design: Design,
  landed: ReadonlyMap<string, XYPosition>,
  nodes: readonly InternalNode[],
): { commands: Command[]; refused: string[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const commands: Command[] = [];
  const refused: string[] = [];
  const boxes: Record<string, { x: number; y: number }> = {};
  for (const [id, position] of landed) {
    const node = byId.get(id);
    if (!node) continue;
    const kind = node.type ?? '';
    const { w, h } = boxOfNode(node);
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if ((kind === 'vpc' || kind === 'repository') && parent) {
      const origin = boxOfNode(parent);
      const abs = { x: origin.x + position.x, y: origin.y + position.y };
      // What lies under the element's centre, leaving out the element and everything inside it.
      const inside = (n: InternalNode): boolean =>
        n.id === id || (!!n.parentId && inside(byId.get(n.parentId) ?? n));
      const target = containerAt(
        nodes.filter((n) => !inside(n)),
        { x: abs.x + w / 2, y: abs.y + h / 2 },
      );
      const accountId = accountOf(design, target);
      const account = accountId ? byId.get(accountId) : undefined;
      const at = account
        ? freePlace(
            { x: abs.x - boxOfNode(account).x, y: abs.y - boxOfNode(account).y, w, h },
            siblingBoxes(nodes, account.id, id),
            kind,
          )
        : position;
      const plan = planMove(design, kind, id, target, at);
      if ('refused' in plan) refused.push(plan.refused);
      else commands.push(...plan.commands);
      continue;
    }
    boxes[id] = freePlace({ ...position, w, h }, siblingBoxes(nodes, node.parentId, id), kind);
  }
  if (Object.keys(boxes).length) commands.unshift(setLayout({ boxes }));
  return { commands, refused };
}
