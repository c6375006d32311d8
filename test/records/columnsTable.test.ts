/**
 * ColumnsTableBuilder: the table of a loader's columns validated a stretch of records at a time (as
 * the reader of a file's first range does while other threads read the rest) is the table of the
 * records validated as objects in one go, and the one `columnsTable` builds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordsOf, TEXT_FIELDS, TextFieldBuilder, textFields, type RecordColumns } from '../../src/records/columns.js';
import { ColumnsTableBuilder, columnsTable, scanRecords } from '../../src/records/table.js';
import { runs } from '../helpers/runs.js';

/** One row as a loader reads it: its record fields (texts of the text fields may be undefined). */
interface Row {
  id: string;
  date: string;
  amount: string;
  document: string | undefined;
  texts: Record<(typeof TEXT_FIELDS)[number], string | undefined>;
}

const row: fc.Arbitrary<Row> = fc.record({
  // Few ids, so that some repeat (every record of a repeated id is rejected).
  id: fc.oneof(fc.constantFrom('A1', 'A2', ''), fc.integer({ min: 0, max: 400 }).map((i) => `R${i}`)),
  date: fc.constantFrom('2019-03-04', '2019-03-05', '2020-02-29', '2019-02-30', 'soon', '2019-12-31'),
  amount: fc.constantFrom('5', '12.50', '0', '-3', 'abc', '1e3', '2999.99', '100000'),
  document: fc.option(fc.constantFrom('D1', 'D2', ' ', 'a document number long enough'), { nil: undefined }),
  texts: fc.record({
    buyer: fc.option(fc.constantFrom('City', 'city ', 'Zone Admin', 'ZONE  ADMIN', ' '), { nil: undefined }),
    vendor: fc.option(fc.constantFrom('Acme', 'ACME Ltd.', 'Sign Co', 'Light Co', ''), { nil: undefined }),
    currency: fc.option(fc.constantFrom('EUR', 'CNY', 'eur', 'XX'), { nil: undefined }),
    subject: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
    category: fc.option(fc.constantFrom('B0701', 'B0702', 'C01', 'x'), { nil: undefined }),
    project: fc.option(fc.constantFrom('P1', 'p1', 'P2'), { nil: undefined }),
    method: fc.option(fc.constantFrom('open', 'direct', 'Direct '), { nil: undefined }),
    exemption: fc.option(fc.constantFrom('emergency', 'sole source'), { nil: undefined }),
  }),
});

/** The columns of the first `n` rows, each text field numbered by one builder fed row by row (as a reader numbers them). */
function columnsOf(rows: readonly Row[], builders: Record<(typeof TEXT_FIELDS)[number], TextFieldBuilder>, n: number): RecordColumns {
  const first = Array.from({ length: n }, (_, i) => i);
  return {
    size: n,
    id: rows.slice(0, n).map((r) => r.id),
    date: rows.slice(0, n).map((r) => r.date),
    amount: rows.slice(0, n).map((r) => r.amount),
    document: rows.slice(0, n).map((r) => r.document),
    extra: rows.slice(0, n).map(() => undefined),
    ...textFields((f) => builders[f].pick(first)),
  };
}

describe('ColumnsTableBuilder', () => {
  it('validates records added a stretch at a time into the table of the records validated in one go (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), fc.array(fc.nat({ max: 120 }), { maxLength: 4 }), (rows, cuts) => {
        const builders = textFields(() => new TextFieldBuilder());
        const table = new ColumnsTableBuilder();
        // The rows pushed up to each cut, the columns so far added (texts numbered as they grew).
        const stops = [...cuts.map((c) => Math.min(c, rows.length)).sort((a, b) => a - b), rows.length];
        let pushed = 0;
        let columns = columnsOf(rows, builders, 0);
        for (const stop of stops) {
          for (; pushed < stop; pushed++) for (const f of TEXT_FIELDS) builders[f].push((rows[pushed] as Row).texts[f]);
          columns = columnsOf(rows, builders, stop);
          table.add(columns);
        }
        const built = table.build();
        // The oracle: the records as objects, validated by the object path.
        expect(built).toEqual(scanRecords(recordsOf(columns)));
        expect(built).toEqual(columnsTable(columns));
      }),
      { numRuns: runs(200) },
    );
  });
});
