// Every opened design (file, link, example, import) is fitted to the view. Opening replaces the
// whole design, so none of its accounts or VPCs are the objects the canvas showed before; an edit
// keeps every element it did not touch (commands are pure and share structure).
import { useEffect, useRef } from 'react';
import { useUiStore } from '../../app/ui-store';
import type { Design } from '../../model/schema';

/** How the canvas fits a design: whole design in view, never past 100 %, with a band at the top
 * for the Tidy button and the flows switch so they cover no account header. */
export const FIT_OPTIONS = {
  maxZoom: 1,
  padding: { top: '48px', right: '12px', bottom: '12px', left: '12px' },
} as const;

export function isOpened(previous: Design, next: Design): boolean {
  if (previous === next) return false;
  const before = [...previous.accounts, ...previous.vpcs, ...previous.repositories];
  const after = [...next.accounts, ...next.vpcs, ...next.repositories];
  // Emptied by hand (New → Empty asks for its own view).
  if (!after.length) return false;
  const kept = new Set<unknown>(before);
  if (after.some((el) => kept.has(el))) return false;
  // The first element dropped on an empty canvas, or the only element of a design edited.
  if (before.length === 0 && after.length === 1) return false;
  if (before.length === 1 && after.length === 1 && before[0]!.id === after[0]!.id) return false;
  return true;
}

export function useFitOnOpen(design: Design): void {
  const previous = useRef(design);
  useEffect(() => {
    if (isOpened(previous.current, design)) useUiStore.getState().requestFit();
    previous.current = design;
  }, [design]);
}

/** Width over height of the canvas on this screen (the window less the palette, side panel and
 * header of the app shell), which the packed layout aims to fill. */
export function canvasAspect(): number {
  if (typeof window === 'undefined') return 1.2;
  const w = window.innerWidth - 190 - 380;
  const h = window.innerHeight - 56;
  return w > 0 && h > 0 ? Math.min(3, Math.max(0.5, w / h)) : 1.2;
}
