// The export pipeline's public face: a design (and its findings) in, files out. Pure: no I/O, no DOM,
// so the CLI, the Export panel and tests share it. The targets live in registry.ts.
export { exportCloudFormation } from './cloudformation/index';
export { exportTerraform, terraformLabels } from './terraform/index';
export { exportZip } from './zip';
export { GENERATOR_NAME, GENERATOR_VERSION, type ExportFile } from './header';
export { EXPORTERS, exportAll, exporter, exportJson, type Exporter } from './registry';
