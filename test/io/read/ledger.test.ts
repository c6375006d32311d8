import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LedgerParser, locateRejects, readLedger } from '../../../src/io/read/ledger.js';
import { recordsToCsv } from '../../../src/io/write/csv.js';
import { loadLedger } from '../../../src/node.js';
import { InputError, OptionsError } from '../../../src/errors.js';
import type { PurchaseRecordInput } from '../../../src/records/record.js';
import { runs } from '../../helpers/runs.js';
import { ledgerTable } from '../../../src/io/read/ledgerTable.js';
import { keyAt, type RecordTable } from '../../../src/records/table.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url));
const bytes = (name: string) => new Uint8Array(readFileSync(fixture(name)));
const codes = (rejects: readonly { code: string }[]) => rejects.map((r) => r.code);

describe('readLedger: quirks', () => {
  it('reads a pipe file with quotes, embedded newlines, $ amounts, accounting negatives, bad rows and a subtotal', () => {
    const l = readLedger(bytes('quirks-pipe.csv'));
    expect(l.delimiter).toBe('|');
    expect(l.records).toEqual([
      { id: expect.stringMatching(/^R[0-9a-f]{12}$/u), buyer: 'Parks', vendor: 'Acme | Sons', subject: 'two-line\npurpose', amount: '1234.5', date: '2019-03-04', currency: 'USD', document: 'A-1' },
    ]);
    expect(l.rejects.map((r) => [r.line, r.code, r.column])).toEqual([
      [4, 'credit', 'Amount'],
      [5, 'invalid_amount', 'Amount'],
      [6, 'missing', 'Merchant'],
      [7, 'invalid_date', 'Date'],
      [8, 'subtotal', undefined],
    ]);
    expect(l.stats).toMatchObject({ rows: 6, records: 1, rejected: 5 });
  });

  it('reads GB18030 and UTF-16 Chinese exports with 万元 amounts and Chinese dates', () => {
    for (const name of ['zh-wanyuan.gb18030.csv', 'zh-wanyuan.utf16.csv']) {
      const l = readLedger(bytes(name));
      expect(l.encoding).toBe(name.includes('gb') ? 'gb18030' : 'utf-16le');
      expect(l.records.map((r) => [r.buyer, r.vendor, r.amount, r.date, r.category, r.project])).toEqual([
        ['某区管委会', '甲标识公司', '286500', '2014-11-04', 'C2101', '形象标识'],
        ['某区管委会', '乙广告公司', '296000', '2014-11-11', 'C2101', '形象标识'],
      ]);
      expect(codes(l.rejects)).toEqual(['invalid_amount']);
    }
  });

  it('never reads an amount written in 万 or 亿 as yuan: a reject naming the unit, unless that unit is the one in force', () => {
    const text = '采购单位,供应商,签订日期,合同金额,币种\n某局,甲公司,2020-01-02,45万元,CNY\n某局,乙公司,2020-01-03,¥1.2亿元,CNY\n';
    const l = readLedger(text);
    expect(l.records).toEqual([]);
    expect(l.rejects.map((r) => [r.line, r.code, r.column, r.value])).toEqual([
      [2, 'invalid_amount', '合同金额', '45万元'],
      [3, 'invalid_amount', '合同金额', '¥1.2亿元'],
    ]);
    expect(l.rejects[0]?.message).toBe('line 2: "45万元" is in 万元 (× 10,000), but amounts are read as written: if every amount of the column is in 万元, give that unit (option unit; the command: --unit 10000)');
    // A column in 万元 (its header says so) reads 45万元, and still refuses 1.2亿元.
    const wan = readLedger(text.replace('合同金额', '合同金额(万元)'));
    expect(wan.records.map((r) => r.amount)).toEqual(['450000']);
    expect(wan.rejects.map((r) => [r.line, r.code])).toEqual([[3, 'invalid_amount']]);
  });

  it('refuses an amount marked negative twice, never reading it as a purchase', () => {
    const l = readLedger('buyer,vendor,date,amount,currency\nCity,Acme,2020-01-02,2000,GBP\nCity,Acme,2020-01-03,(-1500),GBP\nCity,Acme,2020-01-04,-1500.00-,GBP\nCity,Acme,2020-01-05,(1500),GBP\n');
    expect(l.records.map((r) => r.amount)).toEqual(['2000']);
    expect(l.rejects.map((r) => [r.line, r.code, r.column, r.value])).toEqual([
      [3, 'invalid_amount', 'amount', '(-1500)'],
      [4, 'invalid_amount', 'amount', '-1500.00-'],
      [5, 'credit', 'amount', '-1500'],
    ]);
    expect(l.rejects[0]?.message).toBe('line 3: "(-1500)" is not an amount: it is marked negative twice (parentheses and a leading minus sign), so whether it is a purchase or a credit is unclear');
  });

  it('refuses an amount whose currency is not the row\'s, naming both', () => {
    const l = readLedger('buyer,vendor,date,amount,currency\nCity,Acme,2020-01-02,EUR 200,GBP\nCity,Acme,2020-01-03,£200,GBP\nCity,Acme,2020-01-04,200 €,eur\nCity,Acme,2020-01-05,$200,USD\n');
    expect(l.records.map((r) => [r.amount, r.currency])).toEqual([['200', 'GBP'], ['200', 'EUR'], ['200', 'USD']]);
    expect(l.lines).toEqual([3, 4, 5]);
    // A row without an id is rejected by its line: only records are named (by their content).
    expect(l.rejects).toEqual([{ field: 'amount', path: ['amount'], code: 'invalid_amount', message: 'line 2: "EUR 200" is in EUR, but the row\'s currency (column "currency") is GBP', value: 'EUR 200', line: 2, column: 'amount' }]);
  });

  it('reads a euro sign after the amount, with the decimal comma', () => {
    const l = readLedger('acheteur;fournisseur;date;montant;devise\nVille;Acme;2020-01-02;1.234,56 €;EUR\n', { decimalComma: true, map: { buyer: 'acheteur', vendor: 'fournisseur', amount: 'montant', currency: 'devise' } });
    expect(l.records.map((r) => [r.amount, r.currency])).toEqual([['1234.56', 'EUR']]);
  });

  it('reads decimal commas only when asked, and asks for the pattern of ambiguous dates', () => {
    const map = { vendor: 'Fournisseur', buyer: 'Acheteur', amount: 'Montant', currency: 'Devise' };
    expect(() => readLedger(bytes('decimal-comma.csv'), { decimalComma: true, map })).toThrow(/dd\/MM\/yyyy or MM\/dd\/yyyy/);
    expect(() => readLedger(bytes('decimal-comma.csv'), { decimalComma: true, map })).toThrow(OptionsError);
    expect(() => readLedger(bytes('decimal-comma.csv'), { dateFormat: 'dd/MM/yyyy', map })).not.toThrow();
    expect(codes(readLedger(bytes('decimal-comma.csv'), { dateFormat: 'dd/MM/yyyy', map }).rejects)).toEqual(['invalid_amount', 'invalid_amount', 'invalid_amount']);
    const l = readLedger(bytes('decimal-comma.csv'), { decimalComma: true, dateFormat: 'dd/MM/yyyy', map });
    expect(l.records.map((r) => [r.amount, r.date])).toEqual([['1234.5', '2019-03-04'], ['1000', '2019-03-05']]);
    expect(codes(l.rejects)).toEqual(['credit']);
  });

  it('names the headers found when a required column is missing', () => {
    expect(() => readLedger('Foo,Bar\n1,2\n')).toThrow(/headers found: "Foo", "Bar"/);
  });

  it('says a JSON object is no table, and where an OCDS package is read, rather than what to map', () => {
    const pkg = JSON.stringify({ releases: [{ ocid: 'o-1', buyer: { name: 'City' } }] }, null, 2);
    expect(() => readLedger(pkg)).toThrow(/headers found: "\{"\); the text opens a JSON object, no table: an OCDS package is read as OCDS \(loadOcds; the command: --input-format ocds\)$/u);
  });

  it('takes the default currency and buyer when the file has no such column', () => {
    const l = readLedger('vendor,amount,date\nAcme,5,2019-01-01\n', { currency: 'eur', buyer: 'Town' });
    expect(l.records[0]).toMatchObject({ buyer: 'Town', currency: 'EUR', id: expect.stringMatching(/^R[0-9a-f]{12}$/u) });
    expect(l.warnings).toEqual([]);
  });

  it('keeps the buyer column of a file that has one, and says the buyer given is not used', () => {
    const l = readLedger('Department,vendor,amount,date\nParks,Acme,5,2019-01-01\n', { currency: 'EUR', buyer: 'Town' });
    expect(l.records[0]).toMatchObject({ buyer: 'Parks' });
    expect(l.warnings).toEqual([{ code: 'buyer_column', field: 'buyer', message: 'the buyer given ("Town") is not used: this file names each row\'s buyer in "Department"' }]);
  });

  it('reads JSON arrays and NDJSON with lines, refusing inexact numbers', () => {
    const json = readLedger(JSON.stringify([{ id: 1, buyer: 'B', vendor: 'V', date: '2019-01-02', amount: 12.5, currency: 'EUR' }, { id: 2, buyer: 'B', vendor: 'V', date: '2019-01-02', amount: 0.1 + 0.2, currency: 'EUR' }]));
    expect(json.records).toEqual([{ id: '1', buyer: 'B', vendor: 'V', date: '2019-01-02', amount: '12.5', currency: 'EUR' }]);
    expect(codes(json.rejects)).toEqual(['invalid_amount']);
    const nd = readLedger('{"buyer":"B","vendor":"V","date":"2019-01-02","amount":"3","currency":"EUR"}\n\nnot json\n');
    expect(nd.records).toHaveLength(1);
    expect(nd.rejects.map((r) => [r.line, r.code])).toEqual([[3, 'unparsable_row']]);
    expect(() => readLedger('[1,')).toThrow(InputError);
  });
});

describe('a title above the header', () => {
  it('passes over lines of one cell above the header, and says so (Lambeth\'s invoices export)', () => {
    // The shape of Lambeth's June 2012 file (zenlan/lambethdatastore): a report title, its date and
    // parameters in the first cell, padded with empty ones, then the header on line 10.
    const text = [
      'Lambeth Invoices Over Specified Nett Amount,,,,,',
      ',,,,,',
      'Report Date: 02/07/2012 16:59:18,,,,,',
      'Parameters: ,,,,,',
      'Invoice Threshold Nett Amt: 500,,,,,',
      ',,,,,',
      'Body,Department,Supplier Name,Invoice Creation Date,Invoice Nett Amount,Subj Description',
      'Lambeth,Housing,Acme Ltd,08/06/2012,"1534.24",REPAIRS',
      'Lambeth,Housing,Acme Ltd,25/06/2012,"4928.57",REPAIRS',
    ].join('\r\n');
    const l = readLedger(text, { currency: 'GBP' });
    expect(l.records.map((r) => [r.buyer, r.date, r.amount])).toEqual([['Housing', '2012-06-08', '1534.24'], ['Housing', '2012-06-25', '4928.57']]);
    expect(l.lines).toEqual([8, 9]);
    expect(l.stats.rows).toBe(2);
    expect(l.warnings.map((w) => w.code)).toEqual(['title_lines', 'date_order']);
    expect(l.warnings[0]?.message).toMatch(/^lines 1–5 above the header \(line 7\) are a title of one cell each, not read: "Lambeth Invoices Over Specified Nett Amount", "Report Date: 02\/07\/2012 16:59:18", "Parameters:" …$/u);
  });

  it('finds the delimiter past a title that has none', () => {
    const l = readLedger('Payments over 500\nBody\tSupplier\tDate\tAmount\nLeeds\tAcme, Ltd\t2019-01-02\t9\n', { currency: 'GBP' });
    expect(l.records[0]).toMatchObject({ buyer: 'Leeds', vendor: 'Acme, Ltd', amount: '9' });
    expect(l.warnings).toEqual([{ code: 'title_lines', message: 'line 1 above the header (line 2) is a title of one cell, not read: "Payments over 500"' }]);
  });

  it('reads a file of one column as before: its first line is the header', () => {
    expect(() => readLedger('amount\n5\n6\n')).toThrow(/no column for buyer, vendor, date, currency \(headers found: "amount"\)/u);
  });
});

describe('the order of day and month, read from the file\'s own dates', () => {
  const head = 'id,buyer,vendor,date,amount,currency';
  const csv = (...rows: string[]) => [head, ...rows].join('\n') + '\n';

  it('reads month-first when a date has no month in its first place, the rows before it held and read in order', () => {
    // Toronto's card files until 2013: 01-06-2011 reads both ways, 01-27-2011 only month-first.
    const text = csv('a,B,V,01-06-2011,5,CAD', ',,,,12,', 'b,B,V,01-27-2011,6,CAD', 'c,B,V,02-03-2011,7,CAD', 'd,B,V,25-12-2011,8,CAD');
    const l = readLedger(text);
    expect(l.records.map((r) => [r.id, r.date])).toEqual([['a', '2011-01-06'], ['b', '2011-01-27'], ['c', '2011-02-03']]);
    // A date the order proved cannot read is a reject of its own; the rows held are accounted for in line order.
    expect(l.rejects.map((r) => [r.line, r.code])).toEqual([[3, 'subtotal'], [6, 'invalid_date']]);
    expect(l.warnings).toEqual([{ code: 'date_order', field: 'date', message: expect.stringMatching(/^dates are read as MM-dd-yyyy: line 4, column "date": "01-27-2011" reads only so/u) }]);
    expect(l.stats).toMatchObject({ rows: 5, records: 3 });
  });

  it('reads day-first when a date has no month in its second place, at once when it is the first', () => {
    const l = readLedger(csv('a,B,V,13/07/11,5,GBP', 'b,B,V,03/04/11,6,GBP'));
    expect(l.records.map((r) => r.date)).toEqual(['2011-07-13', '2011-04-03']);
    expect(l.warnings[0]?.message).toMatch(/^dates are read as dd\/MM\/yy: line 2/u);
  });

  it('still asks for the pattern when every date reads both ways, naming how many', () => {
    expect(() => readLedger(csv('a,B,V,01-06-2011,5,CAD', 'b,B,V,02-03-2011,6,CAD', 'c,B,V,03-04-2011,7,CAD'))).toThrow(
      /line 2, column "date": "01-06-2011", and every date in the 2 rows after it, could be day-first or month-first; give the date format, dd-MM-yyyy or MM-dd-yyyy \(option dateFormat; the command: --date-format dd-MM-yyyy\)/u,
    );
    expect(() => readLedger(csv('a,B,V,01-06-2011,5,CAD'))).toThrow(/line 2, column "date": "01-06-2011" could be day-first or month-first/u);
    // Rows are held 10,000 at most: the run stops there, not at the end of a long file.
    const long = csv(...Array.from({ length: 12_000 }, (_, i) => `r${i},B,V,01-06-2011,5,CAD`), 'z,B,V,01-27-2011,5,CAD');
    expect(() => readLedger(long)).toThrow(/"01-06-2011", and every date in the 9,999 rows after it, could be/u);
  });

  it('takes the pattern given, and the ISO dates first, as before: no order is read then', () => {
    const given = readLedger(csv('a,B,V,01-06-2011,5,CAD', 'b,B,V,01-27-2011,6,CAD'), { dateFormat: 'dd-MM-yyyy' });
    expect(given.records.map((r) => r.date)).toEqual(['2011-06-01']);
    expect(given.warnings).toEqual([]);
    const iso = readLedger(csv('a,B,V,2011-01-06,5,CAD', 'b,B,V,01-27-2011,6,CAD'));
    expect(codes(iso.rejects)).toEqual(['ambiguous_date']);
  });

  it('reads a file whose every date has day = month: both orders give the same dates', () => {
    const l = readLedger(csv('a,B,V,01/01/2020,5,GBP', 'b,B,V,02/02/2020,6,GBP', 'c,B,V,12-12-20,7,GBP'));
    expect(l.records.map((r) => r.date)).toEqual(['2020-01-01', '2020-02-02', '2020-12-12']);
    expect(l.rejects).toEqual([]);
    expect(l.warnings).toEqual([]);
  });

  it('still reads the order from the dates after those that read the same both ways, or asks for it naming the first that does not', () => {
    const proved = readLedger(csv('a,B,V,01/01/2020,5,GBP', 'b,B,V,03/04/2020,6,GBP', 'c,B,V,02/02/2020,7,GBP', 'd,B,V,04/13/2020,8,GBP'));
    expect(proved.records.map((r) => [r.id, r.date])).toEqual([['a', '2020-01-01'], ['b', '2020-03-04'], ['c', '2020-02-02'], ['d', '2020-04-13']]);
    expect(proved.warnings[0]?.message).toMatch(/^dates are read as MM\/dd\/yyyy: line 5/u);
    expect(() => readLedger(csv('a,B,V,01/01/2020,5,GBP', 'b,B,V,02/02/2020,6,GBP', 'c,B,V,03/04/2020,7,GBP'))).toThrow(/^readLedger: options.dateFormat: line 4, column "date": "03\/04\/2020" could be day-first or month-first/u);
    // An ISO date first ends the reading of the order, as before: a day-first date after it is a reject.
    const iso = readLedger(csv('a,B,V,2020-01-05,5,GBP', 'b,B,V,01/01/2020,6,GBP'));
    expect(codes(iso.rejects)).toEqual(['ambiguous_date']);
  });

  it('never reads a day-first or month-first date as another day, and asks only when no date proves the order (property)', () => {
    // Half of them day = month: files of such dates only, or with a few others among them.
    const same = fc.integer({ min: 1, max: 12 }).map((n) => ({ day: n, month: n }));
    const date = fc.oneof(same, fc.record({ day: fc.integer({ min: 1, max: 15 }), month: fc.integer({ min: 1, max: 12 }) }));
    fc.assert(
      fc.property(fc.array(date, { minLength: 1, maxLength: 12 }), fc.boolean(), (dates, monthFirst) => {
        const two = (n: number) => String(n).padStart(2, '0');
        const rows = dates.map(({ day, month }, i) => `r${i},B,V,${monthFirst ? `${two(month)}/${two(day)}` : `${two(day)}/${two(month)}`}/2019,${i + 1},GBP`);
        const first = dates.find((d) => d.day !== d.month);
        const asks = first !== undefined && first.day <= 12 && !dates.some((d) => d.day > 12);
        let l: ReturnType<typeof readLedger> | undefined;
        try {
          l = readLedger(csv(...rows));
        } catch (e) {
          expect(asks, String(e)).toBe(true);
          expect(e).toBeInstanceOf(OptionsError);
          return;
        }
        expect(asks).toBe(false);
        expect(l.records.map((r) => r.date)).toEqual(dates.map(({ day, month }) => `2019-${two(month)}-${two(day)}`));
        // An order is said to be read only when a date proved it.
        expect(l.warnings.length).toBe(first === undefined ? 0 : 1);
      }),
      { numRuns: runs(300) },
    );
  });

  it('gives the same ledger whatever chunks the text comes in (property)', () => {
    const text = csv(...Array.from({ length: 30 }, (_, i) => `r${i},B,V,0${1 + (i % 9)}-0${1 + (i % 7)}-2011,${i + 1},CAD`), ',,,,9,', 'z,B,V,12-31-2011,1,CAD');
    const whole = readLedger(text);
    expect(whole.records).toHaveLength(31);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 6 }), (cuts) => {
        const at = [0, ...[...new Set(cuts)].sort((a, b) => a - b), text.length];
        const parser = new LedgerParser();
        for (let i = 1; i < at.length; i++) parser.push(text.slice(at[i - 1], at[i]));
        const l = parser.end();
        expect({ records: l.records, rejects: l.rejects, warnings: l.warnings }).toEqual({ records: whole.records, rejects: whole.rejects, warnings: whole.warnings });
      }),
      { numRuns: runs(50) },
    );
  });
});

describe('options', () => {
  it.each([
    [{ credits: 'drop' }, 'credits', /must be 'reject' or 'net', got "drop"/],
    [{ lines: 'merge' }, 'lines', /must be 'sum' or 'keep', got "merge"/],
    [{ unit: 0 }, 'unit', /must be a positive number, got 0/],
    [{ unit: 'ten' }, 'unit', /must be a positive number, got "ten"/],
    [{ currency: 'EURO' }, 'currency', /ISO 4217/],
    [{ currency: 'XYZ' }, 'currency', /ISO 4217/],
    [{ lineSuffix: '_(' }, 'lineSuffix', /not a regular expression/],
    [{ notPurchase: 'repayment' }, 'notPurchase', /array of strings/],
    [{ format: 'xml' }, 'format', /must be auto, csv, json, ndjson, got "xml"/],
    [{ delimiter: ':' }, 'delimiter', /must be one of , ; tab \|/],
    [{ encoding: 'ebcdic' }, 'encoding', /must be auto, utf-8/],
    // A misspelt option is refused with the nearest one's name, not ignored.
    [{ credit: 'net' }, 'credit', /credits/],
    [{ dateformat: 'dd/MM/yyyy' }, 'dateformat', /dateFormat/],
    [{ lineSufix: '_\\d+$' }, 'lineSufix', /lineSuffix/],
    [{ curency: 'EUR' }, 'curency', /currency/],
  ])('refuses %o with an OptionsError at its path', (options, path, message) => {
    let caught: unknown;
    try {
      readLedger('buyer,vendor,date,amount,currency\nB,V,2019-01-01,1,EUR\n', options as never);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(OptionsError);
    expect((caught as OptionsError).issues.map((i) => i.path)).toEqual([[path]]);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).toMatch(new RegExp(`^readLedger: options\\.${path}: `));
  });

  it('takes a lowercase currency code and reports every bad option at once', () => {
    expect(readLedger('buyer,vendor,date,amount\nB,V,2019-01-01,1\n', { currency: 'eur' }).records[0]?.currency).toBe('EUR');
    expect(() => readLedger('a\n', { credits: 'x', lines: 'y' } as never)).toThrow(/options\.credits: .*; options\.lines: /);
  });
});

describe('policies', () => {
  const csv = [
    'id,buyer,vendor,date,amount,currency,document',
    'p1,B,Acme,2019-01-02,100,EUR,INV-1_1',
    'p2,B,Acme,2019-01-02,50,EUR,INV-1_2',
    'p3,B,Acme,2019-01-05,80,EUR,INV-2',
    'c1,B,acme,2019-01-09,-30,EUR,CN-9',
    'c2,B,Other,2019-01-09,-5,EUR,',
    'c3,B,Acme,2019-01-10,-80,EUR,INV-2',
    'x,B,DIRECT DEBIT PAYMENT THANK,2019-01-31,-500,EUR,',
  ].join('\n');

  it('rejects credits and repayments by default; sums only identical document numbers without a suffix rule', () => {
    const l = readLedger(csv);
    expect(l.records.map((r) => r.id)).toEqual(['p1', 'p2']);
    expect(l.rejects.map((r) => [r.id, r.code])).toEqual([
      ['p3', 'credit'],
      ['c1', 'credit'],
      ['c2', 'credit'],
      ['x', 'not_a_purchase'],
    ]);
    expect(l.rejects[0]?.message).toMatch(/add up to zero/);
    expect(readLedger(csv, { lines: 'keep' }).records.map((r) => r.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('sums lines of one document and nets credits on request', () => {
    const l = readLedger(csv, { lineSuffix: '_\\d+', credits: 'net' });
    expect(l.records.map((r) => [r.id, r.amount, r.document, r.lines ?? null, r.credits ?? null])).toEqual([['p1', '120', 'INV-1', [2, 3], ['c1']]]);
    expect(l.rejects.map((r) => [r.id, r.code])).toEqual([
      ['p3', 'credit'],
      ['c2', 'credit'],
      ['x', 'not_a_purchase'],
    ]);
    expect(l.stats).toMatchObject({ merged: 2, netted: 1 });
    expect(l.lines).toEqual([2]);
  });

  it('strips a line suffix from the ids when no column holds document numbers: the id without it is the document', () => {
    const ids = ['id,buyer,vendor,date,amount,currency', 'A_1,B,Acme,2019-01-03,100,EUR', 'A_2,B,Acme,2019-01-02,50,EUR', 'A,B,Acme,2019-01-04,7,EUR', 'C_1,B,Other,2019-01-02,9,EUR'].join('\n');
    const l = readLedger(ids, { lineSuffix: '_\\d+' });
    expect(l.records.map((r) => [r.id, r.amount, r.date, r.document, r.lineIds ?? null])).toEqual([
      ['A_1', '157', '2019-01-02', 'A', ['A_1', 'A_2', 'A']],
      ['C_1', '9', '2019-01-02', 'C', null],
    ]);
    expect(l.stats).toMatchObject({ rows: 4, records: 2, merged: 2 });
    expect(l.columns.document).toEqual({ headers: ['id'], indexes: [0], how: 'id' });
    expect(l.warnings).toEqual([]);
    // Without the suffix rule, or with the document column left unread on purpose, ids are not documents.
    expect(readLedger(ids).stats.merged).toBe(0);
    expect(readLedger(ids, { lineSuffix: '_\\d+', map: { document: '' } }).stats.merged).toBe(0);
  });

  it('warns when the line suffix can do nothing: no column to strip it from, no number ending in it, or lines kept', () => {
    const noId = readLedger('buyer,vendor,date,amount,currency\nB,Acme,2019-01-02,5,EUR\n', { lineSuffix: '_\\d+' });
    expect(noId.warnings).toEqual([{ code: 'line_suffix_unused', field: 'document', message: expect.stringMatching(/^the line suffix "_\\d\+" \(option lineSuffix; the command: --line-suffix\) sums no lines: the file has no document or id column to strip it from; map the column that holds the line numbers \(option map; the command: --map document=COLUMN\)$/u) }]);
    const unmatched = readLedger('id,buyer,vendor,date,amount,currency\nA-1,B,Acme,2019-01-02,5,EUR\nA-2,B,Acme,2019-01-02,5,EUR\n', { lineSuffix: '_\\d+' });
    expect(unmatched.stats.merged).toBe(0);
    expect(unmatched.warnings.map((w) => [w.code, w.message])).toEqual([['line_suffix_unused', expect.stringMatching(/^no document number in column "id" ends in the line suffix "_\\d\+" \(option lineSuffix; the command: --line-suffix\), e\.g\. "A-1": no lines summed by it/u)]]);
    const kept = readLedger('id,buyer,vendor,date,amount,currency\nA_1,B,Acme,2019-01-02,5,EUR\n', { lineSuffix: '_\\d+', lines: 'keep' });
    expect(kept.warnings.map((w) => [w.code, w.message])).toEqual([['line_suffix_unused', expect.stringMatching(/lines are kept as records \(option lines 'keep'; the command: --lines keep\)/u)]]);
  });

  it('warns when it sums lines more than 31 days from their document\'s first line (ids that are no document numbers)', () => {
    const ids = ['id,buyer,vendor,date,amount,currency', 'TX_2015_0001,B,Acme,2015-10-01,3000,GBP', 'TX_2015_0002,B,Acme,2015-10-15,3000,GBP', 'TX_2015_0003,B,Acme,2015-12-20,2500,GBP'].join('\n');
    const l = readLedger(ids, { lineSuffix: '_\\d+' });
    expect(l.stats.merged).toBe(2);
    expect(l.warnings.map((w) => [w.code, w.field, w.message])).toEqual([['lines_far_apart', 'document', expect.stringMatching(/^1 line summed into a document dated more than 31 days from its first line \(e\.g\. "TX_2015_0003" of 2015-12-20 into "TX_2015" of 2015-10-01\): .*--lines keep/u)]]);
    // Lines of one invoice within a month: summed without a word.
    expect(readLedger(ids.replace('2015-12-20', '2015-10-20'), { lineSuffix: '_\\d+' }).warnings).toEqual([]);
  });

  it('locates core rejects by line and column, keeping their record index', () => {
    const l = readLedger('id,buyer,vendor,date,Amt,currency\nTotal,,,,3,\na,B,V,2019-01-01,1,EUR\n\nb,B,V,2019-01-01,2,EUR\n');
    expect(l.rejects).toEqual([{ id: 'Total', field: '', path: [], code: 'subtotal', message: 'line 2: a total line, not a purchase (no vendor or date, and a total label or amounts alone)', value: '3', line: 2 }]);
    const core = { index: 1, field: 'amount', path: [1, 'amount'], code: 'invalid_amount', message: 'x' } as const;
    expect(locateRejects([core], l)).toEqual([{ ...core, line: 5, column: 'Amt' }]);
    expect(locateRejects([core], { ...l, file: 'a.csv' })[0]).toMatchObject({ index: 1, line: 5, file: 'a.csv' });
  });
});

describe('JSON arrays', () => {
  it('locate each element by the file line it starts on (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '[', ']', '{', '}', ',', '"', '\\', '\n', ' ', '采'), maxLength: 8 });
    const element = fc.record({ buyer: text.filter((s) => s.trim() !== '' && !/^(sub[\s-]?total|total|合计|小计)/iu.test(s.trim())), vendor: fc.constant(''), note: fc.array(text, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(element, { minLength: 1, maxLength: 8 }), (elements) => {
        const rows = elements.map((e) => ({ ...e, date: '2019-01-01', amount: '5', currency: 'EUR' }));
        // Oracle: JSON.stringify(array, null, 2) writes '[' on line 1, then each element on as many lines as it takes alone.
        let line = 2;
        const expected = rows.map((r) => {
          const at = line;
          line += JSON.stringify(r, null, 2).split('\n').length;
          return at;
        });
        const l = readLedger(JSON.stringify(rows, null, 2));
        expect(l.rejects.map((r) => [r.line, r.code, r.field])).toEqual(expected.map((at) => [at, 'missing', 'vendor']));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('LedgerParser.expectBytes: room reserved for the rows, the same ledger', () => {
  // Past the 8192 rows kept after which the parser reckons the rows to come; credits and blank rows among them.
  const lines = ['id,buyer,vendor,date,amount,currency,subject'];
  for (let i = 0; i < 20000; i++) lines.push(i % 97 === 0 ? `C${i},City,Acme,2019-02-03,-5,EUR,refund` : i % 89 === 0 ? ',,,,,,' : `F${i},City ${i % 5},Vendor ${i % 7},2019-01-${String(1 + (i % 28)).padStart(2, '0')},${100 + i}.50,EUR,purpose ${i}`);
  const bytes = new TextEncoder().encode(lines.join('\n'));
  const read = (expect?: [number, number]) => {
    const parser = new LedgerParser({});
    if (expect) parser.expectBytes(...expect);
    for (let at = 0; at < bytes.length; at += 50000) parser.push(bytes.subarray(at, at + 50000));
    return parser.end();
  };
  it.each([
    ['the size', [bytes.length, bytes.length]],
    ['too small a size', [bytes.length >> 2, bytes.length >> 2]],
    ['too large a size', [bytes.length, bytes.length * 3]],
  ] as const)('reads a file told %s as one told nothing', (_name, told) => {
    const { records, ...got } = read([...told]);
    const { records: wanted, ...whole } = read();
    expect(got).toEqual(whole);
    expect(records).toEqual(wanted);
    expect(records.length).toBeGreaterThan(8192);
  });
});

describe('LedgerParser: one driver, any chunking', () => {
  // Over 64 KiB, so the format is decided on a head and the rest streams through the format's loop.
  const csvFiller = Array.from({ length: 1100 }, (_, i) => `F${i},City,Vendor ${i % 7},2019-01-${String(1 + (i % 28)).padStart(2, '0')},${100 + i}.50,EUR,"signs\nphase ${i}"`);
  const csvTail = fc.constantFrom(
    'G1,City,Acme,2019-02-01,12.50,EUR,plain',
    'G2,城西管委会,甲标识公司,2019-02-02,"1,234.00",CNY,"道路""标牌""\r\n二期"',
    'Total,,,,999,,',
    'C1,City,Acme,2019-02-03,-5,EUR,refund',
    'D1,City,Acme,2019-02-30,5,EUR,bad date',
    ',,,,,,',
    '',
    'x',
    'E1,City,,2019-02-04,5,EUR,no vendor',
  );
  const ndFiller = Array.from({ length: 700 }, (_, i) => JSON.stringify({ id: `F${i}`, buyer: 'City', vendor: `Vendor ${i % 7}`, date: '2019-01-05', amount: `${100 + i}.5`, currency: 'EUR', subject: '道路标牌' }));
  const ndTail = fc.constantFrom('{"id":"G1","buyer":"B","vendor":"V","date":"2019-02-01","amount":"3","currency":"EUR"}', '', 'not json', '[1]', '{"id":"G2","buyer":"B","vendor":"V","date":"2019-02-31","amount":"3","currency":"EUR"}');
  const chunked = (bytes: Uint8Array, cuts: number[]) => {
    const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    const parser = new LedgerParser({ lines: 'keep' });
    let from = 0;
    for (const to of [...at, bytes.length]) {
      parser.push(bytes.subarray(from, to));
      from = to;
    }
    return parser.end();
  };

  it.each([
    ['CSV (CRLF, quoted line breaks)', 'id,buyer,vendor,date,amount,currency,subject', csvFiller, csvTail, '\r\n'],
    ['NDJSON', undefined, ndFiller, ndTail, '\n'],
  ] as const)('reads %s pushed as bytes cut anywhere as readLedger reads the whole text (property)', (_name, header, filler, tail, eol) => {
    fc.assert(
      fc.property(fc.array(tail, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (rows, cuts, bom) => {
        const text = (bom ? '\uFEFF' : '') + [...(header ? [header] : []), ...filler, ...rows].join(eol);
        const bytes = new TextEncoder().encode(text);
        expect(bytes.length).toBeGreaterThan(1 << 16);
        const { encoding, sources, ...got } = chunked(bytes, cuts);
        expect(encoding).toBe('utf-8');
        expect(sources.map((s) => [s.bytes, s.encoding])).toEqual([[bytes.length, 'utf-8']]);
        const { sources: _, ...whole } = readLedger(text, { lines: 'keep' });
        expect(got).toEqual(whole);
      }),
      { numRuns: runs(15) },
    );
  });
});

describe('round trip records → CSV → records', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '采', '购', '|', '=', '-', 'é'), minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s.trim() !== '' && !/^(sub[\s-]?total|total|合计|小计)/i.test(s) && !s.includes('\n\n'));
  const record = fc.record({
    id: fc.stringMatching(/^[A-Z][0-9]{1,5}$/),
    buyer: text,
    vendor: text,
    date: fc.date({ min: new Date(2000, 0, 1), max: new Date(2030, 11, 31), noInvalidDate: true }).map((d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`),
    amount: fc.tuple(fc.nat({ max: 10_000_000 }), fc.nat({ max: 99 })).map(([i, c]) => (c === 0 ? String(i) : `${i}.${String(c).padStart(2, '0')}`.replace(/0$/, ''))),
    currency: fc.constantFrom('EUR', 'CNY', 'USD'),
    subject: fc.option(text, { nil: undefined }),
    category: fc.option(fc.stringMatching(/^[A-C][0-9]{2,6}$/), { nil: undefined }),
  });

  it('gives back the same records (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 20 }), (records) => {
        const clean = records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))) as PurchaseRecordInput[];
        const back = readLedger(recordsToCsv(clean), { lines: 'keep', notPurchase: [] });
        expect(back.rejects).toEqual([]);
        expect(back.records).toEqual(clean);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('real files (excerpts)', () => {
  it('Toronto 2013: tab, MM-dd-yyyy, subtotal lines', async () => {
    const l = await loadLedger(fixture('real/toronto-pcard-2013-01.head.csv'), { dateFormat: 'MM-dd-yyyy' });
    expect(l.delimiter).toBe('\t');
    expect(l.records[0]).toMatchObject({ id: '2327-1', buyer: 'PUBLIC HEALTH', vendor: 'INMAGINE LIMITED', date: '2013-01-08', amount: '49', currency: 'CAD', category: '7333' });
    expect(l.rejects.find((r) => r.line === 7)).toMatchObject({ code: 'subtotal' });
    expect(l.rejects.every((r) => r.code === 'subtotal' || r.code === 'credit')).toBe(true);
    expect(l.stats.records + l.stats.rejected + l.stats.blank).toBe(l.stats.rows);
  });

  it('Birmingham: ;, Windows-1252 found deep in the file, dd/MM/yy, refunds and repayments', async () => {
    const l = await loadLedger(fixture('real/birmingham-pcard-2017-05.excerpt.csv'), { dateFormat: 'dd/MM/yy' });
    expect(l.encoding).toBe('windows-1252');
    expect(l.delimiter).toBe(';');
    expect(l.records[0]).toMatchObject({ buyer: '************5770', vendor: 'shell kings 587', date: '2017-05-23', amount: '50.02', currency: 'GBP' });
    expect(codes(l.rejects).sort()).toEqual(['credit', 'credit', 'not_a_purchase']);
    expect(l.records.some((r) => r.vendor === 'leonardo vallehermoso')).toBe(true);
    expect(l.stats.blank).toBe(1);
    const same = readLedger(bytes('real/birmingham-pcard-2017-05.excerpt.csv'), { dateFormat: 'dd/MM/yy' });
    expect(same.records).toEqual(l.records);
    expect(l.rejects.map(({ file, ...r }) => r)).toEqual(same.rejects);
    expect(l.rejects.every((r) => r.file === fixture('real/birmingham-pcard-2017-05.excerpt.csv') && r.index === undefined)).toBe(true);
  });

  it('Oxford: dd/MM/yyyy, Trans No lines summed into one invoice on request', async () => {
    const keep = await loadLedger(fixture('real/oxford-spend-over-500-2015-q4.head.csv'), { dateFormat: 'dd/MM/yyyy', currency: 'GBP' });
    const sum = await loadLedger(fixture('real/oxford-spend-over-500-2015-q4.head.csv'), { dateFormat: 'dd/MM/yyyy', currency: 'GBP', map: { document: 'Trans No' }, lineSuffix: '_\\d+' });
    expect(keep.records).toHaveLength(59);
    expect(sum.stats.merged).toBeGreaterThan(0);
    expect(sum.records.length + sum.stats.merged).toBe(59);
    const total = (rs: readonly PurchaseRecordInput[]) => rs.reduce((s, r) => s + Math.round(Number(r.amount) * 100), 0);
    expect(total(sum.records)).toBe(total(keep.records));
  });

  it('Oxford: the line suffix on Trans No, the id column, sums its lines without a document mapping', async () => {
    const file = fixture('real/oxford-spend-over-500-2015-q4.head.csv');
    const mapped = await loadLedger(file, { dateFormat: 'dd/MM/yyyy', currency: 'GBP', map: { document: 'Trans No' }, lineSuffix: '_\\d+' });
    const suffixOnly = await loadLedger(file, { dateFormat: 'dd/MM/yyyy', currency: 'GBP', lineSuffix: '_\\d+' });
    expect(suffixOnly.stats.merged).toBe(mapped.stats.merged);
    expect(suffixOnly.stats.merged).toBeGreaterThan(0);
    // The same records, but named by Trans No (a mapped document takes the column the ids were read from).
    const withoutId = (rs: readonly PurchaseRecordInput[]) => rs.map(({ id: _id, lineIds: _lineIds, ...r }) => r);
    expect(withoutId(suffixOnly.records)).toEqual(withoutId(mapped.records));
    expect(suffixOnly.records[0]?.id).toBe('46287555_1');
    expect(suffixOnly.warnings).toEqual([]);
  });

  it('loadLedger reports a missing file as an InputError', async () => {
    await expect(loadLedger(fixture('nope.csv'))).rejects.toThrow(/cannot read .*no such file/);
  });
});

describe('readLedger: quotes, line endings and giant lines', () => {
  const header = 'id,buyer,vendor,date,amount,currency,subject';
  const row = (id: string, subject = 'desks') => `${id},City,Acme,2019-01-02,5,EUR,${subject}`;

  it('reads the rows after an unclosed quote, and rejects the line it opened on', () => {
    const l = readLedger([header, row('R1'), row('R2', '"chairs'), row('R3'), row('R4'), ''].join('\n'), { lines: 'keep' });
    expect(l.records.map((r) => r.id)).toEqual(['R1', 'R3', 'R4']);
    expect(l.rejects.map((r) => [r.line, r.code])).toEqual([[3, 'unparsable_row']]);
    expect(l.rejects[0]?.message).toMatch(/quote opened on line 3/u);
    expect(l.stats).toMatchObject({ rows: 4, records: 3, rejected: 1 });
  });

  it('keeps the row after text that follows a closing quote', () => {
    const l = readLedger([header, 'R1,City,"Acme"x,2019-01-02,5,EUR,desks', row('R2'), ''].join('\n'));
    expect(l.records.map((r) => r.id)).toEqual(['R2']);
    expect(l.rejects.map((r) => [r.line, r.code])).toEqual([[2, 'unparsable_row']]);
  });

  it.each([
    ['CRLF then LF', ['\r\n', '\r\n', '\n', '\n', '\n', '\n']],
    ['LF then a lone CR', ['\n', '\n', '\n', '\r', '\n', '\n']],
  ])('reads every row of a file mixing line endings (%s)', (_name, breaks) => {
    const lines = [header, row('R1'), row('R2'), row('R3'), row('R4'), row('R5')];
    const l = readLedger(lines.map((x, i) => x + (breaks[i] as string)).join(''), { lines: 'keep' });
    expect(l.records.map((r) => [r.id, r.subject])).toEqual(['R1', 'R2', 'R3', 'R4', 'R5'].map((id) => [id, 'desks']));
    expect(l.lines).toEqual([2, 3, 4, 5, 6]);
  });

  it('rejects a giant row with a short excerpt and reads on', () => {
    const giant = `R2,City,${'A'.repeat(3 << 20)},2019-01-02,5,EUR,x`;
    const l = readLedger([header, row('R1'), giant, row('R3'), ''].join('\n'));
    expect(l.records.map((r) => r.id)).toEqual(['R1', 'R3']);
    expect(l.rejects.map((r) => [r.line, r.code])).toEqual([[3, 'unparsable_row']]);
    expect(String(l.rejects[0]?.value).length + (l.rejects[0]?.message.length ?? 0)).toBeLessThan(400);
  });

  it('refuses a giant header in a short message', () => {
    let caught: unknown;
    try {
      readLedger(`${'H'.repeat(5 << 20)},b\n1,2\n`);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as Error).message.length).toBeLessThan(400);
  });
});

describe('readLedger: encodings', () => {
  it('drops a UTF-8 byte-order mark even when another encoding is given, and says so', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('id,buyer,vendor,date,amount,currency\nX1,City,Café,2019-01-02,5,EUR\n')]);
    const l = readLedger(bytes, { encoding: 'windows-1252' });
    expect(l.headers[0]).toBe('id');
    expect(l.records[0]).toMatchObject({ id: 'X1', vendor: 'Café' });
    expect(l.encoding).toBe('utf-8');
    expect(l.warnings.map((w) => w.code)).toEqual(['bom_overrides_encoding']);
  });

  it('names the file, byte offset and line of undecodable bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-enc-'));
    const file = join(dir, 'late.csv');
    const head = `id,buyer,vendor,date,amount,currency\n${'A,City,Acme,2019-01-02,5,EUR\n'.repeat(10000)}`;
    writeFileSync(file, Buffer.concat([Buffer.from(head), Buffer.from([0x42, 0x2c, 0x43, 0x2c, 0xc9, 0x2c, 0x0a])]));
    await expect(loadLedger(file, { encoding: 'utf-8' })).rejects.toThrow(new RegExp(`${file}: byte 0xC9 at offset ${(head.length + 4).toLocaleString('en')} \\(line 10,002\\).*--encoding windows-1252`, 'u'));
  });
});

describe('readLedger: amount and currency from one pair of columns', () => {
  it('reads a Toronto 2018 row paid in CAD for a USD purchase as CAD', () => {
    const text = [
      'Division\tBatch-Transaction ID\tTransaction Date\tMerchant Name\tTransaction Amount\tTransaction Currency\tOriginal Amount\tOriginal Currency',
      'WATER\t5028-105\t2018-07-09\tAMAZON WEB SERVICES\t131.90\tCAD\t100.00\tUSD',
    ].join('\r\n');
    const l = readLedger(text);
    expect(l.records[0]).toMatchObject({ amount: '131.9', currency: 'CAD' });
    expect(l.columns.currency).toMatchObject({ headers: ['Transaction Currency'], how: 'pair' });
    expect(l.warnings).toEqual([]);
  });

  it('warns when the only currency column belongs to another amount', () => {
    const l = readLedger('Division,Merchant Name,Transaction Date,Transaction Amt.,Original Currency\nWATER,ESSO,2018-07-09,10.00,CAD\n');
    expect(l.warnings.map((w) => w.code)).toEqual(['column_pair']);
  });
});

describe('readLedger: what is and is not a purchase', () => {
  const header = 'id,buyer,vendor,date,amount,currency,subject,document';
  const read = (...rows: string[]) => readLedger([header, ...rows, ''].join('\n'));

  it('keeps a purchase from a vendor named Total; a subtotal is a row without the purchase fields', () => {
    const l = read('X1,City,Total,2019-01-02,50,EUR,,', 'Total,,,,50,,,', ',,,,999,,,', 'Subtotal March,City,,2019-03-31,999,EUR,,');
    expect(l.records.map((r) => [r.id, r.vendor])).toEqual([['X1', 'Total']]);
    expect(l.rejects.map((r) => [r.line, r.code])).toEqual([[3, 'subtotal'], [4, 'subtotal'], [5, 'subtotal']]);
  });

  it('matches repayment markers against the vendor as a whole phrase, never inside a subject', () => {
    const l = read(
      'A,City,甲公司,2019-01-02,50,CNY,信用卡还款手续费,',
      'B,City,Acme,2019-01-02,50,EUR,Payment received for invoice 9,',
      'C,City,PAYMENT RECEIVED - THANK YOU,2019-01-03,-50,EUR,,',
      'D,City,direct debit payment than,2019-01-03,-50,EUR,,',
      'E,City,还款,2019-01-03,-50,CNY,,',
      'F,City,Repayment Solutions Ltd,2019-01-03,50,EUR,,',
    );
    expect(l.records.map((r) => r.id)).toEqual(['A', 'B', 'F']);
    expect(l.rejects.map((r) => [r.id, r.code])).toEqual([['C', 'not_a_purchase'], ['D', 'not_a_purchase'], ['E', 'not_a_purchase']]);
  });

  it.each(['-', '0', '000', 'N/A', 'n.a.', 'none', '—', '*'])('never sums rows whose document number is the placeholder %j', (doc) => {
    const l = read(`P1,City,Acme,2019-01-02,900,EUR,,${doc}`, `P2,City,Acme,2019-03-02,900,EUR,,${doc}`, `P3,City,Acme,2019-06-02,900,EUR,,${doc}`, `P4,City,Acme,2019-09-02,900,EUR,,${doc}`);
    expect(l.records.map((r) => [r.id, r.amount])).toEqual([['P1', '900'], ['P2', '900'], ['P3', '900'], ['P4', '900']]);
    expect(l.stats.merged).toBe(0);
  });
});

describe('readLedger: what a reject says to do names the option and the flag', () => {
  const head = 'id,buyer,vendor,date,amount,currency';
  const message = (l: { rejects: readonly { message: string }[] }, line: number) => l.rejects.find((r) => r.message.startsWith(`line ${line}:`))?.message;

  it('in the rejects of rows', () => {
    const l = readLedger([head, 'a,B,V,2019-01-02,"12,5",EUR', 'b,B,V,2019-01-02,5,', 'c,B,V,42858,5,EUR', 'd,B,V,yesterday,5,EUR', 'e,B,V,2019-01-02,9,EUR', 'f,B,V,2019-01-03,-9,EUR'].join('\n'), { credits: 'net' });
    expect(message(l, 2)).toBe('line 2: "12,5" is not an amount (a decimal comma? option decimalComma; the command: --decimal-comma)');
    expect(message(l, 3)).toBe('line 3: currency is empty (give a default currency: option currency; the command: --currency CODE)');
    expect(message(l, 4)).toBe('line 4: "42858" looks like a spreadsheet\'s serial day number (2017-05-03 in Excel\'s 1900 date system), which no date format reads: export the dates as text (format the date column as yyyy-mm-dd, then save the file again)');
    expect(message(l, 5)).toBe('line 5: "yesterday" is not a date; give the date format (option dateFormat; the command: --date-format PATTERN, e.g. dd/MM/yyyy)');
    expect(message(l, 6)).toBe("line 6: purchase fully refunded by f (credits netted against their purchases: option credits 'net'; the command: --credits net)");
  });

  it('in the warning of a date order read from the file', () => {
    const l = readLedger([head, 'a,B,V,13/01/2019,5,EUR'].join('\n'));
    expect(l.warnings[0]?.message).toMatch(/; give the date format to read them another way \(option dateFormat; the command: --date-format PATTERN\)$/u);
  });
});

describe("readLedger: credits: 'net'", () => {
  /** The quadratic rule, as documented: credits in date order (ties by line), each against the latest eligible purchase. */
  type Row = { line: number; buyer: string; vendor: string; date: string; amount: number; doc?: string | undefined };
  function oracle(purchases: Row[], credits: Row[]) {
    const left = new Map(purchases.map((p) => [p.line, p.amount]));
    const netted: [number, number][] = [];
    for (const c of [...credits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line))) {
      let best: (typeof purchases)[number] | undefined;
      for (const p of purchases) {
        const amount = left.get(p.line) as number;
        if (p.buyer !== c.buyer || p.vendor.toLowerCase() !== c.vendor.toLowerCase() || p.date > c.date || amount < c.amount || amount === 0) continue;
        const same = (x: (typeof purchases)[number]) => c.doc !== undefined && x.doc === c.doc;
        if (best === undefined || (same(p) && !same(best)) || (same(p) === same(best) && (p.date > best.date || (p.date === best.date && p.line > best.line)))) best = p;
      }
      if (best) {
        left.set(best.line, (left.get(best.line) as number) - c.amount);
        netted.push([c.line, best.line]);
      }
    }
    return { left, netted };
  }

  it('nets each credit as the documented rule says (property)', () => {
    const row = fc.record({
      buyer: fc.constantFrom('B1', 'B2'),
      vendor: fc.constantFrom('Acme', 'ACME', 'Other'),
      day: fc.integer({ min: 1, max: 6 }),
      amount: fc.integer({ min: 1, max: 9 }),
      credit: fc.boolean(),
      doc: fc.option(fc.constantFrom('D1', 'D2'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), (rows) => {
        const lines = rows.map((r, i) => ({ ...r, line: i + 2, date: `2019-01-0${r.day}` }));
        const text = ['id,buyer,vendor,date,amount,currency,document', ...lines.map((r) => `R${r.line},${r.buyer},${r.vendor},${r.date},${r.credit ? '-' : ''}${r.amount},EUR,${r.doc ?? ''}`)].join('\n');
        const l = readLedger(text, { credits: 'net', lines: 'keep' });
        const { left, netted } = oracle(lines.filter((r) => !r.credit), lines.filter((r) => r.credit));
        const kept = lines.filter((r) => !r.credit && (left.get(r.line) as number) > 0);
        expect(l.records.map((r) => [r.id, r.amount])).toEqual(kept.map((r) => [`R${r.line}`, String(left.get(r.line))]));
        expect(l.stats.netted).toBe(netted.length);
        const byPurchase = new Map<number, string[]>();
        for (const [c, p] of netted) byPurchase.set(p, [...(byPurchase.get(p) ?? []), `R${c}`]);
        for (const r of l.records) expect(r.credits ?? []).toEqual(byPurchase.get(Number(String(r.id).slice(1))) ?? []);
      }),
      { numRuns: runs(300) },
    );
  });

  it('nets 20,000 credits against 20,000 purchases of one card and merchant in seconds, not the minutes of a scan per credit', () => {
    const rows = ['id,buyer,vendor,date,amount,currency'];
    for (let i = 0; i < 20000; i++) rows.push(`P${i},Card 1,Acme,2019-01-01,${100 + (i % 50)},EUR`);
    for (let i = 0; i < 20000; i++) rows.push(`C${i},Card 1,Acme,2019-01-02,-${200 - (i % 50)},EUR`);
    const t = performance.now();
    const l = readLedger(rows.join('\n'), { credits: 'net' });
    // Quadratic matching took 81 s here; n log n takes well under a second on an idle machine.
    expect(performance.now() - t).toBeLessThan(15000);
    expect(l.stats.netted + l.rejects.length).toBeGreaterThan(0);
  });
});

describe('readLedger: what kind of input', () => {
  it('reads a CSV whose first header starts with [ or { as CSV', () => {
    const l = readLedger('[Date],Buyer,Vendor,Amount,Currency\n2019-01-01,B,V,5,EUR\n', { map: { date: '[Date]' } });
    expect(l.records).toHaveLength(1);
    expect(l.sources[0]?.format).toBe('csv');
    const m = readLedger('{date},buyer,vendor,amount,currency\n2019-01-01,B,V,5,EUR\n', { map: { date: '{date}' } });
    expect(m.records).toHaveLength(1);
  });

  it('reads a CSV whose first header is [1] (a numbered column) as CSV, and a broken JSON array as JSON', () => {
    const l = readLedger('[1],buyer,vendor,date,amount,currency\nA,City,Acme,2019-03-04,5,EUR\n');
    expect(l.sources[0]?.format).toBe('csv');
    expect(l.records).toHaveLength(1);
    expect(() => readLedger('[1,\n')).toThrow(/not valid JSON/u);
    expect(readLedger('[\n  {"buyer":"City","vendor":"Acme","date":"2019-03-04","amount":5,"currency":"EUR"}\n]\n').sources[0]?.format).toBe('json');
  });

  it('reads bytes given as an ArrayBuffer (a browser File\'s arrayBuffer()) or any view of one, as a Uint8Array', () => {
    const text = 'id,buyer,vendor,date,amount,currency\nA,City,Acme,2019-03-04,5,EUR\n';
    const bytes = new TextEncoder().encode(text);
    const want = readLedger(bytes).records;
    expect(readLedger(bytes.buffer.slice(0)).records).toEqual(want);
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    expect(readLedger(new DataView(padded.buffer, 4, bytes.length)).records).toEqual(want);
  });

  it.each([
    [null, /got null/u],
    [42, /got a number/u],
    [new Blob(['x']), /got a Blob or File: read it first, readLedger\(await file\.arrayBuffer\(\)\)/u],
  ])('refuses %o as input with an InputError that says what it takes', (input, message) => {
    let caught: unknown;
    try {
      readLedger(input as never);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as Error).message).toMatch(/must be text or bytes/u);
    expect((caught as Error).message).toMatch(message);
  });

  it('refuses compressed input with the fix', () => {
    expect(() => readLedger(new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]))).toThrow(/gzip-compressed.*gzip -dc/u);
    expect(() => readLedger(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toThrow(/ZIP archive.*xlsx/u);
  });
});

describe('readLedger: the line of an undecodable byte', () => {
  it.each([3, 700, 5000, 12000])('is the line it is on, in UTF-8 detected from the sample (bad byte on line %i)', (at) => {
    const rows = ['id,buyer,vendor,date,amount,currency'];
    for (let i = 2; i <= 12001; i++) rows.push(`R${i},Ville,Café ${i % 7},2019-01-02,5,EUR`);
    const lines = rows.map((r) => new TextEncoder().encode(`${r}\n`));
    const bad = lines[at - 1] as Uint8Array;
    bad[bad.indexOf(0x2c) + 1] = 0xff; // the buyer's first byte
    const bytes = new Uint8Array(lines.reduce((n, l) => n + l.length, 0));
    let offset = 0;
    let where = 0;
    lines.forEach((l, i) => {
      if (i === at - 1) where = offset + l.indexOf(0xff);
      bytes.set(l, offset);
      offset += l.length;
    });
    const parser = new LedgerParser({});
    let message = '';
    try {
      for (let i = 0; i < bytes.length; i += 1 << 16) parser.push(bytes.subarray(i, i + (1 << 16)));
      parser.end();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(`byte 0xFF at offset ${where.toLocaleString('en')} (line ${at.toLocaleString('en')})`);
  });
});

describe('readLedger purposes', () => {
  it('keeps every purpose as written, one UTF-8 cannot carry (a lone surrogate) and those after it included, read alone or all at once', () => {
    const text = 'id,buyer,vendor,date,amount,currency,subject\na,City,Acme,2019-03-04,5,EUR,ok one\nb,City,Acme,2019-03-04,6,EUR,bad \ud800 one\nc,City,Acme,2019-03-05,7,EUR,Café après\nd,City,Acme,2019-03-05,8,EUR,\n';
    const subjects = ['ok one', 'bad \ud800 one', 'Café après', undefined];
    expect(readLedger(text).records.map((r) => r.subject)).toEqual(subjects);
    const clean = text.replace('\ud800', '😀');
    const l = readLedger(clean);
    const table = ledgerTable(l) as RecordTable;
    expect(Array.from({ length: 4 }, (_, k) => keyAt(table.subject, k))).toEqual(subjects.map((s) => s?.replace('\ud800', '😀')));
    expect(l.records.map((r) => r.subject)).toEqual(subjects.map((s) => s?.replace('\ud800', '😀')));
  });
});

describe('locateRejects', () => {
  it("names the lines of the other rows that share a repeated id, not their positions among the records", async () => {
    const { detectSplits } = await import('../../../src/detect.js');
    const ledger = readLedger('id,buyer,vendor,date,amount,currency\nA1,City,Acme,2020-01-02,100,EUR\nA1,City,Acme,2020-01-03,200,EUR\nB,City,Acme,2020-01-03,200,EUR\nA1,City,Acme,2020-01-04,300,EUR\n');
    const located = locateRejects(detectSplits(ledger.records, { thresholds: [{ id: 't', amount: '250', currency: 'EUR', procedure: 'p' }] }).rejects, ledger);
    expect(located.map((r) => [r.line, r.code, r.message])).toEqual([
      [2, 'duplicate_id', 'id "A1" is also used on lines 3 and 5; ids must be unique'],
      [3, 'duplicate_id', 'id "A1" is also used on lines 2 and 5; ids must be unique'],
      [5, 'duplicate_id', 'id "A1" is also used on lines 2 and 3; ids must be unique'],
    ]);
  });

  it('names a few of the other lines and counts the rest when an id is on thousands of rows', async () => {
    const { detectSplits } = await import('../../../src/detect.js');
    const n = 3000;
    const rows = Array.from({ length: n }, (_, i) => `INV,City,Acme,2020-01-02,${i + 1},EUR`);
    const ledger = readLedger(`id,buyer,vendor,date,amount,currency\n${rows.join('\n')}\n`);
    const located = locateRejects(detectSplits(ledger.records, { thresholds: [{ id: 't', amount: '250', currency: 'EUR', procedure: 'p' }] }).rejects, ledger);
    expect(located).toHaveLength(n);
    expect(located[0]?.message).toBe(`id "INV" is also used on lines 3, 4, 5, 6 and 7, and ${(n - 6).toLocaleString("en-US")} more rows; ids must be unique`);
    expect(Math.max(...located.map((r) => r.message.length))).toBeLessThan(120);
  });
});
