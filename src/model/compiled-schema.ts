// The happy path of loading: the zod definition (schema.ts) compiled once into plain closures that
// check a freshly parsed JSON value and fill its defaults in place. zod itself builds a new object
// for every element and records issues as it goes, which is what a load paid for; here a valid
// document is walked once and allocates only its missing defaults. Anything the closures reject
// is handed to zod, which explains it with JSON paths (parse.ts), so zod stays the judge of every
// message and the one source of truth: the closures read its definitions (types, shapes, defaults)
// and run its own check objects (regex, int, refine, check). A schema construct not compiled here
// is delegated to zod for that subtree, so a schema change never makes this path disagree silently.
// No `new Function`: it runs under the app's Content-Security-Policy as it runs in Node.
// The walk also drops keys that could reach a prototype wherever it meets them, so a design's text
// is parsed by a plain JSON.parse instead of a reviver or a scan of the whole text (parse.ts).
import { z } from 'zod';

/** Keys that could reach an object's prototype; dropped on sight so no input can pollute objects. */
const isUnsafeKey = (key: string): boolean =>
  key === '__proto__' || key === 'constructor' || key === 'prototype';

/**
 * Drops those keys at any depth of a value: a field no closure looks into (an unknown field, an
 * `unknown` value, a subtree zod parses), or a whole document before zod explains a refusal. A loop
 * with its own stack, so no nesting is too deep for it.
 */
export function dropUnsafeKeys(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
      continue;
    }
    const o = v as Record<string, unknown>;
    for (const key in o) {
      if (isUnsafeKey(key)) delete o[key];
      else stack.push(o[key]);
    }
  }
}

/** Returned instead of a value when the input does not match; zod then explains why. */
export const REJECT: unique symbol = Symbol('reject');

/** Checks one value; returns the value to store (defaults filled in place) or REJECT. */
export type Checker = (value: unknown) => unknown;

type Schema = z.core.$ZodType;
type Check = z.core.$ZodCheck;

interface Payload {
  value: unknown;
  issues: z.core.$ZodRawIssue[];
}

// zod's checks report by pushing onto `issues`; one payload serves every call. A push means
// rejection, after which the caller asks zod, so the list is emptied only then.
const payload: Payload = { value: undefined, issues: [] };

/**
 * A check zod defines by a plain predicate, read from its definition: a regex (an id's pattern)
 * or a refine's function. zod runs both through an issue payload; calling them directly spares
 * that for every id of a design. Any other check runs as zod's own (below).
 */
type Plain = { pattern: RegExp; fn?: undefined } | { pattern?: undefined; fn: (value: unknown) => unknown };

function plainOf(check: Check): Plain | null {
  const def = check._zod.def as z.core.$ZodCheckDef & {
    format?: string;
    pattern?: RegExp;
    type?: string;
    fn?: (value: unknown) => unknown;
  };
  if (def.when) return null;
  const pattern = def.pattern;
  if (def.check === 'string_format' && def.format === 'regex' && pattern instanceof RegExp) {
    if (pattern.global || pattern.sticky) return null;
    return { pattern };
  }
  const fn = def.fn;
  // A refine whose function answers a Promise is refused here, so zod (which owns async) judges it.
  if (def.check === 'custom' && def.type === 'custom' && typeof fn === 'function') return { fn };
  return null;
}

/** The plain checks of a schema, or null when it has one zod must run itself. */
function plainChecksOf(schema: Schema): Plain[] | null {
  const plain = ((schema._zod.def.checks ?? []) as Check[]).map(plainOf);
  return plain.every((p) => p !== null) ? (plain as Plain[]) : null;
}

const test = (p: Plain, value: unknown): boolean =>
  p.pattern ? p.pattern.test(value as string) : p.fn(value) === true;

/**
 * A string with plain checks as one closure. Ids (a pattern, then a refine) are most of a
 * design's strings, so their two tests are written into it rather than called through others.
 */
function plainString(plain: readonly Plain[]): Checker {
  const [first, second] = plain;
  if (!first) return (v) => (typeof v === 'string' ? v : REJECT);
  if (plain.length === 1) {
    const { pattern, fn } = first;
    if (pattern) return (v) => (typeof v === 'string' && pattern.test(v) ? v : REJECT);
    return (v) => (typeof v === 'string' && fn!(v) === true ? v : REJECT);
  }
  if (plain.length === 2 && first.pattern && second!.fn) {
    const { pattern } = first;
    const { fn } = second!;
    return (v) => (typeof v === 'string' && pattern.test(v) && fn(v) === true ? v : REJECT);
  }
  return (v) => (typeof v === 'string' && plain.every((p) => test(p, v)) ? v : REJECT);
}

function checksOf(schema: Schema): ((value: unknown) => boolean) | null {
  const checks = (schema._zod.def.checks ?? []) as Check[];
  if (checks.length === 0) return null;
  const plain = plainChecksOf(schema);
  if (plain) {
    const [first, second] = plain;
    if (plain.length === 1) return (value) => test(first!, value);
    if (plain.length === 2) return (value) => test(first!, value) && test(second!, value);
    return (value) => plain.every((p) => test(p, value));
  }
  const runs = checks.map((check) => {
    const run = check._zod.check as (p: Payload) => unknown;
    const when = check._zod.def.when as ((p: Payload) => boolean) | undefined;
    return when
      ? (p: Payload) => {
          if (when(p)) run(p);
        }
      : run;
  });
  const failed = () => {
    payload.issues.length = 0;
    return false;
  };
  // Ids carry two checks (pattern, reserved names) and are most of a design's strings.
  if (runs.length <= 2) {
    const first = runs[0]!;
    const second = runs[1] ?? (() => undefined);
    return (value) => {
      payload.value = value;
      first(payload);
      if (payload.issues.length !== 0) return failed();
      second(payload);
      return payload.issues.length === 0 || failed();
    };
  }
  return (value) => {
    payload.value = value;
    for (let i = 0; i < runs.length; i++) {
      runs[i]!(payload);
      if (payload.issues.length !== 0) return failed();
    }
    return true;
  };
}

function withChecks(schema: Schema, base: Checker): Checker {
  const checks = checksOf(schema);
  if (!checks) return base;
  return (value) => {
    const out = base(value);
    return out === REJECT || checks(out) ? out : REJECT;
  };
}

/** A primitive's type test and its checks in one closure. */
function primitive(schema: Schema, accepts: (value: unknown) => boolean): Checker {
  const checks = checksOf(schema);
  if (!checks) return (v) => (accepts(v) ? v : REJECT);
  return (v) => (accepts(v) && checks(v) ? v : REJECT);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const delegated = new WeakSet<Checker>();

/** zod for the subtree, where this file has no closure for the construct (its checks included). */
function delegate(schema: Schema): Checker {
  const checker: Checker = (value) => {
    dropUnsafeKeys(value);
    const result = z.safeParse(schema, value);
    return result.success ? result.data : REJECT;
  };
  delegated.add(checker);
  return checker;
}

function compileObject(schema: Schema): Checker {
  const def = schema._zod.def as z.core.$ZodObjectDef;
  const catchall = def.catchall?._zod.def.type;
  // Only loose objects keep unknown keys untouched; stripping or refusing them needs zod.
  if (catchall !== 'unknown' && catchall !== 'any') return delegate(schema);
  const keys = Object.keys(def.shape);
  const fields = keys.map((key) => compile(def.shape[key]!));
  const slot = new Map(keys.map((key, i) => [key, i]));
  const count = keys.length;
  // The object's own keys are walked, not the shape's: for…in reads each value by its place, and
  // meets the unknown keys too. A key is looked for first where the shape's order puts it, as it
  // usually is. Which fields were met is a bit mask (a list for a shape of more than 31 fields).
  const wide = count > 31;
  return (value) => {
    if (!isObject(value)) return REJECT;
    let met = 0;
    const metList = wide ? new Uint8Array(count) : undefined;
    let next = 0;
    for (const key in value) {
      const i = keys[next] === key ? next : slot.get(key);
      if (i === undefined) {
        if (isUnsafeKey(key)) delete value[key];
        else dropUnsafeKeys(value[key]);
        continue;
      }
      next = i + 1;
      if (metList) metList[i] = 1;
      else met |= 1 << i;
      const current = value[key];
      const out = fields[i]!(current);
      if (out === REJECT) return REJECT;
      if (out !== current) value[key] = out;
    }
    // Fields not in the object: their defaults, in the shape's order (or a refusal if required).
    for (let i = 0; i < count; i++) {
      if (metList ? metList[i] === 1 : (met & (1 << i)) !== 0) continue;
      const out = fields[i]!(undefined);
      if (out === REJECT) return REJECT;
      if (out !== undefined) value[keys[i]!] = out;
    }
    return value;
  };
}

function compileArray(schema: Schema): Checker {
  const item = compile((schema._zod.def as z.core.$ZodArrayDef).element);
  return (value) => {
    if (!Array.isArray(value)) return REJECT;
    for (let i = 0; i < value.length; i++) {
      const current: unknown = value[i];
      const out = item(current);
      if (out === REJECT) return REJECT;
      if (out !== current) value[i] = out;
    }
    return value;
  };
}

function compileRecord(schema: Schema): Checker {
  const def = schema._zod.def as z.core.$ZodRecordDef;
  const keyDef = def.keyType._zod.def;
  if (keyDef.type !== 'string' || (keyDef.checks?.length ?? 0) > 0) return delegate(schema);
  const item = compile(def.valueType);
  return (value) => {
    if (!z.core.util.isPlainObject(value)) return REJECT;
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      if (isUnsafeKey(key)) {
        delete record[key];
        continue;
      }
      const current = record[key];
      const out = item(current);
      if (out === REJECT) return REJECT;
      if (out !== current) record[key] = out;
    }
    return value;
  };
}

function compileBase(schema: Schema): Checker {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string': {
      const plain = plainChecksOf(schema);
      return plain ? plainString(plain) : primitive(schema, (v) => typeof v === 'string');
    }
    case 'number':
      return primitive(schema, (v) => typeof v === 'number' && Number.isFinite(v));
    case 'boolean':
      return primitive(schema, (v) => typeof v === 'boolean');
    case 'enum':
    case 'literal': {
      const values = schema._zod.values!;
      return primitive(schema, (v) => values.has(v as z.core.util.Primitive));
    }
    case 'unknown':
    case 'any':
      return (v) => {
        dropUnsafeKeys(v);
        return v;
      };
    case 'object':
      return compileObject(schema);
    case 'array':
      return compileArray(schema);
    case 'record':
      return compileRecord(schema);
    case 'optional': {
      const inner = (def as z.core.$ZodOptionalDef).innerType;
      const check = compile(inner);
      // An optional around a default still fills the default, as zod does.
      if (inner._zod.optin === 'defaulted') return check;
      return (v) => (v === undefined ? v : check(v));
    }
    case 'default': {
      const d = def as z.core.$ZodDefaultDef;
      const check = compile(d.innerType);
      return (v) => {
        // Reading defaultValue gives a fresh copy each time ([] is never shared between elements).
        if (v === undefined) return d.defaultValue;
        const out = check(v);
        return out === undefined ? d.defaultValue : out;
      };
    }
    default:
      return delegate(schema);
  }
}

const PRIMITIVES = new Set(['string', 'number', 'boolean', 'enum', 'literal']);

function compile(schema: Schema): Checker {
  const base = compileBase(schema);
  if (delegated.has(base) || PRIMITIVES.has(schema._zod.def.type)) return base;
  return withChecks(schema, base);
}

const compiled = new WeakMap<Schema, Checker>();

/** The checker for a schema, compiled on first use. */
export function compiledChecker(schema: Schema): Checker {
  let checker = compiled.get(schema);
  if (!checker) {
    checker = compile(schema);
    compiled.set(schema, checker);
  }
  return checker;
}
