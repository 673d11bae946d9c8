// How a design crosses to the validation worker: as its JSON text. A design is plain JSON data, and
// a string is copied whole, where postMessage's structured clone of the object tree costs several
// times a JSON.parse of the same document in Chromium (bench/load.bench.ts measures both ways);
// the page's stringify and the worker's parse together cost well under that.
import type { Design } from '../model/schema';

/** A design's JSON text, as the page sends it (never a file's text: that is loaded and checked). */
export type DesignText = string & { readonly __designText: true };

export const designText = (design: Design): DesignText => JSON.stringify(design) as DesignText;

export const designOfText = (text: DesignText): Design => JSON.parse(text) as Design;
