// Every export target, registered once: the CLI's --target list and help, the Export panel's tabs
// and "Download all" come from this table. A new target is one module plus one entry here.
import { serializeDesign } from '../model/parse';
import type { Design } from '../model/schema';
import type { Finding } from '../rules/types';
import { exportCloudFormation } from './cloudformation/index';
import type { ExportFile } from './header';
import { exportTerraform } from './terraform/index';

export interface Exporter {
  /** The CLI's `--target` value and the tab's key. */
  id: string;
  /** What the Export panel's tab says. */
  label: string;
  /** The language of its files, for colouring. */
  language: ExportFile['language'];
  /** The folder its files go into in "Download all" (empty: the root). */
  folder: string;
  files(design: Design, findings: readonly Finding[]): ExportFile[];
}

/** The design document itself (format 1 JSON has no comments, so it carries no header). */
export function exportJson(design: Design): ExportFile[] {
  return [{ path: 'design.json', content: serializeDesign(design), language: 'json' }];
}

export const EXPORTERS: readonly Exporter[] = [
  { id: 'terraform', label: 'Terraform', language: 'hcl', folder: 'terraform', files: exportTerraform },
  {
    id: 'cloudformation',
    label: 'CloudFormation',
    language: 'yaml',
    folder: 'cloudformation',
    files: exportCloudFormation,
  },
  { id: 'json', label: 'JSON', language: 'json', folder: '', files: (design) => exportJson(design) },
];

export function exporter(id: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.id === id);
}

/** Every export in one tree, each target in its folder — what "Download all" zips. */
export function exportAll(design: Design, findings: readonly Finding[]): ExportFile[] {
  return EXPORTERS.flatMap((e) =>
    e.files(design, findings).map((f) => (e.folder ? { ...f, path: `${e.folder}/${f.path}` } : f)),
  );
}
