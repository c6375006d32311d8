/**
 * File access of `splitscan/node`: errors reach the caller as typed errors wherever they happen in
 * the file, and no file stays open after a load settles.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isInputError, isOptionsError } from '../../../src/errors.js';
import { loadLedger, loadLedgers } from '../../../src/node.js';
import { locateRejects } from '../../../src/io/read/ledger.js';
import { ledgerColumns } from '../../../src/io/read/ledgerTable.js';
import { run } from '../../../src/cli/run.js';
import { cli } from '../../cli/_run.js';

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

describe('loadLedger: options that are not an object', () => {
  it.each([null, 'EUR', 3])('refuses %o with an OptionsError, as readLedger does', async (options) => {
    const file = fileURLToPath(new URL('../../../seeds/chengxi-2014.csv', import.meta.url));
    let caught: unknown;
    try {
      await loadLedger(file, options as never);
    } catch (e) {
      caught = e;
    }
    expect(isOptionsError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/^loadLedger: options: must be an object of options/u);
  });
});

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

describe('loadLedgers: several files as one ledger', () => {
  const many = mkdtempSync(join(tmpdir(), 'splitscan-many-'));
  mkdirSync(join(many, 'sub'));
  const a = ['Division\tBatch-Transaction ID\tTransaction Date\tMerchant Name\tTransaction Amt.\tTrx Currency\tOriginal Amount\tOriginal Currency', 'WATER\t1-1\t2013-01-08\tESSO\t49.00\tCAD\t49.00\tCAD', '\t\t\t\t49.00\tCAD\t49.00\tCAD', 'WATER\t1-2\t2013-01-09\tESSO\t-10.00\tCAD\t-10.00\tCAD'].join('\r\n');
  const b = ['Division\tBatch Transaction ID\tTransaction Date\tMerchant Name\tTransaction Amount\tTransaction Currency\tOriginal Amount\tOriginal Currency\tCard', 'PARKS\t1-1\t2018-07-09\tAMAZON\t131.90\tCAD\t100.00\tUSD\t7'].join('\n');
  writeFileSync(join(many, '2013-01.csv'), a);
  writeFileSync(join(many, '2018-07.csv'), Buffer.from(b.replace('AMAZON', 'AMAZON\u00a0MKTP'), 'latin1'));
  writeFileSync(join(many, 'sub', 'x.csv'), 'buyer,vendor,date,amount,currency\nB,V,2019-01-01,5,QQQ\n');
  writeFileSync(join(many, 'notes.md'), '# not a ledger');
  const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

  it('reads a folder: each file with its own header, ids prefixed by file, provenance per file', async () => {
    const l = await loadLedgers(many);
    expect(l.sources.map((s) => [s.file, s.encoding, s.delimiter, s.sha256])).toEqual([
      [join(many, '2013-01.csv'), 'utf-8', '\t', sha(join(many, '2013-01.csv'))],
      [join(many, '2018-07.csv'), 'windows-1252', '\t', sha(join(many, '2018-07.csv'))],
    ]);
    expect(l.sources.map((s) => s.columns.currency?.headers[0])).toEqual(['Trx Currency', 'Transaction Currency']);
    expect(l.records.map((r) => [r.id, r.currency, r.amount])).toEqual([
      ['2013-01.csv:1-1', 'CAD', '49'],
      ['2018-07.csv:1-1', 'CAD', '131.9'],
    ]);
    expect(l.files).toEqual([join(many, '2013-01.csv'), join(many, '2018-07.csv')]);
    expect(l.lines).toEqual([2, 2]);
    expect(l.rejects.map((r) => [r.file, r.line, r.code])).toEqual([
      [join(many, '2013-01.csv'), 3, 'subtotal'],
      [join(many, '2013-01.csv'), 4, 'credit'],
    ]);
    expect(l.stats).toMatchObject({ rows: 4, records: 2, rejected: 2 });
    expect(l.stats.rows).toBe(l.sources.reduce((n, s) => n + s.stats.rows, 0));
  });

  it('prefixes only ids found in more than one file, so a month added keeps the ids of the months before', async () => {
    const months = mkdtempSync(join(tmpdir(), 'splitscan-months-'));
    const month = (name: string, ids: string[]) => {
      writeFileSync(join(months, name), `id,buyer,vendor,date,amount,currency\n${ids.map((id) => `${id},B,V,2019-01-01,5,EUR`).join('\n')}\n`);
      return join(months, name);
    };
    const [m1, m2] = [month('m1.csv', ['7', '8', 'L2']), month('m2.csv', ['9', 'L2'])];
    const one = await loadLedger(m1);
    const two = await loadLedgers([m1, m2]);
    expect(two.records.map((r) => r.id)).toEqual(['7', '8', 'm1.csv:L2', '9', 'm2.csv:L2']);
    // An id seen in one file only is the id that file gives alone: decisions keyed by it still match.
    expect(two.records.slice(0, 2)).toEqual(one.records.slice(0, 2));
    // In any order of the files, the same ids.
    expect((await loadLedgers([m2, m1])).records.map((r) => r.id).sort()).toEqual(two.records.map((r) => r.id).sort());
  });

  it('names records of files without an id column by their content, and prefixes only a row found in both files', async () => {
    const months = mkdtempSync(join(tmpdir(), 'splitscan-months-'));
    const month = (name: string, rows: string[]) => {
      writeFileSync(join(months, name), `buyer,vendor,date,amount,currency\n${rows.join('\n')}\n`);
      return join(months, name);
    };
    const m1 = month('m1.csv', ['B,V,2019-01-01,5,EUR', 'B,V,2019-01-02,6,EUR']);
    const m2 = month('m2.csv', ['B,V,2019-02-01,7,EUR', 'B,V,2019-01-02,6,EUR']);
    const [one, two] = [await loadLedger(m1), await loadLedger(m2)];
    const both = await loadLedgers([m1, m2]);
    const [a, b] = one.records.map((r) => r.id);
    const [c] = two.records.map((r) => r.id);
    // Line 2 of each file is no shared id: only the identical row is.
    expect(both.records.map((r) => r.id)).toEqual([a, `m1.csv:${b}`, c, `m2.csv:${b}`]);
  });

  it('expands glob patterns, sorted, and refuses one that matches nothing', async () => {
    expect((await loadLedgers(join(many, '*.csv'))).sources.map((s) => s.file)).toEqual([join(many, '2013-01.csv'), join(many, '2018-07.csv')]);
    expect((await loadLedgers(join(many, '**', '*.csv'))).sources.map((s) => s.file)).toEqual([join(many, '2013-01.csv'), join(many, '2018-07.csv'), join(many, 'sub', 'x.csv')]);
    await expect(loadLedgers(join(many, '*.xlsx'))).rejects.toThrow(/no file matches/u);
  });

  it('applies a mapping where its header is, warns where it is not, and refuses one found nowhere', async () => {
    const l = await loadLedgers([join(many, '2013-01.csv'), join(many, '2018-07.csv')], { map: { buyer: 'Division+Card' } });
    expect(l.records.map((r) => r.buyer)).toEqual(['WATER', 'PARKS / 7']);
    expect(l.warnings.map((w) => [w.code, w.file])).toEqual([['map_not_here', join(many, '2013-01.csv')]]);
    await expect(loadLedgers(many, { map: { buyer: 'Cardholder' } })).rejects.toThrow(/"Cardholder" is in none of the 2 files/u);
  });

  it('reads a file named more than once (by a folder and itself, twice, by overlapping patterns) once, with a warning', async () => {
    const once = await loadLedgers(many);
    const a = join(many, '2013-01.csv');
    for (const inputs of [[many, a], [a, many], [join(many, '*.csv'), join(many, '2013-*'), join(many, '2018-07.csv')]]) {
      const l = await loadLedgers(inputs);
      // Still read as columns (until its records are read): detection takes the table the reader built.
      expect(ledgerColumns(l), inputs.join(' ')).toBeDefined();
      expect(l.records, inputs.join(' ')).toEqual(once.records);
      expect(l.sources.map((s) => s.file).sort(), inputs.join(' ')).toEqual(once.sources.map((s) => s.file));
      expect(l.warnings.filter((w) => w.code === 'duplicate_input').map((w) => w.file), inputs.join(' ')).toEqual(inputs.length === 2 ? [a] : [a, join(many, '2018-07.csv')]);
    }
    const again = `${many}/./2013-01.csv`;
    const twice = await loadLedgers([a, again]);
    expect(twice.records).toEqual((await loadLedger(a)).records);
    expect(twice.warnings).toEqual([{ code: 'duplicate_input', file: a, message: `given more than once (${a}, ${again}): read once` }]);
    expect((await loadLedgers([many, a])).warnings[0]?.message).toBe(`given more than once (${a} in ${many}, ${a}): read once`);
  });

  it('locates detection rejects in the file and column they came from', async () => {
    const l = await loadLedgers([join(many, '2013-01.csv'), join(many, 'sub', 'x.csv')]);
    const located = locateRejects([{ index: 1, field: 'currency', path: [1, 'currency'], code: 'unknown_currency', message: 'x' }], l);
    expect(located[0]).toMatchObject({ file: join(many, 'sub', 'x.csv'), line: 2, column: 'currency' });
  });

  it('reads a stream as it reads the file (a stream other than standard input has no file name)', async () => {
    const file = join(many, '2018-07.csv');
    const bytes = readFileSync(file);
    const fromStream = await loadLedger(Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]));
    const fromFile = await loadLedger(file);
    expect(fromStream.records).toEqual(fromFile.records);
    expect(fromStream.sources[0]).toMatchObject({ sha256: sha(file), bytes: bytes.length });
    expect(fromStream.sources[0]?.file).toBeUndefined();
  });
});

describe('splitscan scan: several files, folders and standard input', () => {
  const thresholds = fileURLToPath(new URL('../../../seeds/chengxi-thresholds.json', import.meta.url));
  const seed = fileURLToPath(new URL('../../../seeds/chengxi-2014.csv', import.meta.url));

  it('reads - from standard input as the file itself', async () => {
    const viaStdin = await cli(['scan', '-', '--thresholds', thresholds, '-f', 'json', '-q'], { stdin: readFileSync(seed) });
    const viaFile = await cli(['scan', seed, '--thresholds', thresholds, '-f', 'json', '-q']);
    expect(viaStdin.code).toBe(0);
    const findings = (r: { out: string }) => (JSON.parse(r.out) as { findings: { total: string; recordIds: string[] }[] }).findings.map((f) => [f.total, f.recordIds]);
    expect(findings(viaStdin)).toEqual(findings(viaFile));
  });

  it('stops on an error late in standard input with its exit code, one line, and no stray stream error', async () => {
    const late = readFileSync(bigLedger('stdin-late.csv', new Uint8Array([0x58, 0x2c, 0x43, 0x2c, 0xff, 0xfe, 0x0a]), 60000));
    for (const [flags, code] of [[['--encoding', 'utf-8'], 3], [['--map', 'buyer=Nope'], 2]] as const) {
      const r = await cli(['scan', '-', '--preset', 'pcard', '--limit', '3000', '--currency', 'EUR', ...flags], { stdin: late });
      expect(r.code, flags.join(' ')).toBe(code);
      expect(r.err.trim().split('\n'), flags.join(' ')).toHaveLength(1);
      expect(r.err).toMatch(/^splitscan: /u);
    }
  });
});
