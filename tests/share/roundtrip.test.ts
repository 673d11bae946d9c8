import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/app/examples';
import { generateDesign } from '../../src/model/generate';
import { loadDesignValue } from '../../src/model/parse';
import type { Design } from '../../src/model/schema';
import { decode, encode, shareLink } from '../../src/share';
import { rawDesignArb } from './arbitraries';

function load(raw: unknown): Design {
  const loaded = loadDesignValue(raw);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 3)));
  return loaded.design;
}

function roundTrip(design: Design): Design {
  const result = decode(encode(design));
  if (!result.ok) throw new Error(result.error.message);
  return result.design;
}

describe('share link round trip', () => {
  it('gives back every generated design, up to defaults (fast-check)', () => {
    fc.assert(
      fc.property(rawDesignArb, (raw) => {
        const design = load(raw);
        expect(roundTrip(design)).toEqual(design);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps unknown fields, Unicode names and layout exactly', () => {
    const design = load({
      ...EXAMPLES['example-1'].design(),
      name: 'Ünïcode "quotes" ${x} \n 🚀 </script>',
      'x-future': { nested: [1, 'two', null] },
      layout: { 'vpc-worker': { x: 40.125, y: -60, w: 420, h: 260 }, 'vpc-repo': { x: 1, y: 2 } },
    });
    const back = roundTrip(design);
    expect(back).toEqual(design);
    expect(back['x-future']).toEqual({ nested: [1, 'two', null] });
  });

  it.each([
    ['Example 1', () => EXAMPLES['example-1'].design()],
    ['Example 2', () => EXAMPLES['example-2'].design()],
    // Transit Gateways travel in the trailing extra fields of tag "1" (its field orders are frozen).
    ['Example 3 (Transit Gateway hub)', () => EXAMPLES['example-3'].design()],
    [
      'Example 3 with an attachment opting out of security group referencing',
      () => {
        const d = EXAMPLES['example-3'].design();
        return {
          ...d,
          transitGatewayAttachments: d.transitGatewayAttachments.map((a, i) =>
            i === 0 ? { ...a, securityGroupReferencing: false } : a,
          ),
        };
      },
    ],
    ['a generated 100-VPC design', () => generateDesign({ vpcs: 100, seed: 5 })],
  ])('gives back %s unchanged', (_, make) => {
    const design = make();
    expect(roundTrip(design)).toEqual(design);
  });

  it('opens a full link, a bare fragment and a link percent-encoded twice', () => {
    const design = EXAMPLES['example-2'].design();
    const link = shareLink(design, 'https://designer.example.com/app/?x=1#old');
    expect(link.startsWith('https://designer.example.com/app/?x=1#d=1')).toBe(true);
    for (const form of [link, `#${encode(design)}`, encodeURIComponent(encodeURIComponent(link))]) {
      const result = decode(form);
      expect(result.ok && result.design).toEqual(design);
    }
    const twice = decode(encodeURIComponent(encodeURIComponent(link)));
    expect(twice.ok && twice.doubleEncoded).toBe(true);
  });
});
