// Half-drawn designs: any field removed, any reference dangling, any CIDR garbled — validation
// and analysis never throw, and no rule gives up (a rule that throws surfaces as an info finding
// saying it could not judge the design).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDesignValue } from '../../src/model/parse';
import type { Design } from '../../src/model/schema';
import { fixAll } from '../../src/rules/fix';
import { analyze } from '../../src/rules/registry';
import { example } from './helpers';

type Json = Record<string, unknown> | unknown[];

/** Every object or array inside a JSON value, with its parent, for random damage. */
function containers(value: unknown, out: Json[] = []): Json[] {
  if (value && typeof value === 'object') {
    out.push(value as Json);
    for (const v of Object.values(value)) containers(v, out);
  }
  return out;
}

const DAMAGE = ['drop', 'dangle', 'garble-cidr', 'empty'] as const;

function damage(base: Design, picks: [number, number, (typeof DAMAGE)[number]][]): Design | undefined {
  const raw = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  for (const [i, j, kind] of picks) {
    const all = containers(raw).slice(1);
    const target = all[i % all.length]!;
    const keys = Array.isArray(target) ? target.map((_, k) => k) : Object.keys(target);
    if (!keys.length) continue;
    const key = keys[j % keys.length]!;
    const rec = target as Record<string | number, unknown>;
    if (kind === 'drop') {
      if (Array.isArray(target)) target.splice(key as number, 1);
      else delete rec[key];
    } else if (kind === 'dangle' && typeof rec[key] === 'string') rec[key] = 'no-such-id';
    else if (kind === 'garble-cidr' && typeof rec[key] === 'string') rec[key] = '10.0.0.300/33';
    else if (kind === 'empty' && Array.isArray(rec[key])) rec[key] = [];
  }
  const r = loadDesignValue(raw);
  return r.ok ? r.design : undefined;
}

describe('half-drawn designs', () => {
  it.each([1, 2] as const)('example %i with random damage never makes a rule throw', (n) => {
    const base = example(n);
    let judged = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...DAMAGE)), { minLength: 1, maxLength: 4 }),
        (picks) => {
          const d = damage(base, picks);
          if (!d) return;
          judged++;
          const { findings, flows } = analyze(d);
          expect(findings.filter((f) => f.message.includes('could not judge'))).toEqual([]);
          for (const f of flows) for (const t of f.traces) expect(Array.isArray(t.trace.hops)).toBe(true);
          fixAll(d);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
    expect(judged).toBeGreaterThan(100);
  });
});
