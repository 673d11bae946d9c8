// The validation worker receives each design as its JSON text (src/app/design-text.ts). What it
// judges must be what the page holds: the same findings and flows, also for a design that an edit
// left with optional fields set to undefined (JSON drops those keys; a structured clone kept them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designOfText, designText } from '../../src/app/design-text';
import { generateDesign } from '../../src/model/generate';
import { loadDesign } from '../../src/model/parse';
import type { Design } from '../../src/model/schema';
import { analyze } from '../../src/rules/registry';

const examples = ['example-1-ec2-backup.json', 'example-2-ec2-archive.json', 'example-3-tgw-hub.json'];

function example(file: string): Design {
  const loaded = loadDesign(readFileSync(join(import.meta.dirname, '../../examples', file), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.design;
}

/** What a user sees of an analysis: every finding and every flow with its traces. */
const judged = (design: Design) => JSON.stringify(analyze(design));

/** Breaks a design the way edits do: a group removed from endpoints, optional fields left undefined. */
function edited(design: Design): Design {
  const copy = structuredClone(design);
  for (const vpc of copy.vpcs) {
    for (const s of vpc.subnets) s.routeTable = undefined;
    for (const e of vpc.endpoints.slice(0, 1)) e.securityGroups = [];
  }
  copy.backupAccount = undefined;
  return copy;
}

describe('a design handed to the validation worker as text', () => {
  it.each(examples)('%s is judged the same, as loaded and after edits', (file) => {
    for (const design of [example(file), edited(example(file))]) {
      const findings = judged(design);
      expect(judged(designOfText(designText(design)))).toBe(findings);
    }
  });

  it('a generated design with planted faults is judged the same', () => {
    const design = edited(generateDesign({ vpcs: 60, seed: 5, regions: 3 }));
    const before = analyze(design);
    expect(before.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    expect(judged(designOfText(designText(design)))).toBe(JSON.stringify(before));
  });
});
