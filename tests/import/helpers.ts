// Shared by the import tests: a design's findings as comparable lines.
import type { Design } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';

export function judged(design: Design): string[] {
  return validate(design)
    .map((f) => `${f.severity} ${f.rule} [${f.elements.join(',')}] ${f.message}`)
    .sort();
}
