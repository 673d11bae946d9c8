// Turning user-written text (names, descriptions, finding messages) into something every output
// format can carry. Names are data: each emitter escapes them for its own syntax; these helpers do
// the parts that are the same everywhere.

/** Lone UTF-16 surrogates cannot be written as UTF-8; they become U+FFFD (what TextEncoder does too). */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Code points that must not appear raw inside a one-line comment or a quoted literal: C0/C1 controls,
 * DEL, characters YAML 1.1 or JavaScript treat as line breaks (NEL, LS, PS), the bidirectional
 * overrides that can make text read differently from what it is, BOM and the noncharacters
 * U+FFFE/U+FFFF (not printable in YAML).
 */
export const UNSAFE_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g;

function hex4(c: string): string {
  return c.charCodeAt(0).toString(16).padStart(4, '0');
}

/** Text for a comment line: no line break can end the comment early, and nothing is invisible. */
export function commentText(s: string): string {
  return wellFormed(s)
    .replace(/\\/g, '\\\\')
    .replace(UNSAFE_CHAR, (c) => {
      if (c === '\n') return '\\n';
      if (c === '\r') return '\\r';
      if (c === '\t') return '\\t';
      return `\\u${hex4(c)}`;
    });
}

/** A name quoted for a comment: `"a \"b\"\n"`. */
export function commentQuote(s: string): string {
  return `"${commentText(s).replace(/"/g, '\\"')}"`;
}

/** Characters EC2 accepts in security group names and rule descriptions (the intersection of both lists). */
const AWS_TEXT_ALLOWED = /[^A-Za-z0-9 ._\-:/()#,@[\]+=;{}!$*]/g;

/**
 * Text for an EC2 field that accepts only a restricted ASCII set and at most `max` characters (group
 * description, rule description). Other characters become `_`, runs of whitespace one space.
 */
export function awsText(s: string, max = 255): string {
  return Array.from(wellFormed(s).replace(/\s+/g, ' ').trim())
    .map((c) => c.replace(AWS_TEXT_ALLOWED, '_'))
    .join('')
    .slice(0, max)
    .trim();
}

/** EC2 tag values hold any character, up to 256 Unicode characters. */
export function tagValue(s: string): string {
  const chars = Array.from(wellFormed(s));
  return chars.length <= 256 ? chars.join('') : chars.slice(0, 256).join('');
}

/**
 * Markdown text (mid-line, e.g. in a table cell) that renders as the literal string: emphasis, code,
 * link and table punctuation escaped, HTML neutralised, kept on one line.
 */
export function markdownText(s: string): string {
  return commentText(s)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A code span for plain identifiers (stack names, regions), escaped text for anything else. */
export function markdownCode(s: string): string {
  return /^[A-Za-z0-9._:/-]+$/.test(s) ? `\`${s}\`` : markdownText(s);
}

/** FNV-1a, 32 bit: a short stable fingerprint of an id, for labels that must stay unique. */
export function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/**
 * A file name part a person recognises: the account's name in lower case, letters and digits only
 * (anything else becomes one dash), or the account's id when the name has none of those.
 */
export function fileSlug(name: string | undefined, fallback: string): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '');
  return slug(name ?? '') || slug(fallback) || 'account';
}

/** Hands out names that are unique within one namespace: a taken name gets `_2`, `_3`, … appended. */
export class NameRegistry {
  private readonly taken = new Set<string>();
  constructor(private readonly separator = '_') {}

  claim(preferred: string): string {
    let name = preferred;
    for (let n = 2; this.taken.has(name); n++) name = `${preferred}${this.separator}${n}`;
    this.taken.add(name);
    return name;
  }
}
