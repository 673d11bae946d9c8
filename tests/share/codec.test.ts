import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/app/examples';
import {
  decode,
  encode,
  encodePackedJson,
  LINK_LENGTH_ADVICE,
  shareLink,
  type DecodeResult,
  type LinkErrorKind,
} from '../../src/share';
import { packDesign } from '../../src/share/pack';
import { bombLink } from './bomb';

const example1 = EXAMPLES['example-1'].design();
const fragment = encode(example1);

function errorOf(result: DecodeResult): { kind: LinkErrorKind; message: string } {
  if (result.ok) throw new Error('expected the link to be refused');
  return result.error;
}

describe('link size', () => {
  it("keeps Example 1's full link under 2,000 characters", () => {
    const link = shareLink(example1, 'https://private-network-designer.example.com/designer/');
    expect(link.length).toBeLessThanOrEqual(LINK_LENGTH_ADVICE);
  });

  it.each(['example-1', 'example-2'] as const)(
    'makes %s at most half as long as lz-string of the same design JSON',
    (id) => {
      const design = EXAMPLES[id].design();
      const lz = LZString.compressToEncodedURIComponent(JSON.stringify(design));
      expect(encode(design).length).toBeLessThanOrEqual(lz.length / 2);
    },
  );

  it('uses only characters that need no escaping in a URL fragment', () => {
    expect(fragment).toMatch(/^d=1[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(fragment.slice(2))).toBe(fragment.slice(2));
  });
});

describe('damaged links', () => {
  it('says a link cut short anywhere is incomplete', () => {
    for (let cut = 2; cut < fragment.length; cut += 7) {
      const error = errorOf(decode(fragment.slice(0, cut)));
      expect(error.kind).toBe('truncated');
      expect(error.message).toMatch(/cut off/);
    }
  });

  it('says a link cut short with an ellipsis appended is incomplete', () => {
    expect(errorOf(decode(`${fragment.slice(0, 400)}…`)).kind).toBe('truncated');
    expect(errorOf(decode(`${fragment.slice(0, 400)}...`)).kind).toBe('truncated');
  });

  it('names a character a link never has and where it is', () => {
    const error = errorOf(decode(`${fragment.slice(0, 100)}*${fragment.slice(101)}`));
    expect(error.kind).toBe('bad-characters');
    expect(error.message).toContain('"*"');
    expect(error.message).toContain('position 98');
  });

  it('detects an altered character through the checksum or the stream', () => {
    const i = 500;
    const altered = fragment.slice(0, i) + (fragment[i] === 'A' ? 'B' : 'A') + fragment.slice(i + 1);
    expect(errorOf(decode(altered)).kind).toBe('corrupted');
  });

  it('refuses an unknown format tag and says the link may be from a newer version', () => {
    const error = errorOf(decode(fragment.replace('d=1', 'd=7')));
    expect(error.kind).toBe('unknown-format');
    expect(error.message).toMatch(/newer version/);
  });

  it('stops inflating past 5 MB', () => {
    const error = errorOf(decode(bombLink()));
    expect(error.kind).toBe('too-large');
    expect(error.message).toContain('5 MB');
  });

  it('says when the data is not JSON', () => {
    expect(errorOf(decode(encodePackedJson('{"vpcs": [ oops'))).kind).toBe('not-json');
  });

  it('lists the JSON paths of a design that does not validate', () => {
    const packed = packDesign(example1);
    const vpcs = packed[4] as unknown[][];
    vpcs[1]![4] = 42; // the worker VPC's cidr
    const result = decode(encodePackedJson(JSON.stringify(packed)));
    const error = errorOf(result);
    expect(error.kind).toBe('not-a-design');
    expect(error.message).toContain('$.vpcs[1].cidr');
    expect(!result.ok && result.error.errors?.[0]?.path).toBe('$.vpcs[1].cidr');
  });

  it('ends every message with how to get a good link', () => {
    for (const link of [fragment.slice(0, 50), fragment.replace('d=1', 'd=9'), 'https://x/#d=1AA*', 'd=1']) {
      expect(errorOf(decode(link)).message).toMatch(/ask the sender to copy it again.*\.json file/s);
    }
  });

  it('opens a link that a mail client wrapped over lines or a sentence ended with a full stop', () => {
    const wrapped = `https://x.example/#${fragment.slice(0, 300)}\n  ${fragment.slice(300, 600)}\r\n${fragment.slice(600)}.`;
    const result = decode(wrapped);
    expect(result.ok && result.design).toEqual(example1);
  });
});

describe('hostile links', () => {
  it('cannot pollute prototypes through extra fields, nested values or layout ids', () => {
    const packed = JSON.stringify(packDesign(example1)).slice(0, -1);
    const hostile =
      `${packed},[["__proto__",1,2],["constructor",3,4],["vpc-worker",5,6]],` +
      `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"x":{"__proto__":{"polluted":"yes"}}}]`;
    const result = decode(encodePackedJson(hostile));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.design)).toBe(Object.prototype);
    expect(Object.keys(result.design.layout ?? {})).toEqual(['vpc-worker']);
    expect(Object.hasOwn(result.design, 'constructor')).toBe(false);
    expect((result.design as Record<string, unknown>).x).toEqual({});
  });

  it('keeps names that look like code as plain strings', () => {
    const name = '${process.exit(1)}"); alert(1); //</script><img src=x onerror=alert(1)>';
    const result = decode(encode({ ...example1, name }));
    expect(result.ok && result.design.name).toBe(name);
  });
});
