// A small RuleTester (in the manner of ESLint's): each case is a design, or a change to a base
// design (Example 1 unless told), on which one rule fires or stays silent. Every case becomes one
// vitest test named after the rule, so a family file reads as the rule's behaviour.
// tests/rules/catalog.test.ts checks that every rule of the registry has both kinds of case.
import { expect, it } from 'vitest';
import { applyCommands } from '../../src/model/command';
import type { Design } from '../../src/model/schema';
import { ruleMeta, validate } from '../../src/rules/registry';
import type { Finding, Severity } from '../../src/rules/types';
import { edit, example } from './helpers';

/** A whole design, or a change made to a copy of the tester's base design. */
export type Case = Design | ((d: Design) => void);

export interface FiresExpectation {
  /** Ids that the rule's findings name, between them. */
  elements?: string[];
  /** Words some finding's message holds. */
  message?: string | RegExp;
  /** Words the first finding's `flow` holds. */
  flow?: string | RegExp;
  /** How many findings the rule gives. */
  count?: number;
  /** Every finding's severity (the meta's, unless a test says otherwise). */
  severity?: Severity;
  /** Fields of the first finding's first fix command; `false` when it must carry no fix. */
  fix?: Record<string, unknown> | false;
  /** Applying the first finding's fix makes that finding go away. */
  fixed?: boolean;
  /** Anything else to check: the rule's findings and all findings of the design. */
  also?: (found: Finding[], all: Finding[]) => void;
}

export interface RuleTester {
  fires(name: string, design: Case, expected?: FiresExpectation): RuleTester;
  silent(name: string, design: Case): RuleTester;
}

export function ruleTester(rule: string, options: { base?: () => Design } = {}): RuleTester {
  const meta = ruleMeta(rule);
  if (!meta) throw new Error(`ruleTester: no rule ${rule} in the registry`);
  const base = options.base ?? (() => example(1));
  const designOf = (c: Case) => (typeof c === 'function' ? edit(base(), c) : c);
  const tester: RuleTester = {
    fires(name, design, expected = {}) {
      it(`${rule} fires: ${name}`, () => {
        const d = designOf(design);
        const all = validate(d);
        const found = all.filter((f) => f.rule === rule);
        expect(
          found.length,
          `${rule} should fire; got ${JSON.stringify(all.map((f) => f.rule))}`,
        ).toBeGreaterThan(0);
        const named = found.flatMap((f) => f.elements);
        for (const e of expected.elements ?? []) expect(named).toContain(e);
        if (expected.message !== undefined) {
          const m = expected.message;
          const hit = found.some((f) => (typeof m === 'string' ? f.message.includes(m) : m.test(f.message)));
          expect(
            hit,
            `no ${rule} message holds ${String(m)}: ${found.map((f) => f.message).join(' | ')}`,
          ).toBe(true);
        }
        if (expected.flow !== undefined) expect(found[0]!.flow ?? '').toMatch(expected.flow);
        if (expected.count !== undefined) expect(found).toHaveLength(expected.count);
        for (const f of found) expect(f.severity).toBe(expected.severity ?? meta.severity);
        if (expected.fix === false) expect(found[0]!.fix).toBeUndefined();
        else if (expected.fix) expect(found[0]!.fix?.commands[0]).toMatchObject(expected.fix);
        if (expected.fixed) {
          const first = found[0]!;
          expect(first.fix, `${rule} should carry a fix`).toBeDefined();
          const after = validate(applyCommands(d, first.fix!.commands));
          expect(after.filter((f) => f.rule === rule && f.message === first.message)).toEqual([]);
        }
        expected.also?.(found, all);
      });
      return tester;
    },
    silent(name, design) {
      it(`${rule} is silent: ${name}`, () => {
        expect(validate(designOf(design)).filter((f) => f.rule === rule)).toEqual([]);
      });
      return tester;
    },
  };
  return tester;
}
