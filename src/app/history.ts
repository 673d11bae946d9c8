// What undo and redo must see first: field edits still being typed. A text field that holds a
// draft the design has not seen registers a flush here; Undo/Redo flush every pending draft (each
// lands as its own step) before moving through the history, then bump the epoch so every field
// drops its local text and shows the design as it now is.
import { create } from 'zustand';

const pending = new Set<() => void>();

/** Registers a pending edit's flush; returns the function that withdraws it. */
export function holdPendingEdit(flush: () => void): () => void {
  pending.add(flush);
  return () => {
    pending.delete(flush);
  };
}

export function flushPendingEdits(): void {
  for (const flush of [...pending]) flush();
}

/** Bumped after every undo and redo. */
export const useHistoryEpoch = create<{ epoch: number }>()(() => ({ epoch: 0 }));

export function bumpHistoryEpoch(): void {
  useHistoryEpoch.setState((s) => ({ epoch: s.epoch + 1 }));
}
