// IPv4 CIDR blocks. ip-num validates every address and prefix and gives the block size; the parsed
// block keeps first/last as plain numbers so containment tests in hot loops stay cheap.
// Parsed blocks are memoised by text: a design repeats the same CIDRs many times (a VPC block in
// routes and rules of its peers), and the UI revalidates on every edit.
import { IPv4, IPv4Prefix, Validator } from 'ip-num';

export interface Cidr {
  readonly text: string;
  /** First and last address as unsigned 32-bit integers. */
  readonly first: number;
  readonly last: number;
  readonly prefix: number;
}

export type CidrParse = { ok: true; cidr: Cidr } | { ok: false; reason: string };

const SHAPE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\/\d{1,2}$/;
/**
 * A whole CIDR whose address ip-num's validator accepts: its IPv4 pattern (four decimal octets
 * 0–255 without leading zeros; the strictest of the validator's checks, which implies the others)
 * followed by a prefix length. One test of the text judges the address without cutting it out.
 */
const VALID_ADDRESS_SHAPE = new RegExp(
  `${Validator.IPV4_PATTERN.source.replace(/\$$/, '').replace(/\((?!\?)/g, '(?:')}/\\d{1,2}$`,
);
/** Each text's block, or the reason it is not one. */
const cache = new Map<string, Cidr | string>();
const CACHE_LIMIT = 200_000;
const prefixSizes: (number | undefined)[] = [];

/**
 * The address of a text that passed VALID_ADDRESS_SHAPE, as an unsigned 32-bit number: its four
 * octets in base 256, which is what IPv4.fromString(address).getValue() returns (a property test
 * holds both equal). That parse builds binary strings, octet objects and a BigInt per address,
 * and was a third of a freshly opened design's validation.
 */
function addressOf(text: string): number {
  let value = 0;
  let octet = 0;
  for (let i = 0; ; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */ || c === 47 /* / */) {
      value = value * 256 + octet;
      if (c === 47) return value;
      octet = 0;
    } else octet = octet * 10 + (c - 48);
  }
}

/** The number of addresses in a block of this prefix length, or undefined when it is not one. */
function prefixSize(length: number): number | undefined {
  if (!(length in prefixSizes)) {
    try {
      prefixSizes[length] = Number(IPv4Prefix.fromNumber(BigInt(length)).toRangeSize());
    } catch {
      prefixSizes[length] = undefined;
    }
  }
  return prefixSizes[length];
}

function parseUncached(text: string): Cidr | string {
  if (!VALID_ADDRESS_SHAPE.test(text)) {
    if (!SHAPE.test(text)) return 'not an IPv4 CIDR like 10.0.0.0/16';
    return `${text.slice(0, text.indexOf('/'))} is not an IPv4 address`;
  }
  const slash = text.indexOf('/');
  const first = addressOf(text);
  // One or two digits after the slash (the pattern says so).
  let prefix = text.charCodeAt(slash + 1) - 48;
  if (slash + 2 < text.length) prefix = prefix * 10 + text.charCodeAt(slash + 2) - 48;
  const size = prefixSize(prefix);
  if (size === undefined) return `/${text.slice(slash + 1)} is not a prefix length between 0 and 32`;
  const network = first - (first % size);
  if (network !== first) {
    const fixed = IPv4.fromNumber(BigInt(network)).toString();
    return `host bits are set; the block is ${fixed}/${text.slice(slash + 1)}`;
  }
  return { text, first, last: first + size - 1, prefix };
}

function lookup(text: string): Cidr | string {
  let hit = cache.get(text);
  if (hit === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    hit = parseUncached(text);
    cache.set(text, hit);
  }
  return hit;
}

export function parseCidr(text: string): CidrParse {
  const hit = lookup(text);
  return typeof hit === 'string' ? { ok: false, reason: hit } : { ok: true, cidr: hit };
}

/** Why the text is not a valid IPv4 CIDR, or undefined when it is one. */
export function cidrProblem(text: string): string | undefined {
  const hit = lookup(text);
  return typeof hit === 'string' ? hit : undefined;
}

/** The block, or undefined when the text is not a valid IPv4 CIDR (cidr/invalid reports it). */
export function cidrOf(text: string | undefined): Cidr | undefined {
  if (text === undefined) return undefined;
  const hit = lookup(text);
  return typeof hit === 'string' ? undefined : hit;
}

/** A single address as a /32 block, or undefined when it is not an IPv4 address. */
export function hostCidr(ip: string): Cidr | undefined {
  return cidrOf(`${ip}/32`);
}

/** Drops the parse memo (benchmarks measure a cold start with it). */
export function clearCidrCache(): void {
  cache.clear();
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

// RFC 1918 private address space.
const PRIVATE_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((p) => parseUncached(p) as Cidr);

export function isPrivate(block: Cidr): boolean {
  return PRIVATE_BLOCKS.some((p) => contains(p, block));
}

/** The block among `blocks` that holds `inner`, if any. */
export function blockHolding(blocks: readonly Cidr[], inner: Cidr): Cidr | undefined {
  // A loop, not find(): rules that run once per validation call it per subnet, a closure each.
  for (let i = 0; i < blocks.length; i++) if (contains(blocks[i]!, inner)) return blocks[i];
  return undefined;
}

/** Whether some block of `as` overlaps some block of `bs`. */
export function anyOverlap(as: readonly Cidr[], bs: readonly Cidr[]): boolean {
  for (let i = 0; i < as.length; i++)
    for (let j = 0; j < bs.length; j++) if (overlaps(as[i]!, bs[j]!)) return true;
  return false;
}
