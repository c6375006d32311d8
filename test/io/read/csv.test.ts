import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../src/io/read/csv.js';

describe('detectDelimiter / parseCsv', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;"2,5";3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['"x,y";b\n1;2\n', ';'],
  ] as const)('%j → %j', (text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });

  it('numbers lines across embedded newlines and CRLF', () => {
    const { rows } = parseCsv('h1,h2\r\n"a\r\nb",1\r\nc,2\r\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(rows[1]?.fields).toEqual(['a\r\nb', '1']);
  });
});
