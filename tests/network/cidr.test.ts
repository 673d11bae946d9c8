import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrOf, contains, isPrivate, overlaps, parseCidr } from '../../src/network/cidr';
import { IPv4 } from 'ip-num';

const toText = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const block = fc
  .tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }))
  .map(([ip, prefix]) => {
    const size = 2 ** (32 - prefix);
    const first = ip - (ip % size);
    return { text: `${toText(first)}/${prefix}`, first, last: first + size - 1, prefix };
  });

describe('CIDR blocks', () => {
  it('parses every well-formed block to its first and last address', () => {
    fc.assert(
      fc.property(block, (b) => {
        const c = cidrOf(b.text);
        expect(c).toMatchObject({ first: b.first, last: b.last, prefix: b.prefix });
      }),
    );
  });
  it('rejects host bits and says which block was meant', () => {
    const r = parseCidr('10.0.0.1/16');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('10.0.0.0/16');
    for (const bad of [
      '10.0.0.0',
      '10.0.0.0/33',
      '256.0.0.0/8',
      ' 10.0.0.0/8',
      '10.0.0.0/8 ',
      '',
      'fe80::/10',
    ])
      expect(parseCidr(bad).ok, bad).toBe(false);
  });
  it('containment is transitive with halves and overlap is symmetric', () => {
    fc.assert(
      fc.property(block, block, (a, b) => {
        const x = cidrOf(a.text)!;
        const y = cidrOf(b.text)!;
        expect(overlaps(x, y)).toBe(overlaps(y, x));
        // Two CIDR blocks either nest or are disjoint.
        expect(overlaps(x, y)).toBe(contains(x, y) || contains(y, x));
      }),
    );
  });
  it('knows RFC 1918 space', () => {
    expect(isPrivate(cidrOf('172.31.0.0/16')!)).toBe(true);
    expect(isPrivate(cidrOf('172.32.0.0/16')!)).toBe(false);
    expect(isPrivate(cidrOf('11.0.0.0/16')!)).toBe(false);
  });
});

describe('CIDR blocks sharing an address or a prefix length', () => {
  it('each block is judged on its own: prefix, host bits and a bad address', () => {
    expect(cidrOf('10.1.0.0/16')).toMatchObject({ prefix: 16, last: cidrOf('10.1.255.255/32')!.first });
    expect(cidrOf('10.1.0.0/24')).toMatchObject({ prefix: 24, last: cidrOf('10.1.0.255/32')!.first });
    expect(parseCidr('10.1.0.0/33')).toMatchObject({ ok: false, reason: expect.stringContaining('/33') });
    expect(parseCidr('10.1.0.0/15')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('10.0.0.0/15'),
    });
    for (const text of ['300.1.0.0/8', '300.1.0.0/16'])
      expect(parseCidr(text)).toMatchObject({ ok: false, reason: '300.1.0.0 is not an IPv4 address' });
  });
});

describe('addresses agree with ip-num', () => {
  // The memo assembles an address from the octets ip-num's validator accepted; this holds the
  // result to IPv4.fromString for valid addresses and to its refusal for near-misses.
  const octetText = fc.oneof(
    fc.integer({ min: 0, max: 255 }).map(String),
    fc.constantFrom('256', '999', '01', '00', '007', '', '-1', '1e2', ' 1', '0x1', '+1'),
  );
  it('accepts exactly what IPv4.fromString accepts, with the same value', () => {
    fc.assert(
      fc.property(fc.array(octetText, { minLength: 3, maxLength: 5 }), (octets) => {
        const address = octets.join('.');
        let expected: number | undefined;
        try {
          expected = Number(IPv4.fromString(address).getValue());
        } catch {
          expected = undefined;
        }
        const parsed = parseCidr(`${address}/32`);
        if (expected === undefined) expect(parsed.ok, address).toBe(false);
        else expect(parsed, address).toMatchObject({ ok: true, cidr: { first: expected, last: expected } });
      }),
      { numRuns: 3000 },
    );
  });
});
