import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CSV_LIMITS, CsvRows, detectDelimiter, parseCsv } from '../../../src/io/read/csv.js';
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
  const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r\n', '\r', '采'), maxLength: 6 });
  const quote = (s: string) => (/[",;\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s);
  const eol = fc.constantFrom('\n', '\r\n', '\r');
  const table = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom(',', ';')).chain(([width, delimiter]) =>
    fc.record({
      rows: fc.array(fc.tuple(fc.array(cell, { minLength: width, maxLength: width }), eol), { minLength: 1, maxLength: 12 }),
      delimiter: fc.constant(delimiter as ',' | ';'),
      finalEol: fc.boolean(),
    }),
  );
  const breaks = (s: string) => s.split(/\r\n|\r|\n/u).length - 1;
  const collect = () => {
    const got: { fields: string[]; line: number }[] = [];
    const problems: unknown[] = [];
    return { got, problems, sink: { row: (fields: string[], line: number) => void got.push({ fields: [...fields], line }), problem: (p: unknown) => void problems.push(p) } };
  };

  it('gives back the rows written, each on the line it starts, whatever the line breaks and wherever the chunks are cut (property)', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 12 }), ({ rows, delimiter, finalEol }, cuts) => {
        const lines = rows.map(([r]) => r.map(quote).join(delimiter));
        fc.pre(lines[lines.length - 1] !== ''); // a last line left empty is no row
        // A CR followed by an LF is one CRLF, not two breaks.
        fc.pre(rows.every(([, br], i) => br !== '\r' || !`${lines[i + 1] ?? 'x'}${rows[i + 1]?.[1] ?? ''}`.startsWith('\n')));
        // Oracle: the rows as generated; each starts one line after the previous one's last line.
        let text = '';
        let line = 1;
        const expected = rows.map(([fields, br], i) => {
          const at = line;
          const written = (lines[i] as string) + (i < rows.length - 1 || finalEol ? br : '');
          line += breaks(written);
          text += written;
          return { fields, line: at };
        });
        const split = new CsvRows(delimiter);
        const { got, problems, sink } = collect();
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        for (const to of [...at, text.length]) {
          split.push(text.slice(from, to), sink);
          from = to;
        }
        split.end(sink);
        expect(problems).toEqual([]);
        expect(got).toEqual(expected);
      }),
      { numRuns: runs(400) },
    );
  });

  it('tells where each row lies when the text is pushed with its bytes, and that row alone reads back as it (property)', () => {
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 12 }), fc.nat({ max: 100 }), fc.integer({ min: -1, max: 12 }), ({ rows, delimiter, finalEol }, cuts, offset, unknown) => {
        const text = rows.map(([r, br], i) => r.map(quote).join(delimiter) + (i < rows.length - 1 || finalEol ? br : '')).join('');
        const split = new CsvRows(delimiter);
        const spans: [number, number][] = [];
        const sink = { row: () => void spans.push([split.rowFrom, split.rowTo]), problem: () => {} };
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        [...at, text.length].forEach((to, k) => {
          // One chunk pushed without its bytes (`unknown`): the rows that touch it are not located.
          split.push(text.slice(from, to), sink, k === unknown ? -1 : offset + from);
          from = to;
        });
        split.end(sink);
        const { rows: all } = parseCsv(text, { delimiter });
        expect(spans.length).toBe(all.length);
        spans.forEach(([a, b], i) => {
          if (a < 0) return expect(b).toBe(-1);
          // An empty line: no text, one empty cell.
          if (a === b) return expect(all[i]?.fields).toEqual(['']);
          const alone = parseCsv(text.slice(a - offset, b - offset), { delimiter }).rows;
          expect(alone.map((r) => r.fields)).toEqual([all[i]?.fields]);
        });
        // Only a chunk pushed without its bytes hides rows.
        if (unknown < 0 || unknown > at.length) expect(spans.every(([a]) => a >= 0)).toBe(true);
      }),
      { numRuns: runs(400) },
    );
  });

  it('reads mixed line endings as the lines they are (CRLF then LF, lone CR)', () => {
    const crlfThenLf = parseCsv('h1,h2\r\na,1\r\nb,2\nc,3\nd,4\ne,5\n');
    expect(crlfThenLf.rows.map((r) => [r.fields[0], r.line])).toEqual([['h1', 1], ['a', 2], ['b', 3], ['c', 4], ['d', 5], ['e', 6]]);
    const loneCr = parseCsv('h1,h2\na,1\nb,2\rc,3\nd,4\ne,5\n');
    expect(loneCr.rows.map((r) => r.fields[0])).toEqual(['h1', 'a', 'b', 'c', 'd', 'e']);
  });
});

describe('CsvRows: quote errors and bounds', () => {
  it('reads the lines after a quote that never closes as rows, and names the line it opened on', () => {
    const { rows, problems } = parseCsv('id,v,s\nR1,a,x\nR2,b,"chairs\nR3,c,y\nR4,d,z\n');
    expect(rows.map((r) => [r.fields[0], r.line])).toEqual([['id', 1], ['R1', 2], ['R3', 4], ['R4', 5]]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, excerpt: 'R2,b,"chairs' });
    expect(problems[0]?.message).toMatch(/quote opened on line 3 is never closed/u);
  });

  it('spoils only its own row with text after a closing quote', () => {
    const { rows, problems } = parseCsv('id,v,s\nR1,"Acme"x,1\nR2,b,2\n');
    expect(rows.map((r) => r.fields[0])).toEqual(['id', 'R2']);
    expect(problems.map((p) => [p.line, p.message])).toEqual([[2, 'text after the closing quote of cell 2']]);
  });

  it('tells a stray quote from a multi-line cell by the header width', () => {
    const csv = new CsvRows(',');
    const { got, problems, sink } = (() => {
      const got: [string, number][] = [];
      const problems: number[] = [];
      return { got, problems, sink: { row: (f: string[], l: number) => void got.push([f[0] as string, l]), problem: (p: { line: number }) => void problems.push(p.line) } };
    })();
    csv.push('id,v,s\n', sink);
    csv.width = 3;
    csv.push('R1,"two\nlines",x\nR2,"open,y\nR3,c,z"\nR4,d,w\n', sink);
    csv.end(sink);
    // R2's quote closes at the end of R3, giving 2 cells over 2 lines for a header of 3.
    expect(got).toEqual([['id', 1], ['R1', 2], ['R3', 5], ['R4', 6]]);
    expect(problems).toEqual([4]);
  });

  it('tells a stray quote that swallowed a whole row, though the cell counts match, from a multi-line cell', () => {
    const rowsOf = (text: string) => {
      const csv = new CsvRows(',');
      const got: [string, number][] = [];
      const problems: [number, string][] = [];
      const sink = { row: (f: string[], l: number) => void got.push([f[0] as string, l]), problem: (p: { line: number; message: string }) => void problems.push([p.line, p.message]) };
      csv.push(text.slice(0, text.indexOf('\n') + 1), sink);
      csv.width = 6;
      csv.push(text.slice(text.indexOf('\n') + 1), sink);
      csv.end(sink);
      return { got, problems };
    };
    // The fuzzer's case: an inch mark closes the quote a line later, and line 3's purchase became
    // part of line 2's subject (6 cells either way).
    const swallowed = rowsOf('id,buyer,vendor,date,amount,subject\nR1,City,Acme,2020-01-02,100,"Chair, ergonomic\nR2,City,Acme,2020-01-03,200,Monitor 24"\nR3,City,Acme,2020-01-04,300,Desk\n');
    expect(swallowed.got).toEqual([['id', 1], ['R2', 3], ['R3', 4]]);
    expect(swallowed.problems).toEqual([[2, 'a quote opened on line 2 runs over line 3, which reads as a row of its own (6 cells); line 2 is not read, reading goes on at line 3']]);
    // Cells over several lines whose lines hold fewer delimiters inside the quotes are cells.
    const cells = rowsOf('id,buyer,vendor,date,amount,subject\n"R1\nfirst",City,Acme,2020-01-02,100,x\nR2,City,"Acme,\nLtd, of Leeds",2020-01-03,200,"chairs,\ndesks, lamps, a cabinet"\n');
    expect(cells.got).toEqual([['id', 1], ['R1\nfirst', 2], ['R2', 4]]);
    expect(cells.problems).toEqual([]);
  });

  it('rejects a row past the size limit with a short excerpt, in one pass, keeping the rows after it', () => {
    const giant = 'x'.repeat(3 * CSV_LIMITS.row);
    const text = `id,v\nR1,a\nR2,${giant},b\nR3,c\n`;
    const csv = new CsvRows(',');
    const rows: string[] = [];
    const problems: { line: number; excerpt: string; message: string }[] = [];
    const sink = { row: (f: string[]) => void rows.push(f[0] as string), problem: (p: { line: number; excerpt: string; message: string }) => void problems.push(p) };
    for (let i = 0; i < text.length; i += 1 << 16) csv.push(text.slice(i, i + (1 << 16)), sink);
    csv.end(sink);
    expect(rows).toEqual(['id', 'R1', 'R3']);
    expect(problems.map((p) => p.line)).toEqual([3]);
    expect(problems[0]?.excerpt.length).toBeLessThan(100);
    expect(problems[0]?.message).toMatch(/line 3 is longer than/u);
    // Whole, in one string, too.
    expect(parseCsv(text).rows.map((r) => r.fields[0])).toEqual(['id', 'R1', 'R3']);
  });

  it('rejects an over-long cell and keeps its row count', () => {
    const { rows, problems } = parseCsv(`id,v\nR1,${'y'.repeat(CSV_LIMITS.cell + 1)}\nR2,b\n`);
    expect(rows.map((r) => r.fields[0])).toEqual(['id', 'R2']);
    expect(problems.map((p) => p.line)).toEqual([2]);
  });

  it('loses no row to stray quotes at the start of cells (property)', () => {
    // A stray quote before text: a quote before nothing (`,",`) can close another and is ambiguous.
    const row = fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9 ]{0,4}$/u), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(row, fc.option(fc.nat({ max: 2 }), { nil: undefined })), { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (rows, br) => {
        const lines = rows.map(([cells, stray], i) => [`R${i}`, ...cells.map((c, j) => (j === stray ? `"${c}` : c))].join(','));
        const csv = new CsvRows(',');
        const got: string[] = [];
        const problems: number[] = [];
        const sink = { row: (f: string[]) => void got.push(f[0] as string), problem: (p: { line: number }) => void problems.push(p.line) };
        csv.width = 4;
        csv.push(lines.join(br) + br, sink);
        csv.end(sink);
        expect(got).toEqual(rows.flatMap(([, stray], i) => (stray === undefined ? [`R${i}`] : [])));
        expect(problems).toEqual(rows.flatMap(([, stray], i) => (stray === undefined ? [] : [i + 1])));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('CsvRows: time', () => {
  it('reads a long LF-only text in time proportional to its length (no search for a CR to the end per row)', () => {
    const lines = Array.from({ length: 80_000 }, (_, i) => `R${i},Acme Ltd,2014-11-03,${i}.50,"a, quoted cell",x`);
    const time = (br: string): number => {
      const csv = new CsvRows(',');
      let rows = 0;
      const t = performance.now();
      csv.push(lines.join(br) + br, { row: () => void rows++, problem: () => undefined });
      csv.end({ row: () => void rows++, problem: () => undefined });
      expect(rows).toBe(lines.length);
      return performance.now() - t;
    };
    const crlf = Math.min(time('\r\n'), time('\r\n'));
    const lf = Math.min(time('\n'), time('\n'));
    // Searching the rest of a 4.8 MB text for a CR on each of 80,000 rows took seconds.
    expect(lf).toBeLessThan(5 * crlf + 250);
  });
});
