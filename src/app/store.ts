// The one design store. The design is the single truth; canvas nodes, panels and findings are
// derived from it. Every change goes through a command (src/model/command.ts) or a whole-design
// replacement (open, import, link), and each is one step of the undo history (zundo).
import { create } from 'zustand';
import { temporal } from 'zundo';
import { applyCommands, type Command } from '../model/command';
import type { Design } from '../model/schema';
import { EXAMPLES } from './examples';

export const HISTORY_LIMIT = 200;

export interface DesignState {
  design: Design;
  /** Applies commands as one undoable step. */
  apply(commands: readonly Command[]): void;
  /** Replaces the whole design (open, import, link, template) as one undoable step. */
  replace(design: Design): void;
}

export const useDesignStore = create<DesignState>()(
  temporal(
    (set) => ({
      design: EXAMPLES['example-1'].design(),
      apply: (commands) =>
        set((state) => {
          const next = applyCommands(state.design, commands);
          return next === state.design ? state : { design: next };
        }),
      replace: (design) => set({ design }),
    }),
    {
      limit: HISTORY_LIMIT,
      partialize: (state) => ({ design: state.design }),
      equality: (a, b) => a.design === b.design,
    },
  ),
);

export const history = {
  undo: () => useDesignStore.temporal.getState().undo(),
  redo: () => useDesignStore.temporal.getState().redo(),
  clear: () => useDesignStore.temporal.getState().clear(),
  pause: () => useDesignStore.temporal.getState().pause(),
  resume: () => useDesignStore.temporal.getState().resume(),
};
