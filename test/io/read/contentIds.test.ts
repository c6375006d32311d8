/**
 * Records of a file without an id column are named after their content, not their line: moving,
 * inserting or deleting other rows leaves every record's id as it was, so findings and the
 * decisions about them survive a reordered or grown ledger.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLedger } from '../../../src/io/read/ledger.js';
import { runs } from '../../helpers/runs.js';

const HEADER = 'buyer,vendor,date,amount,currency,subject';
const row = fc
  .tuple(fc.constantFrom('Parks', 'Roads', 'parks'), fc.constantFrom('Acme', 'Bolt Ltd'), fc.constantFrom('2024-01-02', '2024-01-03'), fc.constantFrom('100', '250.50', '999'), fc.constantFrom('', 'signs', 'paint'))
  .map(([buyer, vendor, date, amount, subject]) => `${buyer},${vendor},${date},${amount},EUR,${subject}`);

/** Each row's id, keyed by its text and which of the identical rows it is (the k-th, in file order). */
function idsByContent(rows: readonly string[]): Map<string, string> {
  const l = readLedger([HEADER, ...rows].join('\n'));
  expect(l.records).toHaveLength(rows.length);
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  rows.forEach((r, i) => {
    const k = (seen.get(r) ?? 0) + 1;
    seen.set(r, k);
    out.set(`${r}#${k}`, l.records[i]?.id as string);
  });
  return out;
}

describe('records without an id column', () => {
  it('are named R and 12 hex digits of their content, the k-th of identical rows with -k, and keep their line', () => {
    const l = readLedger(`${HEADER}\nParks,Acme,2024-01-02,100,EUR,signs\nParks,Acme,2024-01-02,100,EUR,signs\nParks,Acme,2024-01-02,100,EUR,paint\n`);
    const [a, b, c] = l.records.map((r) => r.id as string);
    expect(a).toMatch(/^R[0-9a-f]{12}$/u);
    expect(b).toBe(`${a}-2`);
    expect(c).toMatch(/^R[0-9a-f]{12}$/u);
    expect(c).not.toBe(a);
    expect(l.lines).toEqual([2, 3, 4]);
  });

  it('keep their ids when rows are reordered, inserted or deleted, and the ids are unique (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.array(row, { maxLength: 5 }), fc.integer(), (rows, added, seed) => {
        const ids = idsByContent(rows);
        expect(new Set(ids.values()).size).toBe(rows.length);
        // Shuffled (a seeded Fisher–Yates) with rows inserted anywhere: the same row, the same id.
        const moved = [...rows, ...added];
        let s = seed;
        for (let i = moved.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1103515245) + 12345) | 0;
          const j = Math.abs(s) % (i + 1);
          [moved[i], moved[j]] = [moved[j] as string, moved[i] as string];
        }
        const again = idsByContent(moved);
        for (const [key, id] of ids) expect(again.get(key)).toBe(id);
      }),
      { numRuns: runs(200) },
    );
  });

  it('are told apart by every field read, and a file\'s own id column still names its records', () => {
    const base = readLedger(`${HEADER},category\nParks,Acme,2024-01-02,100,EUR,signs,45\n`).records[0]?.id;
    for (const other of ['Roads,Acme,2024-01-02,100,EUR,signs,45', 'Parks,Bolt,2024-01-02,100,EUR,signs,45', 'Parks,Acme,2024-01-03,100,EUR,signs,45', 'Parks,Acme,2024-01-02,101,EUR,signs,45', 'Parks,Acme,2024-01-02,100,EUR,sign,45', 'Parks,Acme,2024-01-02,100,EUR,signs,46']) {
      expect(readLedger(`${HEADER},category\n${other}\n`).records[0]?.id).not.toBe(base);
    }
    expect(readLedger(`id,${HEADER}\nT-1,Parks,Acme,2024-01-02,100,EUR,signs\n`).records[0]?.id).toBe('T-1');
  });
});
