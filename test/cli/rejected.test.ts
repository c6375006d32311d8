/**
 * A run that rejects most rows says so loudly, with the top reasons and the fix; a run that could
 * analyse nothing exits 3 (issue 10, defect 5: 3,556 of 3,556 Toronto rows rejected, exit 0).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datePatterns, inputRejectWarnings, summarizeRejects } from '../../src/cli/rejectSummary.js';
import { readLedger } from '../../src/io/read/ledger.js';
import { cli, repo } from './_run.js';

const toronto = repo('test/fixtures/io/real/toronto-pcard-2013-01.csv');

describe('every row rejected', () => {
  it('exits 3 and names the reasons and the fix (Toronto, January 2013, read with the wrong date pattern)', async () => {
    const r = await cli(['scan', toronto, '--preset', 'pcard', '--limit', '3000', '--currency', 'CAD', '--date-format', 'dd/MM/yyyy', '--format', 'json']);
    expect(r.code).toBe(3);
    const line = r.err.split('\n').find((l) => l.startsWith('splitscan: no row could be analysed'));
    expect(line).toBeDefined();
    // Toronto's 2013 file: 3,556 data rows, 613 of them per-card subtotal lines, the rest dated MM-dd-yyyy.
    expect(line).toContain('3,556 of 3,556 rows rejected: invalid_date 2,943 (e.g. line 2: "01-08-2013" does not match the date format dd/MM/yyyy); subtotal 613');
    expect(line).toMatch(/ — try --date-format MM-dd-yyyy$/u);
    // The report and the summary are still written: the rejects can be listed.
    expect(JSON.parse(r.out).summary).toMatchObject({ rows: 3556, analysed: 0, rejected: 3556 });
    expect(r.err).toContain('read 3,556 rows, analysed 0, rejected 3,556');
  });

  it('exits 3 with -q too, and says it once', async () => {
    const r = await cli(['scan', toronto, '--preset', 'pcard', '--limit', '3000', '--currency', 'CAD', '--date-format', 'dd/MM/yyyy', '--format', 'json', '-q']);
    expect(r.code).toBe(3);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('reads the same file with the suggested pattern', async () => {
    const r = await cli(['scan', toronto, '--preset', 'pcard', '--limit', '3000', '--currency', 'CAD', '--date-format', 'MM-dd-yyyy', '--format', 'json', '-q']);
    expect(r.code).toBe(0);
    const { summary, rejects } = JSON.parse(r.out) as { summary: { rows: number; analysed: number; rejected: number }; rejects: { code: string }[] };
    expect(summary.analysed + summary.rejected).toBe(3556);
    expect(summary.analysed).toBeGreaterThan(2800);
    expect(rejects.filter((x) => x.code === 'invalid_date')).toEqual([]);
  });
});

describe('most rows rejected', () => {
  it('warns with the top reasons when half or more of the rows are rejected, and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-rejected-'));
    const rows = [
      ...Array.from({ length: 4 }, (_, i) => `C${i},City,Acme,0${i + 1}/12/2019,600,EUR`),
      ...Array.from({ length: 6 }, (_, i) => `A${i},City,Acme,12-2${i}-2019,100,EUR`),
      ...Array.from({ length: 2 }, (_, i) => `B${i},City,Acme,0${i + 1}/12/2019,1.5.0,EUR`),
    ];
    writeFileSync(join(dir, 'l.csv'), `id,buyer,vendor,date,amount,currency\n${rows.join('\n')}\n`);
    const r = await cli(['scan', join(dir, 'l.csv'), '--threshold', '1000', '--currency', 'EUR', '--date-format', 'dd/MM/yyyy', '--format', 'json']);
    expect(r.code).toBe(0);
    const warning = r.err.split('\n').find((l) => l.startsWith('splitscan: warning: '));
    expect(warning).toMatch(/^splitscan: warning: 8 of 12 rows rejected: invalid_date 6 \(e\.g\. line 6: [^)]*\); invalid_amount 2 \(e\.g\. line 12: [^)]*\) — try --date-format MM-dd-yyyy$/u);
    expect(JSON.parse(r.out).warnings).toEqual([{ code: 'rejected_rows', message: warning?.slice('splitscan: warning: '.length) }]);
  });

  it('offers to sum ids repeated as the lines of one document, naming their column', () => {
    const dup = (line: number) => ({ field: 'id', path: ['id'], code: 'duplicate_id' as const, message: `line ${line}: id "1900203212" is also used by record 1`, line, column: 'Transaction Number' });
    expect(summarizeRejects([dup(2), dup(3)], 3, 1).message).toMatch(/ — map a column that is unique per row \(--map id=Header\), or, when the ids repeat as the lines of one document, sum them: --map id=,document="Transaction Number"$/u);
  });

  it('offers the unit that reads amounts written in 万元', () => {
    const r = readLedger('采购单位,供应商,签订日期,合同金额,币种\n某局,甲公司,2020-01-02,45万元,CNY\n');
    expect(summarizeRejects(r.rejects, 1, 0).message).toMatch(/ — try --unit 10000 if every amount is written in that unit$/u);
  });

  it('stays quiet below half', () => {
    const rejects = [{ field: 'date', path: ['date'], code: 'invalid_date' as const, message: 'x', line: 2 }];
    expect(summarizeRejects(rejects, 3, 2)).toMatchObject({ loud: false, nothingAnalysed: false });
    expect(summarizeRejects(rejects, 2, 1)).toMatchObject({ loud: true, nothingAnalysed: false });
    expect(summarizeRejects([], 4, 0, 4)).toMatchObject({ loud: false, nothingAnalysed: false }); // blank rows only
  });
});

describe('several files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'splitscan-rejected-files-'));
  const header = 'id,buyer,vendor,date,amount,currency';
  const rows = (prefix: string, n: number, amount: string) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1},City,Acme,2019-12-0${i + 1},${amount},EUR`);
  writeFileSync(join(dir, 'a.csv'), `${header}\n${rows('A', 9, '600').join('\n')}\n`);
  writeFileSync(join(dir, 'b.csv'), `${header}\n${rows('B', 4, '1.5.0').join('\n')}\n`);
  writeFileSync(join(dir, 'b2.csv'), `${header}\n${rows('C', 4, '1.5.0').join('\n')}\n`);
  const run = (...files: string[]) => cli(['scan', ...files.map((f) => join(dir, f)), '--threshold', '1000', '--currency', 'EUR', '--format', 'json']);

  it('warns about a file most of whose rows are rejected, naming it, though the run as a whole rejects fewer than half', async () => {
    const r = await run('a.csv', 'b.csv');
    expect(r.code).toBe(0);
    const b = join(dir, 'b.csv');
    const warning = `${b}: 4 of 4 rows rejected: invalid_amount 4 (e.g. line 2: "1.5.0" is not an amount) — check the amount column (--map amount=Header)`;
    expect(r.err).toContain(`splitscan: warning: ${warning}\n`);
    expect(JSON.parse(r.out).warnings).toEqual([{ code: 'rejected_rows', message: warning }]);
  });

  it('judges a file by the rows it has: all of them blank or rejected is loud, however many are blank', () => {
    const reject = (file: string, line: number) => ({ field: 'amount', path: ['amount'], code: 'invalid_amount' as const, message: `line ${line}: x`, line, file });
    const stats = (rows: number, blank: number) => ({ rows, blank, records: 0, rejected: 0, merged: 0, netted: 0 });
    const warnings = inputRejectWarnings([reject('b.csv', 3), reject('b.csv', 9), reject('c.csv', 2)], [
      { file: 'a.csv', stats: stats(5, 0) },
      { file: 'b.csv', stats: stats(10, 8) },
      { file: 'c.csv', stats: stats(3, 0) },
    ]);
    expect(warnings).toEqual(['b.csv: 2 of 10 rows rejected: invalid_amount 2 (e.g. line 3: x) — check the amount column (--map amount=Header)']);
  });

  it('names no file a run reads one file of', async () => {
    const r = await run('b.csv');
    expect(r.code).toBe(3);
    expect(r.err).toContain('splitscan: no row could be analysed: 4 of 4 rows rejected: invalid_amount 4 (e.g. line 2: "1.5.0" is not an amount)');
  });

  it('names the file of each example when no row of any file could be analysed', async () => {
    const r = await run('b.csv', 'b2.csv');
    expect(r.code).toBe(3);
    expect(r.err).toContain(`splitscan: no row could be analysed: 8 of 8 rows rejected: invalid_amount 8 (e.g. ${join(dir, 'b.csv')} line 2: "1.5.0" is not an amount)`);
  });
});

describe('the date pattern hint', () => {
  it.each([
    [['01-17-2013', '02-01-2013'], ['MM-dd-yyyy']],
    [['17/01/2013', '01/02/2013'], ['dd/MM/yyyy']],
    [['01/02/2013', '03/04/2013'], ['MM/dd/yyyy', 'dd/MM/yyyy']],
    [['31.12.19'], ['dd.MM.yy']],
    [['2013/1/7'], ['yyyy/MM/dd']], // date-fns reads one digit for MM and dd
    [['2014-02-30'], []],
    [['soon'], []],
  ])('%j → %j', (values, patterns) => {
    expect(datePatterns(values)).toEqual(patterns);
  });
});
