import { describe, expect, it } from 'vitest';
import { neutralizeCell, rejectsToCsv } from '../../../src/io/write/csv.js';

describe('spreadsheet-safe CSV', () => {
  it.each([
    ['=1+1', "'=1+1"], ['+1', "'+1"], ['-1', "'-1"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', "'\rx"], ['\u0001x', "'\u0001x"], ['safe', 'safe'], ['a=b', 'a=b'],
  ])('neutralizes %j', (cell, out) => {
    expect(neutralizeCell(cell)).toBe(out);
  });

  it('writes rejects safely', () => {
    const csv = rejectsToCsv([{ index: 0, field: 'amount', path: [0, 'amount'], code: 'credit', message: 'm', value: '-5', line: 2, column: 'Amt' }]);
    expect(csv.split('\r\n')[1]).toBe("2,0,,Amt,amount,credit,m,'-5");
  });
});
