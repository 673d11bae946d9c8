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
import { deflateSync, Inflate, strToU8 } from 'fflate';
import { formatLoadErrors, loadDesignValue, parseJsonSafely, type LoadError } from '../model/parse';
import { CURRENT_VERSION, FORMAT, type Design } from '../model/schema';
import { crc32, firstNonBase64UrlIndex, fromBase64Url, toBase64Url } from './bytes';
import { DICTIONARY } from './dictionary';
import { designParameter, PARAM, unescapeLink } from './fragment';
import { packDesign, unpackDesign } from './pack';

export { carriesDesign, PARAM } from './fragment';

export const FORMAT_TAG = '1';
/** Links past this length break in Microsoft Teams (2,048) and get mangled by Slack and mail clients. */
export const LINK_LENGTH_ADVICE = 2000;
/** No real design comes near this; a link that inflates past it is refused while inflating. */
export const MAX_DECOMPRESSED_BYTES = 5 * 1024 * 1024;

/** Compressed input is fed in slices this big, so a bomb overshoots the limit by at most ~1 MB. */
const INFLATE_SLICE = 1024;
const CHECKSUM_BYTES = 4;

export type LinkErrorKind =
  | 'missing'
  | 'truncated'
  | 'bad-characters'
  | 'corrupted'
  | 'unknown-format'
  | 'too-large'
  | 'not-json'
  | 'not-a-design';

export interface LinkError {
  kind: LinkErrorKind;
  /** What is wrong and how to get a good link; shown as is by the app and the CLI. */
  message: string;
  /** For `not-a-design`: the load errors with their JSON paths. */
  errors?: LoadError[];
}

export type DecodeResult =
  | {
      ok: true;
      design: Design;
      /** The link had been percent-encoded once or more on its way (and was decoded again). */
      doubleEncoded: boolean;
      /** Migrations applied to reach the current format version. */
      migrations: string[];
    }
  | { ok: false; error: LinkError };

const GET_A_GOOD_LINK =
  'To get a good link, ask the sender to copy it again with Share → Copy link, or to send the design ' +
  'as a .json file (Save) instead.';

function failure(kind: LinkErrorKind, problem: string, errors?: LoadError[]): DecodeResult {
  const message = `${problem}\n${GET_A_GOOD_LINK}`;
  return { ok: false, error: errors ? { kind, message, errors } : { kind, message } };
}

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

/** Mail clients wrap long links and chat apps add invisible characters or end punctuation. */
function tidyPayload(raw: string): { payload: string; ellipsis: boolean } {
  let payload = raw.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
  const tail = /[.,;:!?)\]}>'"»”’…]+$/.exec(payload);
  const ellipsis = tail !== null && /…|\.\.\./.test(tail[0]);
  if (tail) payload = payload.slice(0, tail.index);
  return { payload, ellipsis };
}

function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0)!;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return code < 32 || code === 127 ? `U+${hex}` : `"${ch}" (U+${hex})`;
}

type InflateOutcome = { ok: true; bytes: Uint8Array } | { ok: false; kind: 'corrupted' | 'too-large' };

/** Streaming inflate with a running byte count, so a decompression bomb is stopped early. */
function inflateBounded(compressed: Uint8Array): InflateOutcome {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const inflate = new Inflate({ dictionary: DICTIONARY }, (chunk) => {
    total += chunk.length;
    if (total > MAX_DECOMPRESSED_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < compressed.length && !tooLarge; offset += INFLATE_SLICE) {
      inflate.push(compressed.subarray(offset, offset + INFLATE_SLICE), false);
    }
    if (!tooLarge) inflate.push(new Uint8Array(0), true);
  } catch {
    // fflate throws on an invalid block, code or distance, and on a stream without its final block.
    return { ok: false, kind: tooLarge ? 'too-large' : 'corrupted' };
  }
  if (tooLarge) return { ok: false, kind: 'too-large' };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}

/** The length and checksum before the DEFLATE data, or null when the bytes end inside them. */
function readHeader(bytes: Uint8Array): { start: number; end: number; crc: number } | null {
  let length = 0;
  let i = 0;
  for (let scale = 1; ; scale *= 128, i++) {
    // Five LEB128 bytes already exceed any length a link can carry.
    if (i >= 5) return { start: 0, end: Infinity, crc: 0 };
    if (i >= bytes.length) return null;
    const byte = bytes[i]!;
    length += (byte & 127) * scale;
    if (byte < 128) break;
  }
  const start = i + 1 + CHECKSUM_BYTES;
  if (bytes.length < start) return null;
  return { start, end: start + length, crc: new DataView(bytes.buffer, bytes.byteOffset).getUint32(i + 1) };
}

const TRUNCATED = (length: number) =>
  `This share link is incomplete: it was cut off after ${length} characters of design data. Chat apps ` +
  'and mail clients often shorten long links.';
const CORRUPTED =
  'This share link is damaged: its design data does not check out, so characters were changed or lost ' +
  'on the way.';

/**
 * Reads a design from a share link, its fragment (`#d=…` or `d=…`), even when percent-encoded twice.
 * Never throws; never evaluates anything from the link.
 */
export function decode(fragmentOrLink: string): DecodeResult {
  try {
    return decodeStrict(fragmentOrLink);
  } catch (err) {
    // decodeStrict handles every failure it knows; this keeps the API's promise should one slip by.
    return failure('corrupted', `${CORRUPTED} (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** decode without its last-resort catch: the fuzz test calls it so that a slipped exception shows. */
export function decodeStrict(fragmentOrLink: string): DecodeResult {
  const input = String(fragmentOrLink).trim();
  // Base64 of more than the decompressed limit cannot be a design: refuse before any work.
  if (input.length > ((MAX_DECOMPRESSED_BYTES + 64 * 1024) * 4) / 3 + 4096) {
    return failure(
      'too-large',
      `This share link is ${input.length.toLocaleString('en-US')} characters long, far more than any design needs; it was not opened.`,
    );
  }
  const { text, rounds } = unescapeLink(input);
  const param = designParameter(text);
  if (param === null) {
    return failure('missing', 'This is not a share link of Private Network Designer: it has no "#d=" part.');
  }
  const { payload: tagged, ellipsis } = tidyPayload(param);
  if (tagged.length === 0) {
    return failure('truncated', 'This share link is empty after "#d=": the design data was cut off.');
  }
  const tag = tagged[0]!;
  if (tag !== FORMAT_TAG) {
    if (/^[A-Za-z0-9]$/.test(tag)) {
      return failure(
        'unknown-format',
        `This share link uses design format "${tag}", which this version of Private Network Designer does not ` +
          'know. It may come from a newer version (reload to update the app), or the link was altered.',
      );
    }
    return failure(
      'bad-characters',
      `This share link contains ${describeCharacter(tag)} where its format tag should be, so it was altered on the way.`,
    );
  }
  const payload = tagged.slice(1);
  const bad = firstNonBase64UrlIndex(payload);
  if (bad >= 0) {
    const ch = String.fromCodePoint(payload.codePointAt(bad)!);
    return failure(
      'bad-characters',
      `This share link contains ${describeCharacter(ch)} at position ${bad + 1} of its design data, a character ` +
        'a share link never has, so it was altered on the way.',
    );
  }
  const bytes = fromBase64Url(payload);
  const header = bytes && readHeader(bytes);
  if (!bytes || !header) return failure('truncated', TRUNCATED(payload.length));
  if (header.end > bytes.length) {
    // Cut short, unless the length itself was altered into something no link can have.
    return header.end > MAX_DECOMPRESSED_BYTES + 64 * 1024
      ? failure('corrupted', CORRUPTED)
      : failure('truncated', TRUNCATED(payload.length));
  }
  // Anything after the declared end (a chat app's appended text) is ignored: the checksum decides.
  const inflated = inflateBounded(bytes.subarray(header.start, header.end));
  if (!inflated.ok) {
    if (inflated.kind === 'too-large') {
      return failure(
        'too-large',
        `This share link unpacks to more than ${MAX_DECOMPRESSED_BYTES / 1024 / 1024} MB, far more than any ` +
          'design needs; it was not opened.',
      );
    }
    // Every declared byte is present, so a stream that still ends early was altered, not cut.
    return ellipsis ? failure('truncated', TRUNCATED(payload.length)) : failure('corrupted', CORRUPTED);
  }
  if (crc32(inflated.bytes) !== header.crc) {
    return ellipsis ? failure('truncated', TRUNCATED(payload.length)) : failure('corrupted', CORRUPTED);
  }

  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return failure('not-json', 'This share link does not hold a design: its data is not text.');
  }
  let packed: unknown;
  try {
    packed = parseJsonSafely(json);
  } catch (err) {
    return failure(
      'not-json',
      `This share link does not hold a design: its data is not JSON (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
  const loaded = loadDesignValue(unpackDesign(packed, FORMAT, CURRENT_VERSION));
  if (!loaded.ok) {
    return failure(
      'not-a-design',
      `This share link holds data that is not a valid network design:\n${formatLoadErrors(loaded.errors.slice(0, 10))}` +
        (loaded.errors.length > 10 ? `\n…and ${loaded.errors.length - 10} more` : ''),
      loaded.errors,
    );
  }
  return { ok: true, design: loaded.design, doubleEncoded: rounds > 0, migrations: loaded.migrations };
}
