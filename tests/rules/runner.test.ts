// The runner, not the rule, names each finding's rule and severity (from meta), and hands each
// failed hop to the rule that judges it, whichever subset of rules a run asks for.
import { describe, expect, it } from 'vitest';
import { RULES, validate } from '../../src/rules/registry';
import { routeMissing } from '../../src/rules/routes';
import type { Rule } from '../../src/rules/types';
import { AWS } from '../../src/rules/sources';
import { edit, example, table } from './helpers';

const probe: Rule = {
  meta: {
    id: 'test/probe',
    severity: 'warning',
    title: 'A probe rule',
    explanation: 'Reports every VPC, to show what the runner adds to what a rule reports.',
    sources: [AWS.routeTables],
    fixable: false,
  },
  check: ({ design }) => design.vpcs.map((v) => ({ message: `VPC ${v.id}`, elements: [v.id] })),
};

describe('the rule runner', () => {
  it('stamps each report with the rule id and severity of its meta', () => {
    const found = validate(example(1), [probe]);
    expect(found.length).toBe(example(1).vpcs.length);
    for (const f of found) expect(f).toMatchObject({ rule: 'test/probe', severity: 'warning' });
    expect(Object.keys(found[0]!)).toEqual(['rule', 'severity', 'message', 'elements']);
  });

  it('runs a hop-judging rule alone: its findings name the flow, and no other rule reports', () => {
    const d = edit(example(1), (x) => (table(x, 'rt-worker').routes = []));
    const alone = validate(d, [routeMissing]);
    expect(alone.length).toBeGreaterThan(0);
    expect(new Set(alone.map((f) => f.rule))).toEqual(new Set(['route/missing']));
    expect(alone.every((f) => f.flow)).toBe(true);
    expect(alone).toEqual(validate(d, RULES).filter((f) => f.rule === 'route/missing'));
  });

  it('turns a rule that throws into an info finding of that rule', () => {
    const broken: Rule = {
      ...probe,
      check: () => {
        throw new Error('boom');
      },
    };
    expect(validate(example(1), [broken])).toEqual([
      expect.objectContaining({
        rule: 'test/probe',
        severity: 'info',
        message: expect.stringContaining('boom'),
      }),
    ]);
  });
});
