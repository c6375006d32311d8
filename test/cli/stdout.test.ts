/**
 * The command's own standard output, as the process writes it (src/cli/main.ts, run through tsx): a
 * write that fails is one line and exit 3, a reader that stops early is no error.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from './_run.js';

const dir = mkdtempSync(join(tmpdir(), 'splitscan-stdout-'));
// The version tsup embeds (src/cli/version.ts), then the command's entry.
const main = join(dir, 'main.mts');
writeFileSync(main, `globalThis.__SPLITSCAN_PACKAGE__ = { name: 'splitscan', version: '0.0.0' };\nawait import(${JSON.stringify(repo('src/cli/main.ts'))});\n`);
const argv = (...args: string[]): string[] => ['--import', 'tsx', main, ...args];
const pcard = repo('seeds/pcard-2019.csv');

describe.skipIf(!existsSync('/dev/full'))('a failed write to standard output', () => {
  it.each([
    [['scan', pcard, '--threshold', '250', '--currency', 'EUR', '-f', 'json', '-q']],
    [['inspect', pcard, '--currency', 'EUR']],
    [['presets']],
    [['--help']],
  ])('%j: one line naming standard output, exit 3', (args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, argv(...args), { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', cwd: repo() });
      expect(r.stderr).toBe('splitscan: cannot write standard output: ENOSPC: no space left on device, write\n');
      expect(r.status).toBe(3);
    } finally {
      closeSync(full);
    }
  });
});

describe('a reader that stops early', () => {
  it('is no error: exit 0, nothing on stderr', async () => {
    const child = spawn(process.execPath, argv('scan', pcard, '--threshold', '250', '--currency', 'EUR', '-f', 'json', '-q'), { stdio: ['ignore', 'pipe', 'pipe'], cwd: repo() });
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (s: Buffer) => (err += s.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
