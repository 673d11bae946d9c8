// The kind descriptors (src/model/kinds) against the schema they describe, and deletion driven by
// them: a reference field added to the schema but not to a descriptor would be skipped by the
// index, deletion and the invalid-reference rule alike, so these tables must stay complete.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { applyCommands } from '../../src/model/command';
import { deleteElements, deletion } from '../../src/model/commands/element';
import { DESIGN_REFERENCES, KINDS, type ElementKind, type Reference } from '../../src/model/kinds';
import {
  AccountSchema,
  DesignSchema,
  TransitGatewaySchema,
  VpcSchema,
  type Design,
} from '../../src/model/schema';
import { validate } from '../../src/rules/registry';
import { edit, example } from '../rules/helpers';

type Schema = z.ZodType & { def: { type: string; innerType?: Schema; element?: Schema } };
const ID = AccountSchema.shape.id as unknown as Schema;

function unwrap(s: Schema): Schema {
  while (s.def.type === 'optional' || s.def.type === 'default') s = s.def.innerType!;
  return s;
}
const shapeOf = (s: Schema) => (s as unknown as { shape: Record<string, Schema> }).shape;
const isElement = (s: Schema) => s.def.type === 'object' && 'id' in shapeOf(s);

/** Reference fields of an object schema, as "field", "field[]" (id list) or "list[].field". */
function schemaReferences(object: Schema): string[] {
  const out: string[] = [];
  for (const [key, field] of Object.entries(shapeOf(object))) {
    if (key === 'id') continue;
    const s = unwrap(field);
    if (s === ID) out.push(key);
    else if (s.def.type === 'array') {
      const item = unwrap(s.def.element!);
      if (item === ID) out.push(`${key}[]`);
      else if (item.def.type === 'object' && !isElement(item))
        out.push(...schemaReferences(item).map((r) => `${key}[].${r}`));
    }
  }
  return out.sort();
}

function descriptorReferences(refs: readonly Reference<never>[]): string[] {
  return refs
    .flatMap((r) => (r.items ? r.items.map((l) => `${l}[].${r.field}`) : [r.many ? `${r.field}[]` : r.field]))
    .sort();
}

/** Element schemas by where they live: "accounts", "appliance", "vpc.subnets", … */
function elementPlaces(): Map<string, Schema> {
  const places = new Map<string, Schema>();
  for (const [prefix, parent] of [
    ['', DesignSchema],
    ['vpc.', VpcSchema],
    ['transitGateway.', TransitGatewaySchema],
  ] as const)
    for (const [key, field] of Object.entries(shapeOf(parent as unknown as Schema))) {
      const s = unwrap(field);
      if (isElement(s)) places.set(prefix + key, s);
      else if (s.def.type === 'array' && isElement(unwrap(s.def.element!)))
        places.set(prefix + key, unwrap(s.def.element!));
    }
  return places;
}

const placeName = (kind: ElementKind) => {
  const p = KINDS[kind].place;
  return 'single' in p ? p.single : p.in === 'design' ? p.list : `${p.in}.${p.list}`;
};

describe('kind descriptors cover the schema', () => {
  const places = elementPlaces();

  it('every list or slot of elements in the design and its VPCs has exactly one kind', () => {
    const described = Object.values(KINDS).map((k) => placeName(k.kind));
    expect(described.sort()).toEqual([...places.keys()].sort());
  });

  it.each(Object.keys(KINDS) as ElementKind[])('%s declares every reference field its schema has', (kind) => {
    const schema = places.get(placeName(kind))!;
    expect(descriptorReferences(KINDS[kind].references as never)).toEqual(schemaReferences(schema));
  });

  it('the design itself declares its reference fields', () => {
    expect(descriptorReferences(DESIGN_REFERENCES as never)).toEqual(
      schemaReferences(DesignSchema as unknown as Schema),
    );
  });
});

/**
 * Both examples, plus an RDS operation (it names a VPC), a gateway endpoint (it names route tables)
 * and a rule admitting another group.
 */
function designs(): Design[] {
  const rich = edit(example(1), (d) => {
    d.operations.push({
      id: 'op-rds',
      kind: 'rds-backup',
      account: d.accounts[0]!.id,
      region: d.vpcs[0]!.region,
      vpc: d.vpcs[0]!.id,
      repository: d.repositories[0]!.id,
      workersIn: 'backup-account',
      restoreToOriginal: false,
    });
    const v = d.vpcs[0]!;
    v.endpoints.push({
      id: 'vpce-gw',
      service: 's3',
      type: 'Gateway',
      subnets: [],
      securityGroups: [],
      routeTables: [v.routeTables[0]!.id],
      privateDns: false,
    });
    const [a, b] = d.vpcs.find((x) => x.securityGroups.length > 1)!.securityGroups;
    a!.ingress.push({ protocol: 'tcp', fromPort: 443, toPort: 443, securityGroup: b!.id });
  });
  return [rich, example(2), example(3)];
}

interface Holder {
  design: Design;
  kind: ElementKind;
  element: Record<string, unknown> & { id: string };
}

function holders(design: Design): Holder[] {
  const out: Holder[] = [];
  const add = (kind: ElementKind, list: readonly unknown[]) =>
    list.forEach((element) => out.push({ design, kind, element: element as Holder['element'] }));
  for (const k of Object.values(KINDS)) {
    const p = k.place;
    if (p.in === 'vpc') design.vpcs.forEach((v) => add(k.kind, v[p.list]));
    else if (p.in === 'transitGateway') design.transitGateways.forEach((t) => add(k.kind, t[p.list]));
    else if ('single' in p) add(k.kind, design[p.single] ? [design[p.single]] : []);
    else add(k.kind, design[p.list]);
  }
  return out;
}

/** The ids a holder names through one reference. */
function named(element: Holder['element'], ref: Reference<never>): string[] {
  if (ref.items)
    return ref.items.flatMap((l) =>
      (element[l] as Record<string, unknown>[]).flatMap((item) =>
        typeof item[ref.field] === 'string' ? [item[ref.field] as string] : [],
      ),
    );
  const value = element[ref.field];
  return ref.many ? ((value as string[] | undefined) ?? []) : typeof value === 'string' ? [value] : [];
}

function find(design: Design, id: string): Holder['element'] | undefined {
  return holders(design).find((h) => h.element.id === id)?.element;
}

describe('deleting a referenced element does what the reference declares', () => {
  const cases = (Object.keys(KINDS) as ElementKind[]).flatMap((kind) =>
    KINDS[kind].references.map((ref) => ({ kind, ref: ref as Reference<never> })),
  );

  it.each(
    cases.map(
      (c) => [`${c.kind}.${c.ref.items ? `${c.ref.items.join('|')}[].` : ''}${c.ref.field}`, c] as const,
    ),
  )('%s', (_name, { kind, ref }) => {
    const holder = designs()
      .flatMap(holders)
      .find((h) => h.kind === kind && named(h.element, ref).length > 0);
    expect(holder, 'an example element holding this reference').toBeDefined();
    const { design, element } = holder!;
    const target = named(element, ref)[0]!;
    const plan = deletion(design, [target]);
    const after = find(plan.design, element.id);
    expect(find(plan.design, target)).toBeUndefined();
    if (ref.onDelete === 'cascade') {
      expect(after).toBeUndefined();
    } else {
      // Unless something else it needs went too (its VPC, say), the holder stays without the id.
      if (after === undefined) return;
      expect(named(after, ref)).not.toContain(target);
      if (ref.onDelete === 'clear') expect(after[ref.field]).toBeUndefined();
      expect(plan.cleared.length).toBeGreaterThan(0);
    }
  });

  it('every kind of element can be deleted from the examples without a dangling reference', () => {
    for (const design of designs())
      for (const { element } of holders(design)) {
        const after = applyCommands(design, [deleteElements({ ids: [element.id] })]);
        const broken = validate(after).filter((f) => f.rule === 'design/invalid-reference');
        expect(broken, `after deleting ${element.id}`).toEqual([]);
      }
  });

  it('the backup account, once deleted, falls back to the appliance account', () => {
    const d = edit(example(1), (x) => (x.backupAccount = x.accounts[1]!.id));
    const plan = deletion(d, [d.accounts[1]!.id]);
    expect(plan.design.backupAccount).toBeUndefined();
    expect(plan.cleared).toContain('the backup account falls back to the appliance account');
  });
});
