// Test fixtures: the example designs, loaded exactly as the app loads them.
import { readFileSync } from 'node:fs';
import { loadDesign } from '../../src/model/parse';
import type { Design } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';
import type { Finding } from '../../src/rules/types';

const root = new URL('../..', import.meta.url).pathname;

const EXAMPLE_FILES = {
  1: 'examples/example-1-ec2-backup.json',
  2: 'examples/example-2-ec2-archive.json',
  3: 'examples/example-3-tgw-hub.json',
} as const;

export function example(n: 1 | 2 | 3): Design {
  const file = EXAMPLE_FILES[n];
  const r = loadDesign(readFileSync(root + file, 'utf8'));
  if (!r.ok) throw new Error(`${file} does not load: ${JSON.stringify(r.errors)}`);
  return r.design;
}

/** A deep copy changed by `change` (designs are immutable elsewhere; tests edit copies). */
export function edit(design: Design, change: (d: Design) => void): Design {
  const copy = structuredClone(design);
  change(copy);
  return copy;
}

export const vpc = (d: Design, id: string) => d.vpcs.find((v) => v.id === id)!;
export const table = (d: Design, id: string) =>
  d.vpcs.flatMap((v) => v.routeTables).find((t) => t.id === id)!;
export const group = (d: Design, id: string) =>
  d.vpcs.flatMap((v) => v.securityGroups).find((g) => g.id === id)!;
export const endpoint = (d: Design, id: string) =>
  d.vpcs.flatMap((v) => v.endpoints).find((e) => e.id === id)!;

export function serious(design: Design): Finding[] {
  return validate(design).filter((f) => f.severity !== 'info');
}

export function withRule(design: Design, rule: string): Finding[] {
  return validate(design).filter((f) => f.rule === rule);
}
