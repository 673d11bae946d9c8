import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, firstNonBase64UrlIndex, fromBase64Url, toBase64Url } from '../../src/share/bytes';

describe('base64url', () => {
  it('round-trips any bytes and agrees with Node (fast-check)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(firstNonBase64UrlIndex(text)).toBe(-1);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses a length no whole number of bytes has', () => {
    expect(fromBase64Url('AAAAA')).toBeNull();
  });
});

describe('crc32', () => {
  it('matches the IEEE check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
