// Export speed: how long the Export panel waits to show Terraform and CloudFormation after an edit,
// and how long "Download all" takes to zip everything. Median of several runs, generated designs.
import { exportCloudFormation, exportTerraform, exportAll, exportZip } from '../src/export/index';
import { generateDesign } from '../src/model/generate';
import { time } from './timing';

const SIZES = [10, 100, 500, 2000];

console.log('| VPCs | Terraform ms | CloudFormation ms | all + zip ms | output KiB | zip KiB |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const vpcs of SIZES) {
  const design = generateDesign({ vpcs, seed: 42, regions: 6 });
  const runs = vpcs >= 1000 ? 3 : 7;
  const tf = time(runs, () => exportTerraform(design, []));
  const cfn = time(runs, () => exportCloudFormation(design, []));
  const files = exportAll(design, []);
  const zipMs = time(runs, () => exportZip(exportAll(design, [])));
  const size = files.reduce((n, f) => n + f.content.length, 0) / 1024;
  const zip = exportZip(files).length / 1024;
  console.log(
    `| ${vpcs} | ${tf.toFixed(1)} | ${cfn.toFixed(1)} | ${zipMs.toFixed(1)} | ${size.toFixed(0)} | ${zip.toFixed(0)} |`,
  );
}
