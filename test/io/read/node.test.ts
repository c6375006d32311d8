/**
 * File access of `splitscan/node`: errors reach the caller as typed errors wherever they happen in
 * the file, and no file stays open after a load settles.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isInputError, isOptionsError } from '../../../src/errors.js';
import { loadLedger } from '../../../src/node.js';
import { run } from '../../../src/cli/run.js';

const src = fileURLToPath(new URL('../../../src/node.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'splitscan-node-'));

/** A ledger of `n` good rows (about 50 bytes each), then `tail`: errors lie far past the first chunk. */
function bigLedger(name: string, tail: Uint8Array | string, n = 20000): string {
  const rows = ['id,buyer,vendor,date,amount,currency'];
  for (let i = 0; i < n; i++) rows.push(`A${i},City,Acme ${i % 9},2019-01-${String(1 + (i % 28)).padStart(2, '0')},${100 + i}.50,EUR`);
  const head = Buffer.from(`${rows.join('\n')}\n`);
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat([head, typeof tail === 'string' ? Buffer.from(tail) : tail]));
  return file;
}

/** Input errors found past the first 64 KiB of a file, and the options that meet them. */
const late = () => ({
  bytes: [bigLedger('late-bytes.csv', new Uint8Array([0x58, 0x2c, 0x43, 0x2c, 0xff, 0xfe, 0x0a])), { encoding: 'utf-8' }] as const,
  map: [bigLedger('map.csv', ''), { map: { buyer: 'Nope' } }] as const,
  emptyHeaderMap: [bigLedger('map2.csv', ''), { map: { project: 'Nope' } }] as const,
});

const openFiles = () => readdirSync('/proc/self/fd').length;

describe('loadLedger: errors past the first chunk', () => {
  it('reject with the typed error and leave no file open', async () => {
    for (const [name, [file, options]] of Object.entries(late())) {
      const before = openFiles();
      let caught: unknown;
      try {
        await loadLedger(file, { currency: 'EUR', ...options });
      } catch (e) {
        caught = e;
      }
      expect(isInputError(caught) || isOptionsError(caught), name).toBe(true);
      // Closed before the promise settled, not on some later tick.
      expect(openFiles(), name).toBe(before);
    }
  });

  it('can be caught by a long-lived process, which then exits normally', () => {
    const cases = late();
    const script = join(dir, 'catch.mts');
    writeFileSync(
      script,
      `import { loadLedger } from ${JSON.stringify(src)};
const cases = ${JSON.stringify(Object.values(cases))};
for (const [file, options] of cases) {
  try { await loadLedger(file, { currency: 'EUR', ...options }); console.log('loaded'); }
  catch (e) { console.log('caught', e.name); }
}
await new Promise((r) => setTimeout(r, 200));
console.log('alive');
`,
    );
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['caught InputError', 'caught OptionsError', 'caught OptionsError', 'alive']);
  });
});

describe('splitscan scan: errors past the first chunk', () => {
  it('exit 3 (unreadable) or 2 (options) with one line, never 1', async () => {
    const cases = late();
    const expected = { bytes: 3, map: 2, emptyHeaderMap: 2 };
    for (const [name, [file, options]] of Object.entries(cases)) {
      const flags = 'encoding' in options ? ['--encoding', options.encoding] : ['--map', `${Object.keys(options.map)[0]}=${Object.values(options.map)[0]}`];
      let err = '';
      const code = await run(['scan', file, '--preset', 'pcard', '--limit', '3000', '--currency', 'EUR', '-f', 'json', ...flags], {
        stdout: { write: () => true },
        stderr: { write: (s: string) => (err += s) },
      });
      expect(code, name).toBe(expected[name as keyof typeof expected]);
      expect(err.split('\n').filter(Boolean), name).toHaveLength(1);
    }
  });
});
