/**
 * Document numbering against plain counting: the chance that numbering in date order puts two
 * records side by side is counted again by enumerating every order of the series' documents that
 * date order allows (documents of one day in any order), and the sequential share by listing the
 * numbers. Nothing is shared with the module but the record table.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { documentNumber, documentNumbering, NUMBERING } from '../../src/score/numbering.js';
import { buyerBaselines } from '../../src/score/baseline.js';
import { scanRecords } from '../../src/records/table.js';
import { resolveOptions } from '../../src/options/resolve.js';
import { measure } from '../../src/score/evidence.js';
import { prepare } from '../../src/cluster/prepare.js';
import Decimal from 'decimal.js';
import { runs } from '../helpers/runs.js';

const THRESHOLD = { id: 't', amount: '1000', currency: 'CNY', procedure: 'quotation' };

/** Records of one buyer, each with a day offset and a document number. */
const seriesArb = fc.array(fc.record({ day: fc.integer({ min: 0, max: 6 }), number: fc.integer({ min: 1, max: 30 }), other: fc.boolean() }), { minLength: 2, maxLength: 7 });

const iso = (d: number) => `2024-03-${String(1 + d).padStart(2, '0')}`;

/** Every order of `days` (indices) that date order allows: ascending days, one day's documents in any order. */
function orders(days: readonly number[]): number[][] {
  const out: number[][] = [];
  const go = (left: number[], acc: number[]) => {
    if (left.length === 0) return void out.push(acc);
    const first = Math.min(...left.map((i) => days[i] as number));
    for (const i of left) if (days[i] === first) go(left.filter((j) => j !== i), [...acc, i]);
  };
  go(days.map((_, i) => i), []);
  return out;
}

describe('documentNumber', () => {
  it('reads the last run of digits and the text around it', () => {
    expect(documentNumber('PO-2018-00412')).toEqual({ series: 'PO-2018-\u0000', number: 412 });
    expect(documentNumber(' 2018采字第17号 ')).toEqual({ series: '2018采字第\u0000号', number: 17 });
    expect(documentNumber('N/A')).toBeUndefined();
    expect(documentNumber('1234567890123456')).toBeUndefined();
  });
});

describe('documentNumbering', () => {
  it('gives the chance of date order putting two records side by side, as enumerating the orders counts it, times the sequential share', () => {
    fc.assert(
      fc.property(seriesArb, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 12 }), (drafts, pa, pb, padding) => {
        fc.pre(drafts.length >= 2);
        const a = pa % drafts.length;
        const b = (a + 1 + (pb % (drafts.length - 1))) % drafts.length;
        // The series: the drafts, then `padding` documents one a day from day 10 on, so the series is
        // large enough to measure when padding brings it to minDocuments besides the two.
        const records = [
          ...drafts.map((d, i) => ({ id: `r${i}`, buyer: 'B', vendor: 'V', date: iso(d.day), amount: '10', currency: 'CNY', document: `PO-${d.number}` })),
          ...Array.from({ length: padding }, (_, i) => ({ id: `p${i}`, buyer: 'B', vendor: 'V', date: iso(10 + i), amount: '10', currency: 'CNY', document: `PO-${100 + 2 * i}` })),
          // Another buyer's documents and another series of the buyer are not counted.
          { id: 'x1', buyer: 'C', vendor: 'V', date: iso(drafts[a]!.day), amount: '10', currency: 'CNY', document: 'PO-7' },
          { id: 'x2', buyer: 'B', vendor: 'V', date: iso(drafts[a]!.day), amount: '10', currency: 'CNY', document: 'INV-7' },
        ];
        const table = scanRecords(records);
        const index = (id: string) => table.id.indexOf(id);
        const mine = records.map((r, k) => [r, k] as const).filter(([r]) => r.buyer === 'B').map(([r]) => index(r.id));
        const numbering = documentNumbering(table, (buyer) => (buyer === table.buyer.key[index('r0')] ? mine : []));
        const got = numbering.adjacency(index(`r${a}`), index(`r${b}`));

        const series = [...drafts.map((d) => d.day), ...Array.from({ length: padding }, (_, i) => 10 + i)];
        if (series.length - 2 < NUMBERING.minDocuments) {
          expect(got.applicable).toBe(false);
          expect(got.chance).toBe(0);
          return;
        }
        const all = orders(series);
        const adjacent = all.filter((o) => Math.abs(o.indexOf(a) - o.indexOf(b)) === 1).length;
        const numbers = [...new Set([...drafts.map((d) => d.number), ...Array.from({ length: padding }, (_, i) => 100 + 2 * i)])].sort((x, y) => x - y);
        const followed = numbers.filter((n, i) => i > 0 && numbers[i - 1] === n - 1).length;
        const sequential = followed / (numbers.length - 1);
        expect(got.applicable).toBe(true);
        expect(got.inDateOrder).toBeCloseTo(adjacent / all.length, 12);
        expect(got.sequential).toBeCloseTo(sequential, 12);
        expect(got.chance).toBeCloseTo(sequential * (adjacent / all.length), 12);
      }),
      { numRuns: runs(200) },
    );
  });

  it('counts consecutive parts by what the numbering leaves unexplained: an order book numbered in turn, against numbers of no order', () => {
    const opts = resolveOptions({ thresholds: [THRESHOLD] });
    // One buyer numbers 40 orders in turn, one a day; another writes invoice numbers of no order.
    const book = (buyer: string, numberOf: (i: number) => number) => Array.from({ length: 40 }, (_, i) => ({
      id: `${buyer}${i}`, buyer, vendor: `V${i % 7}`, date: `2024-0${1 + Math.floor(i / 20)}-${String(1 + (i % 20)).padStart(2, '0')}`, amount: '600', currency: 'CNY', document: `PO-${numberOf(i)}`,
    }));
    const records = [...book('inTurn', (i) => 500 + i), ...book('noOrder', (i) => (i === 11 ? 9001 : i === 12 ? 9002 : 37 * i + 1000))];
    const table = scanRecords(records);
    const ledger = prepare(table, opts);
    const baselines = buyerBaselines(table, opts);
    const partsOf = (ids: string[]) => ids.map((id) => ledger.itemOf(table.id.indexOf(id))).sort((x, y) => x.day - y.day);
    const ctx = { tier: opts.thresholds[0]!, thresholds: opts.thresholds, windowDays: 30, band: opts.band, baselines };
    // Days 12 and 13 of January, numbers one apart, nothing dated between: what numbering in turn gives.
    const inTurn = measure(partsOf(['inTurn11', 'inTurn12']), new Decimal(1200), ctx);
    expect(inTurn.facts.consecutive).toBe(2);
    expect(inTurn.facts.numbering?.chance).toBeCloseTo(1, 12);
    expect(inTurn.evidence.consecutiveDocuments).toBeCloseTo(0, 12);
    // The same days where the numbers follow no order: of its 40 numbers only the parts' own follow
    // one another (1 of 39), so numbers one apart count nearly in full.
    const noOrder = measure(partsOf(['noOrder11', 'noOrder12']), new Decimal(1200), ctx);
    expect(noOrder.facts.consecutive).toBe(2);
    expect(noOrder.evidence.consecutiveDocuments).toBeCloseTo(1 - 1 / 39, 12);
    // Without baselines, numbers one apart count in full (as before the buyer's numbering was measured).
    const { baselines: _, ...bare } = ctx;
    expect(measure(partsOf(['inTurn11', 'inTurn12']), new Decimal(1200), bare).evidence.consecutiveDocuments).toBe(1);
  });
});
