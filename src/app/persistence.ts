// Autosave in localStorage. Chosen over IndexedDB because it is synchronous: the first design is
// decided before the first paint (no flash of Example 1), and a last write still lands while the
// page is being hidden or reloaded. A slot holds the design as its share-link fragment (compressed
// off the main thread, ~55 KB for 300 VPCs) or, when written in a hurry as the page goes away, as
// JSON (about 220 KB for 100 VPCs); both are far below the usual 5 MB per origin. Writing 300 VPCs
// of JSON into both storages took ~47 ms of main thread, the compressed form a few. A full quota is
// reported, never thrown.
//
// Slots: the current design, twice — in localStorage (the latest from any tab: what a new tab opens)
// and in sessionStorage (this tab's own, which survives a reload; otherwise reloading one of two tabs
// would bring up the other tab's design and lose its own); the "previous design" a share link
// displaced (so opening a link never costs the local work); and the fingerprints of fragments this
// app wrote into the address bar, so a reload of our own URL is told apart from a link someone sent.
import { loadDesignValue, parseJsonSafely, type LoadError } from '../model/parse';
import type { Design } from '../model/schema';
import { decode } from '../share';
import { storage } from './storage';

export { isOwnFragment, rememberOwnFragment } from './own-fragments';

const KEYS = {
  design: 'pnd:design',
  previous: 'pnd:previous-design',
  unreadable: 'pnd:unreadable-design',
} as const;

export interface SavedDesign {
  design: Design;
  savedAt: string;
}

export type ReadResult = { ok: true; saved: SavedDesign } | { ok: false; errors: LoadError[] } | null;

function read(key: string, kind: 'local' | 'session' = 'local'): ReadResult {
  const text = storage(kind)?.getItem(key);
  if (text == null) return null;
  let envelope: unknown;
  try {
    envelope = parseJsonSafely(text);
  } catch {
    return { ok: false, errors: [{ path: '$', message: 'the saved copy is not JSON' }] };
  }
  const record = (envelope ?? {}) as { design?: unknown; fragment?: unknown; savedAt?: unknown };
  const savedAt = typeof record.savedAt === 'string' ? record.savedAt : '';
  if (typeof record.fragment === 'string') {
    const decoded = decode(record.fragment);
    if (!decoded.ok)
      return { ok: false, errors: decoded.error.errors ?? [{ path: '$', message: decoded.error.message }] };
    return { ok: true, saved: { design: decoded.design, savedAt } };
  }
  const loaded = loadDesignValue(record.design ?? null);
  if (!loaded.ok) return { ok: false, errors: loaded.errors };
  return { ok: true, saved: { design: loaded.design, savedAt } };
}

/** A slot's content: the design as JSON, or as the share fragment (`d=1…`) that encodes it. */
export type SlotContent = { design: Design } | { fragment: string };

/** Writes a slot; false when storage is unavailable or full. */
function write(key: string, content: SlotContent, kind: 'local' | 'session' = 'local'): boolean {
  const store = storage(kind);
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), ...content }));
    return true;
  } catch {
    return false;
  }
}

/** The autosaved design. An unreadable copy is set aside (not deleted) and reported. */
export function readAutosave(): ReadResult {
  const result = read(KEYS.design);
  if (result && !result.ok) {
    const store = storage();
    const text = store?.getItem(KEYS.design);
    try {
      if (text != null) store?.setItem(KEYS.unreadable, text);
      store?.removeItem(KEYS.design);
    } catch {
      // Leaving it in place is fine: it is read-only to us until the next successful save.
    }
  }
  return result;
}

/** This tab's design from before a reload, if any. */
export function readTabDesign(): SavedDesign | null {
  const result = read(KEYS.design, 'session');
  return result?.ok ? result.saved : null;
}

/** Saves the design (as JSON, or as its share fragment when one is at hand). */
export function writeAutosave(content: SlotContent): boolean {
  // This tab's copy first: it is what a reload of this tab needs even when localStorage is full.
  write(KEYS.design, content, 'session');
  return write(KEYS.design, content);
}

export function readPreviousDesign(): SavedDesign | null {
  const result = read(KEYS.previous);
  return result?.ok ? result.saved : null;
}

export function writePreviousDesign(design: Design): boolean {
  return write(KEYS.previous, { design });
}
