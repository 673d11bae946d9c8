// The export pipeline's public face: a design (and its findings) in, files out. Pure: no I/O, no DOM,
// so the CLI, the Export panel and tests share it.
import { serializeDesign } from '../model/parse';
import type { Design } from '../model/schema';
import type { Finding } from '../rules/types';
import { exportCloudFormation } from './cloudformation/index';
import type { ExportFile } from './header';
import { exportTerraform } from './terraform/index';

export { exportCloudFormation } from './cloudformation/index';
export { exportTerraform, terraformLabels } from './terraform/index';
export { exportZip } from './zip';
export { GENERATOR_NAME, GENERATOR_VERSION, type ExportFile } from './header';

export const EXPORT_TARGETS = ['terraform', 'cloudformation'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** The design document itself (format 1 JSON has no comments, so it carries no header). */
export function exportJson(design: Design): ExportFile[] {
  return [{ path: 'design.json', content: serializeDesign(design), language: 'json' }];
}

export function exportTarget(
  target: ExportTarget,
  design: Design,
  findings: readonly Finding[],
): ExportFile[] {
  return target === 'terraform' ? exportTerraform(design, findings) : exportCloudFormation(design, findings);
}

/** Every export under one root: terraform/, cloudformation/ and design.json — what "Download all" zips. */
export function exportAll(design: Design, findings: readonly Finding[]): ExportFile[] {
  const under = (dir: string, files: ExportFile[]) => files.map((f) => ({ ...f, path: `${dir}/${f.path}` }));
  return [
    ...under('terraform', exportTerraform(design, findings)),
    ...under('cloudformation', exportCloudFormation(design, findings)),
    ...exportJson(design),
  ];
}
