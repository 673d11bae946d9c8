// The one design store. The design is the single truth; canvas nodes, panels and findings are
// derived from it. Every change goes through a command (src/model/command.ts) or a whole-design
// replacement (open, import, link), and each is one step of the undo history (zundo) — except that
// consecutive edits of one burst (one field, while it keeps the focus) share a single step.
import { create } from 'zustand';
import { temporal } from 'zundo';
import { applyCommands, type Command } from '../model/command';
import type { Design } from '../model/schema';
import { EXAMPLES } from './examples';
import { bumpHistoryEpoch, flushPendingEdits } from './history';

export const HISTORY_LIMIT = 200;

export interface ApplyOptions {
  /** Edits with the same burst key, with nothing else in between, are one undo step. */
  burst?: string;
}

export interface DesignState {
  design: Design;
  /** Applies commands as one undoable step (or as part of the current burst's step). */
  apply(commands: readonly Command[], options?: ApplyOptions): void;
  /** Replaces the whole design (open, import, link, template) as one undoable step. */
  replace(design: Design): void;
}

/** The burst the latest step belongs to; any other step, undo or redo ends it. */
let lastBurst: string | undefined;

export const useDesignStore = create<DesignState>()(
  temporal(
    (set) => ({
      design: EXAMPLES['example-1'].design(),
      apply: (commands, options) => {
        const burst = options?.burst;
        const merge = burst !== undefined && burst === lastBurst;
        const change = () =>
          set((state) => {
            const next = applyCommands(state.design, commands);
            return next === state.design ? state : { design: next };
          });
        if (!merge) {
          const before = useDesignStore.getState().design;
          change();
          // A burst starts only with a step that was recorded.
          lastBurst = useDesignStore.getState().design === before ? undefined : burst;
          return;
        }
        const temporalStore = useDesignStore.temporal.getState();
        temporalStore.pause();
        try {
          change();
        } finally {
          temporalStore.resume();
        }
      },
      replace: (design) => {
        lastBurst = undefined;
        set({ design });
      },
    }),
    {
      limit: HISTORY_LIMIT,
      partialize: (state) => ({ design: state.design }),
      equality: (a, b) => a.design === b.design,
    },
  ),
);

export const history = {
  undo: () => {
    flushPendingEdits();
    lastBurst = undefined;
    useDesignStore.temporal.getState().undo();
    bumpHistoryEpoch();
  },
  redo: () => {
    flushPendingEdits();
    lastBurst = undefined;
    useDesignStore.temporal.getState().redo();
    bumpHistoryEpoch();
  },
  clear: () => useDesignStore.temporal.getState().clear(),
  pause: () => useDesignStore.temporal.getState().pause(),
  resume: () => useDesignStore.temporal.getState().resume(),
};
