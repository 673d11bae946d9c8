// The design and the address bar. How the URL follows edits (the issue left it to us):
//
// - The fragment always holds the current design (`#d=1…`), so the address bar is a share link at
//   every moment and a bookmark reopens what was on screen. It is rewritten with
//   history.replaceState, 400 ms after the last edit (and at once when the page is hidden), so
//   typing does not re-encode on every keystroke and edits add no browser-history entries (the
//   Back button leaves the app instead of stepping through edits; undo is Ctrl/Cmd+Z).
// - Past FRAGMENT_LIMIT characters the fragment is dropped instead: such designs travel as files.
// - Every fragment we write is fingerprinted in localStorage. At boot a fragment we wrote is a
//   reload (this tab's autosave, which is never older than its URL, wins); any other fragment is a
//   link someone sent: its design opens, and a different local design moves to the "previous
//   design" slot.
// - A link pasted into the address bar of an open tab (hashchange) opens the same way, as one
//   undoable step.
import { EXAMPLES } from './examples';
import {
  isOwnFragment,
  readAutosave,
  readPreviousDesign,
  readTabDesign,
  rememberOwnFragment,
  writeAutosave,
  writePreviousDesign,
} from './persistence';
import { useDesignStore } from './store';
import type { LoadError } from '../model/parse';
import type { Design } from '../model/schema';
import { carriesDesign, decode, encode, shareLink, type LinkError } from '../share';

/** Longer fragments are left out of the address bar (the design is still autosaved). */
export const FRAGMENT_LIMIT = 100_000;
export const URL_DELAY_MS = 400;
export const AUTOSAVE_DELAY_MS = 250;

/** The app's own address without fragment: the base of every link it makes. */
export function pageBaseUrl(): string {
  return window.location.href.split('#')[0]!;
}

export function shareLinkFor(design: Design): string {
  return shareLink(design, pageBaseUrl());
}

function sameDesign(a: Design, b: Design): boolean {
  return a === b || encode(a) === encode(b);
}

export interface BootOutcome {
  design: Design;
  source: 'link' | 'reload' | 'autosave' | 'example';
  /** The link in the address bar could not be opened; the design is the local one instead. */
  linkError?: LinkError;
  /** A link replaced a different local design, which is now in the previous-design slot. */
  previousKept: boolean;
  /** The autosaved copy could not be read; it was set aside. */
  unreadableAutosave?: LoadError[];
}

/** The first design: a received link, else the autosave, else Example 1. */
export function decideFirstDesign(): BootOutcome {
  const fragment = window.location.hash.slice(1);
  const autosave = readAutosave();
  // This tab's own design (after a reload) before the latest of any tab.
  const local = readTabDesign()?.design ?? (autosave?.ok ? autosave.saved.design : null);
  const unreadableAutosave = autosave && !autosave.ok ? { unreadableAutosave: autosave.errors } : {};
  const fallback = local
    ? { design: local, source: 'autosave' as const }
    : { design: EXAMPLES['example-1'].design(), source: 'example' as const };
  if (!carriesDesign(fragment)) return { ...fallback, previousKept: false, ...unreadableAutosave };
  if (local && isOwnFragment(fragment)) {
    return { design: local, source: 'reload', previousKept: false, ...unreadableAutosave };
  }
  const result = decode(fragment);
  if (!result.ok) {
    return { ...fallback, linkError: result.error, previousKept: false, ...unreadableAutosave };
  }
  const previousKept = local !== null && !sameDesign(local, result.design) && writePreviousDesign(local);
  return { design: result.design, source: 'link', previousKept, ...unreadableAutosave };
}

/** Puts the design into the address bar (or takes a too-long one out) without a history entry. */
export function writeFragment(design: Design): void {
  const fragment = encode(design);
  const base = pageBaseUrl();
  const url = fragment.length <= FRAGMENT_LIMIT ? `${base}#${fragment}` : base;
  if (url !== window.location.href) window.history.replaceState(window.history.state, '', url);
  if (fragment.length <= FRAGMENT_LIMIT) rememberOwnFragment(fragment);
}

/** Swaps the current design with the previous-design slot, as one undoable step. */
export function restorePreviousDesign(): boolean {
  const previous = readPreviousDesign();
  if (!previous) return false;
  const { design, replace } = useDesignStore.getState();
  writePreviousDesign(design);
  replace(previous.design);
  return true;
}

export interface SyncEvents {
  /** A link pasted into the address bar opened; the design it replaced is in the previous slot. */
  onLinkOpened(previousKept: boolean): void;
  onLinkError(error: LinkError): void;
  /** Storage refused a write (full or disabled); called once per run of failures. */
  onAutosaveFailed(): void;
}

/** Keeps the autosave and the address bar in step with the design until the returned stop(). */
export function startSync(events: SyncEvents): () => void {
  let autosaveTimer: ReturnType<typeof setTimeout> | undefined;
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  let autosaveFailing = false;

  const saveNow = () => {
    clearTimeout(autosaveTimer);
    autosaveTimer = undefined;
    const saved = writeAutosave(useDesignStore.getState().design);
    if (!saved && !autosaveFailing) events.onAutosaveFailed();
    autosaveFailing = !saved;
  };
  const writeUrlNow = () => {
    clearTimeout(urlTimer);
    urlTimer = undefined;
    writeFragment(useDesignStore.getState().design);
  };
  const flush = () => {
    if (autosaveTimer !== undefined) saveNow();
    if (urlTimer !== undefined) writeUrlNow();
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  const onHashChange = () => {
    const fragment = window.location.hash.slice(1);
    if (!carriesDesign(fragment) || isOwnFragment(fragment)) return;
    const result = decode(fragment);
    const { design, replace } = useDesignStore.getState();
    if (!result.ok) {
      events.onLinkError(result.error);
      writeUrlNow();
      return;
    }
    if (sameDesign(design, result.design)) return;
    const previousKept = writePreviousDesign(design);
    replace(result.design);
    events.onLinkOpened(previousKept);
  };

  const unsubscribe = useDesignStore.subscribe((state, before) => {
    if (state.design === before.design) return;
    clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(saveNow, AUTOSAVE_DELAY_MS);
    clearTimeout(urlTimer);
    urlTimer = setTimeout(writeUrlNow, URL_DELAY_MS);
  });
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('hashchange', onHashChange);
  saveNow();
  writeUrlNow();

  return () => {
    flush();
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('hashchange', onHashChange);
  };
}
