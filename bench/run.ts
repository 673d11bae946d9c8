// `npm run bench`: runs every bench/*.bench.ts in turn; each prints its own table of numbers.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { goalSummary } from './goals';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n## ${file}`);
  await import(join(here, file));
}

const summary = goalSummary();
if (summary) console.log(`\n## goals\n${summary}`);
