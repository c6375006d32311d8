/**
 * Lines appended to a register as it is written: a register a decimal-comma locale's Excel saved
 * (byte-order mark, CRLF, `;`) takes lines in `;` that read back without a bad line.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { decisionsToAppend, readDecisions, type Decision } from '../../src/review/decisions.js';

const open: Decision[] = [
  { finding: 'F1', status: 'open', records: ['5412-63', '5412-64'], buyer: 'PARKS, FORESTRY & RECREATION', threshold: 'PCARD-LIMIT', total: '4649.04', currency: 'CAD' },
  { finding: 'F2', status: 'open', records: ['7'], buyer: 'Say "hi"; =SUM', total: '10.00', currency: 'CAD' },
];
const excel =
  '\uFEFFfinding_id;status;reviewer;date;note;record_ids;buyer;threshold_id;total;currency\r\n' +
  'F0;confirmed;;2024-02-01;;"5411-211; 5411-212";LONG-TERM CARE HOMES & SERVICES;PCARD-LIMIT;4038.62;CAD\r\n';

describe('decisionsToAppend', () => {
  it("writes a ';' register's lines in ';', CRLF, quoting what holds ';' or a quote; they read back without issues", () => {
    const text = decisionsToAppend(excel, open);
    expect(text).toBe(
      'F1;open;;;;"5412-63; 5412-64";PARKS, FORESTRY & RECREATION;PCARD-LIMIT;4649.04;CAD\r\n' + 'F2;open;;;;7;"Say ""hi""; =SUM";;10.00;CAD\r\n',
    );
    const read = readDecisions(excel + text);
    expect(read.issues).toEqual([]);
    expect(read.decisions.slice(1)).toEqual(open);
  });

  it('follows the line ending, the column order and quoted headers; adds a line end a last line lacks', () => {
    const lf = 'status,record_ids,finding_id,extra\nconfirmed,1,F0,x';
    expect(decisionsToAppend(lf, open.slice(0, 1))).toBe('\nopen,5412-63; 5412-64,F1,\n');
    const quoted = '"finding_id"\t"status"\t"record_ids"\r"F0"\t"confirmed"\t"1"\r';
    const text = decisionsToAppend(quoted, open.slice(0, 1));
    expect(text).toBe('"F1"\t"open"\t"5412-63; 5412-64"\r');
    expect(readDecisions(quoted + text).decisions.map((d) => d.finding)).toEqual(['F0', 'F1']);
  });

  it('writes an empty register whole, nothing for no decisions, and refuses a JSON register or one without the columns', () => {
    expect(decisionsToAppend('', open.slice(0, 1))).toMatch(/^finding_id,status,/u);
    expect(decisionsToAppend(excel, [])).toBe('');
    expect(() => decisionsToAppend('{"schema":"splitscan/decisions@1","decisions":[]}', open)).toThrow(InputError);
    expect(() => decisionsToAppend('a;b\r\n', open)).toThrow(/lacks the columns finding_id, status, record_ids/u);
  });
});
