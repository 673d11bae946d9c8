import { exportCloudFormation } from './src/export/index';
import { generateDesign } from './src/model/generate';
const g = generateDesign({ vpcs: 1000, seed: 1 });
for (let i = 0; i < 2; i++) { const t0 = Date.now(); const f = exportCloudFormation(g, []); console.log('ms', Date.now() - t0, f.length); }
const one = generateDesign({ vpcs: 1000, seed: 1, regions: 1 });
for (const v of one.vpcs) v.account = 'acct-backup';
for (const w of one.workerConfigurations) w.account = 'acct-backup';
for (const r of one.repositories) r.account = 'acct-backup';
const t0 = Date.now(); const f = exportCloudFormation(one, []); console.log('one scope ms', Date.now() - t0, f.length);
console.log(f.find(x=>x.path==='DEPLOY.md')!.content.slice(0, 3000));
