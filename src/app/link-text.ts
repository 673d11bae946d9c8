// The link text each design opened from a link came in. Validation hands the worker this text
// instead of the design (a string crosses to a worker at a fraction of the cost of copying the
// object), and the worker decodes it itself.
import type { Design } from '../model/schema';

const texts = new WeakMap<Design, string>();

export function rememberLinkText(design: Design, fragment: string): void {
  texts.set(design, fragment);
}

export function linkTextOf(design: Design): string | undefined {
  return texts.get(design);
}
