/**
 * A file read in byte ranges (on worker threads in the built package; here in-process, each range's
 * result passed through a structured clone as a worker's message is) gives exactly the ledger, or
 * the error, that reading it in one piece gives: records, rejects and their lines, warnings, stats,
 * encoding and provenance, and the table detection reads. Cuts fall anywhere, inside quoted line breaks included.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ledgerTable } from '../../src/io/read/ledgerTable.js';
import { LedgerReader, partBuffers } from '../../src/io/read/reader.js';
import { loadLedger, type LoadLedgerOptions } from '../../src/node.js';
import { REJECT_BATCH } from '../../src/io/read/ranges.js';
import { RangeThread } from '../../src/node/rangeThread.js';
import { RANGES, rangeCount } from '../../src/node/readRanges.js';
import { runs } from '../helpers/runs.js';

const dir = mkdtempSync(join(tmpdir(), 'splitscan-ranges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ledger or the error message of a load, every field compared (records made from the columns), and the table detection reads. */
async function outcome(path: string, options: LoadLedgerOptions): Promise<unknown> {
  try {
    const l = await loadLedger(path, options);
    const table = ledgerTable(l);
    return { ...l, records: l.records, table };
  } catch (e) {
    return { error: (e as Error).message, name: (e as Error).name };
  }
}

const HEADER = 'id,buyer,vendor,date,amount,currency,subject,document';
// Over 64 KiB of plain rows first: the format, encoding and header are decided on the first range.
const filler = Array.from({ length: 1100 }, (_, i) => `F${i},City,Vendor ${i % 7},2019-01-${String(1 + (i % 28)).padStart(2, '0')},${100 + i}.50,EUR,signs phase ${i},D${i % 50}`);
const tail = fc.constantFrom(
  'G1,City,Acme,2019-02-01,12.50,EUR,plain,D1',
  'G1,City,Acme,2019-02-02,13.50,EUR,same id again,',
  'G2,城西管委会,甲标识公司,2019-02-02,"1,234.00",CNY,"道路""标牌""\r\n二期",D2',
  'G3,City,Café Ré,2019-02-03,"9,99",EUR,"a\nb\nc",D1',
  'Total,,,,999,,,',
  'C1,City,Acme,2019-02-03,-5,EUR,refund,',
  'C2,City,Vendor 3,2019-01-20,-100.50,EUR,refund,D3',
  'D1,City,Acme,2019-02-30,5,EUR,bad date,',
  'D2,City,Acme,03/04/2019,5,EUR,ambiguous date,',
  ',,,,,,,',
  '',
  'x',
  'E1,City,,2019-02-04,5,EUR,no vendor,',
  'Q1,City,"Acme,2019-02-05,5,EUR,stray quote,',
  'Q2,City,"Acme"x,2019-02-05,5,EUR,text after quote,',
  'R1,City,direct debit payment,2019-02-06,50,EUR,repayment,',
  // Characters outside the BMP and a no-break space: texts sent between threads come back exactly.
  'G4,City,Note\u00a0😀 Zoé,2019-02-07,7,EUR,"emoji 😀 and 𝄞",D4',
);
const eol = fc.constantFrom('\n', '\r\n', '\r');

describe('loadLedger in byte ranges', () => {
  it('gives the ledger (or the error) reading the file in one piece gives (property)', async () => {
    let ranged = 0;
    let early = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(tail, eol), { maxLength: 60 }),
        fc.integer({ min: 2, max: 3 }),
        fc.boolean(),
        fc.constantFrom<LoadLedgerOptions>({}, { credits: 'net' }, { lines: 'keep' }, { dateFormat: 'yyyy-MM-dd' }, { numberSubjects: true }, { rereadSubjects: true }, { rereadSubjects: true, credits: 'net', lines: 'keep' }),
        fc.constantFrom('utf-8', 'windows-1252'),
        fc.boolean(),
        // No id column (its header one not read as an id): records named by their content, identical rows numbered across ranges.
        fc.boolean(),
        async (rows, count, bom, options, encoding, late, idless) => {
          // The rows repeated past 200 KB, so that every cut falls after the first 64 KiB and most in them.
          const block = rows.map(([r, e]) => r + e).join('');
          // A last row whose accents are the file's first non-ASCII bytes (with ASCII rows before it):
          // the encoding is decided at the very end, in the last range.
          const last = late ? 'L1,City,Café Zoé,2019-03-01,10,EUR,last row,\r\n' : '';
          const ascii = late ? block.replace(/[^\u0000-\u007f]/gu, '?') : block;
          const text = [idless ? HEADER.replace('id,', 'serial,') : HEADER, ...filler].join('\r\n') + '\r\n' + ascii.repeat(block.length === 0 ? 0 : Math.ceil(140_000 / block.length)) + last;
          const bytes = encoding === 'utf-8' ? new TextEncoder().encode((bom ? '\uFEFF' : '') + text) : Uint8Array.from(text.replace(/[^\u0000-\u00ff]/gu, '?'), (c) => c.charCodeAt(0));
          const path = join(dir, 'ledger.csv');
          writeFileSync(path, bytes);
          Object.assign(RANGES, { minBytes: Infinity, count: undefined, here: false });
          const whole = await outcome(path, options);
          const before = RANGES.readInRanges;
          Object.assign(RANGES, {
            minBytes: 1,
            count,
            here: true,
          });
          const inRanges = await outcome(path, options);
          ranged += RANGES.readInRanges - before;
          if (!late) early++;
          expect(inRanges).toEqual(whole);
          // Subjects read again from the file are the subjects kept.
          if (options.rereadSubjects) {
            Object.assign(RANGES, { minBytes: Infinity, count: undefined, here: false });
            expect(whole).toEqual(await outcome(path, { ...options, rereadSubjects: false }));
          }
        },
      ),
      { numRuns: runs(60) },
    );
    Object.assign(RANGES, { minBytes: 16 << 20, count: undefined, here: false });
    // Some files were read in ranges (a file falls back to one piece when a cut cannot be proven
    // right, e.g. ambiguous dates in its first range, so how many depends on the rows drawn): the
    // comparison is not only between two readings in one piece. That a clean file is always read in
    // ranges is the next test's.
    if (early >= 20) expect(ranged).toBeGreaterThan(0);
    // About 15 s on a quiet 2-core machine; over 60 s under a load of 4 (two other heavy jobs), and a
    // timed-out run goes on setting RANGES under the next test. Three minutes leaves room for load.
  }, 180_000);

  it('sends a later range\'s rejects ahead in batches, and they come back in order, with those of its part', async () => {
    // Rejects (credits, total lines, bad dates) over several chunks of the second range: a batch after each of
    // several chunks (see `readRange`), and some in its part after the last batch.
    const bad = (i: number) => [`C${i},City,Acme,2019-02-03,-${i}.50,EUR,refund,`, `,,,,${i},,,`, `D${i},City,Acme,2019-02-30,5,EUR,bad date,`][i % 3];
    const rows = [...filler, ...Array.from({ length: 40 * REJECT_BATCH + 100 }, (_, i) => bad(i)), ...filler.map((r) => `Z${r}`)];
    const path = join(dir, 'rejects.csv');
    writeFileSync(path, [HEADER, ...rows].join('\r\n') + '\r\n');
    Object.assign(RANGES, { minBytes: Infinity, count: undefined, here: false });
    const whole = await outcome(path, {});
    const before = RANGES.readInRanges;
    Object.assign(RANGES, { minBytes: 1, count: 2, here: true });
    const read = RangeThread.prototype.read;
    let batches = 0;
    const spy = vi.spyOn(RangeThread.prototype, 'read').mockImplementation(function (this: RangeThread, job, onRejects) {
      return read.call(this, job, (rejects) => {
        batches++;
        onRejects?.(rejects);
      });
    });
    try {
      const inRanges = await outcome(path, {});
      expect(RANGES.readInRanges).toBe(before + 1);
      expect(batches).toBeGreaterThanOrEqual(3);
      expect(inRanges).toEqual(whole);
      expect((whole as { rejects: unknown[] }).rejects.length).toBeGreaterThan(3 * REJECT_BATCH);
    } finally {
      spy.mockRestore();
      Object.assign(RANGES, { minBytes: 16 << 20, count: undefined, here: false });
    }
  });

  it('sends purposes longer than a chunk of bytes between threads whole (several columns joined)', () => {
    // Six columns of 60,000 CJK characters (3 bytes each in UTF-8) make purposes of over 1 MB.
    const header = ['id', 'buyer', 'vendor', 'date', 'amount', 'currency', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const options = { map: { subject: 'p1+p2+p3+p4+p5+p6' } };
    const row = (i: number) => [`L${i}`, 'City', 'Acme', `2019-02-0${i + 1}`, `${i + 1}`, 'EUR', ...[1, 2, 3, 4, 5, 6].map((c) => `${i}${c}` + '字'.repeat(60_000))];
    const first = new LedgerReader(options);
    first.header(header);
    first.row(row(0), 2);
    const later = new LedgerReader(options);
    later.header(header);
    later.readsLaterRange();
    for (let i = 1; i < 4; i++) later.row(row(i), 2 + i);
    later.row(['L9', 'City', 'Acme', '2019-02-09', '9', 'EUR', 'short', '', '', '', '', ''], 6);
    const part = later.part();
    first.absorb(structuredClone(part, { transfer: partBuffers(part) }));
    const subjects = first.finish().records.map((r) => r.subject);
    expect(subjects).toEqual([...[0, 1, 2, 3].map((i) => row(i).slice(6).join(' / ')), 'short']);
  });

  it.each([
    // cores, last minute's load average, tasks running now (this thread among them), ranges:
    // one piece only while both measures say other work fills every core.
    [2, 0, 1, 2],
    [2, 1.99, 4, 2],
    [2, 2, 3, 1],
    [2, 7.5, 9, 1],
    [2, 7.5, 2, 2],
    [2, 7.5, undefined, 2],
    [8, 3, 12, 8],
    [8, 8, 9, 1],
    [1, 0, 1, 2],
  ])('with %d cores, a load average of %d and %d tasks running, reads a large file in %d range(s)', (cores, average, now, ranges) => {
    expect(rangeCount(cores, average, now)).toBe(ranges);
  });

  it.each([
    ['1', 1],
    ['3', 3],
    ['0', undefined],
    ['2.5', undefined],
    ['two', undefined],
    ['', undefined],
  ])('takes the ranges from SPLITSCAN_READ_RANGES=%j: %s', async (value, count) => {
    const before = process.env['SPLITSCAN_READ_RANGES'];
    process.env['SPLITSCAN_READ_RANGES'] = value;
    try {
      vi.resetModules();
      const fresh = await import('../../src/node/readRanges.js');
      expect(fresh.RANGES.count).toBe(count);
      expect(fresh.RANGES.minBytes).toBe(count === undefined ? 16 << 20 : 1);
    } finally {
      if (before === undefined) delete process.env['SPLITSCAN_READ_RANGES'];
      else process.env['SPLITSCAN_READ_RANGES'] = before;
      vi.resetModules();
    }
  });

  it('reads a large file in one piece when it is to be read in one range', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `G${i},City,Vendor ${i % 5},2019-02-03,"${10 + i}.25",EUR,signs,D${i}`);
    const path = join(dir, 'one.csv');
    writeFileSync(path, [HEADER, ...filler, ...rows].join('\r\n') + '\r\n');
    Object.assign(RANGES, { minBytes: Infinity, count: undefined, here: false });
    const whole = await outcome(path, {});
    const before = RANGES.readInRanges;
    Object.assign(RANGES, { minBytes: 1, count: 1, here: true });
    expect(await outcome(path, {})).toEqual(whole);
    expect(RANGES.readInRanges).toBe(before);
    Object.assign(RANGES, { minBytes: 16 << 20, count: undefined, here: false });
  });

  it.each([
    ['in its first range', 40],
    ['only in a later range', 2900],
  ])('gives the one-piece ledger when the order of day and month is proved %s', async (_, proof) => {
    // Month-first dates that read both ways (day and month both 12 or less), but for the one at row `proof`.
    const date = (i: number) => (i === proof ? '01-27-2019' : `${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 11)).padStart(2, '0')}-2019`);
    const rows = Array.from({ length: 3000 }, (_, i) => `G${i},City,Vendor ${i % 5},${date(i)},"${10 + i}.25",EUR,"signs, phase ${i}",D${i}`);
    const path = join(dir, 'ordered.csv');
    writeFileSync(path, [HEADER, ...rows].join('\r\n') + '\r\n');
    Object.assign(RANGES, { minBytes: Infinity, count: undefined, here: false });
    const whole = (await outcome(path, {})) as { records: unknown[]; warnings: { code: string }[] };
    expect(whole.records).toHaveLength(3000);
    expect(whole.warnings.map((w) => w.code)).toEqual(['date_order']);
    Object.assign(RANGES, { minBytes: 1, count: 2, here: true });
    try {
      expect(await outcome(path, {})).toEqual(whole);
    } finally {
      Object.assign(RANGES, { minBytes: 16 << 20, count: undefined, here: false });
    }
  });

  it('gives the one-piece ledger when the dates of the first range all read the same both ways, and later ones do not', async () => {
    // Day = month up to row 2000 (read as they are: no order proved), then dates that read two ways, and one that proves the order.
    const two = (n: number) => String(n).padStart(2, '0');
    const date = (i: number) => (i === 2900 ? '01-27-2019' : `${two(1 + (i % 12))}-${two(1 + ((i + (i < 2000 ? 0 : 1)) % 12))}-2019`);
    const rows = Array.from({ length: 3000 }, (_, i) => `G${i},City,Vendor ${i % 5},${date(i)},"${10 + i}.25",EUR,"signs, phase ${i}",D${i}`);
    const path = join(dir, 'same-then-either.csv');
    writeFileSync(path, [HEADER, ...rows].join('\r\n') + '\r\n');
    Object.assign(RANGES, { minBytes: Infinity, count: undefined, here: false });
    const whole = (await outcome(path, {})) as { records: { date: string }[]; warnings: { code: string }[] };
    expect(whole.records).toHaveLength(3000);
    expect(whole.records[2001]?.date).toBe('2019-10-11');
    Object.assign(RANGES, { minBytes: 1, count: 2, here: true });
    try {
      expect(await outcome(path, {})).toEqual(whole);
    } finally {
      Object.assign(RANGES, { minBytes: 16 << 20, count: undefined, here: false });
    }
  });

  it('reads a clean file in ranges and gives the one-piece ledger', async () => {
    // Quoted cells, but no quoted line break: a cut just after a line feed is then a row's end.
    const rows = Array.from({ length: 3000 }, (_, i) => `G${i},City,Vendor ${i % 5},2019-02-${String(1 + (i % 28)).padStart(2, '0')},"${10 + i}.25",EUR,"signs, phase ${i}",D${i}`);
    const path = join(dir, 'clean.csv');
    writeFileSync(path, [HEADER, ...filler, ...rows].join('\r\n') + '\r\n');
    Object.assign(RANGES, { minBytes: Infinity, count: undefined, here: false });
    const whole = await outcome(path, {});
    for (const count of [2, 3]) {
      const before = RANGES.readInRanges;
      const hashedAgain = RANGES.hashedAgain;
      Object.assign(RANGES, {
        minBytes: 1,
        count,
        here: true,
      });
      expect(await outcome(path, {})).toEqual(whole);
      expect(RANGES.readInRanges - before).toBe(1);
      // The file's SHA-256 (compared with the ledger's sources) is the first reader's, not computed again.
      expect(RANGES.hashedAgain).toBe(hashedAgain);
    }
    Object.assign(RANGES, { minBytes: 16 << 20, count: undefined, here: false });
  });
});
