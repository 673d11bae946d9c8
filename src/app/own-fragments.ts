// The fingerprints of fragments this app wrote into the address bar, so a reload of our own URL is
// told apart from a link someone sent (persistence.ts). Its own small module: the page's first
// chunk asks it too, to paint no preview of a link that is about to be reopened from the autosave.
import { crc32 } from '../share/bytes';
import { storage } from './storage';

const KEY = 'pnd:own-fragments';
/** Enough to recognise the URLs of the last few sessions and tabs. */
const OWN_FRAGMENTS_KEPT = 20;

function fingerprint(fragment: string): string {
  return `${fragment.length}:${crc32(new TextEncoder().encode(fragment)).toString(16)}`;
}

function ownFragments(): string[] {
  try {
    const list: unknown = JSON.parse(storage()?.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Remembers that this app put `fragment` into the address bar. */
export function rememberOwnFragment(fragment: string): void {
  const print = fingerprint(fragment);
  const list = [print, ...ownFragments().filter((p) => p !== print)].slice(0, OWN_FRAGMENTS_KEPT);
  try {
    storage()?.setItem(KEY, JSON.stringify(list));
  } catch {
    // Without it a reload is taken for a received link: the autosave then goes to "previous design".
  }
}

export function isOwnFragment(fragment: string): boolean {
  return ownFragments().includes(fingerprint(fragment));
}
