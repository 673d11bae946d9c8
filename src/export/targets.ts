// The export targets as data — id, label, language, folder — without their exporters, so the CLI
// can list them in `--help` without loading any exporter. registry.ts pairs each with its files().
import type { ExportFile } from './header';

export interface ExportTarget {
  /** The CLI's `--target` value and the tab's key. */
  id: string;
  /** What the Export panel's tab says. */
  label: string;
  /** The language of its files, for colouring. */
  language: ExportFile['language'];
  /** The folder its files go into in "Download all" (empty: the root). */
  folder: string;
}

export const EXPORT_TARGETS = [
  { id: 'terraform', label: 'Terraform', language: 'hcl', folder: 'terraform' },
  { id: 'cloudformation', label: 'CloudFormation', language: 'yaml', folder: 'cloudformation' },
  { id: 'json', label: 'JSON', language: 'json', folder: '' },
] as const satisfies readonly ExportTarget[];

export type ExportTargetId = (typeof EXPORT_TARGETS)[number]['id'];

/** For `--help`: `terraform (Terraform) | cloudformation (CloudFormation) | …`. */
export const TARGET_HELP = EXPORT_TARGETS.map((e) => `${e.id} (${e.label})`).join(' | ');
