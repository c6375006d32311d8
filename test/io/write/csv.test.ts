import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeCell, rejectsToCsv } from '../../../src/io/write/csv.js';

describe('spreadsheet-safe CSV', () => {
  it.each([
    ['=1+1', "'=1+1"], ['+1', "'+1"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', "'\rx"], ['\u0001x', "'\u0001x"], ['safe', 'safe'], ['a=b', 'a=b'],
    ['-1+1', "'-1+1"], ['-A1', "'-A1"], ['-', "'-"], ['--1', "'--1"], ['-1e', "'-1e"], ['-1.2.3', "'-1.2.3"], ['-1 ', "'-1 "], ['-\t1', "'-\t1"],
    ['-cmd|"/c calc"!A1', `'-cmd|"/c calc"!A1`], ['+SUM(1)', "'+SUM(1)"], ['\u007fx', "'\u007fx"],
  ])('neutralizes the formula %j', (cell, out) => {
    expect(neutralizeCell(cell)).toBe(out);
  });

  // A negative number is data, not a formula: a leading ' turns it into text in pandas and spreadsheets.
  it.each(['-718.35', '-1', '-0', '-0.5', '-.5', '-12.', '-1e5', '-1.5E-3', '-2e+10', '718.35', '0', '1e5'])('leaves the number %j as it is', (cell) => {
    expect(neutralizeCell(cell)).toBe(cell);
  });

  it('neutralizes a negative-looking cell exactly when it is not a plain decimal number', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('-', '+', '1', '0', '.', 'e', 'E', 'A', ' ', '=', '(', ')'), maxLength: 8 }), (tail) => {
        const cell = `-${tail}`;
        // Oracle: JavaScript's own number reading (no surrounding spaces; `Number` allows them).
        const plain = cell.trim() === cell && Number.isFinite(Number(cell));
        expect(neutralizeCell(cell)).toBe(plain ? cell : `'${cell}`);
      }),
    );
  });

  it('writes rejects safely, with a record index only for rejects of detection', () => {
    const csv = rejectsToCsv([
      { field: 'amount', path: ['amount'], code: 'credit', message: 'm', value: '-5', line: 2, column: 'Amt', file: 'a.csv' },
      { index: 0, id: '=x', field: 'currency', path: [0, 'currency'], code: 'unknown_currency', message: 'n', value: { c: 1 }, line: 3, column: 'Cur', file: 'a.csv' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'file,line,record,id,column,field,code,message,value',
      'a.csv,2,,,Amt,amount,credit,m,-5',
      'a.csv,3,0,\'=x,Cur,currency,unknown_currency,n,"{""c"":1}"',
      '',
    ]);
  });
});
