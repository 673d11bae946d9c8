// Reading a share link up to, but not including, the check of its design (codec.ts describes the
// format and its errors). Nothing here needs the design's zod definition, so the page's first chunk
// can read a link for its preview (app/link-preview.ts) without it, and the share worker can inflate
// a link while that definition is still being fetched.
import { Inflate } from 'fflate';
import { CURRENT_VERSION, FORMAT } from '../model/format';
import { parseJsonSafely } from '../model/json';
import type { LoadError } from '../model/parse';
import type { Design } from '../model/schema';
import { crc32, firstNonBase64UrlIndex, fromBase64Url } from './bytes';
import { DICTIONARY } from './dictionary';
import { designParameter, unescapeLink } from './fragment';
import { unpackDesign } from './pack';

export const FORMAT_TAG = '1';
/** No real design comes near this; a link that inflates past it is refused while inflating. */
export const MAX_DECOMPRESSED_BYTES = 5 * 1024 * 1024;

/**
 * Compressed input is fed in slices this big, so a bomb overshoots the limit by at most ~16 MB
 * (deflate expands at most ~1,000-fold) before it is refused. Each slice costs fflate a fresh output
 * buffer of 160 KB: with 1 KB slices a 300-VPC link made 40 of them, which while the code is still
 * cold was half of the page's first task (measured in Chromium: that task 205-223 ms → 157-164 ms).
 */
const INFLATE_SLICE = 16384;
export const CHECKSUM_BYTES = 4;

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

export type LinkFailure = Extract<DecodeResult, { ok: false }>;

export function failure(kind: LinkErrorKind, problem: string, errors?: LoadError[]): LinkFailure {
  const message = `${problem}\n${GET_A_GOOD_LINK}`;
  return { ok: false, error: errors ? { kind, message, errors } : { kind, message } };
}

/** A link whose data parsed; `packed` is unchecked (anything JSON can hold). */
export interface Inflated {
  ok: true;
  packed: unknown;
  /** The link had been percent-encoded once or more on its way (and was decoded again). */
  doubleEncoded: boolean;
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
  return { ok: true, bytes: joined(chunks, total) };
}

/** The chunks an inflater handed out, in one array of their `total` length. */
function joined(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
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
export const CORRUPTED =
  'This share link is damaged: its design data does not check out, so characters were changed or lost ' +
  'on the way.';

/** The link's design as unpacked for the check (`defaults`: see unpackDesign). */
export function unpackLink({ packed }: Inflated, defaults = false): unknown {
  return unpackDesign(packed, FORMAT, CURRENT_VERSION, defaults);
}

/** A link read up to its DEFLATE data: what inflating it needs, and what judging the result needs. */
interface ReadLink {
  ok: true;
  compressed: Uint8Array;
  crc: number;
  /** The payload ended in an ellipsis (a shortened link): a bad stream then means cut, not altered. */
  ellipsis: boolean;
  payloadLength: number;
  doubleEncoded: boolean;
}

/**
 * The first half of decoding (codec.ts): the link's design data inflated and parsed, but not yet
 * unpacked or checked. Throws only where decode would.
 */
export function inflateLink(fragmentOrLink: string): Inflated | LinkFailure {
  const read = readLink(fragmentOrLink);
  return read.ok ? finishLink(read, inflateBounded(read.compressed)) : read;
}

/**
 * inflateLink with the browser's own inflater (DecompressionStream), which needs no warm-up: fflate's
 * JavaScript runs cold the first time, and for a large link that was most of the page's first task.
 * The same reading and judging of the result; null where the platform has no such stream or it
 * fails in any way (the caller then inflates with inflateLink, which gives the exact error).
 */
export async function inflateLinkNatively(fragmentOrLink: string): Promise<Inflated | LinkFailure | null> {
  const read = readLink(fragmentOrLink);
  if (!read.ok) return read;
  const bytes = await inflateNatively(read.compressed);
  return bytes ? finishLink(read, { ok: true, bytes }) : null;
}

/**
 * A raw DEFLATE stream inflated by DecompressionStream, with our preset dictionary: that stream
 * takes none, so the dictionary goes in front as a stored block, whose bytes then stand in the
 * window exactly where a preset dictionary would, and are cut from the output again. Null when the
 * stream is missing, fails, or unpacks past the limit.
 */
async function inflateNatively(compressed: Uint8Array): Promise<Uint8Array | null> {
  if (typeof DecompressionStream === 'undefined') return null;
  const dict = DICTIONARY.subarray(-32768);
  // A stored block, not the last: BFINAL 0, BTYPE 00, padding, then LEN and its complement.
  const stored = new Uint8Array(5 + dict.length + compressed.length);
  stored[1] = dict.length & 255;
  stored[2] = dict.length >> 8;
  stored[3] = ~dict.length & 255;
  stored[4] = (~dict.length >> 8) & 255;
  stored.set(dict, 5);
  stored.set(compressed, 5 + dict.length);
  try {
    const stream = new Blob([stored]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_DECOMPRESSED_BYTES + dict.length) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
    return joined(chunks, total).subarray(dict.length);
  } catch {
    return null;
  }
}

function readLink(fragmentOrLink: string): ReadLink | LinkFailure {
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
  return {
    ok: true,
    compressed: bytes.subarray(header.start, header.end),
    crc: header.crc,
    ellipsis,
    payloadLength: payload.length,
    doubleEncoded: rounds > 0,
  };
}

/** The inflated bytes judged: their checksum, then text, then JSON. */
function finishLink(read: ReadLink, inflated: InflateOutcome): Inflated | LinkFailure {
  const { ellipsis, payloadLength } = read;
  if (!inflated.ok) {
    if (inflated.kind === 'too-large') {
      return failure(
        'too-large',
        `This share link unpacks to more than ${MAX_DECOMPRESSED_BYTES / 1024 / 1024} MB, far more than any ` +
          'design needs; it was not opened.',
      );
    }
    // Every declared byte is present, so a stream that still ends early was altered, not cut.
    return ellipsis ? failure('truncated', TRUNCATED(payloadLength)) : failure('corrupted', CORRUPTED);
  }
  if (crc32(inflated.bytes) !== read.crc) {
    return ellipsis ? failure('truncated', TRUNCATED(payloadLength)) : failure('corrupted', CORRUPTED);
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
  return { ok: true, packed, doubleEncoded: read.doubleEncoded };
}
