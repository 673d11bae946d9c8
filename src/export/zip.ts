// "Download all": the exported files in one .zip. A fixed timestamp keeps the archive byte-for-byte
// the same for the same design, so a re-export shows no change.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportFile } from './header';

const FIXED_MTIME = new Date(Date.UTC(2000, 0, 1));

export function exportZip(files: readonly ExportFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) {
    if (file.path in entries) throw new Error(`export: two files at ${file.path}`);
    entries[file.path] = [strToU8(file.content), { mtime: FIXED_MTIME }];
  }
  return zipSync(entries, { level: 6 });
}
