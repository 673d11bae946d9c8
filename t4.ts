import { exportCloudFormation } from './src/export/index';
import { generateDesign } from './src/model/generate';
const g = generateDesign({ vpcs: 1000, seed: 1 });
const t0 = Date.now(); exportCloudFormation(g, []); console.log('ms', Date.now() - t0);
