// Every opened design (file, link, example, import) is fitted to the view. Opening replaces the
// whole design, so none of its accounts or VPCs are the objects the canvas showed before; an edit
// keeps every element it did not touch (commands are pure and share structure).
import { useEffect, useRef } from 'react';
import { useUiStore } from '../../app/ui-store';
import type { Design } from '../../model/schema';
import { aspectOf, canvasSizeIn } from './view';

export { FIT_OPTIONS } from './view';

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
  if (typeof window === 'undefined') return aspectOf({ width: 0, height: 0 });
  return aspectOf(canvasSizeIn({ width: window.innerWidth, height: window.innerHeight }));
}
