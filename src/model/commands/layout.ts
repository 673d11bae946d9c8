// Canvas layout commands: stored positions and sizes.
import { defineCommand } from '../command';
import type { LayoutBox } from '../schema';

/** Stores canvas positions (and sizes, when given); one call per finished drag or nudge. */
export const setLayout = defineCommand<{ boxes: Record<string, LayoutBox> }>({
  type: 'layout/set',
  describe: ({ boxes }) => `Moved ${Object.keys(boxes).length} element(s)`,
  perform: (design, { boxes }) => {
    const layout = { ...design.layout };
    let changed = false;
    for (const [id, box] of Object.entries(boxes)) {
      const old = layout[id];
      const next = { ...old, ...box, x: Math.round(box.x), y: Math.round(box.y) };
      if (old && old.x === next.x && old.y === next.y && old.w === next.w && old.h === next.h) continue;
      layout[id] = next;
      changed = true;
    }
    return changed ? { ...design, layout } : design;
  },
});

/**
 * Forgets every stored position and size, so the canvas packs the whole design afresh (the Tidy
 * button). One command, so one undo step brings the hand-made layout back.
 */
export const tidyLayout = defineCommand<Record<string, never>>({
  type: 'layout/tidy',
  describe: () => 'Tidied the layout',
  perform: (design) => {
    if (!design.layout) return design;
    const next = { ...design };
    delete next.layout;
    return next;
  },
});
