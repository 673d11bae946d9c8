// The format page's sample is what a reader copies first: it must load and be judged without
// reference or address errors, so the documentation cannot drift from the loader.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadDesign } from '../../src/model/parse';
import { validate } from '../../src/rules/registry';

const page = readFileSync(new URL('../../docs/design-format.md', import.meta.url), 'utf8');
const sample = /```json\n([\s\S]*?)```/.exec(page)?.[1];

it('docs/design-format.md carries a sample design that loads and has no error findings', () => {
  expect(sample, 'a ```json block in docs/design-format.md').toBeDefined();
  const result = loadDesign(sample!);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const errors = validate(result.design).filter((f) => f.severity === 'error');
  expect(errors).toEqual([]);
});
