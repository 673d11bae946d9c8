// The generated checker writes an id pattern as a loop over character codes (scripts/gen-design-check.ts);
// the loop must accept exactly what the regex accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classLoopOf } from '../../scripts/gen-design-check';
import { classTable } from '../../src/model/check-runtime';
import { planOf, signatureOf } from '../../src/model/check-plan';
import { ID_PATTERN, DesignSchema } from '../../src/model/schema';
import { z } from 'zod';

/** The loop as a function (test-only evaluation of generated code: the app never evaluates text). */
function loopOf(re: RegExp): (v: string) => boolean {
  const code = classLoopOf(re, 'matches');
  if (!code) throw new Error(`no loop for ${re}`);
  const js = code.replace('(v: string): boolean', '(v)');
  return new Function('classTable', `${js}; return matches;`)(classTable) as (v: string) => boolean;
}

const near = (re: RegExp) =>
  fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: fc.constantFrom(...'aZ09._:-/ \\[]^$@`{~\n'.split('')), maxLength: 70 }),
    fc.constantFrom('', 'a'.repeat(64), 'a'.repeat(65), 'vpc-1\n', '\u00e9', 'A-Z', re.source),
  );

describe('id pattern as a loop', () => {
  for (const re of [ID_PATTERN, /^[a-c\-x]{2,3}$/, /^[-a]{0,2}$/, /^[a-]{1,1}$/, /^[\].]{1,4}$/]) {
    it(`accepts what ${re} accepts`, () => {
      const loop = loopOf(re);
      fc.assert(
        fc.property(near(re), (s) => loop(s) === re.test(s)),
        { numRuns: 3000 },
      );
    });
  }

  it('leaves any other regex to itself', () => {
    for (const re of [
      /^[é]{1,2}$/,
      /^[^a]{1,2}$/,
      /^[a-z]+$/,
      /^[a-z]{1,2}$/i,
      /[a-z]{1,2}/,
      /^[\d]{1,2}$/,
      /^[a-z]{1}$/,
    ])
      expect(classLoopOf(re, 'm')).toBeNull();
  });
});

describe('plan signature', () => {
  it('changes with the schema', () => {
    const a = z.looseObject({ id: z.string().regex(/^[a-z]{1,3}$/) });
    const b = z.looseObject({ id: z.string().regex(/^[a-z]{1,4}$/) });
    const c = z.looseObject({ id: z.string().regex(/^[a-z]{1,3}$/), name: z.string().default('') });
    const sigs = [a, b, c].map((s) => signatureOf(planOf(s)));
    expect(new Set(sigs).size).toBe(3);
    expect(signatureOf(planOf(DesignSchema))).toBe(signatureOf(planOf(DesignSchema)));
  });
});
