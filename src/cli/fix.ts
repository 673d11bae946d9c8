// `fix FILE [--write]`: apply every fix the rules offer, then print the fixed design on stdout (or
// write it back with --write) and a summary of what changed on stderr (stdout with --write).
// Exit codes: 0 when no error finding remains, 1 when some error cannot be fixed automatically,
// 2 when the file cannot be read or is not a design.
import { renameSync, writeFileSync } from 'node:fs';
import { serializeDesign } from '../model/parse';
import { fixAllWithReport } from '../rules/fix';
import { validate } from '../rules/registry';
import type { Finding } from '../rules/types';
import { CliError, EXIT, readDesignFile } from './io';

export function formatFixSummary(
  file: string,
  changes: readonly string[],
  remaining: readonly Finding[],
): string {
  const lines: string[] = [];
  if (changes.length) {
    lines.push(`${file}: applied ${changes.length} change${changes.length === 1 ? '' : 's'}:`);
    for (const c of changes) lines.push(`  - ${c}`);
  } else lines.push(`${file}: nothing to fix automatically`);
  const errors = remaining.filter((f) => f.severity === 'error');
  const warnings = remaining.filter((f) => f.severity === 'warning');
  if (errors.length) {
    lines.push(`${errors.length} error${errors.length === 1 ? '' : 's'} need a decision only you can make:`);
    for (const f of errors) lines.push(`  ${f.rule}  ${f.message}`);
  }
  lines.push(`remaining: ${errors.length} errors, ${warnings.length} warnings`);
  return lines.join('\n') + '\n';
}

export function runFix(file: string, options: { write?: boolean }): number {
  const design = readDesignFile(file);
  const { design: fixed, changes } = fixAllWithReport(design);
  const remaining = validate(fixed);
  const summary = formatFixSummary(file, changes, remaining);
  if (options.write) {
    if (changes.length) {
      // Write beside the file, then rename: an interrupted write never leaves half a design behind.
      const temp = `${file}.pnd-fix-${process.pid}.tmp`;
      try {
        writeFileSync(temp, serializeDesign(fixed));
        renameSync(temp, file);
      } catch (err) {
        throw new CliError(
          `${file}: cannot write the fixed design (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
        );
      }
    }
    process.stdout.write(summary);
  } else {
    process.stdout.write(serializeDesign(fixed));
    process.stderr.write(summary);
  }
  return remaining.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
