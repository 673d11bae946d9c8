// The page's first chunk inflates a link with the browser's own DecompressionStream (Node has the
// same one), our preset dictionary put in front as a stored block. It must read every link exactly
// as fflate does, and never read a damaged one or a bomb as a design.
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/app/examples';
import { linkPreviewer, linkPreviewerNatively } from '../../src/app/link-preview';
import { generateDesign } from '../../src/model/generate';
import { encode } from '../../src/share';
import { inflateLink, inflateLinkNatively } from '../../src/share/inflate-link';
import { bombLink } from './bomb';

const screen = { width: 1440, height: 900 };

describe('inflating a link with the platform inflater', () => {
  const designs = [
    ...Object.values(EXAMPLES).map((example) => example.design()),
    ...[10, 300, 1000].map((vpcs) => generateDesign({ vpcs, seed: 7 })),
  ];

  it.each(designs.map((design, i) => [i, design] as const))(
    'reads design %i as fflate does',
    async (_, design) => {
      const fragment = encode(design);
      const native = await inflateLinkNatively(fragment);
      expect(native).not.toBeNull();
      expect(native).toEqual(inflateLink(fragment));
      // The dictionary matters: these links refer back into it from their first bytes.
      expect(native!.ok).toBe(true);
    },
  );

  it('gives the same preview', async () => {
    const fragment = encode(generateDesign({ vpcs: 300, seed: 7 }));
    const native = await linkPreviewerNatively(fragment);
    expect(native?.(screen)).toEqual(linkPreviewer(fragment)?.(screen));
    expect(native?.(screen)?.vpcs).toBe(300);
  });

  it('never reads a changed link as a design', async () => {
    const fragment = encode(generateDesign({ vpcs: 300, seed: 7 }));
    for (const at of [40, 500, 5000, fragment.length - 10]) {
      const ch = fragment[at] === 'A' ? 'B' : 'A';
      const damaged = fragment.slice(0, at) + ch + fragment.slice(at + 1);
      const native = await inflateLinkNatively(damaged);
      // A stream the platform refuses comes back as null (fflate then names the error), or as the
      // same failure fflate gives.
      if (native !== null) expect(native).toEqual(inflateLink(damaged));
      expect(native?.ok ?? false).toBe(false);
    }
  });

  it('stops a decompression bomb', async () => {
    expect(await inflateLinkNatively(bombLink())).toBeNull();
  });

  it('answers a link that does not read before inflating, as inflateLink does', async () => {
    expect(await inflateLinkNatively('d=9abc')).toEqual(inflateLink('d=9abc'));
    expect(await inflateLinkNatively('no design here')).toEqual(inflateLink('no design here'));
  });
});
