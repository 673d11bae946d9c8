// Fuzzes the link decoder with links damaged the ways chat apps, mail clients and people damage
// them. It must never throw (decodeStrict has no last-resort catch, so a slip shows here), must
// answer each link with either a design that validates or a typed error with advice, and must not
// hang: the whole run stays within the test timeout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/app/examples';
import { generateDesign } from '../../src/model/generate';
import { loadDesignValue } from '../../src/model/parse';
import { decodeStrict, encode, encodePackedJson, type DecodeResult } from '../../src/share';
import { packDesign } from '../../src/share/pack';

const KINDS = new Set([
  'missing',
  'truncated',
  'bad-characters',
  'corrupted',
  'unknown-format',
  'too-large',
  'not-json',
  'not-a-design',
]);

const designs = [
  EXAMPLES['example-1'].design(),
  EXAMPLES['example-2'].design(),
  EXAMPLES.empty.design(),
  generateDesign({ vpcs: 6, seed: 2 }),
];
const links = designs.map((d) => `https://designer.example.com/#${encode(d)}`);

type Mutation = (link: string) => string;

// Unbiased: fast-check otherwise favours the ends, where damage is least interesting.
const position = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);
const at = (link: string, p: number) => Math.min(link.length, Math.floor(p * link.length));
const strangeChar = fc.oneof(
  fc.constantFrom(
    '…',
    '%',
    '%2',
    '%25',
    '#',
    '&',
    '=',
    ' ',
    '\n',
    '\u200b',
    '+',
    '/',
    '.',
    '"',
    '\u0000',
    '😀',
    'é',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }),
  fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  position.map((p) => (link: string) => link.slice(0, at(link, p))),
  fc.tuple(position, strangeChar).map(([p, ch]) => (link: string) => {
    const i = at(link, p);
    return link.slice(0, i) + ch + link.slice(i + 1);
  }),
  fc.tuple(position, strangeChar).map(([p, ch]) => (link: string) => {
    const i = at(link, p);
    return link.slice(0, i) + ch + link.slice(i);
  }),
  fc.tuple(position, fc.nat(20)).map(([p, n]) => (link: string) => {
    const i = at(link, p);
    return link.slice(0, i) + link.slice(i + n);
  }),
  fc.tuple(position, position).map(([p, q]) => (link: string) => {
    const [i, j] = [at(link, p), at(link, q)].sort((a, b) => a - b);
    return link.slice(0, i) + link.slice(j) + link.slice(i, j);
  }),
  // Percent-encoding as a chat app or a redirect does it (lone surrogates cannot be encoded).
  fc.constant((link: string) =>
    link.replace(/[#=%&:/ ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  ),
  fc.constant((link: string) => `${link.slice(0, 200)}…`),
  fc
    .constantFrom('0', '2', 'z', '_', '%', '')
    .map((tag) => (link: string) => link.replace('#d=1', `#d=${tag}`)),
);

function assertAnswer(result: DecodeResult): void {
  if (result.ok) {
    expect(loadDesignValue(JSON.parse(JSON.stringify(result.design))).ok).toBe(true);
  } else {
    expect(KINDS.has(result.error.kind)).toBe(true);
    expect(result.error.message).toMatch(/ask the sender/);
  }
}

describe('link decoder fuzz', () => {
  it('answers 10,000 mutated and truncated links with a design or a typed error', () => {
    const kinds = new Map<string, number>();
    fc.assert(
      fc.property(
        fc.constantFrom(...links),
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        (link, mutations) => {
          const damaged = mutations.reduce((l, m) => m(l), link);
          const result = decodeStrict(damaged);
          assertAnswer(result);
          const kind = result.ok ? 'ok' : result.error.kind;
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        },
      ),
      { numRuns: 10_000 },
    );
    // The damage above reaches the codec's distinct failure paths, not just one of them.
    for (const kind of ['truncated', 'bad-characters', 'corrupted', 'unknown-format', 'missing', 'ok']) {
      expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(0);
    }
  }, 60_000);

  it('answers 2,000 links whose checksum is right but whose packed JSON was tampered with', () => {
    const packed = packDesign(designs[0]!);
    const text = JSON.stringify(packed);
    const polluted = () => ({}) as Record<string, unknown>;
    fc.assert(
      fc.property(
        fc.oneof(
          // Any JSON value in place of the whole design.
          fc.jsonValue().map((v) => JSON.stringify(v)),
          // A slice of the real packed text replaced by arbitrary JSON text.
          fc
            .tuple(
              position,
              position,
              fc.oneof(fc.json(), fc.constantFrom('{"__proto__":{"p":1}}', 'null', ']', '[[[')),
            )
            .map(([p, q, ins]) => {
              const [i, j] = [Math.floor(p * text.length), Math.floor(q * text.length)].sort((a, b) => a - b);
              return text.slice(0, i) + ins + text.slice(j);
            }),
        ),
        (json) => {
          const result = decodeStrict(encodePackedJson(json));
          assertAnswer(result);
          expect(polluted().p).toBeUndefined();
        },
      ),
      { numRuns: 2_000 },
    );
  }, 60_000);
});
