// Syntax colouring for the exported files. Our outputs are regular (HCL we write ourselves, YAML with
// every string double-quoted, JSON, a little Markdown), so one regular expression per language gives
// faithful colours without a highlighting library: no common one ships HCL in its core, and text
// stays text (React text nodes, never innerHTML), so a name can never become markup.

export type TokenKind = 'comment' | 'string' | 'key' | 'number' | 'keyword' | 'plain';
export interface Token {
  kind: TokenKind;
  text: string;
}
export type Language = 'hcl' | 'yaml' | 'json' | 'markdown';

const STRING = String.raw`"(?:[^"\\\n]|\\.)*"`;

/** One alternation per language; each named group is a token kind. Strings come first so `#` inside one stays string. */
const PATTERNS: Record<Language, RegExp> = {
  hcl: new RegExp(
    String.raw`(?<comment>#[^\n]*)|(?<string>${STRING})|(?<key>^[ \t]*[A-Za-z_][\w-]*(?=[ \t]*=)|^(?:resource|provider|variable|output|locals|terraform|data|module)\b)|(?<keyword>\b(?:true|false|null)\b)|(?<number>\b-?\d+\b)`,
    'gm',
  ),
  yaml: new RegExp(
    String.raw`(?<comment>(?:^|(?<=\s))#[^\n]*)|(?<string>${STRING})|(?<key>^[ \t]*(?:- )*[\w:-]+(?=:(?:\s|$)))|(?<keyword>\b(?:true|false|null)\b)|(?<number>(?<=:\s)-?\d+\b)`,
    'gm',
  ),
  json: new RegExp(
    String.raw`(?<key>${STRING}(?=\s*:))|(?<string>${STRING})|(?<keyword>\b(?:true|false|null)\b)|(?<number>-?\b\d+(?:\.\d+)?(?:[eE][-+]?\d+)?\b)`,
    'gm',
  ),
  markdown: new RegExp(
    String.raw`(?<comment><!--[\s\S]*?-->)|(?<key>^#{1,6} [^\n]*)|(?<string>\x60[^\x60\n]*\x60)`,
    'gm',
  ),
};

export function tokenize(text: string, language: Language): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const m of text.matchAll(PATTERNS[language])) {
    if (m[0] === '') continue;
    const start = m.index;
    if (start > at) tokens.push({ kind: 'plain', text: text.slice(at, start) });
    const groups = m.groups ?? {};
    const kind = (Object.keys(groups).find((k) => groups[k] !== undefined) ?? 'plain') as TokenKind;
    tokens.push({ kind, text: m[0] });
    at = start + m[0].length;
  }
  if (at < text.length) tokens.push({ kind: 'plain', text: text.slice(at) });
  return tokens;
}
