import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { schemaText, SCHEMA_FILE } from '../../scripts/write-schema';

it('schema/design.schema.json matches the zod definition (run `npm run schema` after changing the schema)', () => {
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
});
