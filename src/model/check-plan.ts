// The zod definition (schema.ts) read as a plan for the load checker: each distinct schema node
// once, numbered in the order a walk from the root meets it, with what checking it takes. The
// generator (scripts/gen-design-check.ts) writes design-check.generated.ts from the plan, one plain
// function per node; at run time the same plan hands that code the definition's own regexes,
// predicates, defaults and zod checks. The plan's signature, written into the generated file, is
// compared at start-up: a schema changed without regenerating falls back to zod, never disagrees.
import { z } from 'zod';
import { checksOfSchema, isUnsafeKey } from './check-runtime';

type Schema = z.core.$ZodType;
type Check = z.core.$ZodCheck;

/** A check written into the generated code as an expression over `v`, with its run-time values. */
export type InlineCheck =
  | { test: 'pattern'; pattern: RegExp }
  | { test: 'fn'; fn: (value: unknown) => unknown }
  | { test: 'safeint' }
  | { test: 'min' | 'max'; value: number; inclusive: boolean }
  | { test: 'minLength' | 'maxLength'; value: number };

interface Base {
  schema: Schema;
}

export type PlanNode = Base &
  (
    | { kind: 'string' | 'number' | 'boolean'; inline: InlineCheck[]; zodChecks: boolean }
    | { kind: 'values'; values: readonly (string | number | boolean | null)[] }
    | { kind: 'unknown' }
    | { kind: 'object'; keys: string[]; fields: number[]; zodChecks: boolean }
    | { kind: 'array'; item: number; zodChecks: boolean }
    | { kind: 'record'; item: number; zodChecks: boolean }
    | { kind: 'optional'; inner: number; innerDefaulted: boolean }
    | { kind: 'default'; inner: number }
    | { kind: 'zod' }
  );

function inlineOf(check: Check, type: string): InlineCheck | null {
  const def = check._zod.def as z.core.$ZodCheckDef & {
    format?: string;
    pattern?: RegExp;
    type?: string;
    fn?: (value: unknown) => unknown;
    value?: unknown;
    inclusive?: boolean;
    minimum?: number;
    maximum?: number;
    when?: unknown;
  };
  if (def.check === 'string_format' && def.format === 'regex' && def.pattern instanceof RegExp) {
    if (def.when || def.pattern.global || def.pattern.sticky) return null;
    return { test: 'pattern', pattern: def.pattern };
  }
  // A refine whose function answers a Promise is left to zod, which owns async.
  if (def.check === 'custom' && def.type === 'custom' && typeof def.fn === 'function' && !def.when)
    return { test: 'fn', fn: def.fn };
  if (type === 'number' && def.check === 'number_format' && def.format === 'safeint' && !def.when)
    return { test: 'safeint' };
  if (type === 'number' && (def.check === 'greater_than' || def.check === 'less_than')) {
    if (typeof def.value !== 'number') return null;
    return {
      test: def.check === 'greater_than' ? 'min' : 'max',
      value: def.value,
      inclusive: !!def.inclusive,
    };
  }
  // Only strings reach these: zod's `when` asks whether the input has a length, which a string has.
  if (type === 'string' && def.check === 'min_length' && typeof def.minimum === 'number')
    return { test: 'minLength', value: def.minimum };
  if (type === 'string' && def.check === 'max_length' && typeof def.maximum === 'number')
    return { test: 'maxLength', value: def.maximum };
  return null;
}

/** Every node reachable from `root`, the root first; children are indices into the list. */
export function planOf(root: Schema): PlanNode[] {
  const nodes: PlanNode[] = [];
  const seen = new Map<Schema, number>();
  const visit = (schema: Schema): number => {
    const known = seen.get(schema);
    if (known !== undefined) return known;
    const at = nodes.length;
    seen.set(schema, at);
    nodes.push({ schema, kind: 'zod' });
    nodes[at] = nodeOf(schema, visit);
    return at;
  };
  visit(root);
  return nodes;
}

function nodeOf(schema: Schema, visit: (s: Schema) => number): PlanNode {
  const def = schema._zod.def;
  const checks = checksOfSchema(schema);
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean': {
      const inline = checks.map((c) => inlineOf(c, def.type));
      // Either every check is written inline, or zod runs them all (in their order).
      if (inline.every((c) => c !== null)) return { schema, kind: def.type, inline, zodChecks: false };
      return { schema, kind: def.type, inline: [], zodChecks: true };
    }
    case 'enum':
    case 'literal': {
      if (checks.length) return { schema, kind: 'zod' };
      const values = [...schema._zod.values!];
      if (values.some((v) => typeof v === 'bigint' || typeof v === 'symbol' || v === undefined))
        return { schema, kind: 'zod' };
      return { schema, kind: 'values', values: values as (string | number | boolean | null)[] };
    }
    case 'unknown':
    case 'any':
      return checks.length ? { schema, kind: 'zod' } : { schema, kind: 'unknown' };
    case 'object': {
      const o = def as z.core.$ZodObjectDef;
      const catchall = o.catchall?._zod.def.type;
      // Only loose objects keep unknown keys untouched; stripping or refusing them is zod's.
      if (catchall !== 'unknown' && catchall !== 'any') return { schema, kind: 'zod' };
      const keys = Object.keys(o.shape);
      // A field named like a prototype key is never written as a case of the generated code.
      if (keys.some(isUnsafeKey)) return { schema, kind: 'zod' };
      const fields = keys.map((k) => visit(o.shape[k]!));
      return { schema, kind: 'object', keys, fields, zodChecks: checks.length > 0 };
    }
    case 'array':
      return {
        schema,
        kind: 'array',
        item: visit((def as z.core.$ZodArrayDef).element),
        zodChecks: checks.length > 0,
      };
    case 'record': {
      const r = def as z.core.$ZodRecordDef;
      const keyDef = r.keyType._zod.def;
      if (keyDef.type !== 'string' || (keyDef.checks?.length ?? 0) > 0) return { schema, kind: 'zod' };
      return { schema, kind: 'record', item: visit(r.valueType), zodChecks: checks.length > 0 };
    }
    case 'optional': {
      if (checks.length) return { schema, kind: 'zod' };
      const inner = (def as z.core.$ZodOptionalDef).innerType;
      return {
        schema,
        kind: 'optional',
        inner: visit(inner),
        innerDefaulted: inner._zod.optin === 'defaulted',
      };
    }
    case 'default':
      if (checks.length) return { schema, kind: 'zod' };
      return { schema, kind: 'default', inner: visit((def as z.core.$ZodDefaultDef).innerType) };
    default:
      return { schema, kind: 'zod' };
  }
}

/**
 * The plan's shape as text: every node's kind, keys, children, inline checks and the constants the
 * generated code holds. Equal signatures mean the generated code fits the definition.
 */
export function signatureOf(nodes: readonly PlanNode[]): string {
  return nodes
    .map((n, i) => {
      const { schema: _schema, ...rest } = n;
      return `${i}:${JSON.stringify(rest, (_k, v: unknown) =>
        v instanceof RegExp ? `/${v.source}/${v.flags}` : typeof v === 'function' ? 'fn' : v,
      )}`;
    })
    .join('\n');
}
