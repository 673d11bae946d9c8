// Parsing JSON that may come from anyone (a link, a file, an import) without zod, so the share
// worker can read a link before the design's definition has been evaluated.

/** Keys that could reach an object's prototype; dropped on sight so no input can pollute objects. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Text in which none of those keys can appear, even spelled with \u escapes: a plain JSON.parse
 * of it holds none of them, and skips the reviver's call for every value.
 */
const MAY_HOLD_UNSAFE_KEY = /__proto__|constructor|prototype|\\u/;

/** JSON.parse without prototype-polluting keys. */
export function parseJsonSafely(text: string): unknown {
  if (!MAY_HOLD_UNSAFE_KEY.test(text)) return JSON.parse(text);
  return JSON.parse(text, (key, value: unknown) => (UNSAFE_KEYS.has(key) ? undefined : value));
}
