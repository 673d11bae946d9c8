// The canvas's place on the screen and how a design is fitted into it, without React: the page's
// first chunk (app/link-preview.ts, app/preview.ts) lays out and paints the preview with these as
// the app does, so the preview sits exactly where the app's canvas will draw the design.

/** The app shell around the canvas (App.tsx): header above, palette left, side panel right. */
export const SHELL = { header: 56, palette: 190, side: 380 } as const;

/** How the canvas fits a design: whole design in view, never past 100 %, with a band at the top
 * for the Tidy button and the flows switch so they cover no account header. */
export const FIT_OPTIONS = {
  maxZoom: 1,
  padding: { top: '48px', right: '12px', bottom: '12px', left: '12px' },
} as const;

/** The canvas's smallest zoom (DesignCanvas's minZoom). */
export const MIN_ZOOM = 0.05;

/** Below this zoom the canvas's 11–12 px text is under 5 px on screen: VPCs are drawn as boxes (lod.ts). */
export const DETAIL_ZOOM = 0.4;

export interface Size {
  width: number;
  height: number;
}

/** The canvas's size in a window of `inner` (innerWidth × innerHeight). */
export function canvasSizeIn(inner: Size): Size {
  return { width: inner.width - SHELL.palette - SHELL.side, height: inner.height - SHELL.header };
}

/** Width over height of the canvas, which the packed layout aims to fill. */
export function aspectOf(canvas: Size): number {
  const { width: w, height: h } = canvas;
  return w > 0 && h > 0 ? Math.min(3, Math.max(0.5, w / h)) : 1.2;
}
