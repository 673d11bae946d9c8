// The collection folder as the browser gets it: a dropped folder (walked through the File System
// entries API), a zip of it (fflate), or the files of a folder picker (webkitRelativePath). All of
// it is read locally; nothing is sent anywhere.
import { strFromU8, unzipSync } from 'fflate';

export type Collection = Map<string, string>;

/** Far above any real collection; reading more would only freeze the tab. */
const MAX_BYTES = 200 * 1024 * 1024;

async function addFile(into: Collection, path: string, file: File): Promise<void> {
  if (/\.zip$/i.test(file.name)) {
    const entries = unzipSync(new Uint8Array(await file.arrayBuffer()), {
      filter: (f) => f.name.endsWith('.json'),
    });
    for (const [name, bytes] of Object.entries(entries)) into.set(name, strFromU8(bytes));
  } else if (/\.json$/i.test(file.name)) into.set(path, await file.text());
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function readDirectory(entry: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = entry.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries hands out at most ~100 entries per call; an empty batch means done.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (!batch.length) return all;
    all.push(...batch);
  }
}

async function walk(into: Collection, entry: FileSystemEntry): Promise<void> {
  if (entry.isFile) {
    const file = await entryFile(entry as FileSystemFileEntry);
    await addFile(into, entry.fullPath.replace(/^\//, ''), file);
  } else if (entry.isDirectory)
    for (const child of await readDirectory(entry as FileSystemDirectoryEntry)) await walk(into, child);
}

function checkSize(files: readonly File[]): void {
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > MAX_BYTES)
    throw new Error(
      `${(total / 1024 / 1024).toFixed(0)} MB is far more than any collection; nothing was read`,
    );
}

/** What was dropped: folders are walked, zips unpacked, loose JSON files kept by name. */
export async function collectionFromDrop(data: DataTransfer): Promise<Collection> {
  const out: Collection = new Map();
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length && entries.every((e) => e !== null)) {
    for (const entry of entries) await walk(out, entry!);
    return out;
  }
  const files = [...data.files];
  checkSize(files);
  for (const f of files) await addFile(out, f.webkitRelativePath || f.name, f);
  return out;
}

/** The files of a folder picker (`webkitdirectory`) or a zip picker. */
export async function collectionFromFiles(files: readonly File[]): Promise<Collection> {
  checkSize(files);
  const out: Collection = new Map();
  for (const f of files) await addFile(out, f.webkitRelativePath || f.name, f);
  return out;
}
