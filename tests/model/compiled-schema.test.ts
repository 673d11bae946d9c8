// The loader's fast path (the zod definition compiled into closures) must judge exactly as zod
// does: the same documents accepted, the same Design out (defaults filled), and for a refused
// document the same errors a zod-only load reports. Documents come from the share arbitraries
// (every optional field present or not), from the generator, and from mutating either anywhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkerFor, designChecker, REJECT } from '../../src/model/compiled-schema';
import { PLAN_SIGNATURE } from '../../src/model/design-check.generated';
import { generateDesign } from '../../src/model/generate';
import { jsonPath, loadDesign, loadDesignValue, parseJsonSafely } from '../../src/model/parse';
import { CURRENT_VERSION, DesignSchema, FORMAT } from '../../src/model/schema';
import { rawDesignArb } from '../share/arbitraries';

const fast = designChecker();

/** Every place in a document a mutation can reach: the path to a container and one of its keys. */
function slots(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (Array.isArray(value)) {
    out.push([...path, value.length]);
    value.forEach((v, i) => {
      out.push([...path, i]);
      slots(v, [...path, i], out);
    });
  } else if (typeof value === 'object' && value !== null) {
    out.push([...path, 'x-added']);
    for (const [k, v] of Object.entries(value)) {
      out.push([...path, k]);
      slots(v, [...path, k], out);
    }
  }
  return out;
}

const replacementArb = fc.oneof(
  fc.constant(undefined), // the key removed: a default or a required field goes missing
  fc.constantFrom(null, true, false, 0, -1, 1.5, 65536, 443, '', 'has space', 'constructor', 'x'),
  fc.constantFrom('tcp', 'Interface', 'Gateway', 'archive', 'nat', 'pending-acceptance', 'ec2-backup'),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom([], {}, [1], { x: 1, y: 2 }, { id: 'a' }, ['a']),
  fc.string({ maxLength: 70 }),
  fc.integer(),
);

interface Mutation {
  at: number;
  value: unknown;
}

function mutate(doc: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  const copy = structuredClone(doc);
  for (const { at, value } of mutations) {
    const all = slots(copy);
    const path = all[at % all.length]!;
    let parent: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = path[path.length - 1]!;
    if (value === undefined && !Array.isArray(parent)) delete parent[key];
    else parent[key] = structuredClone(value);
  }
  return copy;
}

const mutationsArb = fc.array(fc.record({ at: fc.nat(), value: replacementArb }), { maxLength: 3 });

function expectSameJudgement(doc: Record<string, unknown>) {
  const byZod = DesignSchema.safeParse(structuredClone(doc));
  const byClosures = fast(structuredClone(doc));
  expect(byClosures !== REJECT).toBe(byZod.success);
  if (byZod.success) expect(byClosures).toStrictEqual(byZod.data);
  else if (doc.format === FORMAT && doc.version === CURRENT_VERSION) {
    // The loader reports what zod alone reports, even after the fast path has filled some defaults.
    const loaded = loadDesignValue(structuredClone(doc));
    const zodErrors = byZod.error.issues.map((i) => jsonPath(i.path));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors.map((e) => e.path)).toEqual(zodErrors);
  }
}

describe('the compiled schema agrees with zod', () => {
  it('on designs with any mix of optional fields, defaults and unknown fields', () => {
    fc.assert(
      fc.property(rawDesignArb, (doc) => expectSameJudgement(doc)),
      { numRuns: 300 },
    );
  });

  it('on those designs mutated anywhere: removed, retyped, out-of-range and misspelled values', () => {
    fc.assert(
      fc.property(rawDesignArb, mutationsArb, (doc, mutations) =>
        expectSameJudgement(mutate(doc, mutations)),
      ),
      { numRuns: 600 },
    );
  });

  it('on generated designs, whole and mutated', () => {
    const designs = [3, 12, 40].map(
      (vpcs, seed) => JSON.parse(JSON.stringify(generateDesign({ vpcs, seed }))) as Record<string, unknown>,
    );
    for (const d of designs) expectSameJudgement(d);
    fc.assert(
      fc.property(fc.constantFrom(...designs), mutationsArb, (doc, mutations) =>
        expectSameJudgement(mutate(doc, mutations)),
      ),
      { numRuns: 200 },
    );
  });

  it('fills defaults with fresh values: two elements never share one default list', () => {
    const doc = { format: 'vbaws-network-design', version: 1, accounts: [{ id: 'a' }, { id: 'b' }] };
    const r = loadDesign(
      JSON.stringify({
        ...doc,
        accounts: [],
        vpcs: [
          { id: 'v1', account: 'a', region: 'r', cidr: '10.0.0.0/16' },
          { id: 'v2', account: 'a', region: 'r', cidr: '10.1.0.0/16' },
        ],
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.design.vpcs[0]!.subnets).toEqual([]);
    expect(r.design.vpcs[0]!.subnets).not.toBe(r.design.vpcs[1]!.subnets);
  });
});

describe('a generated checker that no longer fits the definition', () => {
  it('is not used: zod judges every design, with the same verdicts and defaults', () => {
    const stale = checkerFor(`${PLAN_SIGNATURE}-stale`);
    const fresh = checkerFor(PLAN_SIGNATURE);
    const good = JSON.parse(JSON.stringify(generateDesign({ vpcs: 3, seed: 7 }))) as Record<string, unknown>;
    const bad = { ...structuredClone(good), vpcs: [{ id: 'has space' }] };
    for (const doc of [good, bad]) {
      const byZod = DesignSchema.safeParse(structuredClone(doc));
      const out = stale(structuredClone(doc));
      expect(out !== REJECT).toBe(byZod.success);
      if (byZod.success) expect(out).toStrictEqual(byZod.data);
      expect(out === REJECT).toBe(fresh(structuredClone(doc)) === REJECT);
    }
    // The stale one is zod's own walk: it hands back a new object, the generated one fills in place.
    const doc = structuredClone(good);
    expect(stale(doc)).not.toBe(doc);
    const again = structuredClone(good);
    expect(fresh(again)).toBe(again);
  });
});

describe('parsing text without the reviver when no unsafe key can be in it', () => {
  const unsafeKeyArb = fc.constantFrom(
    '"__proto__"',
    '"constructor"',
    '"prototype"',
    '"\\u005f_proto__"',
    '"constr\\u0075ctor"',
  );

  it('drops __proto__, constructor and prototype at any depth, however the key is spelled', () => {
    fc.assert(
      fc.property(rawDesignArb, fc.nat(), unsafeKeyArb, (doc, at, key) => {
        const text = JSON.stringify(doc);
        // Any object of the document gets the key, spelled as given, holding {"polluted": true}.
        const objects = slots(doc).flatMap((path, i) => (path[path.length - 1] === 'x-added' ? [i] : []));
        const marked = mutate(doc, [{ at: objects[at % objects.length]!, value: 0 }]);
        const attacked = JSON.stringify(marked).replace('"x-added":0', `${key}:{"polluted":true}`);
        const parsed = parseJsonSafely(attacked);
        expect(JSON.stringify(parsed)).not.toContain('polluted');
        expect(parsed).toEqual(JSON.parse(text));
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});

describe('loading drops unsafe keys while it checks the document', () => {
  const unsafeKeyArb = fc.constantFrom('"__proto__"', '"constructor"', '"prototype"', '"\\u005f_proto__"');

  it('in any object, or nested in an unknown field, of a document it accepts or refuses', () => {
    fc.assert(
      fc.property(
        rawDesignArb,
        mutationsArb,
        fc.nat(),
        unsafeKeyArb,
        fc.boolean(),
        (doc, damage, at, key, nested) => {
          const damaged = mutate(doc, damage);
          const objects = slots(damaged).flatMap((path, i) =>
            path[path.length - 1] === 'x-added' ? [i] : [],
          );
          const slot = objects[at % objects.length]!;
          const marked = JSON.stringify(mutate(damaged, [{ at: slot, value: 0 }]));
          // The key itself where the walk meets it, or deep inside a field the schema does not know.
          const attacked = marked.replace(
            '"x-added":0',
            nested ? `"x-extra":{"a":[{${key}:{"polluted":true}}]}` : `${key}:{"polluted":true}`,
          );
          const clean = nested
            ? marked.replace('"x-added":0', '"x-extra":{"a":[{}]}')
            : // Without the key at all: the damage may already have put an "x-added" there.
              JSON.stringify(mutate(damaged, [{ at: slot, value: undefined }]));
          const loaded = loadDesign(attacked);
          expect(JSON.stringify(loaded)).not.toContain('polluted');
          expect(loaded).toEqual(loadDesign(clean));
          if (loaded.ok) expect(Object.getPrototypeOf(loaded.design)).toBe(Object.prototype);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});
