import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { schemaText, SCHEMA_FILE } from '../../scripts/write-schema';
import { DESIGN_CHECK_FILE, designCheckText } from '../../scripts/gen-design-check';

it('schema/design.schema.json matches the zod definition (run `npm run schema` after changing the schema)', () => {
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
});

it('the generated load checker matches the zod definition (run `npm run schema` after changing the schema)', async () => {
  expect(readFileSync(DESIGN_CHECK_FILE, 'utf8')).toBe(await designCheckText());
});
