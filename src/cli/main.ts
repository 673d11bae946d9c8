// `npm run --silent cli -- <command>`: validate, fix, export, share. Each subcommand lives in its
// own module; this file only wires arguments to them and turns errors into exit codes.
import { cac } from 'cac';
import { runExport, TARGET_HELP } from './export';
import { runFix } from './fix';
import { CliError, EXIT } from './io';
import { runShare } from './share';
import { runValidate } from './validate';

const cli = cac('pnd');

cli
  .command('validate <file>', 'Check a design: load errors, then every rule')
  .option('--json', 'Print {"findings":[...]} on stdout')
  .action((file: string, options: { json?: boolean }) => runValidate(file, options));

cli
  .command(
    'fix <file>',
    'Apply every automatic fix; print the fixed design (or --write it back) and a summary',
  )
  .option('--write', 'Write the fixed design back to the file instead of printing it')
  .action((file: string, options: { write?: boolean }) => runFix(file, options));

cli
  .command(
    'share <action> <input>',
    'encode FILE: print a share link; decode LINK_OR_FRAGMENT: print its design',
  )
  .option('--base-url <url>', 'Address of the app the link opens (encode)')
  .action((action: string, input: string, options: { baseUrl?: string }) => runShare(action, input, options));

cli
  .command('export <file>', 'Write one export target of a design (Terraform, CloudFormation, …)')
  .option('--target <target>', TARGET_HELP)
  .option('--out <dir>', 'Folder to write the files into (created if missing)')
  .action((file: string, options: { target?: string; out?: string }) => runExport(file, options));

cli.help();
cli.version('0.1.0');

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

process.exitCode = await main(process.argv);
