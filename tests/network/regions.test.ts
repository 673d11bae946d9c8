// isAzOf reads an AZ name in place; it must agree with regionOfAz, which cuts the name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AWS_REGIONS, isAzOf, regionOfAz } from '../../src/network/regions';

describe('isAzOf', () => {
  it('agrees with regionOfAz for every region', () => {
    const codes = AWS_REGIONS.map((r) => r.code);
    const az = fc.oneof(
      fc
        .tuple(fc.constantFrom(...codes), fc.constantFrom('a', 'b', 'c', 'd', 'f', 'z'))
        .map(([c, l]) => c + l),
      fc.tuple(fc.constantFrom(...codes), fc.string({ maxLength: 2 })).map(([c, s]) => c + s),
      fc.tuple(fc.constantFrom(...codes), fc.nat(20)).map(([c, n]) => c.slice(0, n)),
      fc.string({ maxLength: 16 }),
    );
    fc.assert(
      fc.property(az, fc.constantFrom(...AWS_REGIONS), (name, region) => {
        expect(isAzOf(name, region)).toBe(regionOfAz(name) === region);
      }),
      { numRuns: 2000 },
    );
  });

  it('knows the AZs of a region', () => {
    const region = AWS_REGIONS.find((r) => r.code === 'us-east-1')!;
    expect(isAzOf('us-east-1a', region)).toBe(true);
    expect(isAzOf('us-east-1', region)).toBe(false);
    expect(isAzOf('us-east-2a', region)).toBe(false);
  });
});
