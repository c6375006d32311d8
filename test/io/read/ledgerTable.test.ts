/**
 * The table a loader builds as it reads is the table validation would build from `ledger.records`,
 * column by column and reject by reject, and detection from it gives the same result.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSplits } from '../../../src/detect.js';
import { readLedger, type ReadLedgerOptions } from '../../../src/io/read/ledger.js';
import { detectionInput, ledgerTable } from '../../../src/io/read/ledgerTable.js';
import type { Ledger } from '../../../src/io/read/reader.js';
import { loadLedger, loadLedgers } from '../../../src/node.js';
import { getPreset } from '../../../src/presets/index.js';
import { scanRecords } from '../../../src/records/table.js';
import { runs } from '../../helpers/runs.js';

const real = fileURLToPath(new URL('../../fixtures/io/real/', import.meta.url));
const thresholds = [{ id: 'q', amount: '1000', currency: 'EUR', procedure: 'quotation' }];

/** The loader's table against a validation of a fresh copy of its records; detection both ways. */
function same(ledger: Ledger, options: Parameters<typeof detectSplits>[1]): void {
  const table = ledgerTable(ledger);
  expect(table).toBeDefined();
  const input = detectionInput(ledger);
  const direct = detectSplits(input, options);
  // Read the records only now: the table and the input above were made without them.
  const records = ledger.records.slice();
  expect(input).toHaveLength(records.length);
  expect(table).toEqual(scanRecords(records));
  expect(direct).toEqual(detectSplits(records, options));
}

// Cells chosen to hit every validation rule: padding, invisible-only text, names without letters,
// placeholder codes, duplicate ids, negative, huge and over-precise amounts, unknown currencies.
const cell = {
  id: fc.constantFrom('A1', 'A2', 'A3', 'A1', ' A4 ', '', '\u200B', 'B-7', '12'),
  buyer: fc.constantFrom('City', 'City ', 'Ｃｉｔｙ', 'County Council of the North', '\u200B', '', '城西管委会'),
  vendor: fc.constantFrom('Acme Ltd', 'ACME LIMITED', '...', '★', 'Total', 'Sign Co', '甲标识有限公司', '', 'direct debit payment'),
  date: fc.constantFrom('2019-01-03', '2019-01-05', '2019-02-30', '2019-1-9', '', '12/31/2019', '0017-05-23'),
  amount: fc.constantFrom('120', '999.99', '-5', '0', '1,234.50', '"$ 300"', '1e30', '12345678901234567890', '0.00000000001', 'abc', '', '(12.00)'),
  currency: fc.constantFrom('EUR', 'eur', 'XYZ', '', 'USD', 'CNY'),
  subject: fc.constantFrom('signs', 'signs', '', '\u200B', ' lights ', '道路"标牌"', 'a,b'),
  category: fc.constantFrom('B0701', 'b07.01', '-', '', '4523 3130'),
  project: fc.constantFrom('P-1', 'p-1', '', 'Ｐ－１'),
  document: fc.constantFrom('D1', 'D1', 'D2', '-', 'N/A', '', 'D1-2'),
};
const row = fc.tuple(cell.id, cell.buyer, cell.vendor, cell.date, cell.amount, cell.currency, cell.subject, cell.category, cell.project, cell.document);
const quote = (s: string): string => (/[",\n]/u.test(s) && !s.startsWith('"') ? `"${s.replace(/"/gu, '""')}"` : s);
const csvOf = (rows: readonly (readonly string[])[]): string =>
  ['id,buyer,vendor,date,amount,currency,subject,category,project,document', ...rows.map((r) => r.map(quote).join(','))].join('\n');
const readingOptions = fc.record({ lines: fc.constantFrom('sum', 'keep'), credits: fc.constantFrom('reject', 'net') }) as fc.Arbitrary<ReadLedgerOptions>;

describe('the table a loader builds while reading', () => {
  it('is the table validation builds from ledger.records, and detects the same (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), readingOptions, (rows, reading) => {
        let ledger: Ledger;
        try {
          ledger = readLedger(csvOf(rows), { ...reading, dateFormat: 'yyyy-MM-dd' });
        } catch {
          return; // no header, or an options error: no ledger to compare
        }
        same(ledger, { thresholds, minScore: 0, rates: { USD: '0.9', CNY: '0.13' } });
      }),
      { numRuns: runs(300) },
    );
  });

  it('is the table validation builds when lines are summed and credits netted: earliest dates, sums (property)', () => {
    const line = fc.tuple(fc.constantFrom('2019-01-05', '2019-01-03', '2018-12-31'), fc.constantFrom('D1', 'D2', ''), fc.constantFrom('10', '2.50', '-4', '-10'));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom<ReadLedgerOptions['credits']>('reject', 'net'), (lines, credits) => {
        const csv = ['id,buyer,vendor,date,amount,currency,document', ...lines.map(([date, doc, amount], i) => `R${i},City,Acme,${date},${amount},EUR,${doc}`)].join('\n');
        same(readLedger(csv, { lines: 'sum', credits }), { thresholds, minScore: 0 });
      }),
      { numRuns: runs(200) },
    );
  });

  it('is the same ledger and table whether subjects are numbered as read or kept one per record (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), readingOptions, (rows, reading) => {
        const read = (numberSubjects: boolean): unknown => {
          try {
            const ledger = readLedger(csvOf(rows), { ...reading, dateFormat: 'yyyy-MM-dd', numberSubjects });
            return { ...ledger, table: ledgerTable(ledger) };
          } catch (e) {
            return { error: (e as Error).message };
          }
        };
        expect(read(false)).toEqual(read(true));
      }),
      { numRuns: runs(200) },
    );
  });

  it('keeps the subjects of records cut after validation (a repeated id, then a currency without a rate) among its texts, as validation does', () => {
    // Subjects are kept one per record as read and numbered only when read (see eachColumn): the
    // records dropped for a repeated id, and those dropped for want of a rate, still name their
    // subjects in the column's texts, as in a table validated from record objects.
    const csv = [
      'id,buyer,vendor,date,amount,currency,subject',
      'A1,City,Acme,2019-01-03,120,EUR,signs',
      'A1,City,Acme,2019-01-03,120,EUR,signs',
      'A2,City,Acme,2019-01-04,50,USD,lights',
      'A3,City,Acme,2019-01-05,70,EUR,paint',
      'A4,City,Acme,2019-01-06,80,EUR,',
      'A5,City,Acme,2019-01-07,90,EUR,paint',
    ].join('\n');
    const ledger = readLedger(csv);
    const conversion = { currency: 'EUR', rates: new Map() };
    const fromColumns = scanRecords(detectionInput(ledger), conversion);
    const fromRecords = scanRecords(ledger.records.slice(), conversion);
    expect(fromColumns).toEqual(fromRecords);
    expect(fromColumns.subject.texts).toEqual(['signs', 'lights', 'paint']);
    expect([...fromColumns.subject.text]).toEqual([2, -1, 2]);
    expect(ledgerTable(ledger)).toEqual(scanRecords(ledger.records.slice()));
  });

  it('is the table validation builds, for every real file and for months read together', async () => {
    const pcard = getPreset('pcard', { limit: '3000', currency: 'CAD' });
    const files: [string, Parameters<typeof loadLedger>[1], string][] = [
      ['toronto-pcard-2013-01.csv', { dateFormat: 'MM-dd-yyyy' }, 'CAD'],
      ['toronto-pcard-2018-02.csv', {}, 'CAD'],
      ['birmingham-pcard-2017-05.csv', { dateFormat: 'dd/MM/yy' }, 'GBP'],
      ['birmingham-pcard-2017-05.csv', { dateFormat: 'dd/MM/yy', credits: 'net' }, 'GBP'],
      ['oxford-spend-over-500-2015-q4.csv', { dateFormat: 'dd/MM/yyyy', currency: 'GBP' }, 'GBP'],
    ];
    for (const [file, options, currency] of files) same(await loadLedger(join(real, file), options), getPreset('pcard', { limit: '3000', currency }));
    const byYear = join(real, 'toronto-pcard-by-year');
    const months = readdirSync(byYear).filter((f) => f.endsWith('.csv')).sort().map((f) => join(byYear, f));
    expect(readFileSync(months[0] as string).length).toBeGreaterThan(0);
    same(await loadLedgers(months, { dateFormat: 'MM-dd-yyyy', currency: 'CAD' }), pcard);
  });
});
