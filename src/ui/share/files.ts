// Files: Save downloads the design as format-1 JSON; Open (picker or drop) imports one as a single
// undoable step. A file that does not load leaves the current design untouched and lists its
// errors by JSON path.
import { useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import { loadOffThread } from '../../app/load-off-thread';
import { serializeDesign } from '../../model/parse';
import type { Design } from '../../model/schema';
import { showNotice } from './notices';

/** Far above any real design (1,000 VPCs is about 2 MB); reading more would only freeze the tab. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** A file name from the design name: letters, digits and dashes only. */
export function fileNameFor(design: Design): string {
  const slug = design.name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'network-design'}.json`;
}

export function saveDesignFile(design: Design): void {
  const blob = new Blob([serializeDesign(design)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileNameFor(design);
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started by now; revoking later keeps slow browsers from losing it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export async function openDesignFile(file: File): Promise<boolean> {
  const fileName = file.name || 'the file';
  if (file.size > MAX_FILE_BYTES) {
    showNotice({
      kind: 'import-error',
      fileName,
      problem: `${fileName} is ${(file.size / 1024 / 1024).toFixed(0)} MB, far larger than any design; it was not opened.`,
      errors: [],
    });
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    showNotice({
      kind: 'import-error',
      fileName,
      problem: `${fileName} could not be read (${err instanceof Error ? err.message : String(err)}).`,
      errors: [],
    });
    return false;
  }
  const result = await loadOffThread(text);
  if (!result.ok) {
    showNotice({
      kind: 'import-error',
      fileName,
      problem: `${fileName} is not a network design this app can open:`,
      errors: result.errors,
    });
    return false;
  }
  useDesignStore.getState().replace(result.design);
  // A different design: the old selection and viewport mean nothing in it.
  useUiStore.getState().select([]);
  useUiStore.getState().requestFit();
  showNotice({ kind: 'file-opened', fileName });
  return true;
}
