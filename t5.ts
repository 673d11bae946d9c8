import { Document } from 'yaml';
import { exportCloudFormation } from './src/export/index';
import { parse } from 'yaml';
import { generateDesign } from './src/model/generate';
const g = generateDesign({ vpcs: 300, seed: 1 });
const docs = exportCloudFormation(g, []).filter(f=>f.language==='yaml').map(f=>parse(f.content));
for (const custom of [false, true]) {
  const t0 = Date.now();
  for (const v of docs) new Document(v, { version: '1.1', aliasDuplicateObjects: false, ...(custom ? { customTags: (tags: any[]) => tags.filter((t) => (typeof t === 'string' ? t !== 'merge' : t.tag !== 'tag:yaml.org,2002:merge')) } : {}) }).toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', doubleQuotedAsJSON: true, lineWidth: 0, minContentWidth: 0 });
  console.log(custom, Date.now() - t0);
}
