// `fix FILE --aws-cli`: the same fixes as `fix`, printed as one bash script of AWS CLI calls that
// apply them to the real accounts (for elements imported with their AWS ids). The summary of what
// changed goes to stderr; exit codes as `fix`.
import { awsCliScript } from '../import/aws-cli/script';
import { fixAllWithReport } from '../rules/fix';
import { validate } from '../rules/registry';
import { formatFixSummary } from './fix';
import { EXIT } from './errors';
import { readDesignFile } from './io';

export function runFixAwsCli(file: string): number {
  const design = readDesignFile(file);
  const { design: fixed, commands, changes } = fixAllWithReport(design);
  const remaining = validate(fixed);
  process.stdout.write(awsCliScript(design, commands, `Fix all: ${design.name || file}`));
  process.stderr.write(formatFixSummary(file, changes, remaining));
  return remaining.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}
