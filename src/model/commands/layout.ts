// Canvas layout commands beyond moving one element (src/model/commands/edit.ts: setLayout).
import { defineCommand } from '../command';

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
