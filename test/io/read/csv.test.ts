import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { CsvRows, detectDelimiter, parseCsv } from '../../../src/io/read/csv.js';
import { runs } from '../../helpers/runs.js';

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

describe('CsvRows: delimited text in chunks', () => {
  // Cells with the characters that make CSV hard: delimiters, quotes, CR, LF, CJK.
  const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r\n', '采'), maxLength: 6 });
  const quote = (s: string) => (/[",;\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s);
  const table = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom(',', ';'), fc.constantFrom('\n', '\r\n'), fc.boolean()).chain(([width, delimiter, eol, finalEol]) =>
    fc.record({
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 }),
      delimiter: fc.constant(delimiter as ',' | ';'),
      eol: fc.constant(eol),
      finalEol: fc.constant(finalEol),
    }),
  );

  it('gives the rows and lines papaparse gives for the whole text, wherever the chunks are cut (property)', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 12 }), ({ rows, delimiter, eol, finalEol }, cuts) => {
        const lines = rows.map((r) => r.map(quote).join(delimiter));
        fc.pre(lines[lines.length - 1] !== ''); // a last line left empty is no row
        const text = lines.join(eol) + (finalEol ? eol : '');
        // Oracle: papaparse on the whole text; a row starts one line after the last one, plus its fields' line breaks.
        const whole = Papa.parse<string[]>(text.replace(/\r?\n$/u, ''), { delimiter, newline: eol as '\n' | '\r\n' }).data;
        let line = 1;
        const expected = whole.map((fields) => {
          const at = line;
          line += 1 + fields.join('').split(/\r\n|\r|\n/u).length - 1;
          return { fields, line: at };
        });
        const split = new CsvRows(delimiter);
        const got: { fields: string[]; line: number }[] = [];
        const add = (fields: string[], l: number) => void got.push({ fields, line: l });
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        for (const to of [...at, text.length]) {
          split.push(text.slice(from, to), add);
          from = to;
        }
        split.end(add);
        expect(got).toEqual(expected);
        expect(got.map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: runs(300) },
    );
  });
});
