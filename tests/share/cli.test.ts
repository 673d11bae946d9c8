import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pnd as cli } from '../cli/run';
import { loadDesign } from '../../src/model/parse';
import { decode } from '../../src/share';

const file = 'examples/example-2-ec2-archive.json';

describe('pnd share', () => {
  it('encodes a file into a link that decodes back to the same design', () => {
    const encoded = cli('share', 'encode', file, '--base-url', 'https://designer.example.com/net/');
    expect(encoded.code).toBe(0);
    const link = encoded.stdout.trim();
    expect(link).toMatch(/^https:\/\/designer\.example\.com\/net\/#d=1[A-Za-z0-9_-]+$/);

    const decoded = cli('share', 'decode', link);
    expect(decoded.code).toBe(0);
    const original = loadDesign(readFileSync(file, 'utf8'));
    const back = loadDesign(decoded.stdout);
    expect(back.ok && original.ok && back.design).toEqual(original.ok && original.design);
  }, 30_000);

  it('exits 2 on a damaged link with the message the app shows', () => {
    const link = cli('share', 'encode', file).stdout.trim();
    const damaged = link.slice(0, 300);
    const decoded = cli('share', 'decode', damaged);
    expect(decoded.code).toBe(2);
    expect(decoded.stdout).toBe('');
    const expected = decode(damaged);
    expect(expected.ok).toBe(false);
    expect(decoded.stderr.trim()).toBe(!expected.ok && expected.error.message);
  }, 30_000);

  it('refuses a base URL that is not http(s)', () => {
    const encoded = cli('share', 'encode', file, '--base-url', 'javascript:alert(1)');
    expect(encoded.code).toBe(2);
    expect(encoded.stderr).toMatch(/--base-url/);
  }, 30_000);
});
