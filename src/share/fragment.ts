// Whether a fragment carries a design, and where: no codec, no schema, so the page can ask before
// anything else is loaded (app/early-link.ts starts decoding the link on the strength of it).

/** The fragment parameter that holds a design. */
export const PARAM = 'd';

/** True when a URL fragment (with or without `#`) carries a design parameter, damaged or not. */
export function carriesDesign(fragmentOrLink: string): boolean {
  return designParameter(unescapeLink(fragmentOrLink.trim()).text) !== null;
}

/** Percent-decodes until nothing is escaped any more (a link encoded twice comes back in one piece). */
export function unescapeLink(text: string): { text: string; rounds: number } {
  let rounds = 0;
  while (rounds < 4 && /%[0-9A-Fa-f]{2}/.test(text)) {
    let next: string;
    try {
      next = decodeURIComponent(text);
    } catch {
      // Malformed UTF-8 escapes elsewhere must not hide the ASCII ones that carry the design.
      next = text.replace(/%([0-7][0-9A-Fa-f])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
    if (next === text) break;
    text = next;
    rounds++;
  }
  return { text, rounds };
}

/** The value of `d=` in the fragment of a link (or in a bare fragment), or null. */
export function designParameter(text: string): string | null {
  // After a `#` or `&`, or at the very start (a bare fragment); the value runs to the next `&`, so
  // a stray `#` inside it is reported as a bad character rather than hiding the design.
  const match = new RegExp(`(?:^\\s*|[#&])${PARAM}=([^&]*)`).exec(text);
  return match ? match[1]! : null;
}
