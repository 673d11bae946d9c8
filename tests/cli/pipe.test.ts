// `pnd … | head`: the reader closes the pipe after a few bytes; the command stops quietly.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../src/model/generate';
import { BIN, root } from './run';

describe('pnd writing into a pipe that closes early', () => {
  it('exits without a stack trace when the reader stops after the first bytes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pnd-pipe-')), 'big.json');
    // Far more than a pipe's buffer: the command is still writing when the reader goes away.
    writeFileSync(file, JSON.stringify(generateDesign({ vpcs: 300 })));
    const child = spawn(BIN, ['fix', file], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const firstBytes = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(firstBytes.startsWith('{')).toBe(true);
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(code).toBe(0);
  });
});
