// Versioned migrations, in the manner of tldraw's tlschema: each step is a small, named, pure
// function from the raw JSON of version N to version N+1. Format 1 is the first version, so the
// registry is empty; format 2 adds `{ from: 1, name: '…', up }` here and old files and links keep opening.

export interface Migration {
  /** The version this step reads; it returns version `from + 1`. */
  readonly from: number;
  readonly name: string;
  readonly up: (raw: Record<string, unknown>) => Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  { ok: true; raw: Record<string, unknown>; applied: string[] } | { ok: false; message: string };

/** Brings a raw document of `version` up to `target` by chaining registered steps. */
export function migrate(
  raw: Record<string, unknown>,
  version: number,
  target: number,
  registry: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  let current = raw;
  const applied: string[] = [];
  for (let v = version; v < target; v++) {
    const step = registry.find((m) => m.from === v);
    if (!step) return { ok: false, message: `no migration from version ${v} to ${v + 1}` };
    current = { ...step.up(current), version: v + 1 };
    applied.push(step.name);
  }
  return { ok: true, raw: current, applied };
}
