// What the generated load checker (design-check.generated.ts) calls besides its own code: the
// refusal marker, the guard against prototype keys, and zod for checks and constructs the plan
// leaves to it (check-plan.ts).
import { z } from 'zod';

/** Returned instead of a value when the input does not match; zod then explains why. */
export const REJECT: unique symbol = Symbol('reject');

/** Checks one value; returns the value to store (defaults filled in place) or REJECT. */
export type Checker = (value: unknown) => unknown;

/** Keys that could reach an object's prototype; dropped on sight so no input can pollute objects. */
export const isUnsafeKey = (key: string): boolean =>
  key === '__proto__' || key === 'constructor' || key === 'prototype';

/**
 * Drops those keys at any depth of a value: a field no check looks into (an unknown field, an
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

export const isPlainObject = (value: unknown): boolean => z.core.util.isPlainObject(value);

type Schema = z.core.$ZodType;
type Check = z.core.$ZodCheck;
interface Payload {
  value: unknown;
  issues: z.core.$ZodRawIssue[];
}

// zod's checks report by pushing onto `issues`; one payload serves every call. A push means
// rejection, after which the caller asks zod, so the list is emptied only then.
const payload: Payload = { value: undefined, issues: [] };

/** A schema's own checks, in zod's order. */
export const checksOfSchema = (schema: Schema): Check[] => (schema._zod.def.checks ?? []) as Check[];

/** A schema's own checks run as zod runs them, as one predicate. */
export function zodChecks(schema: Schema): (value: unknown) => boolean {
  const runs = checksOfSchema(schema).map((check) => {
    const run = check._zod.check as (p: Payload) => unknown;
    const when = check._zod.def.when as ((p: Payload) => boolean) | undefined;
    return when
      ? (p: Payload) => {
          if (when(p)) run(p);
        }
      : run;
  });
  return (value) => {
    payload.value = value;
    for (let i = 0; i < runs.length; i++) {
      runs[i]!(payload);
      if (payload.issues.length !== 0) {
        payload.issues.length = 0;
        return false;
      }
    }
    return true;
  };
}

/** zod for a whole subtree, where the plan has no code of its own for the construct. */
export function delegate(schema: Schema): Checker {
  return (value) => {
    dropUnsafeKeys(value);
    const result = z.safeParse(schema, value);
    return result.success ? result.data : REJECT;
  };
}

/** FNV-1a of a text, as 8 hex digits: the plan's signature as the generated file records it. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A table of the codes 0–127 marking those inside the ranges (pairs of first and last code). */
export function classTable(ranges: readonly number[]): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < ranges.length; i += 2) table.fill(1, ranges[i]!, ranges[i + 1]! + 1);
  return table;
}
