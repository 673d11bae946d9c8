// The design and the address bar. How the URL follows edits (the issue left it to us):
//
// - The fragment always holds the current design (`#d=1…`), so the address bar is a share link at
//   every moment and a bookmark reopens what was on screen. It is rewritten with
//   history.replaceState once edits pause (100 ms after the last one, when the browser is idle),
//   so typing does not re-encode on every keystroke and edits add no browser-history entries (the
//   Back button leaves the app instead of stepping through edits; undo is Ctrl/Cmd+Z).
// - The autosave follows at the same moment and stores that same fragment. The encoding runs in a
//   worker, so neither costs the page a long task; when the page is hidden or unloaded, whatever
//   is not saved yet is written at once, in the page (nothing is lost on reload or close).
// - Past FRAGMENT_LIMIT characters the fragment is dropped instead: such designs travel as files.
// - Every fragment we write is fingerprinted in localStorage. At boot a fragment we wrote is a
//   reload (this tab's autosave, which is never older than its URL, wins); any other fragment is a
//   link someone sent: its design opens, and a different local design moves to the "previous
//   design" slot.
// - A link pasted into the address bar of an open tab (hashchange) opens the same way, as one
//   undoable step.
import { takeEarlyDecode } from './early-link';
import { shareWorkerOnce } from './off-thread';
import { rememberLinkText } from './link-text';
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
import { carriesDesign, decode, encode, shareLink, type DecodeResult, type LinkError } from '../share';
import type { EncodeAnswer, EncodeRequest } from './share.worker';

/** Longer fragments are left out of the address bar (the design is still autosaved). */
export const FRAGMENT_LIMIT = 100_000;
export const SAVE_DELAY_MS = 100;
/** Longest wait for an idle moment once edits pause (a busy page still saves). */
export const SAVE_IDLE_TIMEOUT_MS = 1000;

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

/** The link the page opened with, until startSync saves it as it came (no re-encoding). */
let received: { design: Design; fragment: string } | null = null;

type LinkDecoder = (fragment: string) => DecodeResult | Promise<DecodeResult>;

/**
 * The first design: a received link, else the autosave, else Example 1. The link is decoded by
 * `decodeLink` — in the app a worker (decodeOffThread), so the outcome may be a promise.
 */
export function decideFirstDesign(decodeLink: LinkDecoder = decode): BootOutcome | Promise<BootOutcome> {
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
  const settle = (result: DecodeResult): BootOutcome => {
    if (!result.ok) {
      return { ...fallback, linkError: result.error, previousKept: false, ...unreadableAutosave };
    }
    const previousKept = local !== null && !sameDesign(local, result.design) && writePreviousDesign(local);
    received = { design: result.design, fragment };
    rememberLinkText(result.design, fragment);
    return { design: result.design, source: 'link', previousKept, ...unreadableAutosave };
  };
  const result = decodeLink(fragment);
  return result instanceof Promise ? result.then(settle) : settle(result);
}

/** Decodes a link in a worker (in the page where workers are unavailable or fail). */
export function decodeOffThread(fragment: string): Promise<DecodeResult> {
  const early = takeEarlyDecode(fragment);
  if (early) return early.then((result) => result ?? decode(fragment));
  return shareWorkerOnce(
    { request: { id: 0, fragment } },
    (answer) => answer.decoded,
    () => decode(fragment),
  ).answer;
}

/** Puts the design into the address bar (or takes a too-long one out) without a history entry. */
export function writeFragment(design: Design): void {
  writeEncodedFragment(encode(design));
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

/** Puts an already encoded fragment into the address bar, or takes a too-long one out. */
function writeEncodedFragment(fragment: string): void {
  const base = pageBaseUrl();
  const url = fragment.length <= FRAGMENT_LIMIT ? `${base}#${fragment}` : base;
  if (url !== window.location.href) window.history.replaceState(window.history.state, '', url);
  if (fragment.length <= FRAGMENT_LIMIT) rememberOwnFragment(fragment);
}

type Encoder = (design: Design) => Promise<string>;

/** Share-link encoding in a worker; null where workers are unavailable. */
function startEncoder(): { encode: Encoder; stop(): void } | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./share.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let seq = 0;
  const waiting = new Map<number, { resolve(f: string): void; reject(e: Error): void }>();
  const failAll = (message: string) => {
    for (const { reject } of waiting.values()) reject(new Error(message));
    waiting.clear();
  };
  worker.onmessage = (event: MessageEvent<EncodeAnswer>) => {
    const { id, fragment, error } = event.data;
    const pending = waiting.get(id);
    waiting.delete(id);
    if (fragment !== undefined) pending?.resolve(fragment);
    else pending?.reject(new Error(error ?? 'encoding failed'));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failAll('the encoding worker failed');
  };
  return {
    encode: (design) =>
      new Promise((resolve, reject) => {
        const id = ++seq;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, design } satisfies EncodeRequest);
      }),
    stop: () => {
      worker.terminate();
      failAll('stopped');
    },
  };
}

const whenIdle = (run: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: SAVE_IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
};

/** Keeps the autosave and the address bar in step with the design until the returned stop(). */
export function startSync(events: SyncEvents): () => void {
  let encoder = startEncoder();
  let cancelPending: (() => void) | undefined;
  let autosaveFailing = false;
  let stopped = false;
  /** The design that storage and the address bar hold. */
  let saved: Design | null = null;

  const reportSave = (ok: boolean) => {
    if (!ok && !autosaveFailing) events.onAutosaveFailed();
    autosaveFailing = !ok;
  };
  const commit = (design: Design, fragment: string) => {
    reportSave(writeAutosave({ fragment }));
    // A link pasted into the address bar whose hashchange has not been handled yet must not be
    // overwritten by the design it is about to replace.
    const inBar = window.location.hash.slice(1);
    if (!carriesDesign(inBar) || inBar === fragment || isOwnFragment(inBar)) writeEncodedFragment(fragment);
    saved = design;
  };
  /** Everything now, in the page: for when it is being hidden or closed. */
  const flush = () => {
    cancelPending?.();
    cancelPending = undefined;
    const { design } = useDesignStore.getState();
    if (design === saved) return;
    // JSON first: it is the quickest durable copy should the page be torn down mid-way.
    reportSave(writeAutosave({ design }));
    writeFragment(design);
    saved = design;
  };
  const saveInBackground = () => {
    cancelPending = undefined;
    const { design } = useDesignStore.getState();
    if (design === saved) return;
    if (!encoder) {
      commit(design, encode(design));
      return;
    }
    encoder.encode(design).then(
      (fragment) => {
        // A newer design has its own save scheduled; an older fragment must not overwrite it.
        if (!stopped && useDesignStore.getState().design === design) commit(design, fragment);
      },
      () => {
        if (stopped) return;
        encoder?.stop();
        encoder = null;
        if (useDesignStore.getState().design === design) commit(design, encode(design));
      },
    );
  };
  const schedule = () => {
    cancelPending?.();
    let cancelIdle: (() => void) | undefined;
    const timer = setTimeout(() => {
      cancelIdle = whenIdle(saveInBackground);
    }, SAVE_DELAY_MS);
    cancelPending = () => {
      clearTimeout(timer);
      cancelIdle?.();
    };
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
      writeFragment(design);
      return;
    }
    if (sameDesign(design, result.design)) return;
    const previousKept = writePreviousDesign(design);
    replace(result.design);
    events.onLinkOpened(previousKept);
  };

  const unsubscribe = useDesignStore.subscribe((state, before) => {
    if (state.design !== before.design) schedule();
  });
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('hashchange', onHashChange);
  // The opening design is saved too (a link's design becomes this browser's), off the critical path;
  // a received link is saved as the fragment it came in, which already encodes it.
  const opened = received;
  received = null;
  if (opened && useDesignStore.getState().design === opened.design) {
    cancelPending = whenIdle(() => {
      cancelPending = undefined;
      if (useDesignStore.getState().design === opened.design) commit(opened.design, opened.fragment);
    });
  } else schedule();

  return () => {
    flush();
    stopped = true;
    unsubscribe();
    encoder?.stop();
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('hashchange', onHashChange);
  };
}
