// A tiny decoder for HCL quoted string literals (templates without interpolation), written from the
// HCL native syntax spec independently of the exporter: it is the oracle the escaping is checked
// against. An unescaped `${` or `%{` is a template sequence, i.e. user text turned into code: it throws.

export function decodeHclString(literal: string): string {
  if (!literal.startsWith('"') || !literal.endsWith('"') || literal.length < 2) {
    throw new Error(`not a quoted literal: ${literal}`);
  }
  const s = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      const e = s[++i];
      if (e === 'n') out += '\n';
      else if (e === 'r') out += '\r';
      else if (e === 't') out += '\t';
      else if (e === '"') out += '"';
      else if (e === '\\') out += '\\';
      else if (e === 'u') {
        out += String.fromCodePoint(parseInt(s.slice(i + 1, i + 5), 16));
        i += 4;
      } else if (e === 'U') {
        out += String.fromCodePoint(parseInt(s.slice(i + 1, i + 9), 16));
        i += 8;
      } else throw new Error(`bad escape \\${e} in ${literal}`);
    } else if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') {
      out += `${c}{`;
      i += 2;
    } else if ((c === '$' || c === '%') && s[i + 1] === '{') {
      throw new Error(`template sequence ${c}{ in ${literal}`);
    } else if (c === '"' || c === '\n') {
      throw new Error(`raw ${JSON.stringify(c)} in ${literal}`);
    } else out += c;
  }
  return out;
}

/** Every `Name = "…"` tag value in a file, decoded, in order. */
export function nameTags(hcl: string): string[] {
  return [...hcl.matchAll(/tags\s+= \{ Name = ("(?:[^"\\]|\\.)*") \}/g)].map((m) => decodeHclString(m[1]!));
}

/** How many `resource "<type>"` blocks the files declare. */
export function countResources(files: readonly { content: string }[], type: string): number {
  const re = new RegExp(`^resource "${type}" "`, 'gm');
  return files.reduce((n, f) => n + (f.content.match(re)?.length ?? 0), 0);
}
