// Running the real judges (terraform, cfn-lint) from tests. In CI they must be there: a missing tool
// fails the test with a message instead of skipping it. Elsewhere the tests skip and say why.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const IN_CI = process.env.CI === 'true';
const MIRROR = '/opt/tf-plugins';

function available(tool: string): boolean {
  try {
    // `command -v` through a shell finds the tool the way a user's shell would.
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether a tool test may run; under CI a missing tool throws so the suite fails loudly. */
export function toolOrSkip(tool: 'terraform' | 'cfn-lint'): boolean {
  if (available(tool)) return true;
  const message = `${tool} is not installed (see DEVELOPERS.md); the export tests that need it cannot run`;
  if (IN_CI) throw new Error(`CI: ${message}`);
  console.warn(`skipping: ${message}`);
  return false;
}

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export async function exec(
  file: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<Result> {
  try {
    const child = run(file, args, { cwd: options.cwd, env: options.env, maxBuffer: 64 * 1024 * 1024 });
    if (options.input !== undefined) {
      child.child.stdin?.end(options.input);
    }
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof e.code === 'number' ? e.code : 1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? e.message,
    };
  }
}

/** A scratch folder under the system temp dir, shared plugin cache and CLI config included. */
export function terraformSandbox(): { root: string; env: NodeJS.ProcessEnv } {
  const root = mkdtempSync(join(tmpdir(), 'pnd-export-'));
  const shared = join(tmpdir(), 'pnd-terraform');
  const cache = join(shared, 'plugin-cache');
  mkdirSync(cache, { recursive: true });
  const config = join(root, 'terraform.rc');
  writeFileSync(
    config,
    existsSync(MIRROR)
      ? `provider_installation {
  filesystem_mirror {
    path    = "${MIRROR}"
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
`
      : '',
  );
  return {
    root,
    env: {
      ...process.env,
      TF_CLI_CONFIG_FILE: config,
      // From the unpacked mirror, init links the provider in place: no cache is needed, and a cache
      // shared between test processes (other checkouts run these tests too) can vanish mid-run
      // while another process re-creates its entry.
      ...(existsSync(MIRROR) ? {} : { TF_PLUGIN_CACHE_DIR: cache }),
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      NO_COLOR: '1',
    },
  };
}
