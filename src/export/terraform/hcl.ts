// A small HCL writer that produces what `terraform fmt` would: two-space indents, `=` aligned across
// runs of one-line attributes (a multi-line value or a nested block ends a run), one blank line
// between top-level blocks. Values are expression text; user text enters only through `hclString`.
import { UNSAFE_CHAR, wellFormed } from '../text';

/**
 * A quoted HCL string literal whose value is exactly `s`. Besides the usual escapes, `${` and `%{`
 * would start an interpolation or directive, so they are doubled (`$${`, `%%{`) per the HCL spec.
 */
export function hclString(s: string): string {
  const body = wellFormed(s)
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(UNSAFE_CHAR, (c) => {
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    })
    // A function, because in a replacement string `$$` stands for a single `$`.
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
  return `"${body}"`;
}

export function hclList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

/** A one-line object such as `{ Name = "x" }`; keys must be identifiers or quoted literals. */
export function hclInlineObject(entries: readonly (readonly [string, string])[]): string {
  return entries.length ? `{ ${entries.map(([k, v]) => `${k} = ${v}`).join(', ')} }` : '{}';
}

export type BodyItem =
  | { kind: 'attr'; name: string; value: string }
  | { kind: 'object'; name: string; entries: (readonly [string, string])[] }
  | { kind: 'block'; type: string; labels: string[]; body: BodyItem[] };

export interface TopBlock {
  /** Comment lines (without `#`) placed right above the block. */
  comments?: string[];
  /** Absent for a comment that stands alone. */
  type?: string;
  labels: string[];
  body: BodyItem[];
}

export const attr = (name: string, value: string): BodyItem => ({ kind: 'attr', name, value });
export const object = (name: string, entries: (readonly [string, string])[]): BodyItem =>
  entries.length ? { kind: 'object', name, entries } : { kind: 'attr', name, value: '{}' };
export const block = (type: string, labels: string[], body: BodyItem[]): BodyItem => ({
  kind: 'block',
  type,
  labels,
  body,
});

function aligned(pairs: readonly (readonly [string, string])[], pad: string): string[] {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${pad}${k.padEnd(width)} = ${v}`);
}

function renderBody(items: readonly BodyItem[], depth: number): string[] {
  const pad = '  '.repeat(depth);
  const out: string[] = [];
  let run: [string, string][] = [];
  const flush = () => {
    if (run.length) out.push(...aligned(run, pad));
    run = [];
  };
  for (const item of items) {
    if (item.kind === 'attr') {
      run.push([item.name, item.value]);
      continue;
    }
    flush();
    if (item.kind === 'object') {
      out.push(`${pad}${item.name} = {`, ...aligned(item.entries, pad + '  '), `${pad}}`);
    } else {
      out.push(...renderBlock(item.type, item.labels, item.body, depth));
    }
  }
  flush();
  return out;
}

function renderBlock(type: string, labels: readonly string[], body: readonly BodyItem[], depth: number) {
  const pad = '  '.repeat(depth);
  const head = [type, ...labels.map(hclString)].join(' ');
  if (body.length === 0) return [`${pad}${head} {`, `${pad}}`];
  return [`${pad}${head} {`, ...renderBody(body, depth + 1), `${pad}}`];
}

/** A whole `.tf` file: a header comment, then the blocks separated by blank lines. */
export function renderHclFile(header: string, blocks: readonly TopBlock[]): string {
  const parts = blocks.map((b) =>
    [
      ...(b.comments ?? []).map((c) => `# ${c}`),
      ...(b.type === undefined ? [] : renderBlock(b.type, b.labels, b.body, 0)),
    ].join('\n'),
  );
  return [header.trimEnd(), ...parts].join('\n\n') + '\n';
}
