// `import aws DIR [--into DESIGN] --out FILE`: read a collection folder (or a zip of it) written by
// scripts/collect-aws.sh and write a format-1 design. The import's findings (what was not read or
// not judged) go to stderr. Exit codes: 0 imported, 1 imported but some file or item could not be
// read, 2 nothing usable (no folder, no ACCOUNT_ID/REGION inside, unreadable --into design).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { importAws } from '../import/aws/index';
import { formatImportFinding, type ImportFinding } from '../import/findings';
import { importInto } from '../import/into';
import { serializeDesign } from '../model/parse';
import { CliError, EXIT } from './errors';
import { readDesignFile } from './io';

function readFolder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.json'))
        files.set(relative(dir, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

function readZip(file: string): Map<string, string> {
  const entries = unzipSync(readFileSync(file), { filter: (f) => f.name.endsWith('.json') });
  return new Map(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The collection as path → text, from a folder or a .zip of it. */
export function readCollectionFrom(source: string): Map<string, string> {
  try {
    return statSync(source).isDirectory() ? readFolder(source) : readZip(source);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(
      `${source}: cannot read the collection (${code ?? (err instanceof Error ? err.message : String(err))})`,
    );
  }
}

export function runImport(kind: string, dir: string, options: { into?: string; out?: string }): number {
  if (kind !== 'aws') throw new CliError(`import: unknown source "${kind}"; only "aws" is supported`);
  if (!options.out) throw new CliError('import aws: --out FILE is required (where to write the design)');
  const existing = options.into ? readDesignFile(options.into) : undefined;
  const result = importAws(readCollectionFrom(dir));
  if (result.findings.some((f) => f.rule === 'import/empty')) {
    throw new CliError(`${dir}: ${result.findings.map(formatImportFinding).join('\n')}`);
  }
  let design = result.design;
  const findings: ImportFinding[] = [...result.findings];
  if (existing) {
    const merged = importInto(existing, design, result.summary.places);
    design = merged.design;
    findings.push(...merged.findings);
  }
  try {
    writeFileSync(options.out, serializeDesign(design));
  } catch (err) {
    throw new CliError(
      `${options.out}: cannot write the design (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
  const s = result.summary;
  const lines = findings.map(formatImportFinding);
  lines.push(
    `imported ${s.accounts.length} account(s) in ${s.regions.join(', ') || 'no region'}: ${s.vpcs} VPCs, ${s.subnets} subnets, ${s.routeTables} route tables, ${s.securityGroups} security groups, ${s.endpoints} endpoints, ${s.peerings} peerings → ${options.out}`,
  );
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (errors) lines.push(`${errors} file(s) or item(s) could not be read; the rest was imported`);
  process.stderr.write(lines.join('\n') + '\n');
  return errors ? EXIT.findings : EXIT.ok;
}
