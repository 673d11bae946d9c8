// Writes the text of src/model/design-check.generated.ts: the load checker as plain code, one
// function per node of the zod definition's plan (src/model/check-plan.ts). Each function has its
// own call sites and property reads, so the engine specialises each for the one shape it meets;
// one closure shared by every object of the schema saw them all and ran slower than zod's JIT.
// `npm run schema` writes it; tests/model/schema-file.test.ts keeps it fresh.
import { format } from 'prettier';
import { planOf, signatureOf, type InlineCheck, type PlanNode } from '../src/model/check-plan';
import { hashText } from '../src/model/check-runtime';
import { DesignSchema } from '../src/model/schema';

export const DESIGN_CHECK_FILE = new URL('../src/model/design-check.generated.ts', import.meta.url);

const lit = (v: unknown): string => JSON.stringify(v);

/**
 * A regex of the one shape ids use, `^[class]{min,max}$` without flags, as a loop over the string's
 * character codes that looks each one up in a table of the class (check-runtime.ts `classTable`):
 * faster than the regex in Node and in Chromium, and ids are most of a design's strings. The class
 * may hold single characters, ranges and escaped punctuation below code 128; any other regex stays a
 * regex (null here). tests/model/check-plan.test.ts holds the loop and the regex equal.
 */
export function classLoopOf(re: RegExp, name: string): string | null {
  const m = /^\^\[((?:\\[^A-Za-z0-9]|[^\]\\^])(?:\\[^A-Za-z0-9]|[^\]\\])*)\]\{(\d+),(\d+)\}\$$/.exec(
    re.source,
  );
  if (!m || re.flags !== '') return null;
  const chars: number[] = [];
  const body = m[1]!;
  for (let i = 0; i < body.length; i++)
    chars.push(body[i] === '\\' ? body.charCodeAt(++i) | 0x10000 : body.charCodeAt(i));
  /** The class as ranges, each from and to (a single character is a range of one). */
  const ranges: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]! & 0xffff;
    // An unescaped '-' between two characters makes a range; first or last, it is itself.
    const to = chars[i + 1] === 45 && i + 2 < chars.length ? chars[(i += 2)]! & 0xffff : c;
    if (to < c || to > 127) return null;
    ranges.push(c, to);
  }
  const [min, max] = [Number(m[2]), Number(m[3])];
  if (min > max) return null;
  return `const ${name}Table = classTable(${lit(ranges)});
  function ${name}(v: string): boolean {
    const len = v.length;
    if (len < ${min} || len > ${max}) return false;
    for (let i = 0; i < len; i++) {
      const c = v.charCodeAt(i);
      if (c > 127 || ${name}Table[c] === 0) return false;
    }
    return true;
  }`;
}

function inlineTest(c: InlineCheck, constant: string): string {
  switch (c.test) {
    case 'pattern':
      return `${constant}.test(v)`;
    case 'fn':
      return `${constant}(v) === true`;
    case 'safeint':
      return 'Number.isSafeInteger(v)';
    case 'min':
      return `v ${c.inclusive ? '>=' : '>'} ${lit(c.value)}`;
    case 'max':
      return `v ${c.inclusive ? '<=' : '<'} ${lit(c.value)}`;
    case 'minLength':
      return `v.length >= ${lit(c.value)}`;
    case 'maxLength':
      return `v.length <= ${lit(c.value)}`;
  }
}

const TYPE_TEST = {
  string: "typeof v === 'string'",
  number: "typeof v === 'number' && Number.isFinite(v)",
  boolean: "typeof v === 'boolean'",
};

/** The constants a node's code reads from the plan at bind time, and its function. */
function codeOf(n: PlanNode, i: number, c: (child: number) => string): { consts: string[]; fn: string } {
  const consts: string[] = [];
  const withZodChecks = (zodChecks: boolean, value: string) => {
    if (!zodChecks) return `return ${value};`;
    consts.push(`const k${i} = zodChecks(n[${i}]!.schema);`);
    return `return k${i}(${value}) ? ${value} : REJECT;`;
  };
  switch (n.kind) {
    case 'string':
    case 'number':
    case 'boolean': {
      const tests = [TYPE_TEST[n.kind]];
      n.inline.forEach((c, j) => {
        const name = `p${i}_${j}`;
        const loop = c.test === 'pattern' ? classLoopOf(c.pattern, name) : null;
        if (loop) {
          consts.push(loop);
          tests.push(`${name}(v)`);
          return;
        }
        if (c.test === 'pattern')
          consts.push(`const ${name} = (n[${i}] as unknown as Leaf).inline[${j}]!.pattern!;`);
        if (c.test === 'fn') consts.push(`const ${name} = (n[${i}] as unknown as Leaf).inline[${j}]!.fn!;`);
        tests.push(inlineTest(c, name));
      });
      if (n.zodChecks) {
        consts.push(`const k${i} = zodChecks(n[${i}]!.schema);`);
        tests.push(`k${i}(v)`);
      }
      return {
        consts,
        fn: `function c${i}(v: unknown): unknown { return ${tests.join(' && ')} ? v : REJECT; }`,
      };
    }
    case 'values':
      return {
        consts,
        fn: `function c${i}(v: unknown): unknown { return ${n.values.map((x) => `v === ${lit(x)}`).join(' || ')} ? v : REJECT; }`,
      };
    case 'unknown':
      return { consts, fn: `function c${i}(v: unknown): unknown { dropUnsafeKeys(v); return v; }` };
    case 'zod':
      consts.push(`const c${i} = delegate(n[${i}]!.schema);`);
      return { consts, fn: '' };
    case 'optional':
      return {
        consts,
        fn: n.innerDefaulted
          ? // An optional around a default still fills the default, as zod does.
            `function c${i}(v: unknown): unknown { return ${c(n.inner)}(v); }`
          : `function c${i}(v: unknown): unknown { return v === undefined ? v : ${c(n.inner)}(v); }`,
      };
    case 'default':
      // Reading defaultValue gives a fresh copy each time ([] is never shared between elements).
      consts.push(`const d${i} = n[${i}]!.schema._zod.def as z.core.$ZodDefaultDef;`);
      return {
        consts,
        fn: `function c${i}(v: unknown): unknown {
          if (v === undefined) return d${i}.defaultValue;
          const out = ${c(n.inner)}(v);
          return out === undefined ? d${i}.defaultValue : out;
        }`,
      };
    case 'array':
      return {
        consts,
        fn: `function c${i}(v: unknown): unknown {
          if (!Array.isArray(v)) return REJECT;
          for (let i = 0; i < v.length; i++) {
            const x: unknown = v[i];
            const out = ${c(n.item)}(x);
            if (out === REJECT) return REJECT;
            if (out !== x) v[i] = out;
          }
          ${withZodChecks(n.zodChecks, 'v')}
        }`,
      };
    case 'record':
      return {
        consts,
        fn: `function c${i}(v: unknown): unknown {
          if (!isPlainObject(v)) return REJECT;
          const o = v as Record<string, unknown>;
          for (const key in o) {
            if (!Object.hasOwn(o, key)) continue;
            if (isUnsafeKey(key)) {
              delete o[key];
              continue;
            }
            const x = o[key];
            const out = ${c(n.item)}(x);
            if (out === REJECT) return REJECT;
            if (out !== x) o[key] = out;
          }
          ${withZodChecks(n.zodChecks, 'o')}
        }`,
      };
    case 'object': {
      // The object's own keys are walked, not the shape's: for…in meets the unknown keys too.
      const cases = n.keys.map(
        (key, f) => `case ${lit(key)}: {
          const x = o[${lit(key)}];
          const out = ${c(n.fields[f]!)}(x);
          if (out === REJECT) return REJECT;
          if (out !== x) o[${lit(key)}] = out;
          m${f} = true;
          continue;
        }`,
      );
      // Fields not in the object: their defaults, in the shape's order (or a refusal if required).
      const missing = n.keys.map(
        (key, f) => `if (!m${f}) {
          const out = ${c(n.fields[f]!)}(undefined);
          if (out === REJECT) return REJECT;
          if (out !== undefined) o[${lit(key)}] = out;
        }`,
      );
      return {
        consts,
        fn: `function c${i}(v: unknown): unknown {
          if (typeof v !== 'object' || v === null || Array.isArray(v)) return REJECT;
          const o = v as Record<string, unknown>;
          ${n.keys.length ? `let ${n.keys.map((_, f) => `m${f} = false`).join(', ')};` : ''}
          for (const key in o) {
            switch (key) {
              ${cases.join('\n')}
            }
            if (isUnsafeKey(key)) delete o[key];
            else dropUnsafeKeys(o[key]);
          }
          ${missing.join('\n')}
          ${withZodChecks(n.zodChecks, 'o')}
        }`,
      };
    }
  }
}

/** The generated module's text, formatted as the repository formats TypeScript. */
export async function designCheckText(): Promise<string> {
  const nodes = planOf(DesignSchema);
  // Nodes whose code is the same but for their own name (a plain `z.string()`, written many times in
  // the schema) share one function. Children come after their parent in the plan, so walking it
  // backwards settles every child's function before its parents' code is written.
  const canon = nodes.map((_, i) => i);
  const parts: { consts: string[]; fn: string }[] = [];
  const byCode = new Map<string, number>();
  for (let i = nodes.length - 1; i >= 0; i--) {
    const part = codeOf(nodes[i]!, i, (child) => `c${canon[child]}`);
    const key = part.fn.replace(`function c${i}(`, 'function (');
    const same = part.consts.length === 0 ? byCode.get(key) : undefined;
    if (same !== undefined) canon[i] = same;
    else {
      if (part.consts.length === 0) byCode.set(key, i);
      parts[i] = part;
    }
  }
  const body = parts.map((p) => `${p?.consts.join('\n') ?? ''}\n${p?.fn ?? ''}`).join('\n');
  // Only the helpers the code calls are imported (the linter refuses unused names).
  const used = [
    'classTable',
    'delegate',
    'dropUnsafeKeys',
    'isPlainObject',
    'isUnsafeKey',
    'REJECT',
    'zodChecks',
  ].filter((h) => new RegExp(`\\b${h}\\b`).test(body));
  const text = `// Generated by scripts/gen-design-check.ts from the zod definition (src/model/schema.ts) through
// its plan (src/model/check-plan.ts). Do not edit: run \`npm run schema\` after changing the schema.
import type { z } from 'zod';
import type { PlanNode } from './check-plan';
import { ${used.join(', ')}, type Checker } from './check-runtime';

type Leaf = { inline: { pattern?: RegExp; fn?: (value: unknown) => unknown }[] };

/** The signature of the plan this code was written from (check-runtime.ts hashText of signatureOf). */
export const PLAN_SIGNATURE = ${lit(hashText(signatureOf(nodes)))};

/** The checker of the design, bound to the plan's run-time values (regexes, predicates, defaults). */
export function bindDesignChecker(n: readonly PlanNode[]): Checker {
  ${parts.flatMap((p) => p?.consts ?? []).join('\n')}
  ${parts
    .map((p) => p?.fn)
    .filter(Boolean)
    .join('\n\n')}
  return c0;
}
`;
  return format(text, { parser: 'typescript', singleQuote: true, printWidth: 110, trailingComma: 'all' });
}
