import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blindLedger, tiesOf, type BlindLedger, type BlindRecord } from '../../bench/blind/ledger.js';
import { matchFindings } from '../../bench/blind/match.js';

/**
 * The blind ledger (bench/blind/ledger.ts) and its matching (bench/blind/match.ts): determinism, the
 * labels' own definitions checked from the records alone, and the issue's matching rule on cases
 * worked out by hand.
 */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const ledgers = new Map<number, BlindLedger>(SEEDS.map((s) => [s, blindLedger(s)]));
const ledger = (seed: number): BlindLedger => ledgers.get(seed) as BlindLedger;
const dayMs = 86_400_000;
const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / dayMs;

const indexes = new Map<BlindLedger, Map<string, BlindRecord>>();
function byId(l: BlindLedger): Map<string, BlindRecord> {
  const known = indexes.get(l);
  if (known !== undefined) return known;
  const index = new Map(l.records.map((r) => [r.id, r]));
  indexes.set(l, index);
  return index;
}

function partsOf(l: BlindLedger, ids: readonly string[]): BlindRecord[] {
  const map = byId(l);
  return ids.map((id) => {
    const r = map.get(id);
    if (r === undefined) throw new Error(`label names a missing record ${id}`);
    return r;
  });
}

const sum = (parts: readonly BlindRecord[]): Decimal => parts.reduce((a, p) => a.plus(p.amount), new Decimal(0));

describe('blindLedger', () => {
  it('is deterministic: the same seed gives the same ledger, another seed another', () => {
    expect(JSON.stringify(blindLedger(3))).toBe(JSON.stringify(ledger(3)));
    expect(JSON.stringify(blindLedger(5))).toBe(JSON.stringify(ledger(5)));
    expect(ledger(1).records.map((r) => r.amount)).not.toEqual(ledger(5).records.map((r) => r.amount).slice(0, ledger(1).records.length));
  });

  it.each(SEEDS)('seed %i has the issue\'s shape and well-formed records', (seed) => {
    const l = ledger(seed);
    expect(new Set(l.records.map((r) => r.buyer)).size).toBe(40);
    expect(l.records.length).toBeGreaterThan(13_000);
    expect(l.records.length).toBeLessThan(15_500);
    expect(l.splits.length).toBeGreaterThanOrEqual(50);
    expect(l.splits.length).toBeLessThanOrEqual(70);
    expect(new Set(l.records.map((r) => r.id)).size).toBe(l.records.length);
    const currencies = new Set(l.thresholds.map((t) => t.currency));
    for (const r of l.records) {
      expect(r.amount).toMatch(/^[1-9]\d*\.\d{2}$/u);
      expect(r.date >= l.fiscalYear.start && r.date <= l.fiscalYear.end).toBe(true);
      expect(new Date(`${r.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r.date);
      expect(currencies.has(r.currency)).toBe(true);
    }
  });

  it.each(SEEDS)('seed %i: labels name existing records of their buyer, and no record is in two labels', (seed) => {
    const l = ledger(seed);
    const seen = new Set<string>();
    for (const label of [...l.splits, ...l.decoys]) {
      for (const part of partsOf(l, label.recordIds)) {
        expect(part.buyer).toBe(label.buyer);
        expect(seen.has(part.id)).toBe(false);
        seen.add(part.id);
      }
    }
  });

  it.each(SEEDS)('seed %i: every split is 2–6 parts within 40 days, each under its threshold, together over it', (seed) => {
    const l = ledger(seed);
    for (const split of l.splits) {
      const parts = partsOf(l, split.recordIds);
      const limit = new Decimal(split.threshold.amount);
      expect(l.thresholds.some((t) => t.id === split.threshold.id && new Decimal(t.amount).eq(limit))).toBe(true);
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(parts.length).toBeLessThanOrEqual(6);
      for (const p of parts) expect(new Decimal(p.amount).lt(limit)).toBe(true);
      expect(sum(parts).gt(limit)).toBe(true);
      const days = parts.map((p) => dayOf(p.date));
      expect(Math.max(...days) - Math.min(...days)).toBe(split.spanDays);
      expect(split.spanDays).toBeLessThanOrEqual(40);
      expect(split.ties).toEqual(tiesOf(parts));
    }
  });

  /*
   * Each decoy kind against its own definition of "not a split", read from the records:
   * - every part is under the decoy's threshold (like a split's) — it is the reason, not the amounts,
   *   that makes it legitimate;
   * - justUnder: a single purchase;
   * - multiLine: one vendor, one day, one document number (a `_k` line suffix removed) — one order;
   * - stagedTender: one vendor, one contract number where documents are kept, a procedure (not a
   *   direct award) where methods are kept, payments at least four weeks apart — a tendered contract;
   * - frameworkCallOff: every subject names the framework, every stated method is a call-off;
   * - recurringService: one vendor, one equal payment in each of 12 calendar months;
   * - perPersonTravel: one vendor, one day, one record per named traveller, each subject naming its own;
   * - sameDayCoincidence: two purchases on one day from different vendors, worded differently;
   * - bigSupplier: one vendor, and no 30 days of it reach the threshold (checked by brute force).
   */
  it.each(SEEDS)('seed %i: every decoy is legitimate by its own definition', (seed) => {
    const l = ledger(seed);
    for (const decoy of l.decoys) {
      const parts = partsOf(l, decoy.recordIds);
      const limit = new Decimal(decoy.threshold.amount);
      const vendors = new Set(parts.map((p) => p.vendor));
      const days = new Set(parts.map((p) => p.date));
      for (const p of parts) expect(new Decimal(p.amount).lt(limit)).toBe(true);
      switch (decoy.kind) {
        case 'justUnder':
          expect(parts).toHaveLength(1);
          break;
        case 'multiLine': {
          expect(parts.length).toBeGreaterThanOrEqual(2);
          expect([vendors.size, days.size]).toEqual([1, 1]);
          expect(new Set(parts.map((p) => p.document?.replace(/_\d+$/u, ''))).size).toBe(1);
          expect(parts.every((p) => p.document !== undefined)).toBe(true);
          break;
        }
        case 'stagedTender': {
          expect(vendors.size).toBe(1);
          expect(new Set(parts.map((p) => p.document)).size).toBe(1);
          for (const p of parts) if (p.method !== undefined) expect(['direct award', '直接采购']).not.toContain(p.method);
          const sorted = parts.map((p) => dayOf(p.date)).sort((a, b) => a - b);
          for (let i = 1; i < sorted.length; i += 1) expect((sorted[i] as number) - (sorted[i - 1] as number)).toBeGreaterThanOrEqual(28);
          break;
        }
        case 'frameworkCallOff': {
          const name = decoy.reference.split(' ')[1] as string;
          for (const p of parts) {
            if (p.subject !== undefined) expect(p.subject.toUpperCase()).toContain(name.toUpperCase());
            if (p.method !== undefined) expect(['framework call-off', '协议供货']).toContain(p.method);
          }
          break;
        }
        case 'recurringService': {
          expect(vendors.size).toBe(1);
          expect(parts).toHaveLength(12);
          expect(new Set(parts.map((p) => p.date.slice(0, 7))).size).toBe(12);
          expect(new Set(parts.map((p) => p.amount)).size).toBe(1);
          break;
        }
        case 'perPersonTravel': {
          expect([vendors.size, days.size]).toEqual([1, 1]);
          const people = decoy.reference.replace('travellers: ', '').split(', ');
          expect(new Set(people).size).toBe(parts.length);
          for (const p of parts) if (p.subject !== undefined) expect(people.filter((who) => p.subject?.toUpperCase().includes(who.toUpperCase()))).toHaveLength(1);
          break;
        }
        case 'sameDayCoincidence': {
          expect(parts).toHaveLength(2);
          expect([vendors.size, days.size]).toEqual([2, 1]);
          if (parts[0]?.subject !== undefined) expect(parts[0].subject).not.toBe(parts[1]?.subject);
          break;
        }
        case 'bigSupplier': {
          expect(vendors.size).toBe(1);
          for (const p of parts) {
            const from = dayOf(p.date);
            const windowSum = sum(parts.filter((q) => dayOf(q.date) >= from && dayOf(q.date) < from + 30));
            expect(windowSum.lt(limit)).toBe(true);
          }
          break;
        }
      }
    }
  });

  it('labels what ties a split\'s parts', () => {
    const base = { buyer: 'b', date: '2020-01-01', currency: 'EUR' };
    expect(tiesOf([
      { ...base, id: '1', vendor: 'V', amount: '1.00', subject: 'Road signs phase 1', category: '45233294', project: 'P' },
      { ...base, id: '2', vendor: 'W', amount: '1.00', subject: 'ROAD works', category: '45239999', project: 'P' },
    ])).toEqual(['category', 'project', 'subject']);
    expect(tiesOf([
      { ...base, id: '1', vendor: 'V', amount: '1.00', subject: '道路指示牌', category: '45233294' },
      { ...base, id: '2', vendor: 'V', amount: '1.00', subject: '指示牌灯光' },
    ])).toEqual(['vendor', 'subject']);
    expect(tiesOf([
      { ...base, id: '1', vendor: 'V', amount: '1.00', subject: 'laptops' },
      { ...base, id: '2', vendor: 'W', amount: '1.00' },
    ])).toEqual([]);
  });
});

describe('matchFindings', () => {
  it('follows the issue\'s half-and-half rule on a case worked by hand', () => {
    const splits = [{ recordIds: ['a1', 'a2', 'a3', 'a4'] }, { recordIds: ['b1', 'b2'] }, { recordIds: ['c1', 'c2', 'c3'] }];
    const m = matchFindings([
      { id: 'f1', score: 0.9, recordIds: ['x', 'y', 'z'] }, // noise
      { id: 'f2', score: 0.8, recordIds: ['a1', 'a2', 'x'] }, // true positive, recalls split 0 (2 of 4)
      { id: 'f3', score: 0.7, recordIds: ['c1', 'x', 'y'] }, // 1 of 3 from split 2: not a true positive
      { id: 'f4', score: 0.6, recordIds: ['b1', 'y'] }, // true positive for split 1, covers 1 of 2: recalls it
      { id: 'f5', score: 0.5, recordIds: ['a3', 'a4'] }, // true positive, split 0 already recalled
    ], splits);
    expect(m.truePositiveOf).toEqual([-1, 0, -1, 1, 0]);
    expect(m.recalled).toEqual([true, true, false]);
    expect(m.precision).toBeCloseTo(3 / 5, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.ap).toBeCloseTo((1 / 2 + 2 / 4) / 2, 12);
    expect(m.apOverInjected).toBeCloseTo((1 / 2 + 2 / 4) / 3, 12);
  });

  it('gives recall, precision and AP 1 when the findings are the splits, in any order, and AP falls with noise on top', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 2, max: 6 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 5 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }), (sizes, noise, scores) => {
      const splits = sizes.map((n, s) => ({ recordIds: Array.from({ length: n }, (_, k) => `s${s}-${k}`) }));
      const exact = splits.map((s, i) => ({ id: `f${i}`, score: scores[i] ?? 0, recordIds: s.recordIds }));
      const clean = matchFindings(exact, splits);
      expect([clean.recall, clean.precision, clean.ap]).toEqual([1, 1, 1]);
      const noisy = matchFindings([...exact, ...Array.from({ length: noise }, (_, k) => ({ id: `n${k}`, score: 2, recordIds: [`x${k}`] }))], splits);
      let expected = 0;
      splits.forEach((_, i) => { expected += (i + 1) / (noise + i + 1); });
      expect(noisy.ap).toBeCloseTo(expected / splits.length, 12);
      expect(noisy.precision).toBeCloseTo(splits.length / (splits.length + noise), 12);
    }));
  });
});
