// The page's first chunk previews a link from its unpacked, not yet checked data (app/link-preview.ts). For
// every link the app itself writes, that preview is the one the checked design gives; for data the
// check would refuse or complete, no text from the link gets into a preview the page would draw.
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/app/examples';
import { generateDesign } from '../../src/model/generate';
import { loadDesignValue } from '../../src/model/parse';
import { decode, decodeInflated, encode, encodePackedJson, inflateLink } from '../../src/share';
import { unpackLink } from '../../src/share/inflate-link';
import { packDesign } from '../../src/share/pack';
import { previewOfLink } from '../../src/app/link-preview';
import { plainPreview, previewOf } from '../../src/ui/canvas/preview';

const screen = { width: 1440, height: 900 };

function unchecked(fragment: string): unknown {
  const inflated = inflateLink(fragment);
  if (!inflated.ok) throw new Error(inflated.error.message);
  return unpackLink(inflated, true);
}

describe('the preview of a link before its check', () => {
  const designs = [
    ...Object.values(EXAMPLES).map((example) => example.design()),
    ...[100, 300, 1000].map((vpcs) => generateDesign({ vpcs, seed: 7 })),
    generateDesign({ vpcs: 300, seed: 11 }),
  ];
  it.each(designs.map((design, i) => [i, design] as const))(
    'is the preview of the checked design (design %i)',
    (_, design) => {
      const fragment = encode(design);
      const decoded = decode(fragment);
      if (!decoded.ok) throw new Error(decoded.error.message);
      const preview = previewOfLink(fragment, screen);
      expect(preview).toEqual(previewOf(decoded.design, screen));
      if (preview) expect(plainPreview(preview)).toBe(true);
      // The defaults put back are the check's own: the previewed copy checks to the same design.
      const completed = loadDesignValue(unchecked(fragment));
      expect(completed.ok && completed.design).toEqual(decoded.design);
    },
  );

  it('is a large design in the links the app writes for one', () => {
    const preview = previewOfLink(encode(generateDesign({ vpcs: 300, seed: 7 })), screen);
    expect(preview?.vpcs).toBe(300);
  });

  it('is none for a damaged link, a small design or a window with no room', () => {
    const fragment = encode(generateDesign({ vpcs: 300, seed: 7 }));
    const damaged = fragment.slice(0, 500) + (fragment[500] === 'A' ? 'B' : 'A') + fragment.slice(501);
    expect(previewOfLink(damaged, screen)).toBeNull();
    expect(previewOfLink(fragment.slice(0, 9000), screen)).toBeNull();
    expect(previewOfLink(encode(EXAMPLES['example-1'].design()), screen)).toBeNull();
    expect(previewOfLink(fragment, { width: 0, height: 0 })).toBeNull();
  });

  it('is refused when text from the link would reach the page in place of a number', () => {
    const design = generateDesign({ vpcs: 300, seed: 7 });
    const packed = packDesign(design) as unknown as Record<string, unknown>;
    const value = unchecked(encodePackedJson(JSON.stringify(packed))) as { layout?: Record<string, unknown> };
    const preview = previewOf(value as never, screen)!;
    expect(plainPreview(preview)).toBe(true);
    const hostile = structuredClone(preview);
    hostile.nodes[0]!.box.x = 'url(https://example.com/)' as never;
    expect(plainPreview(hostile)).toBe(false);
    const named = structuredClone(preview);
    named.boxes[0] = ['pnd-overview-vpc', `M0 0${'<script>'}`];
    expect(plainPreview(named)).toBe(false);
    const classed = structuredClone(preview);
    classed.lines[0] = ['pnd-flow x" onclick="y', 'M0 0L1 1'];
    expect(plainPreview(classed)).toBe(false);
  });

  it('is there for a large design the check then refuses (the page removes it: e2e/preview-refused)', () => {
    const design = generateDesign({ vpcs: 300, seed: 7 });
    (design.vpcs[5] as unknown as { cidr: unknown }).cidr = 42;
    const fragment = encodePackedJson(JSON.stringify(packDesign(design)));
    expect(previewOfLink(fragment, screen)?.vpcs).toBe(300);
    const decoded = decodeInflated(inflateLink(fragment));
    expect(decoded.ok).toBe(false);
    expect(decoded).toEqual(decode(fragment));
  });

  it('leaves the answer for a refused design as decode gives it', () => {
    const fragment = encodePackedJson(JSON.stringify({ accounts: 'none' }));
    expect(decodeInflated(inflateLink(fragment))).toEqual(decode(fragment));
    expect(decode(fragment).ok).toBe(false);
  });
});
