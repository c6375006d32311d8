import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { DECISION_STATUSES, decisionsTemplate, decisionsToCsv, decisionsToJson, readDecisions, type Decision } from '../../src/review/decisions.js';
import { runs } from '../helpers/runs.js';
import { makeReport } from './_reports.js';

/** Text as a reviewer might type it: any characters, including CSV and formula specials and U+2028. */
const textArb = fc
  .string({ unit: fc.oneof(fc.constantFrom(',', ';', '"', "'", '=', '+', '-', '@', '\n', '\t', ' ', '[', '\u2028', '审', '計'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 12 })
  .map((s) => s.trim())
  .filter((s) => s !== '');
const idArb = textArb.filter((s) => !/[\r\n]/u.test(s));
const dateArb = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const decisionArb: fc.Arbitrary<Decision> = fc
  .record(
    {
      finding: idArb,
      status: fc.constantFrom(...DECISION_STATUSES),
      records: fc.uniqueArray(idArb, { minLength: 1, maxLength: 5 }),
      reviewer: textArb,
      date: dateArb,
      note: textArb,
      buyer: textArb,
      threshold: textArb,
      total: fc.constantFrom('1000.00', '344000.00'),
      currency: fc.constantFrom('CNY', 'EUR'),
    },
    { requiredKeys: ['finding', 'status', 'records'] },
  )
  .map((d) => d as Decision);

describe('readDecisions', () => {
  it('reads the documented CSV example', () => {
    expect(readDecisions('finding_id,status,record_ids\nF0011223344556677,Confirmed,121; 123\n').decisions).toEqual([{ finding: 'F0011223344556677', status: 'confirmed', records: ['121', '123'] }]);
  });

  it('reads what decisionsToCsv and decisionsToJson write, whatever the text (round trip)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(decisionArb, { selector: (d) => d.finding, maxLength: 6 }), (decisions) => {
        for (const text of [decisionsToCsv(decisions), decisionsToJson(decisions)]) {
          const read = readDecisions(text);
          expect(read.issues).toEqual([]);
          expect(read.decisions).toEqual(decisions);
        }
        // Bytes with a BOM, as a spreadsheet saves them.
        expect(readDecisions(new TextEncoder().encode(`\uFEFF${decisionsToCsv(decisions)}`)).decisions).toEqual(decisions);
      }),
      { numRuns: runs(200) },
    );
  });

  it('neutralises formulas for spreadsheets and reads the values back', () => {
    const d: Decision = { finding: 'F1', status: 'dismissed', records: ['=1+1', 'b'], note: '=HYPERLINK("http://x")', reviewer: "'quoted" };
    const csv = decisionsToCsv([d]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain("''quoted");
    expect(readDecisions(csv).decisions).toEqual([d]);
  });

  it('reports bad lines with their line and column, and keeps the good ones', () => {
    const csv = [
      'finding_id,status,reviewer,date,note,record_ids',
      'F1,confirmed,Wang,2015-01-12,ok,121; 123',
      'F2,maybe,Wang,2015-01-12,,121',
      'F3,dismissed,Li,2015-02-30,,7',
      ',open,,,,8',
      'F5,open,,,,',
      'F6,exempt,Li,2015/1/9,approved non-tender method,"[""a;b"",""c""]"',
    ].join('\r\n');
    const { decisions, issues } = readDecisions(csv);
    // A date that is no date does not void the decision: it is kept without it.
    expect(decisions.map((d) => d.finding)).toEqual(['F1', 'F3', 'F6']);
    expect(decisions[1]).toEqual({ finding: 'F3', status: 'dismissed', records: ['7'], reviewer: 'Li' });
    expect(decisions[2]).toEqual({ finding: 'F6', status: 'exempt', records: ['a;b', 'c'], reviewer: 'Li', date: '2015-01-09', note: 'approved non-tender method' });
    expect(issues.map((i) => [i.line, i.field, i.code])).toEqual([
      [3, 'status', 'invalid'],
      [4, 'date', 'field_ignored'],
      [5, 'finding_id', 'invalid'],
      [6, 'record_ids', 'invalid'],
    ]);
    expect(issues[0]?.message).toBe('status "maybe" must be one of open, confirmed, dismissed, exempt: the line is not used');
    expect(issues[2]?.message).toBe('finding_id must be a finding id: the line is not used');
    expect(issues[0]?.finding).toBe('F2');
    expect(issues[1]?.value).toBe('2015-02-30');
  });

  it('keeps a decision whose date is not YYYY-MM-DD: read when it reads one way only, else without it, saying so', () => {
    const csv = [
      'finding_id,status,reviewer,date,note,record_ids',
      'F1,dismissed,AA,01/02/2024,,1',
      'F2,confirmed,AA,13/02/2024,,2',
      'F3,exempt,,"Feb 1, 2024",,3',
      'F4,open,,2024/2/1,,4',
      'F5,dismissed,,soon,,5',
    ].join('\r\n');
    const { decisions, issues } = readDecisions(csv);
    expect(decisions.map((d) => [d.finding, d.status, d.date])).toEqual([
      ['F1', 'dismissed', undefined],
      ['F2', 'confirmed', '2024-02-13'],
      ['F3', 'exempt', '2024-02-01'],
      ['F4', 'open', '2024-02-01'],
      ['F5', 'dismissed', undefined],
    ]);
    expect(issues.map((i) => [i.line, i.field, i.code, i.message])).toEqual([
      [2, 'date', 'field_ignored', 'date "01/02/2024" could be 2024-02-01 (day first) or 2024-01-02 (month first): the decision is used without a date; write it as YYYY-MM-DD'],
      [6, 'date', 'field_ignored', 'date "soon" is not a date: the decision is used without a date; write it as YYYY-MM-DD'],
    ]);
    // The same in JSON.
    expect(readDecisions(JSON.stringify([{ finding: 'F1', status: 'dismissed', records: ['1'], date: '01/02/2024' }])).issues.map((i) => [i.index, i.field, i.code])).toEqual([[0, 'date', 'field_ignored']]);
  });

  it('names the status a mistyped one stands for', () => {
    const { decisions, issues } = readDecisions('finding_id,status,record_ids\nF1,dismised,1\nF2,Confirmed,2\n');
    expect(decisions.map((d) => d.status)).toEqual(['confirmed']);
    expect(issues.map((i) => [i.line, i.field, i.code, i.message])).toEqual([[2, 'status', 'invalid', 'status "dismised" must be one of open, confirmed, dismissed, exempt (did you mean "dismissed"?): the line is not used']]);
  });

  it('keeps the last line about a finding, as an append-only register does, and reports the others as superseded', () => {
    const csv = [
      'finding_id,status,date,record_ids',
      'F1,open,2015-01-05,1;2',
      'F1,confirmed,2015-01-12,1;2',
      'F2,open,,3',
      'F2,confirmed,,3',
    ].join('\n');
    const { decisions, issues } = readDecisions(csv);
    expect(decisions).toEqual([
      { finding: 'F1', status: 'confirmed', date: '2015-01-12', records: ['1', '2'] },
      { finding: 'F2', status: 'confirmed', records: ['3'] },
    ]);
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'superseded'],
      [4, 'superseded'],
    ]);
    expect(issues[0]?.message).toBe('superseded by the decision on line 3 of 2015-01-12 about the same finding');
  });

  it('keeps a later line whose date is missing or unreadable over an earlier dated one', () => {
    const csv = [
      'finding_id,status,date,record_ids',
      'F1,confirmed,2015-01-12,1;2',
      'F1,dismissed,,1;2',
      'F2,confirmed,2015-01-12,3',
      'F2,dismissed,01/02/2015,3',
    ].join('\n');
    const { decisions, issues } = readDecisions(csv);
    expect(decisions).toEqual([
      { finding: 'F1', status: 'dismissed', records: ['1', '2'] },
      { finding: 'F2', status: 'dismissed', records: ['3'] },
    ]);
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'superseded'],
      [4, 'superseded'],
      [5, 'field_ignored'],
    ]);
  });

  it('says when the dates contradict the order of lines that decide a finding differently: the later line holds', () => {
    const csv = [
      'finding_id,status,date,record_ids',
      'F1,open,2015-01-05,1;2',
      'F1,confirmed,2015-01-12,1;2',
      'F1,dismissed,2015-01-07,1;2',
      'F2,confirmed,2015-03-01,3',
      'F2,confirmed,2015-02-01,3',
    ].join('\n');
    const { decisions, issues } = readDecisions(csv);
    expect(decisions.map((d) => [d.finding, d.status, d.date])).toEqual([
      ['F1', 'dismissed', '2015-01-07'],
      ['F2', 'confirmed', '2015-02-01'],
    ]);
    // F2's lines agree: their order changes nothing, and nothing is said of it.
    expect(issues.map((i) => [i.line, i.code, i.field])).toEqual([
      [2, 'superseded', ''],
      [3, 'superseded', ''],
      [4, 'out_of_order', 'date'],
      [5, 'superseded', ''],
    ]);
    expect(issues[2]?.message).toBe(
      'date 2015-01-07 is before that of line 3 (2015-01-12, confirmed), an earlier line about the same finding: which decision is the newer cannot be told; the later line holds (dismissed): append a line that settles it',
    );
    // The same in JSON, by index.
    const json = readDecisions(JSON.stringify([{ finding: 'F1', status: 'confirmed', records: ['1'], date: '2015-01-12' }, { finding: 'F1', status: 'dismissed', records: ['1'], date: '2015-01-07' }]));
    expect(json.decisions.map((d) => d.status)).toEqual(['dismissed']);
    expect(json.issues.map((i) => [i.index, i.code])).toEqual([[0, 'superseded'], [1, 'out_of_order']]);
    expect(json.issues[1]?.message).toMatch(/^date 2015-01-07 is before that of entry 0 \(2015-01-12, confirmed\)/u);
  });

  it('throws an InputError when the file as a whole cannot be read', () => {
    expect(() => readDecisions('finding_id,status\nF1,open\n')).toThrow(InputError);
    expect(() => readDecisions('finding_id,status\nF1,open\n')).toThrow(/lacks the column record_ids/u);
    // The columns the file has, then those a register has.
    expect(() => readDecisions('Finding ID,Status,Note\nF1,open,x\n')).toThrow(
      'decisions file lacks the columns finding_id, record_ids (its columns: "Finding ID", "Status", "Note"; a register\'s: finding_id, status, reviewer, date, note, record_ids, buyer, threshold_id, total, currency)',
    );
    expect(() => readDecisions('{"decisions": 3}')).toThrow(/must be \{ "schema"/u);
    expect(() => readDecisions('[{"finding": }]')).toThrow(/not valid JSON/u);
    expect(() => readDecisions('')).toThrow(/no header row/u);
  });

  it('reports JSON entries that break the schema by index and field', () => {
    const { decisions, issues } = readDecisions(JSON.stringify([{ finding: 'F1', status: 'open', records: ['1'], extra: 1 }, { finding: 'F2', status: 'open', records: [] }, { finding: 'F3', status: 'open', records: ['3'] }]));
    expect(decisions.map((d) => d.finding)).toEqual(['F3']);
    expect(issues.map((i) => [i.index, i.field, i.code])).toEqual([
      [0, '', 'invalid'],
      [1, 'records', 'invalid'],
    ]);
  });
});

describe('decisionsTemplate', () => {
  it('gives one open decision, with record ids, per finding that has none', () => {
    const report = makeReport([
      { id: 'FA', recordIds: ['1', '2'] },
      { id: 'FB', recordIds: ['3', '4', '5'] },
    ]);
    const template = decisionsTemplate(report);
    expect(template.map((d) => [d.finding, d.status, d.records])).toEqual([
      ['FA', 'open', ['1', '2']],
      ['FB', 'open', ['3', '4', '5']],
    ]);
    expect(readDecisions(decisionsToCsv(template)).decisions).toEqual(template);
  });
});
