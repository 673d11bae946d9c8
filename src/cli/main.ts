// `pnd <command>` (package.json "bin"; `npm run --silent cli -- <command>` while developing):
// validate, fix, export, share, import. Each subcommand lives in its own module, imported only when it
// runs, so starting the command costs what that subcommand needs and no more. This file only
// wires arguments to them and turns errors into exit codes.
import { cac } from 'cac';
import packageJson from '../../package.json' with { type: 'json' };
import { TARGET_HELP } from '../export/targets';
import { CliError, EXIT } from './errors';

const cli = cac('pnd');

cli
  .command('validate <file>', 'Check a design: load errors, then every rule')
  .option('--json', 'Print {"findings":[...]} on stdout')
  .action(async (file: string, options: { json?: boolean }) =>
    (await import('./validate')).runValidate(file, options),
  );

cli
  .command(
    'fix <file>',
    'Apply every automatic fix; print the fixed design (or --write it back) and a summary',
  )
  .option('--write', 'Write the fixed design back to the file instead of printing it')
  .option('--aws-cli', 'Print the fixes as AWS CLI commands for the real accounts instead')
  .action(async (file: string, options: { write?: boolean; awsCli?: boolean }) =>
    options.awsCli
      ? (await import('./import-aws-cli')).runFixAwsCli(file)
      : (await import('./fix')).runFix(file, options),
  );

cli
  .command(
    'share <action> <input>',
    'encode FILE: print a share link; decode LINK_OR_FRAGMENT: print its design',
  )
  .option('--base-url <url>', 'Address of the app the link opens (encode)')
  .action(async (action: string, input: string, options: { baseUrl?: string }) =>
    (await import('./share')).runShare(action, input, options),
  );

cli
  .command('export <file>', 'Write one export target of a design (Terraform, CloudFormation, …)')
  .option('--target <target>', TARGET_HELP)
  .option('--out <dir>', 'Folder to write the files into (created if missing)')
  .action(async (file: string, options: { target?: string; out?: string }) =>
    (await import('./export')).runExport(file, options),
  );

cli
  .command(
    'import <source> <dir>',
    'import aws DIR: a design from a folder (or zip) of aws ec2 describe-* output',
  )
  .option('--into <design>', 'Keep the Veeam side of this design; replace its network with the imported one')
  .option('--out <file>', 'Where to write the design')
  .action(async (source: string, dir: string, options: { into?: string; out?: string }) =>
    (await import('./import')).runImport(source, dir, options),
  );

cli.help();
cli.version(packageJson.version);

async function main(argv: string[]): Promise<number> {
  try {
    cli.parse(argv, { run: false });
    if (!cli.matchedCommand) {
      if (cli.options.help || cli.options.version) return EXIT.ok;
      const given = cli.args[0];
      process.stderr.write(
        given ? `unknown command "${given}"; try --help\n` : 'a command is required; try --help\n',
      );
      return EXIT.unusable;
    }
    // cac prints the version only without a command; `pnd validate --version` answers too.
    if (cli.options.version) {
      cli.outputVersion();
      return EXIT.ok;
    }
    const result: unknown = await cli.runMatchedCommand();
    return typeof result === 'number' ? result : EXIT.ok;
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(err.message + '\n');
      return err.exitCode;
    }
    // cac reports missing arguments and unknown options by throwing CACError.
    if (err instanceof Error && err.name === 'CACError') {
      process.stderr.write(`${err.message}; try --help\n`);
      return EXIT.unusable;
    }
    throw err;
  }
}

// A reader that stops early (`pnd share decode … | head`) closes the pipe; like other Unix tools,
// stop quietly instead of crashing with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(EXIT.ok);
});

process.exitCode = await main(process.argv);
