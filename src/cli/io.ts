// Shared CLI plumbing: reading a design file with load errors that name the file and JSON path.
import { readFileSync } from 'node:fs';
import { formatLoadErrors, loadDesign } from '../model/parse';
import type { Design } from '../model/schema';
import { CliError } from './errors';

export { CliError, EXIT } from './errors';

export function readDesignFile(file: string): Design {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: cannot read the file (${code ?? String(err)})`);
  }
  const result = loadDesign(text);
  if (!result.ok)
    throw new CliError(`${file}: not a loadable design\n${formatLoadErrors(result.errors, file)}`);
  return result.design;
}
