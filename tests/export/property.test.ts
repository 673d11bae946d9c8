// Property: whatever names and ids a user gives (any Unicode, any id the format allows), both exports
// stay well-formed and carry the names back exactly. A few samples also go through `terraform fmt`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportCloudFormation, exportTerraform, exportZip } from '../../src/export/index';
import { terraformLabel } from '../../src/export/labels';
import { tagValue } from '../../src/export/text';
import type { Design } from '../../src/model/schema';
import { unzipSync, strFromU8 } from 'fflate';
import { HOSTILE_NAMES, loadExample } from './fixtures/designs';
import { cfnText } from './cfn-decode';
import { nameTags } from './hcl-decode';
import { exec, terraformSandbox, toolOrSkip } from './tools';

const idArb = fc.stringMatching(/^[A-Za-z0-9._:-]{1,64}$/);
const nameArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HOSTILE_NAMES),
);

/** Example 1 with every id replaced by a random distinct one and the VPC, group and design names random. */
function variant(ids: string[], names: string[]): Design {
  const design = loadExample('example-1-ec2-backup.json');
  const old = [
    ...design.accounts.map((a) => a.id),
    ...design.vpcs.flatMap((v) => [
      v.id,
      ...v.subnets.map((s) => s.id),
      ...v.routeTables.map((t) => t.id),
      ...v.securityGroups.map((g) => g.id),
      ...v.endpoints.map((e) => e.id),
    ]),
    ...design.peerings.map((p) => p.id),
  ];
  const map = new Map(old.map((id, i) => [id, ids[i % ids.length]! + (i >= ids.length ? `.${i}` : '')]));
  const text = JSON.stringify(design, (key, value: unknown) =>
    typeof value === 'string' && key !== 'name' && key !== 'description' && map.has(value)
      ? map.get(value)
      : value,
  );
  const renamed = JSON.parse(text) as Design;
  let n = 0;
  const next = () => names[n++ % names.length]!;
  renamed.name = next();
  for (const v of renamed.vpcs) {
    v.name = next();
    for (const g of v.securityGroups) g.name = next();
    for (const s of v.subnets) s.name = next();
  }
  return renamed;
}

const designArb = fc
  .tuple(
    fc.uniqueArray(idArb, { minLength: 30, maxLength: 30 }),
    fc.array(nameArb, { minLength: 1, maxLength: 12 }),
  )
  .map(([ids, names]) => variant(ids, names));

describe('export property: random names and ids', () => {
  it('Terraform labels are valid identifiers and never collide', () => {
    fc.assert(
      fc.property(fc.uniqueArray(idArb, { maxLength: 50 }), (ids) => {
        const labels = ids.map(terraformLabel);
        for (const l of labels) expect(l).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(new Set(labels).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });

  it('Terraform: every name comes back exactly from its Name tag; CloudFormation: from its YAML', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const tf = exportTerraform(design, []);
        const tags = tf.flatMap((f) => nameTags(f.content));
        const cf = exportCloudFormation(design, []);
        const values: string[] = [];
        for (const f of cf.filter((x) => x.language === 'yaml')) {
          const doc = parse(f.content, { version: '1.1' }) as {
            Resources: Record<string, { Properties: { Tags?: { Value: unknown }[] } }>;
          };
          expect(parse(f.content, { version: '1.2' })).toEqual(doc);
          for (const r of Object.values(doc.Resources))
            values.push(...(r.Properties.Tags ?? []).map((t) => cfnText(t.Value)));
        }
        for (const v of design.vpcs) {
          for (const name of [
            v.name || v.id,
            ...v.securityGroups.map((g) => g.name || g.id),
            ...v.subnets.map((s) => s.name || s.id),
          ]) {
            expect(tags).toContain(tagValue(name));
            expect(values).toContain(tagValue(name));
          }
        }
        // Resource labels stay unique per type, whatever the ids.
        const heads = tf.flatMap((f) => f.content.match(/^resource "\w+" "\w+"/gm) ?? []);
        expect(new Set(heads).size).toBe(heads.length);
      }),
      { numRuns: 60 },
    );
  });

  it('the zip holds every file byte for byte', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const files = exportTerraform(design, []);
        const unzipped = unzipSync(exportZip(files));
        expect(Object.keys(unzipped).sort()).toEqual(files.map((f) => f.path).sort());
        for (const f of files) expect(strFromU8(unzipped[f.path]!)).toBe(f.content);
      }),
      { numRuns: 10 },
    );
  });

  const hasTerraform = toolOrSkip('terraform');
  it.runIf(hasTerraform)('terraform fmt finds nothing to change in random samples', async () => {
    const { root, env } = terraformSandbox();
    const samples = fc.sample(designArb, { numRuns: 8, seed: 42 });
    samples.forEach((design, i) => {
      const dir = join(root, `sample-${i}`);
      mkdirSync(dir);
      for (const f of exportTerraform(design, [])) writeFileSync(join(dir, f.path), f.content);
    });
    const result = await exec('terraform', ['fmt', '-check', '-diff', '-recursive', root], { env });
    rmSync(root, { recursive: true, force: true });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.code).toBe(0);
  });
});
