// Writes schema/design.schema.json from the zod definition (tests/model/schema-file.test.ts keeps it fresh).
import { writeFileSync } from 'node:fs';
import { designJsonSchema } from '../src/model/schema';

export const SCHEMA_FILE = new URL('../schema/design.schema.json', import.meta.url);

export function schemaText(): string {
  return JSON.stringify(designJsonSchema(), null, 2) + '\n';
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  writeFileSync(SCHEMA_FILE, schemaText());
  console.log('wrote schema/design.schema.json');
}
