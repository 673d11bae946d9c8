// TEMPORARY (removed when the rules refactor lands): the rules as they were before the refactor
// (old-rules/, a frozen copy) and the rules now must give the same findings, in the same order,
// with the same ids, severities, messages, elements, flows and fixes, on many designs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../../src/model/generate';
import type { Design } from '../../../src/model/schema';
import { RULES, validate } from '../../../src/rules/registry';
import { edit, example } from '../helpers';
import { mutate, mutation, tgwMutation, type Mutation } from './mutate';
import { validate as oldValidate } from './old-rules/registry';

const totals = { designs: 0, findings: 0, withFix: 0, withFlow: 0, rules: new Set<string>() };

function compare(d: Design, label: string): void {
  const now = validate(d);
  const before = oldValidate(d);
  totals.designs++;
  totals.findings += before.length;
  for (const f of before) {
    totals.rules.add(f.rule);
    if (f.fix) totals.withFix++;
    if (f.flow) totals.withFlow++;
  }
  const a = JSON.stringify(now);
  const b = JSON.stringify(before);
  if (a === b) return;
  // Report the sorted difference so the cause is readable.
  const sorted = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
  const n = sorted(now);
  const o = sorted(before);
  expect({ label, extra: n.filter((x) => !o.includes(x)), missing: o.filter((x) => !n.includes(x)) }).toEqual(
    {
      label,
      extra: [],
      missing: [],
    },
  );
  expect(now, `${label}: same findings, different order`).toEqual(before);
}

function mutated(base: Design, runs: number, seed: number, ops: fc.Arbitrary<Mutation>, label: string) {
  const lists = fc.sample(fc.array(ops, { minLength: 1, maxLength: 4 }), { numRuns: runs, seed });
  for (const mutations of lists)
    compare(
      edit(base, (x) => mutations.forEach((m) => mutate(x, m))),
      `${label} ${JSON.stringify(mutations)}`,
    );
}

describe('old and new rules give the same findings', () => {
  it('on the three examples', () => {
    for (const n of [1, 2, 3] as const) compare(example(n), `example ${n}`);
  });
  it('on 2,500 mutations of example 1', () => mutated(example(1), 2500, 11, mutation, 'e1'));
  it('on 2,500 mutations of example 2', () => mutated(example(2), 2500, 22, mutation, 'e2'));
  it('on 3,000 mutations of example 3 (TGW)', () => mutated(example(3), 3000, 33, tgwMutation, 'e3'));
  it('on generated designs, plain and mutated', () => {
    for (const vpcs of [3, 10, 40, 200])
      compare(generateDesign({ vpcs, seed: vpcs, regions: 3 }), `gen ${vpcs}`);
    for (let seed = 0; seed < 60; seed++)
      mutated(
        generateDesign({ vpcs: 4 + (seed % 4), seed, regions: 2 }),
        20,
        seed,
        mutation,
        `gen seed ${seed}`,
      );
  });
  it('compared enough to mean something', () => {
    console.log(
      `equivalence: ${totals.designs} designs, ${totals.findings} findings (${totals.withFlow} naming a flow, ${totals.withFix} with a fix), ${totals.rules.size} rule ids seen`,
    );
    console.log(
      'unseen',
      RULES.map((r) => r.meta.id)
        .filter((id) => !totals.rules.has(id))
        .join(' '),
    );
    expect(totals.designs).toBeGreaterThan(9000);
  });
});
