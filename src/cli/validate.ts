import { validate } from '../rules/registry';
import type { Finding, Severity } from '../rules/types';
import { EXIT, readDesignFile } from './io';

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

export function formatFindingsText(file: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return `${file}: no findings\n`;
  const lines: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (!group.length) continue;
    lines.push(`${HEADINGS[severity]} (${group.length})`);
    for (const f of group) {
      lines.push(`  ${f.rule}  ${f.message}`);
      if (f.elements.length) lines.push(`      elements: ${f.elements.join(', ')}`);
      if (f.flow) lines.push(`      flow: ${f.flow}`);
      if (f.fix) lines.push(`      fix: ${f.fix.title}`);
    }
  }
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  lines.push(`${file}: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info`);
  return lines.join('\n') + '\n';
}

export function runValidate(file: string, options: { json?: boolean }): number {
  const design = readDesignFile(file);
  const findings = validate(design);
  if (options.json) process.stdout.write(JSON.stringify({ findings }, null, 2) + '\n');
  else process.stdout.write(formatFindingsText(file, findings));
  return findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
