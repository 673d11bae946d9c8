// Writes what is generated from the zod definition: schema/design.schema.json and the load checker
// src/model/design-check.generated.ts (tests/model/schema-file.test.ts keeps both fresh).
import { writeFileSync } from 'node:fs';
import { designJsonSchema } from '../src/model/schema';
import { DESIGN_CHECK_FILE, designCheckText } from './gen-design-check';

export const SCHEMA_FILE = new URL('../schema/design.schema.json', import.meta.url);

export function schemaText(): string {
  return JSON.stringify(designJsonSchema(), null, 2) + '\n';
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  writeFileSync(SCHEMA_FILE, schemaText());
  console.log('wrote schema/design.schema.json');
  writeFileSync(DESIGN_CHECK_FILE, await designCheckText());
  console.log('wrote src/model/design-check.generated.ts');
}
