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
  if (previous.accounts === next.accounts || previous.vpcs === next.vpcs) return false;
  const accounts = new Set<unknown>(previous.accounts);
  const vpcs = new Set<unknown>(previous.vpcs);
  return !next.accounts.some((a) => accounts.has(a)) && !next.vpcs.some((v) => vpcs.has(v));
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
