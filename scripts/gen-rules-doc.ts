// `npm run docs:rules`: writes docs/rules.md from the rule catalog's meta. A unit test fails when the
// committed file is stale, so CI catches a rule changed without regenerating the catalog.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../src/rules/catalog-doc';
import { RULES } from '../src/rules/registry';

const target = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(target, renderRulesDoc(RULES));
console.log(`wrote ${target} (${RULES.length} rules)`);
