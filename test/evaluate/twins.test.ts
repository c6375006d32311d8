import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  atLeastAsSplitLike, crosses, cvSquared, decoySets, documentParts, featuresOf, findTwin, imitates, isBelow, isTwin, limitOf, searchTwin, subjectWords,
  worseFeatures, type TwinLimit, type TwinRecord,
} from '../../bench/_twins.js';

/**
 * The twin check of bench/twins.ts (bench/_twins.ts): its features and dominance on cases worked out
 * by hand, and the search's answers checked again from the records by a second, plainer computation.
 */

const DAY_MS = 86_400_000;
const dateOf = (day: number): string => new Date(Date.UTC(2024, 0, 1) + day * DAY_MS).toISOString().slice(0, 10);
const rec = (id: string, day: number, amount: string, more: Partial<TwinRecord> = {}): TwinRecord => ({ id, vendor: 'Acme Ltd', date: dateOf(day), amount, ...more });
const T10K: TwinLimit = limitOf('10000', 'atOrAbove');

describe('features', () => {
  it('subject words: lower-cased, split on non-letters/digits, Chinese as character bigrams', () => {
    expect([...subjectWords('Laser printers, 2024 (batch-2)')].sort()).toEqual(['2024', '2', 'batch', 'laser', 'printers'].sort());
    expect([...subjectWords('办公用品')].sort()).toEqual(['公用', '办公', '用品'].sort());
    expect([...subjectWords('LED显示屏 纸')].sort()).toEqual(['led', '显示', '示屏', '纸'].sort());
    expect(subjectWords(undefined).size).toBe(0);
  });

  it('documents: prefix and trailing number', () => {
    expect(documentParts('PO2024-03772')).toEqual({ prefix: 'PO2024-', number: 3772n });
    expect(documentParts('FP2023000123')).toEqual({ prefix: 'FP', number: 2023000123n });
    expect(documentParts('no number')).toBeUndefined();
    expect(documentParts(undefined)).toBeUndefined();
  });

  it('below and crossing respect atOrAbove and above', () => {
    const above = limitOf('10000', 'above');
    expect([isBelow(1_000_000, T10K), isBelow(999_999, T10K), crosses(1_000_000, T10K)]).toEqual([false, true, true]);
    expect([isBelow(1_000_000, above), crosses(1_000_000, above), crosses(1_000_001, above)]).toEqual([true, false, true]);
    expect(limitOf('59906.02', 'atOrAbove').cents).toBe(5_990_602);
  });

  it('a hand-made set', () => {
    const parts = [
      rec('a', 3, '9500.00', { subject: 'laser printers', category: '30232110', project: 'IT 2024', document: 'PO-0099' }),
      rec('b', 0, '3000.00', { subject: 'Laser printers for Admin', category: '30.23.21.10', document: 'PO-0100' }),
      rec('c', 5, '2000.00', { vendor: 'ACME Limited', subject: 'toner', project: 'it 2024', document: 'PO-0101' }),
    ];
    const f = featuresOf(parts, T10K);
    // Date order: b (day 0), a (day 3), c (day 5).
    expect(f.span).toBe(5);
    expect(f.vendors).toBe(2);
    expect(f.vendorKeys).toBe(1); // "Acme Ltd" and "ACME Limited"
    expect(f.categories).toBe(3); // two spellings and one absent
    expect(f.categoryKeys).toBe(2); // one code and one absent
    expect(f.projects).toBe(3); // 'IT 2024', absent, 'it 2024'
    expect(f.projectKeys).toBe(2);
    expect(f.near).toBe(1); // 9,500 ≥ 9,000
    expect(f.round).toBe(2); // 3,000 and 2,000
    expect(f.documentPairs).toBe(2); // 0099–0100, 0100–0101
    // Jaccard(b, a) = |{laser, printers}| / |{laser, printers, for, admin}| = 1/2; Jaccard(a, c) = 0; mean 1/4.
    expect(Number(f.jaccard.num) / Number(f.jaccard.den)).toBeCloseTo(0.25, 12);
    expect(f.sum).toBe(1_450_000n);
    // CV² = (3 Σx² − (Σx)²) / (Σx)²
    const cv2 = cvSquared(f);
    const xs = [950_000, 300_000, 200_000];
    const s = xs.reduce((a, b) => a + b, 0);
    expect(Number(cv2.num) / Number(cv2.den)).toBeCloseTo((3 * xs.reduce((a, x) => a + x * x, 0) - s * s) / (s * s), 12);
  });
});

describe('dominance', () => {
  const base = [rec('s1', 0, '5000.00', { subject: 'printers' }), rec('s2', 2, '5200.00', { subject: 'printers' })];

  it('a set is at least as split-like as itself, and as a copy with new ids', () => {
    const f = featuresOf(base, T10K);
    expect(atLeastAsSplitLike(f, f)).toBe(true);
    const copy = base.map((r) => ({ ...r, id: `x${r.id}`, date: dateOf(100 + Number(r.id.slice(1))) }));
    expect(isTwin(copy, base, T10K)).toBe(true); // days 101 and 102: a span of 1 against 2, the rest the same
  });

  it('each feature on its own makes a set less split-like', () => {
    const s = featuresOf(base, T10K);
    const worse = (x: TwinRecord[]): string[] => worseFeatures(featuresOf(x, T10K), s);
    expect(worse([rec('x1', 0, '5000.00', { subject: 'printers' }), rec('x2', 3, '5200.00', { subject: 'printers' })])).toEqual(['span']);
    expect(worse([rec('x1', 0, '5000.00', { subject: 'printers' }), rec('x2', 2, '5200.00', { subject: 'printers', vendor: 'Other Co' })])).toEqual(['vendors', 'vendorKeys']);
    expect(worse([rec('x1', 0, '4000.00', { subject: 'printers' }), rec('x2', 2, '6200.00', { subject: 'printers' })])).toEqual(['cv']);
    expect(worse([rec('x1', 0, '5001.00', { subject: 'printers' }), rec('x2', 2, '5201.00', { subject: 'printers' })])).toEqual(['round']);
    expect(worse([rec('x1', 0, '5000.00', { subject: 'printers' }), rec('x2', 2, '5200.00', { subject: 'toner' })])).toEqual(['jaccard']);
    expect(worse([rec('x1', 0, '5000.00', { subject: 'printers', category: '301' }), rec('x2', 2, '5200.00', { subject: 'printers', category: '302' })])).toEqual([]);
    // Absent categories count as their own: two absent codes are two categories, as many as 301 and 302.
    const coded = featuresOf([rec('y1', 0, '5000.00', { category: '301' }), rec('y2', 1, '5200.00', { category: '301' })], T10K);
    expect(worseFeatures(featuresOf(base, T10K), coded)).toContain('categories');
  });

  it('more split-like on one feature and as split-like on the others dominates', () => {
    const s = featuresOf(base, T10K);
    const x = featuresOf([rec('x1', 0, '9000.00', { subject: 'printers', document: 'A1' }), rec('x2', 1, '9000.00', { subject: 'printers', document: 'A2' })], T10K);
    expect(worseFeatures(x, s)).toEqual([]);
    expect(worseFeatures(s, x)).toEqual(expect.arrayContaining(['span', 'cv', 'near', 'documentPairs']));
  });

  it('isTwin: as many parts, each below, the total crossing', () => {
    const x = [rec('x1', 0, '5000.00', { subject: 'printers' }), rec('x2', 1, '5000.00', { subject: 'printers' })];
    expect(isTwin(x, base, T10K)).toBe(true);
    expect(isTwin(x, base, limitOf('10000', 'above'))).toBe(false); // 10,000 does not cross "above 10,000"
    expect(isTwin([...x, rec('x3', 1, '10.00', { subject: 'printers' })], base, T10K)).toBe(false);
    expect(isTwin([x[0]!, x[0]!], base, T10K)).toBe(false);
    expect(isTwin([rec('x1', 0, '10000.00'), rec('x2', 0, '1.00')], base, T10K)).toBe(false);
  });
});

// ------------------------------------------------------------------------------------------ properties

const VENDORS = ['Acme Ltd', 'Acme Limited', 'Borealis Co', 'Cygnus LLC'];
const WORDS = ['printers', 'toner', 'paper', 'chairs', '办公', '用品', 'repair'];
const LIMIT_CENTS = 1_000_000;

const recordArb = (id: string, minCents: number, maxDay: number): fc.Arbitrary<TwinRecord> =>
  fc.record({
    vendor: fc.constantFrom(...VENDORS),
    day: fc.integer({ min: 0, max: maxDay }),
    cents: fc.integer({ min: minCents, max: LIMIT_CENTS - 1 }).chain((c) => fc.constantFrom(c, Math.max(minCents, Math.floor(c / 100_000) * 100_000))),
    subject: fc.option(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), { nil: undefined }),
    category: fc.option(fc.constantFrom('30192000', '30-19-20-00', '30232110'), { nil: undefined }),
    project: fc.option(fc.constantFrom('IT 2024', 'it 2024', 'Office 2024'), { nil: undefined }),
    document: fc.option(fc.integer({ min: 1, max: 12 }).map((n) => `PO-${n}`), { nil: undefined }),
  }).map(({ day, cents, ...r }) => ({ id, date: dateOf(day), amount: new Decimal(cents).div(100).toFixed(2), ...r }));

const ledgerArb = fc.integer({ min: 2, max: 4 }).chain((k) =>
  fc.record({
    scheme: fc.tuple(...Array.from({ length: k }, (_, i) => recordArb(`S${i}`, Math.floor(LIMIT_CENTS / k) + 1, 12))),
    routine: fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => recordArb(`R${i}`, 1, 60)))),
    comparison: fc.constantFrom<'atOrAbove' | 'above'>('atOrAbove', 'above'),
  }));

/** The features again, plainly, with decimal.js: what a twin must satisfy against S. */
function checkTwinPlainly(x: readonly TwinRecord[], s: readonly TwinRecord[], limit: TwinLimit, routine: readonly TwinRecord[]): void {
  const t = new Decimal(limit.cents).div(100);
  const below = (a: Decimal): boolean => (limit.comparison === 'atOrAbove' ? a.lessThan(t) : a.lessThanOrEqualTo(t));
  expect(x.length).toBe(s.length);
  expect(new Set(x.map((r) => r.id)).size).toBe(x.length);
  for (const r of x) expect(routine).toContain(r);
  for (const r of x) expect(below(new Decimal(r.amount))).toBe(true);
  const total = x.reduce((a, r) => a.plus(r.amount), new Decimal(0));
  expect(limit.comparison === 'atOrAbove' ? total.greaterThanOrEqualTo(t) : total.greaterThan(t)).toBe(true);
  const day = (r: TwinRecord): number => Date.parse(`${r.date}T00:00:00Z`) / DAY_MS;
  const span = (p: readonly TwinRecord[]): number => Math.max(...p.map(day)) - Math.min(...p.map(day));
  expect(span(x)).toBeLessThanOrEqual(span(s));
  const distinct = (p: readonly TwinRecord[], f: (r: TwinRecord) => string | undefined): number => {
    const v = p.map(f);
    return new Set(v.filter((c) => c !== undefined)).size + v.filter((c) => c === undefined).length;
  };
  expect(distinct(x, (r) => r.vendor)).toBeLessThanOrEqual(distinct(s, (r) => r.vendor));
  expect(distinct(x, (r) => r.category)).toBeLessThanOrEqual(distinct(s, (r) => r.category));
  expect(distinct(x, (r) => r.project)).toBeLessThanOrEqual(distinct(s, (r) => r.project));
  const cv = (p: readonly TwinRecord[]): Decimal => {
    const a = p.map((r) => new Decimal(r.amount));
    const mean = a.reduce((m, v) => m.plus(v), new Decimal(0)).div(a.length);
    const variance = a.reduce((m, v) => m.plus(v.minus(mean).pow(2)), new Decimal(0)).div(a.length);
    return variance.sqrt().div(mean);
  };
  expect(cv(x).toNumber()).toBeLessThanOrEqual(cv(s).toNumber() + 1e-12);
  const near = (p: readonly TwinRecord[]): number => p.filter((r) => new Decimal(r.amount).greaterThanOrEqualTo(t.times(0.9)) && below(new Decimal(r.amount))).length;
  expect(near(x)).toBeGreaterThanOrEqual(near(s));
  const round = (p: readonly TwinRecord[]): number => p.filter((r) => new Decimal(r.amount).mod(1000).isZero()).length;
  expect(round(x)).toBeGreaterThanOrEqual(round(s));
  const ordered = (p: readonly TwinRecord[]): TwinRecord[] => [...p].sort((a, b) => day(a) - day(b) || (a.id < b.id ? -1 : 1));
  const meanJaccard = (p: readonly TwinRecord[]): number => {
    const o = ordered(p).map((r) => subjectWords(r.subject));
    let sum = 0;
    for (let i = 1; i < o.length; i++) {
      const a = o[i - 1]!;
      const b = o[i]!;
      const shared = [...a].filter((w) => b.has(w)).length;
      const union = new Set([...a, ...b]).size;
      sum += union === 0 ? 0 : shared / union;
    }
    return sum / (o.length - 1);
  };
  expect(meanJaccard(x)).toBeGreaterThanOrEqual(meanJaccard(s) - 1e-12);
  const pairs = (p: readonly TwinRecord[]): number => {
    let n = 0;
    for (let i = 0; i < p.length; i++) {
      for (let j = i + 1; j < p.length; j++) {
        const a = /^(.*?)(\d+)$/u.exec(p[i]!.document ?? '');
        const b = /^(.*?)(\d+)$/u.exec(p[j]!.document ?? '');
        if (a !== null && b !== null && a[1] === b[1] && Math.abs(Number(a[2]) - Number(b[2])) === 1) n++;
      }
    }
    return n;
  };
  expect(pairs(x)).toBeGreaterThanOrEqual(pairs(s));
}

describe('the search', () => {
  it('a twin it finds satisfies every condition, recomputed from the records', () => {
    let found = 0;
    fc.assert(fc.property(ledgerArb, ({ scheme, routine, comparison }) => {
      const limit: TwinLimit = { cents: LIMIT_CENTS, comparison };
      const twin = findTwin(scheme, routine, limit);
      if (twin === undefined) return;
      found++;
      expect(isTwin(twin, scheme, limit)).toBe(true);
      checkTwinPlainly(twin, scheme, limit, routine);
    }), { numRuns: 150 });
    expect(found).toBeGreaterThan(0);
  });

  it('finds a planted twin: S copied with new ids, as routine, its dates shifted', () => {
    fc.assert(fc.property(ledgerArb, fc.integer({ min: 100, max: 400 }), ({ scheme, routine, comparison }, shift) => {
      const limit: TwinLimit = { cents: LIMIT_CENTS, comparison };
      const copy = scheme.map((r) => ({ ...r, id: `X${r.id}`, date: dateOf(Date.parse(`${r.date}T00:00:00Z`) / DAY_MS - Date.UTC(2024, 0, 1) / DAY_MS + shift) }));
      const result = searchTwin(scheme, [...routine, ...copy], limit);
      expect(result.twin).toBeDefined();
      checkTwinPlainly(result.twin!, scheme, limit, [...routine, ...copy]);
    }), { numRuns: 100 });
  });

  it('finds a planted twin among the same vendor\'s routine buying', () => {
    const s = [
      rec('s1', 10, '3400.00', { subject: 'printing paper', category: '30197630', project: 'Office 2024', document: 'PO-17' }),
      rec('s2', 12, '3350.00', { subject: 'printing paper A4', category: '30197630', project: 'Office 2024', document: 'PO-44' }),
      rec('s3', 15, '3390.00', { subject: 'paper for printing', category: '30197630', project: 'Office 2024' }),
    ];
    const routine = Array.from({ length: 60 }, (_, i) => rec(`r${i}`, i * 2, `${1000 + ((i * 37) % 50) * 100}.00`, { subject: 'printing paper', category: '30197630', project: 'Office 2024', document: `PO-${200 + i * 3}` }));
    const planted = s.map((r, i) => ({ ...r, id: `p${i}`, date: dateOf(90 + [0, 2, 5][i]!) }));
    const twin = findTwin(s, [...routine, ...planted], T10K);
    expect(twin).toBeDefined();
    expect(isTwin(twin!, s, T10K)).toBe(true);
  });

  it('proves a split apart when no routine set of its shape crosses the threshold', () => {
    const s = [rec('s1', 0, '6000.00'), rec('s2', 1, '6000.00')];
    const routine = Array.from({ length: 30 }, (_, i) => rec(`r${i}`, i, '4000.00'));
    const result = searchTwin(s, routine, T10K);
    expect(result).toMatchObject({ twin: undefined, nearest: undefined, candidates: 0, crossingSearchedAll: true, searchedAll: true });
  });

  it('proves no twin when every crossing set of its shape was checked, and names what the nearest lacks', () => {
    const s = [rec('s1', 0, '5001.00'), rec('s2', 1, '5001.00')];
    const routine = [rec('r1', 0, '5001.00'), rec('r2', 1, '5101.00'), rec('r3', 5, '5001.00'), rec('r4', 9, '4000.00')];
    const result = searchTwin(s, routine, T10K);
    expect(result.twin).toBeUndefined();
    expect(result.searchedAll).toBe(true);
    expect(result.candidates).toBe(1); // r1 + r2; r3 is 5 days after r1, r4 crosses with none
    expect(result.nearest?.worse).toEqual(['cv']);
    // Within a span of 5 days r1 and r3 are a twin.
    expect(findTwin([rec('s1', 0, '5001.00'), rec('s2', 5, '5001.00')], routine, T10K)?.map((r) => r.id).sort()).toEqual(['r1', 'r3']);
  });
});

describe('decoys that imitate a split', () => {
  // Two unrelated purchases just under 10,000 from two vendors ten days apart, and a third too small
  // to cross with either.
  const decoy = [
    rec('n1', 0, '9600.00', { vendor: 'Alpha Signs', subject: 'road signs', category: '34928470' }),
    rec('n2', 10, '9100.00', { vendor: 'Beta Lighting', subject: 'lamps', category: '31520000' }),
    rec('n3', 12, '200.00', { vendor: 'Gamma Ltd', subject: 'toner' }),
  ];

  it('its possible findings: sets of its records each below its threshold whose total crosses it', () => {
    const pairs = decoySets(decoy, T10K, 2).map((s) => s.records.map((r) => r.id));
    // n1 + n3 = 9,800 and n2 + n3 = 9,300 do not cross; a part at the limit is no part.
    expect(pairs).toEqual([['n1', 'n2']]);
    expect(decoySets(decoy, T10K, 3).map((s) => s.records.map((r) => r.id))).toEqual([['n1', 'n2', 'n3']]);
    expect(decoySets([rec('x', 0, '10000.00'), rec('y', 1, '500.00')], T10K, 2)).toEqual([]);
    expect(decoySets(decoy, T10K, 1)).toEqual([]);
  });

  it('imitates a split no more split-like on any feature, not one that is more split-like on one', () => {
    const sets = decoySets(decoy, T10K, 2);
    // Two vendors, 12 days apart, codes and subjects unrelated, one part near the limit, no round amount: no more split-like anywhere.
    const looser = featuresOf([rec('s1', 0, '9500.00', { vendor: 'Delta', subject: 'chairs', category: '39110000' }), rec('s2', 12, '5100.00', { vendor: 'Echo', subject: 'desks', category: '39120000' })], T10K);
    expect(imitates(sets, looser)).toBe(true);
    // One vendor: the decoy's two vendors are less split-like on vendors.
    const oneVendor = featuresOf([rec('s1', 0, '9500.00', { subject: 'chairs', category: '39110000' }), rec('s2', 12, '5100.00', { subject: 'desks', category: '39120000' })], T10K);
    expect(imitates(sets, oneVendor)).toBe(false);
    // The same on another threshold: features are read against each one's own limit.
    const T20K = limitOf('20000', 'atOrAbove');
    expect(imitates(sets, featuresOf([rec('s1', 0, '19100.00', { vendor: 'Delta', subject: 'chairs', category: '39110000' }), rec('s2', 12, '10100.00', { vendor: 'Echo', subject: 'desks', category: '39120000' })], T20K))).toBe(true);
  });
});
