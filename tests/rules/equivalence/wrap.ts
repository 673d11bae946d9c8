// TEMPORARY (removed when the rules refactor lands): run with vitest.equivalence.config.ts, every
// validate()/analyze() any test makes also runs the frozen old rules and must agree with them.
import { appendFileSync } from 'node:fs';
import { afterAll, vi } from 'vitest';

const seen = { designs: 0, rules: new Set<string>() };

vi.mock('../../../src/rules/registry', async (importOriginal) => {
  const now = await importOriginal<typeof import('../../../src/rules/registry')>();
  const old = await import('./old-rules/registry');
  const same = (a: unknown, b: unknown, what: string) => {
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    if (x !== y) throw new Error(`equivalence: ${what} differs\nnew: ${x}\nold: ${y}`);
  };
  return {
    ...now,
    validate: (d: Parameters<typeof now.validate>[0], rules?: Parameters<typeof now.validate>[1]) => {
      const r = now.validate(d, rules);
      if (!rules) {
        same(r, old.validate(d), 'validate');
        seen.designs++;
        for (const f of r) seen.rules.add(f.rule);
      }
      return r;
    },
    analyze: (d: Parameters<typeof now.analyze>[0], rules?: Parameters<typeof now.analyze>[1]) => {
      const r = now.analyze(d, rules);
      if (!rules) {
        same(r.findings, old.analyze(d).findings, 'analyze');
        seen.designs++;
        for (const f of r.findings) seen.rules.add(f.rule);
      }
      return r;
    },
  };
});

afterAll(() => {
  appendFileSync('.tmp/equivalence.log', `${seen.designs} ${[...seen.rules].join(' ')}\n`);
});
