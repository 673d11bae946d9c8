// Keyboard: Delete/Backspace, Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z (and Ctrl+Y), Ctrl/Cmd+A, Escape and
// arrow-nudge. Text fields keep their own meaning for these keys (Mantine ignores inputs), except
// undo and redo.
import { useHotkeys } from '@mantine/hooks';
import { history, useDesignStore } from '../app/store';
import { useUiStore } from '../app/ui-store';
import { setLayout } from '../model/commands/layout';
import { canvasAspect } from './canvas/fit';
import { LayoutCache, layoutDesign } from './canvas/layout';

const NUDGE = 10;
const BIG_NUDGE = 50;

function nodeIds(): string[] {
  const d = useDesignStore.getState().design;
  return [
    ...d.accounts.map((a) => a.id),
    ...d.vpcs.flatMap((v) => [v.id, ...v.subnets.map((s) => s.id)]),
    ...d.repositories.map((r) => r.id),
  ];
}

function nudge(dx: number, dy: number) {
  // A focused canvas node moves by React Flow's own arrow handling; this covers the rest.
  if (document.activeElement?.closest('.react-flow__node')) return;
  const { design, apply } = useDesignStore.getState();
  // The same aspect as the canvas, so a packed element moves from where it is shown.
  const boxes = layoutDesign(design, new LayoutCache(canvasAspect()));
  const moved = Object.fromEntries(
    useUiStore.getState().selection.flatMap((id) => {
      const b = boxes.get(id);
      return b ? [[id, { x: b.x + dx, y: b.y + dy }] as const] : [];
    }),
  );
  if (Object.keys(moved).length) apply([setLayout({ boxes: moved })]);
}

export function useShortcuts(): void {
  const ui = () => useUiStore.getState();
  const remove = () => {
    const { selection, pendingDelete } = ui();
    if (selection.length && !pendingDelete) ui().askDelete(selection);
  };
  // Undo and redo act on the design even from a text field: the field's pending draft is
  // committed first and the field then shows the design (src/app/history.ts), instead of the
  // browser's own per-input undo that the design never sees.
  useHotkeys(
    [
      ['mod+Z', history.undo],
      ['mod+shift+Z', history.redo],
      ['mod+Y', history.redo],
    ],
    [],
  );
  useHotkeys([
    ['Delete', remove],
    ['Backspace', remove],
    ['mod+A', () => ui().select(nodeIds())],
    [
      'Escape',
      () => {
        ui().select([]);
        ui().dismissNotice();
      },
    ],
    ['ArrowLeft', () => nudge(-NUDGE, 0)],
    ['ArrowRight', () => nudge(NUDGE, 0)],
    ['ArrowUp', () => nudge(0, -NUDGE)],
    ['ArrowDown', () => nudge(0, NUDGE)],
    ['shift+ArrowLeft', () => nudge(-BIG_NUDGE, 0)],
    ['shift+ArrowRight', () => nudge(BIG_NUDGE, 0)],
    ['shift+ArrowUp', () => nudge(0, -BIG_NUDGE)],
    ['shift+ArrowDown', () => nudge(0, BIG_NUDGE)],
  ]);
}
