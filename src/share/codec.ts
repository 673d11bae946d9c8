// Share links: the whole design in the URL fragment, `#d=<tag><payload>`. Nothing in the fragment
// reaches a server (browsers never send it), so a design shared this way stays between the people
// who hold the link.
//
// Format tag "1": payload = base64url( length of the DEFLATE data (unsigned LEB128)
//                                     ‖ CRC-32 of the packed JSON (4 bytes, big-endian)
//                                     ‖ raw DEFLATE of the packed JSON with the preset dictionary )
// The length tells a link cut short from one with altered characters; the checksum catches
// alterations that still inflate.
// The packed JSON is described in pack.ts and the dictionary in dictionary.ts; both are frozen
// with the tag. A new encoding gets a new tag, and old tags keep decoding.
//
// Decoding never throws and never evaluates anything: each way a link can arrive damaged (cut short
// by a chat app, percent-encoded twice, characters altered, unknown tag, a decompression bomb, JSON
// that is not a design) yields a typed error whose message says what is wrong and how to get a good
// link. The CLI prints the same message the app shows.
import { deflateSync, strToU8 } from 'fflate';
import { formatLoadErrors, loadDesignValue } from '../model/parse';
import type { Design } from '../model/schema';
import { crc32, toBase64Url } from './bytes';
import { DICTIONARY } from './dictionary';
import { PARAM } from './fragment';
import {
  CHECKSUM_BYTES,
  CORRUPTED,
  failure,
  FORMAT_TAG,
  inflateLink,
  type DecodeResult,
  type Inflated,
  type LinkFailure,
  unpackLink,
} from './inflate-link';
import { packDesign } from './pack';

export { carriesDesign, PARAM } from './fragment';
export {
  FORMAT_TAG,
  inflateLink,
  MAX_DECOMPRESSED_BYTES,
  type DecodeResult,
  type Inflated,
  type LinkError,
  type LinkErrorKind,
  type LinkFailure,
  unpackLink,
} from './inflate-link';

/** Links past this length break in Microsoft Teams (2,048) and get mangled by Slack and mail clients. */
export const LINK_LENGTH_ADVICE = 2000;

/** The fragment for a design, without `#`: `d=1…`. */
export function encode(design: Design): string {
  return encodePackedJson(JSON.stringify(packDesign(design)));
}

/** The tag-"1" fragment for packed JSON text as is (tests build hostile links with it). */
export function encodePackedJson(text: string): string {
  const json = strToU8(text);
  const compressed = deflateSync(json, { level: 9, dictionary: DICTIONARY });
  const length: number[] = [];
  for (let n = compressed.length; ; n = Math.floor(n / 128)) {
    if (n < 128) {
      length.push(n);
      break;
    }
    length.push((n % 128) | 128);
  }
  const header = length.length + CHECKSUM_BYTES;
  const bytes = new Uint8Array(header + compressed.length);
  bytes.set(length);
  new DataView(bytes.buffer).setUint32(length.length, crc32(json));
  bytes.set(compressed, header);
  return `${PARAM}=${FORMAT_TAG}${toBase64Url(bytes)}`;
}

/** A full link: the base URL (any fragment it had is replaced) plus the design fragment. */
export function shareLink(design: Design, baseUrl: string): string {
  const hash = baseUrl.indexOf('#');
  return `${hash < 0 ? baseUrl : baseUrl.slice(0, hash)}#${encode(design)}`;
}

/** Keeps decode's promise never to throw, should a failure slip by the ones it knows. */
function lastResort(decoding: () => DecodeResult): DecodeResult {
  try {
    return decoding();
  } catch (err) {
    return failure('corrupted', `${CORRUPTED} (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * Reads a design from a share link, its fragment (`#d=…` or `d=…`), even when percent-encoded twice.
 * Never throws; never evaluates anything from the link.
 */
export function decode(fragmentOrLink: string): DecodeResult {
  return lastResort(() => decodeStrict(fragmentOrLink));
}

/** decode without its last-resort catch: the fuzz test calls it so that a slipped exception shows. */
export function decodeStrict(fragmentOrLink: string): DecodeResult {
  const inflated = inflateLink(fragmentOrLink);
  return inflated.ok ? checkInflated(inflated) : inflated;
}

/** decode's second half, for a link inflateLink has read (the share worker fetches the check meanwhile). */
export function decodeInflated(inflated: Inflated | LinkFailure): DecodeResult {
  return lastResort(() => (inflated.ok ? checkInflated(inflated) : inflated));
}

function checkInflated(inflated: Inflated): DecodeResult {
  const loaded = loadDesignValue(unpackLink(inflated));
  if (!loaded.ok) {
    return failure(
      'not-a-design',
      `This share link holds data that is not a valid network design:\n${formatLoadErrors(loaded.errors.slice(0, 10))}` +
        (loaded.errors.length > 10 ? `\n…and ${loaded.errors.length - 10} more` : ''),
      loaded.errors,
    );
  }
  return {
    ok: true,
    design: loaded.design,
    doubleEncoded: inflated.doubleEncoded,
    migrations: loaded.migrations,
  };
}
