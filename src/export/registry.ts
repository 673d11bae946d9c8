// Every export target, registered once: the CLI's --target list and help, the Export panel's tabs
// and "Download all" come from this table (targets.ts holds the same entries as data, for the CLI's
// help). A new target is one module plus one entry in each.
import { serializeDesign } from '../model/parse';
import type { Design } from '../model/schema';
import type { Finding } from '../rules/types';
import { exportCloudFormation } from './cloudformation/index';
import type { ExportFile } from './header';
import { EXPORT_TARGETS, type ExportTarget, type ExportTargetId } from './targets';
import { exportTerraform } from './terraform/index';

export interface Exporter extends ExportTarget {
  files(design: Design, findings: readonly Finding[]): ExportFile[];
}

/** The design document itself (format 1 JSON has no comments, so it carries no header). */
export function exportJson(design: Design): ExportFile[] {
  return [{ path: 'design.json', content: serializeDesign(design), language: 'json' }];
}

const FILES: Record<ExportTargetId, Exporter['files']> = {
  terraform: exportTerraform,
  cloudformation: exportCloudFormation,
  json: (design) => exportJson(design),
};

export const EXPORTERS: readonly Exporter[] = EXPORT_TARGETS.map((t) => ({ ...t, files: FILES[t.id] }));

export function exporter(id: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.id === id);
}

/** Every export in one tree, each target in its folder — what "Download all" zips. */
export function exportAll(design: Design, findings: readonly Finding[]): ExportFile[] {
  return EXPORTERS.flatMap((e) =>
    e.files(design, findings).map((f) => (e.folder ? { ...f, path: `${e.folder}/${f.path}` } : f)),
  );
}
