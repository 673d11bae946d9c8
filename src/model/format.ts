// The document's identity, apart from its zod definition (schema.ts): code that only has to
// recognise a design — the first look at a link, for its preview — reads these without zod.
export const FORMAT = 'vbaws-network-design';
export const CURRENT_VERSION = 1;
