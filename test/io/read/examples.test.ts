/**
 * The doc-comment examples of the reading modules, run: each expectation is the value the comment
 * shows after `//=>`.
 */
import { describe, expect, it } from 'vitest';
import { D } from '../../../src/_lib/decimal.js';
import { formatInspection } from '../../../src/cli/inspect.js';
import { excerpt } from '../../../src/io/read/_excerpt.js';
import { resolveColumns } from '../../../src/io/read/columns.js';
import { matchCredits } from '../../../src/io/read/credits.js';
import { parseCsv } from '../../../src/io/read/csv.js';
import { detectEncoding, sniffEncoding } from '../../../src/io/read/decode.js';
import { inspectLedger } from '../../../src/io/read/inspect.js';
import { readLedger } from '../../../src/io/read/ledger.js';
import { isPlaceholderDocument, repaymentTest } from '../../../src/io/read/markers.js';

describe('doc-comment examples of src/io/read', () => {
  it('markers, excerpts, encodings, credits', () => {
    expect(repaymentTest(['payment received'])('PAYMENT RECEIVED - THANK YOU')).toBe('payment received');
    expect(repaymentTest(['还款'])('甲公司还款业务部')).toBeUndefined();
    expect(isPlaceholderDocument('N/A')).toBe(true);
    expect(isPlaceholderDocument('INV-0')).toBe(false);
    expect(excerpt('x'.repeat(100), 10)).toBe('xxxxxxxxxx… (100 characters)');
    expect(sniffEncoding(new Uint8Array([0x4c, 0x20, 0x34, 0x92, 0x20])).encoding).toBe('windows-1252');
    expect(detectEncoding(new Uint8Array([0xb2, 0xc9, 0xb9, 0xba]))).toBe('gb18030');
    const p = [{ key: 'k', document: undefined, date: '2019-01-02', line: 2, amount: new D('100') }];
    const c = [{ key: 'k', document: undefined, date: '2019-01-05', line: 3, amount: new D('30') }];
    expect([...matchCredits(p, c).purchase]).toEqual([0]);
  });

  it('columns, CSV rows, inspection', () => {
    expect(resolveColumns(['采购单位', '供应商', '合同金额(元)', '签订日期'], { optional: ['currency'] }).amount).toEqual({ headers: ['合同金额(元)'], indexes: [2], how: 'alias' });
    expect(parseCsv('a;b\n"x\ny";2\n').rows).toEqual([{ fields: ['a', 'b'], line: 1 }, { fields: ['x\ny', '2'], line: 2 }]);
    const i = inspectLedger(readLedger('Division,Merchant Name,Transaction Date,Transaction Amt.,Trx Currency\nWATER,ESSO,2019-01-02,5,CAD\n'));
    expect(i.sources[0]?.columns.find((x) => x.field === 'currency')).toEqual({ field: 'currency', headers: ['Trx Currency'], columns: [5], how: 'pair', why: 'the currency column of "Transaction Amt." (same prefix)' });
    expect(formatInspection(inspectLedger(readLedger('buyer,vendor,date,amount,currency\nB,V,2019-01-02,5,EUR\n'))).split('\n')[1]).toBe('  format    csv, delimiter comma, header on line 1 (5 columns)');
  });
});
