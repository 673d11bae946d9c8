// What an import says about its input: the Finding shape of the rules (so the CLI and the panel show
// it the same way), plus where in the input it comes from.
import type { Finding, Severity } from '../rules/types';

export interface ImportFinding extends Finding {
  /** The input file, relative to the collection folder: `222222222222/us-east-1/describe-vpcs.json`. */
  file?: string;
  /** JSON path inside that file: `$.RouteTables[2].Routes[0]`. */
  path?: string;
}

/** Collects findings for one import; rule ids all start with `import/`. */
export class ImportLog {
  readonly findings: ImportFinding[] = [];

  add(
    rule: string,
    severity: Severity,
    message: string,
    where: { file?: string; path?: string; elements?: string[] } = {},
  ): void {
    this.findings.push({
      rule: `import/${rule}`,
      severity,
      message,
      elements: where.elements ?? [],
      ...(where.file !== undefined ? { file: where.file } : {}),
      ...(where.path !== undefined ? { path: where.path } : {}),
    });
  }
}

/** `file: $.path: message` — the one-line form the CLI prints and the summary lists. */
export function formatImportFinding(f: ImportFinding): string {
  const where = [f.file, f.path].filter(Boolean).join(': ');
  return `${f.severity.padEnd(7)} ${f.rule}  ${where ? `${where}: ` : ''}${f.message}`;
}
