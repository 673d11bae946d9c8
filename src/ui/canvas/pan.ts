// An account is mostly empty space, and on a large design it fills the screen: dragging its
// background pans the canvas, as dragging the canvas does. The account itself moves by its header,
// or by its background while a modifier key (Alt, Ctrl, Cmd, Shift) is held.
import { useCallback, useRef, useSyncExternalStore, type PointerEvent } from 'react';
import { useReactFlow } from '@xyflow/react';

let held = false;
const listeners = new Set<() => void>();

function update(event: KeyboardEvent | FocusEvent) {
  const next = 'key' in event ? event.altKey || event.ctrlKey || event.metaKey || event.shiftKey : false;
  if (next === held) return;
  held = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  if (!listeners.size) {
    window.addEventListener('keydown', update);
    window.addEventListener('keyup', update);
    window.addEventListener('blur', update);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      window.removeEventListener('keydown', update);
      window.removeEventListener('keyup', update);
      window.removeEventListener('blur', update);
    }
  };
}

/** Whether a modifier key is held right now. */
export function useModifierHeld(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => held,
    () => false,
  );
}

/** Pointer handlers that pan the canvas while the pointer drags the element they are on. */
export function useBackgroundPan() {
  const { getViewport, setViewport } = useReactFlow();
  const start = useRef<{ x: number; y: number; vx: number; vy: number; zoom: number } | null>(null);
  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0) return;
      const { x, y, zoom } = getViewport();
      start.current = { x: event.clientX, y: event.clientY, vx: x, vy: y, zoom };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    [getViewport],
  );
  const onPointerMove = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      const s = start.current;
      if (!s) return;
      void setViewport({ x: s.vx + event.clientX - s.x, y: s.vy + event.clientY - s.y, zoom: s.zoom });
    },
    [setViewport],
  );
  const onPointerUp = useCallback((event: PointerEvent<HTMLElement>) => {
    start.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  }, []);
  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}
