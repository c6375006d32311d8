import { describe, expect, it } from 'vitest';
import { inspectLedger } from '../../../src/io/read/inspect.js';
import { readLedger } from '../../../src/io/read/ledger.js';
import { run } from '../../../src/cli/run.js';
import { fileURLToPath } from 'node:url';

describe('inspectLedger', () => {
  const text = [
    'Division,Batch Transaction ID,Transaction Date,Merchant Name,Transaction Amt.,Trx Currency,Original Currency',
    'WATER,1,2019-01-02,ESSO,5.00,CAD,CAD',
    'WATER,1,2019-01-03,ESSO,7.50,CAD,CAD',
    'WATER,2,2019-01-03,ESSO,8,QQQ,USD',
    ',,,,20.50,CAD,',
    'WATER,3,2019-01-04,ESSO,-2,CAD,CAD',
  ].join('\n');
  const i = inspectLedger(readLedger(new TextEncoder().encode(text)), { examples: 1 });

  it('says which column feeds each field, in field order, and why', () => {
    expect(i.sources[0]?.columns.map((c) => [c.field, c.headers[0], c.columns[0], c.how])).toEqual([
      ['id', 'Batch Transaction ID', 2, 'alias'],
      ['buyer', 'Division', 1, 'alias'],
      ['vendor', 'Merchant Name', 4, 'alias'],
      ['date', 'Transaction Date', 3, 'alias'],
      ['amount', 'Transaction Amt.', 5, 'alias'],
      ['currency', 'Trx Currency', 6, 'pair'],
    ]);
    expect(i.sources[0]?.columns.find((c) => c.field === 'currency')?.why).toBe('the currency column of "Transaction Amt." (same prefix)');
    expect(i.sources[0]).toMatchObject({ format: 'csv', delimiter: ',', encoding: 'utf-8', headerLine: 1, bytes: new TextEncoder().encode(text).length });
  });

  it('shows the first dates and amounts as written and as read', () => {
    expect(i.sources[0]?.samples[1]).toEqual({ line: 3, date: ['2019-01-03', '2019-01-03'], amount: ['7.50', '7.5'], currency: 'CAD' });
  });

  it('counts the rejects of reading and of validation by code, with examples', () => {
    expect(i.rejects.map((r) => [r.code, r.count, r.by, r.examples.length])).toEqual([
      ['credit', 1, 'read', 1],
      ['subtotal', 1, 'read', 1],
      ['duplicate_id', 2, 'validate', 1],
      ['unknown_currency', 1, 'validate', 1],
    ]);
    expect(i.rejects.find((r) => r.code === 'unknown_currency')?.examples[0]).toMatchObject({ line: 4, column: 'Trx Currency' });
    expect(i.valid).toBe(0);
    expect(i.stats).toMatchObject({ rows: 5, records: 3, rejected: 2 });
  });

  it('is what splitscan inspect --format json prints', async () => {
    const file = fileURLToPath(new URL('../../fixtures/io/docs/cards.csv', import.meta.url));
    let out = '';
    const code = await run(['inspect', file, '--format', 'json'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true } });
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as ReturnType<typeof inspectLedger>;
    expect(parsed.sources[0]).toMatchObject({ file, encoding: 'windows-1252', delimiter: ',' });
    expect(parsed.rejects.map((r) => r.code).sort()).toEqual(['credit', 'subtotal', 'unparsable_row']);
  });
});
