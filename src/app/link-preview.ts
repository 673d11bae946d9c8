// A received link's preview (preview.ts), computed by the page's first chunk on its main thread as
// soon as it runs: the thread is idle until the app's script arrives, and a worker would first
// have to start (measured: the picture came about a fifth sooner this way). The link's data is not
// checked yet — the decoding worker does that meanwhile — so anything odd in it, a throw or
// anything but numbers where boxes and lines go, means no picture: the app then draws the design as
// usual, and a design the check refuses is never drawn at all.
import type { Design } from '../model/schema';
import {
  inflateLink,
  inflateLinkNatively,
  unpackLink,
  type Inflated,
  type LinkFailure,
} from '../share/inflate-link';
import { plainPreview, previewOf, type Preview } from '../ui/canvas/preview';
import type { Size } from '../ui/canvas/view';

type Previewer = (inner: Size) => Preview | null;

/** Lays out the link's design for a window of any size — null when it has no picture there — or
 * is null itself when the link does not read. The link is read once, however often it is laid out. */
export function linkPreviewer(fragment: string): Previewer | null {
  try {
    return previewerOf(inflateLink(fragment));
  } catch {
    return null;
  }
}

/** linkPreviewer, with the link inflated by the browser's own inflater where it has one (see
 * inflateLinkNatively): the page's first chunk runs it while its own code is still cold. */
export async function linkPreviewerNatively(fragment: string): Promise<Previewer | null> {
  try {
    const inflated = await inflateLinkNatively(fragment);
    return inflated ? previewerOf(inflated) : linkPreviewer(fragment);
  } catch {
    return null;
  }
}

function previewerOf(inflated: Inflated | LinkFailure): Previewer | null {
  if (!inflated.ok) return null;
  const design = unpackLink(inflated, true) as Design;
  return (inner) => {
    try {
      const preview = previewOf(design, inner);
      return preview && plainPreview(preview) ? preview : null;
    } catch {
      return null;
    }
  };
}

/** The picture of the link's design in a window of size `inner`, or null when it has none. */
export function previewOfLink(fragment: string, inner: Size): Preview | null {
  return linkPreviewer(fragment)?.(inner) ?? null;
}
