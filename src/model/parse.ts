// Loading a design: text → JSON → migrated → validated with defaults filled.
// A load error means the document cannot be opened at all; it names the JSON path and what was
// expected. Reference problems (dangling or duplicate ids) are not load errors but findings
// (src/rules/structure.ts), so a half-finished design still opens.
import type { z } from 'zod';
import { CURRENT_VERSION, DesignSchema, FORMAT, type Design } from './schema';
import { migrate, MIGRATIONS, type Migration } from './migrations';
import { designChecker, dropUnsafeKeys, REJECT } from './compiled-schema';

export { parseJsonSafely } from './json';

export interface LoadError {
  /** JSONPath-like location, e.g. `$.vpcs[0].subnets[1].cidr`; `$` for the whole document. */
  path: string;
  message: string;
}

export type LoadResult =
  { ok: true; design: Design; migrations: string[] } | { ok: false; errors: LoadError[] };

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function describeJsonError(text: string, err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(raw);
  if (pos) {
    const offset = Number(pos[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return `not valid JSON at line ${line}, column ${column}: ${raw}`;
  }
  return `not valid JSON: ${raw}`;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}${'input' in issue ? `, got ${describeValue(issue.input)}` : ''}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing (the field is required)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

/**
 * Checks a migrated document against the one zod definition. The compiled checker accepts a valid
 * document in place (defaults filled); anything it refuses goes to zod, whose issues name the path.
 */
export function checkDesign(
  raw: Record<string, unknown>,
): { ok: true; design: Design } | { ok: false; errors: LoadError[] } {
  const fast = designChecker()(raw);
  if (fast !== REJECT) return { ok: true, design: fast as Design };
  // The checker stopped at the first refusal, maybe before reaching every unsafe key.
  dropUnsafeKeys(raw);
  const result = DesignSchema.safeParse(raw, { reportInput: true });
  if (result.success) return { ok: true, design: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({
      path: jsonPath(issue.path),
      message: issueMessage(issue),
    })),
  };
}

/**
 * Validates an already-parsed JSON value as a design (any supported version). The value is
 * completed in place (defaults filled) and becomes the design: pass one nobody else holds.
 */
export function loadDesignValue(value: unknown, registry: readonly Migration[] = MIGRATIONS): LoadResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      errors: [{ path: '$', message: `expected a design object, got ${describeValue(value)}` }],
    };
  }
  const raw = value as Record<string, unknown>;
  if (raw.format !== FORMAT) {
    return {
      ok: false,
      errors: [
        {
          path: '$.format',
          message: `expected "${FORMAT}", got ${describeValue(raw.format)} — this is not a network design file`,
        },
      ],
    };
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return {
      ok: false,
      errors: [{ path: '$.version', message: `expected an integer version, got ${describeValue(version)}` }],
    };
  }
  if (version > CURRENT_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: '$.version',
          message: `unsupported version ${version}: this build reads versions up to ${CURRENT_VERSION}; update the app`,
        },
      ],
    };
  }
  // Migrations read the raw document, before the check has dropped anything from it.
  if (version < CURRENT_VERSION) dropUnsafeKeys(raw);
  const migrated = migrate(raw, version, CURRENT_VERSION, registry);
  if (!migrated.ok)
    return {
      ok: false,
      errors: [{ path: '$.version', message: `unsupported version ${version}: ${migrated.message}` }],
    };

  const checked = checkDesign(migrated.raw);
  return checked.ok ? { ...checked, migrations: migrated.applied } : checked;
}

/**
 * Parses design text (a file's contents). A plain JSON.parse: the check (and, before a migration
 * or zod, dropUnsafeKeys) drops every key that could reach a prototype.
 */
export function loadDesign(text: string, registry: readonly Migration[] = MIGRATIONS): LoadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ path: '$', message: describeJsonError(text, err) }] };
  }
  return loadDesignValue(value, registry);
}

export function formatLoadErrors(errors: readonly LoadError[], source?: string): string {
  const prefix = source ? `${source}: ` : '';
  return errors.map((e) => `${prefix}${e.path}: ${e.message}`).join('\n');
}

/** A design as saved: stable key order as parsed, two-space indent, trailing newline. */
export function serializeDesign(design: Design): string {
  return JSON.stringify(design, null, 2) + '\n';
}
