// The small vocabulary every CloudFormation builder writes with: intrinsic functions, Name tags,
// user text made safe for the places it lands, and the patterns cross-stack parameters accept.
import { tagValue, wellFormed } from '../text';

export type Json = unknown;
export const ref = (name: string): Json => ({ Ref: name });
export const getAtt = (name: string, attribute: string): Json => ({ 'Fn::GetAtt': [name, attribute] });
export const join = (parts: Json[]): Json => ({ 'Fn::Join': ['', parts] });

/**
 * A user-written string as a property value. CloudFormation reads `${…}` in a plain string as a
 * forgotten Fn::Sub (cfn-lint E1029); its own escape is `${!…}` inside Fn::Sub, which yields the
 * literal text. `${!x}` becomes `${!!x}`, which yields `${!x}`: every string round-trips.
 */
export function literal(s: string): Json {
  return s.includes('${') ? { 'Fn::Sub': s.replace(/\$\{/g, '${!') } : s;
}

export const nameTags = (name: string): Json => [{ Key: 'Name', Value: literal(tagValue(name)) }];

/**
 * Text for a Description (template, parameter, output), which takes no intrinsic function: the
 * `${` of a name is written `$ {` so that it is not read as a substitution; CloudFormation counts
 * the limit in bytes.
 */
export function description(s: string, max: number): string {
  return truncateBytes(s.replace(/\$\{/g, '$ {'), max);
}

export function truncateBytes(s: string, max: number): string {
  const text = wellFormed(s);
  // A UTF-16 code unit never takes more than 3 bytes in UTF-8: most texts need no counting.
  if (text.length * 3 <= max) return text;
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= max) return text;
  let out = '';
  let bytes = 0;
  for (const c of text) {
    const n = encoder.encode(c).length;
    if (bytes + n > max) break;
    out += c;
    bytes += n;
  }
  return out;
}

export type ValueKind = 'vpc' | 'group' | 'peering' | 'role' | 'tgw' | 'tgwAttachment' | 'tgwRouteTable';

export const PATTERNS: Record<ValueKind | 'nat', { pattern: string; what: string }> = {
  vpc: { pattern: '^$|^vpc-[0-9a-f]{8,17}$', what: 'a VPC id (vpc-…)' },
  group: { pattern: '^$|^sg-[0-9a-f]{8,17}$', what: 'a security group id (sg-…)' },
  peering: { pattern: '^$|^pcx-[0-9a-f]{8,17}$', what: 'a VPC peering connection id (pcx-…)' },
  role: { pattern: '^$|^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$', what: 'an IAM role ARN' },
  tgw: { pattern: '^$|^tgw-[0-9a-f]{8,17}$', what: 'a Transit Gateway id (tgw-…)' },
  tgwAttachment: {
    pattern: '^$|^tgw-attach-[0-9a-f]{8,17}$',
    what: 'a Transit Gateway attachment id (tgw-attach-…)',
  },
  tgwRouteTable: {
    pattern: '^$|^tgw-rtb-[0-9a-f]{8,17}$',
    what: 'a Transit Gateway route table id (tgw-rtb-…)',
  },
  nat: { pattern: '^$|^nat-[0-9a-f]{8,17}$', what: 'a NAT gateway id (nat-…)' },
};

/** A piece of a logical id for free text such as a CIDR: `10.0.0.0/16` → `10x0x0x0x16`. */
export function idPart(s: string): string {
  return s.replace(/[^A-Za-z0-9]/g, 'x');
}
