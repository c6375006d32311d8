import { describe, expect, it } from 'vitest';
import { neutralizeCell, rejectsToCsv } from '../../../src/io/write/csv.js';

describe('spreadsheet-safe CSV', () => {
  it.each([
    ['=1+1', "'=1+1"], ['+1', "'+1"], ['-1', "'-1"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', "'\rx"], ['\u0001x', "'\u0001x"], ['safe', 'safe'], ['a=b', 'a=b'],
  ])('neutralizes %j', (cell, out) => {
    expect(neutralizeCell(cell)).toBe(out);
  });

  it('writes rejects safely, with a record index only for rejects of detection', () => {
    const csv = rejectsToCsv([
      { field: 'amount', path: ['amount'], code: 'credit', message: 'm', value: '-5', line: 2, column: 'Amt', file: 'a.csv' },
      { index: 0, id: '=x', field: 'currency', path: [0, 'currency'], code: 'unknown_currency', message: 'n', value: { c: 1 }, line: 3, column: 'Cur', file: 'a.csv' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'file,line,record,id,column,field,code,message,value',
      "a.csv,2,,,Amt,amount,credit,m,'-5",
      'a.csv,3,0,\'=x,Cur,currency,unknown_currency,n,"{""c"":1}"',
      '',
    ]);
  });
});
