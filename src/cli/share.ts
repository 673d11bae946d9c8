// `share encode FILE [--base-url URL]` prints a share link for a design file;
// `share decode LINK_OR_FRAGMENT` prints the design a link carries, as a format-1 file would hold it.
// A damaged link exits 2 with the message the app shows for it.
import { serializeDesign } from '../model/parse';
import { decode, shareLink } from '../share';
import { CliError, EXIT, readDesignFile } from './io';

/** The dev server's address (README: `npm run dev`); pass --base-url for a deployed copy. */
export const DEFAULT_BASE_URL = 'http://localhost:5173/';

export interface ShareOptions {
  baseUrl?: string;
}

function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new CliError(`--base-url: "${baseUrl}" is not a URL (expected e.g. https://designer.example.com/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CliError(`--base-url: expected an http or https URL, got ${url.protocol}`);
  return baseUrl;
}

export function runShare(action: string, input: string, options: ShareOptions): number {
  switch (action) {
    case 'encode': {
      const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
      process.stdout.write(shareLink(readDesignFile(input), baseUrl) + '\n');
      return EXIT.ok;
    }
    case 'decode': {
      const result = decode(input);
      if (!result.ok) throw new CliError(result.error.message, EXIT.unusable);
      process.stdout.write(serializeDesign(result.design));
      return EXIT.ok;
    }
    default:
      throw new CliError(
        `share: unknown action "${action}"; expected "encode FILE" or "decode LINK_OR_FRAGMENT"`,
      );
  }
}
