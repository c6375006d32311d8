/**
 * Every public file in test/fixtures/io/real/ (copied byte for byte from the project's shared data;
 * see the README there) read and scanned as a user would, each against an independent reading:
 * papaparse on text decoded as UTF-8 when it is valid UTF-8, else as Windows-1252. Every row is
 * accounted for: read rows = records + rejects + blank rows + lines summed + credits netted, and
 * records = analysed + rejected by detection.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Decimal from 'decimal.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { detectSplits } from '../../src/detect.js';
import { locateRejects } from '../../src/io/read/ledger.js';
import type { Ledger } from '../../src/io/read/reader.js';
import { loadLedger, loadLedgers, type LoadLedgerOptions } from '../../src/node.js';
import { getPreset } from '../../src/presets/index.js';

const real = fileURLToPath(new URL('../fixtures/io/real/', import.meta.url));
const byYear = join(real, 'toronto-pcard-by-year');

/** The oracle's reading of a file: its encoding, and its data rows (blank lines dropped) by header. */
function oracle(path: string, delimiter: string): { encoding: string; header: string[]; rows: string[][] } {
  const bytes = readFileSync(path);
  let encoding = 'utf-8';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    encoding = 'windows-1252';
    text = new TextDecoder('windows-1252').decode(bytes, { stream: true });
  }
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const data = Papa.parse<string[]>(text, { delimiter, newline }).data.filter((r) => !(r.length === 1 && r[0] === ''));
  const [header = [], ...rows] = data;
  return { encoding, header, rows };
}

/** Every row of a ledger accounted for, through reading and detection. */
function accounted(ledger: Ledger, options = getPreset('pcard', { limit: '3000', currency: 'CAD' })) {
  const s = ledger.stats;
  expect(s.rows).toBe(s.records + s.rejected + s.blank + s.merged + s.netted);
  expect(s.records).toBe(ledger.records.length);
  expect(s.rejected).toBe(ledger.rejects.length);
  const result = detectSplits(ledger.records, { ...options, currency: ledger.records[0]?.currency ?? 'CAD' });
  expect(result.stats.accepted + result.rejects.length).toBe(ledger.records.length);
  for (const r of [...ledger.rejects, ...locateRejects(result.rejects, ledger)]) {
    expect(r.line).toBeGreaterThan(0);
    expect(r.file).toBeDefined();
  }
  return result;
}

const sum = (xs: readonly (string | number)[]) => xs.reduce<Decimal>((a, x) => a.plus(new Decimal(String(x).replace(/[,"]/gu, ''))), new Decimal(0));

describe('Toronto purchasing cards, 2011–2021 (tab-separated, header variants, UTF-8 and Windows-1252)', () => {
  const months = readdirSync(byYear).filter((f) => f.endsWith('.csv')).sort();

  it.each(months)('%s: encoding, rows, amounts and currencies as the independent reading has them', async (name) => {
    const path = join(byYear, name);
    const o = oracle(path, '\t');
    const l = await loadLedger(path, { dateFormat: 'MM-dd-yyyy' });
    expect(l.encoding).toBe(o.encoding);
    expect(l.delimiter).toBe('\t');
    expect(l.stats.rows).toBe(o.rows.length);
    accounted(l);
    // The transaction amount is the column whose header starts "Transaction Am"; its currency the next one.
    const at = o.header.findIndex((h) => /^Transaction\s+Am/u.test(h));
    const purchases = o.rows.filter((r) => (r[4] ?? '').trim() !== '');
    expect(l.columns.amount?.indexes).toEqual([at]);
    expect(l.columns.currency?.indexes).toEqual([at + 1]);
    expect(new Set(l.records.map((r) => r.currency))).toEqual(new Set(purchases.map((r) => r[at + 1])));
    const credits = l.rejects.filter((r) => r.code === 'credit').map((r) => r.value as string);
    expect(sum([...l.records.map((r) => r.amount as string), ...credits]).toFixed(2)).toBe(sum(purchases.map((r) => r[at] as string)).toFixed(2));
    // Subtotal lines: no division, no merchant.
    expect(l.rejects.filter((r) => r.code === 'subtotal')).toHaveLength(o.rows.filter((r) => (r[0] ?? '').trim() === '' && (r[4] ?? '').trim() === '' && r.some((c) => c.trim() !== '')).length);
  });

  it('reads the eleven months in one run, as one ledger with per-file provenance', async () => {
    const l = await loadLedgers(byYear, { dateFormat: 'MM-dd-yyyy' });
    expect(l.sources.map((s) => s.file)).toEqual(months.map((m) => join(byYear, m)));
    expect(l.sources.every((s) => /^[0-9a-f]{64}$/u.test(s.sha256 ?? ''))).toBe(true);
    expect(new Set(l.records.map((r) => String(r.id))).size).toBe(l.records.length);
    expect(l.warnings).toEqual([]);
    accounted(l);
  });

  it('scans the folder from the command line: exit 0, every row in the summary', async () => {
    let out = '';
    let err = '';
    const code = await run(['scan', byYear, '--preset', 'pcard', '--limit', '3000', '--currency', 'CAD', '--date-format', 'MM-dd-yyyy', '-f', 'json'], {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
    });
    expect(code).toBe(0);
    const { summary } = JSON.parse(out) as { summary: { rows: number; analysed: number; rejected: number } };
    const l = await loadLedgers(byYear, { dateFormat: 'MM-dd-yyyy' });
    expect(summary.rows).toBe(summary.analysed + summary.rejected + l.stats.blank + l.stats.merged + l.stats.netted);
    // The summary line closes stderr (after any warnings).
    expect(err.trimEnd().split('\n').at(-1)).toMatch(/^read [\d,]+ rows/u);
  });
});

describe('the other public files', () => {
  it.each<[string, string, LoadLedgerOptions, string]>([
    ['toronto-pcard-2013-01.csv', '\t', { dateFormat: 'MM-dd-yyyy' }, 'CAD'],
    ['toronto-pcard-2018-02.csv', '\t', {}, 'CAD'],
    ['birmingham-pcard-2017-05.csv', ';', { dateFormat: 'dd/MM/yy' }, 'GBP'],
    ['oxford-spend-over-500-2015-q4.csv', ',', { dateFormat: 'dd/MM/yyyy', currency: 'GBP' }, 'GBP'],
  ])('%s: read whole, every row accounted for', async (name, delimiter, options, currency) => {
    const path = join(real, name);
    const o = oracle(path, delimiter);
    const l = await loadLedger(path, options);
    expect(l.encoding).toBe(o.encoding);
    expect(l.delimiter).toBe(delimiter);
    expect(l.stats.rows).toBe(o.rows.length);
    expect(new Set(l.records.map((r) => r.currency))).toEqual(new Set([currency]));
    accounted(l, getPreset('pcard', { limit: '3000', currency }));
  });

  it('Birmingham: the "direct debit payment" rows are repayments, the other negative rows credits', async () => {
    const path = join(real, 'birmingham-pcard-2017-05.csv');
    const o = oracle(path, ';');
    const l = await loadLedger(path, { dateFormat: 'dd/MM/yy' });
    const merchant = o.header.indexOf('MERCHANT NAME');
    const amount = o.header.indexOf('BILLING GROSS AMT');
    const repayments = o.rows.filter((r) => (r[merchant] ?? '').startsWith('direct debit payment'));
    expect(l.rejects.filter((r) => r.code === 'not_a_purchase')).toHaveLength(repayments.length);
    expect(l.rejects.filter((r) => r.code === 'credit')).toHaveLength(o.rows.filter((r) => (r[amount] ?? '').startsWith('-') && !repayments.includes(r)).length);
  });
});
