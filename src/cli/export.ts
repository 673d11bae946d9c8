// `export FILE --target <id> --out DIR`: writes the files of one target (the targets are the export
// registry's). Export is allowed with open error findings (every file's header lists them); the
// user is told here too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { EXPORTERS, exporter } from '../export/index';
import { validate } from '../rules/registry';
import { CliError, EXIT, readDesignFile } from './io';

export interface ExportOptions {
  target?: string;
  out?: string;
}

export function runExport(file: string, options: ExportOptions): number {
  const target = options.target === undefined ? undefined : exporter(String(options.target));
  if (!target) {
    throw new CliError(
      `--target must be one of ${EXPORTERS.map((e) => e.id).join(', ')}${options.target ? ` (got ${JSON.stringify(options.target)})` : ''}`,
    );
  }
  if (!options.out || typeof options.out !== 'string') throw new CliError('--out DIR is required');
  const design = readDesignFile(file);
  const findings = validate(design);
  const files = target.files(design, findings);
  const root = resolve(options.out);
  for (const f of files) {
    const path = resolve(join(root, f.path));
    if (!path.startsWith(root + sep)) throw new Error(`export: file path ${f.path} leaves the output folder`);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.content);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new CliError(`${path}: cannot write the file (${code ?? String(err)})`);
    }
    process.stdout.write(`wrote ${join(options.out, f.path)}\n`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (errors > 0) {
    process.stderr.write(
      `note: ${errors} error finding${errors === 1 ? ' is' : 's are'} open; the export is written, but it will not work as designed until ${errors === 1 ? 'it is' : 'they are'} fixed (run: validate ${file})\n`,
    );
  }
  return EXIT.ok;
}
