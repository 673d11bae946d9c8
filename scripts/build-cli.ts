// Builds the `pnd` command (package.json "bin"): src/cli bundled with everything it imports into
// one ES module, so running it needs neither TypeScript at run time nor node_modules. `npm install`
// runs this (the "prepare" script); the test setup runs it again so tests never meet a stale bundle.
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = join(root, 'build', 'cli', 'pnd.mjs');

export async function buildCli(): Promise<string> {
  await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Subcommands are imported on demand; without code splitting esbuild keeps them in this one
    // file and runs a module's top level only when its subcommand does.
    splitting: false,
    minifySyntax: true,
    logLevel: 'warning',
    banner: {
      // Some dependencies ship CommonJS that calls require() for Node built-ins.
      js: [
        '#!/usr/bin/env node',
        "import { createRequire as __pndCreateRequire } from 'node:module';",
        'const require = __pndCreateRequire(import.meta.url);',
      ].join('\n'),
    },
  });
  chmodSync(CLI_BUNDLE, 0o755);
  return CLI_BUNDLE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();
