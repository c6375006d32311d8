import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { consecutiveShare, measure, pairAgreement, repeatedCount } from '../../src/score/evidence.js';
import { isRound } from '../../src/_lib/decimal.js';
import type { Item } from '../../src/cluster/item.js';
import type { ResolvedThreshold } from '../../src/thresholds/threshold.js';
import { D } from '../../src/_lib/decimal.js';
import { runs } from '../helpers/runs.js';

/** A part with what measure reads. */
function part(day: number, amount: string, vendorKey: string, over: { categoryKey?: string; document?: string; subject?: string; tokens?: number[]; project?: string } = {}): Item {
  const value = new Decimal(amount);
  // The category signal is on for every part that carries a code (as with categoryPrefix > 0).
  return { k: day, day, value, approx: value.toNumber(), amount: value, vendorKey, categoryKey: over.categoryKey, document: over.document, subject: over.subject, tokens: over.tokens ?? [], weights: [], categoryPrefix: over.categoryKey, project: over.project };
}

function tier(amount: string, over: { fromDay?: number; toDay?: number; categories?: string[] } = {}): ResolvedThreshold {
  const value = new Decimal(amount);
  const nearFrom = value.times(0.9);
  return {
    threshold: { id: amount, ...(over.categories ? { categories: over.categories } : {}) },
    value,
    approx: value.toNumber(),
    comparison: 'atOrAbove',
    nearFrom,
    nearFromApprox: nearFrom.toNumber(),
    fromDay: over.fromDay ?? -Infinity,
    toDay: over.toDay ?? Infinity,
  } as unknown as ResolvedThreshold;
}

describe('measure', () => {
  it('measures each kind of evidence as documented, on a hand-worked case', () => {
    // Three parts of a 1,000 limit: two just below it (≥ 900), on days 10, 10 and 14, two from Acme,
    // documents 7 and 8 consecutive, amounts 955, 945 and 600 (one round: 600 has two significant digits).
    const parts = [
      part(10, '955', 'acme', { categoryKey: '4523', document: 'D-7', tokens: [1, 2] }),
      part(10, '945', 'beta', { categoryKey: '4523', document: 'D-8', tokens: [1, 2] }),
      part(14, '600', 'acme', { categoryKey: '4599', document: 'X-1', tokens: [3] }),
    ];
    const t = tier('1000');
    const e = measure(parts, new Decimal(2500), { tier: t, thresholds: [t], windowDays: 30, band: 0.1 }).evidence;
    // Two of three parts just below: the second of them is the evidence, of the two parts beyond one.
    expect(e.justBelow).toBeCloseTo(1 / 2, 12);
    expect(e.parts).toBe(3);
    expect(e.span).toBe(4);
    expect(e.sameDay).toBeCloseTo(2 / 3, 12);
    expect(e.vendorConcentration).toBeCloseTo(2 / 3, 12);
    // Consecutive pairs: identical tokens and category (1); category 4523 vs 4599 shares 2 of 4 (0.5).
    expect(e.subjectSimilarity).toBeCloseTo((1 + 0.5) / 2, 12);
    // Coefficient of variation: population standard deviation over the mean (about 0.2).
    const mean = 2500 / 3;
    const sd = Math.sqrt(((955 - mean) ** 2 + (945 - mean) ** 2 + (600 - mean) ** 2) / 3);
    expect(e.equalAmounts).toBeCloseTo(sd / mean, 12);
    expect(e.roundAmounts).toBeCloseTo(1 / 3, 12);
    expect(e.consecutiveDocuments).toBeCloseTo(2 / 3, 12);
    expect(e.totalOverThreshold).toBe(2.5);
    // Day 10 bought from Acme and Beta: one part of another vendor that day, of three.
    expect(e.sameDayVendors).toBeCloseTo(1 / 3, 12);
  });

  it('counts a shared project in full only where nothing else was compared, and halfway to 1 beside texts or codes', () => {
    const t = tier('1000');
    const similarity = (a: Parameters<typeof part>[3], b: Parameters<typeof part>[3]) =>
      measure([part(3, '600', 'acme', a), part(5, '600', 'beta', b)], new Decimal(1200), { tier: t, thresholds: [t], windowDays: 30, band: 0.1 }).evidence.subjectSimilarity;
    // The project alone: full agreement.
    expect(similarity({ project: 'p' }, { project: 'p' })).toBe(1);
    // Codes 4523 and 7710 share nothing: the project lifts the pair from 0 to ½.
    expect(similarity({ project: 'p', categoryKey: '4523' }, { project: 'p', categoryKey: '7710' })).toBe(0.5);
    // Codes sharing 2 of 4 digits and texts sharing 1 of 3 tokens: halfway from the closer (½) to 1.
    expect(similarity({ project: 'p', categoryKey: '4523', tokens: [1, 2] }, { project: 'p', categoryKey: '4599', tokens: [2, 3] })).toBeCloseTo(0.75, 12);
    // Agreeing codes keep their agreement; other projects add nothing.
    expect(similarity({ project: 'p', categoryKey: '4523' }, { project: 'p', categoryKey: '4523' })).toBe(1);
    expect(similarity({ project: 'p', categoryKey: '4523' }, { project: 'q', categoryKey: '4599' })).toBe(0.5);
  });

  it('counts the parts bought from another vendor than a part of the same day', () => {
    const t = tier('1000');
    const of = (spec: [number, string][]) => measure(spec.map(([day, vendor]) => part(day, '600', vendor)), new Decimal(600 * spec.length), { tier: t, thresholds: [t], windowDays: 30, band: 0.1 }).evidence.sameDayVendors;
    expect(of([[3, 'acme'], [3, 'beta']])).toBe(1 / 2);
    expect(of([[3, 'acme'], [3, 'acme']])).toBe(0);
    expect(of([[3, 'acme'], [4, 'beta']])).toBe(0);
    // Per day its vendors less one: day 3 has three (2), day 5 one vendor twice (0).
    expect(of([[3, 'acme'], [3, 'beta'], [3, 'gamma'], [5, 'acme'], [5, 'acme']])).toBe(2 / 5);
    // A vendor met on another day still counts as another vendor on this one.
    expect(of([[3, 'acme'], [4, 'beta'], [4, 'acme']])).toBe(1 / 3);
  });

  it('says how two parts agree by their closest signal, and NaN when they carry none to compare', () => {
    expect(pairAgreement(part(0, '1', 'a'), part(1, '1', 'b'))).toBeNaN();
    expect(pairAgreement(part(0, '1', 'a', { project: 'p' }), part(1, '1', 'b'))).toBeNaN();
    expect(pairAgreement(part(0, '1', 'a', { tokens: [1, 2] }), part(1, '1', 'b', { tokens: [2, 3] }))).toBeCloseTo(1 / 3, 12);
    expect(pairAgreement(part(0, '1', 'a', { project: 'p' }), part(1, '1', 'b', { project: 'p' }))).toBe(1);
    expect(pairAgreement(part(0, '1', 'a', { project: 'p', categoryKey: '4523' }), part(1, '1', 'b', { project: 'q', categoryKey: '4599' }))).toBe(0.5);
  });

  it('counts the parts beyond the 8 a requirement is commonly cut into, as a share of all parts', () => {
    const t = tier('1000');
    const of = (k: number) => measure(Array.from({ length: k }, (_, i) => part(i, '150', 'acme')), new Decimal(150 * k), { tier: t, thresholds: [t], windowDays: 30, band: 0.1 }).evidence.manyParts;
    expect(of(7)).toBe(0);
    expect(of(8)).toBe(0);
    expect(of(9)).toBe(1 / 9);
    expect(of(12)).toBe(1 / 3);
    expect(of(32)).toBe(3 / 4);
  });

  it('takes one part just below a limit for no evidence: a single purchase kept under a limit is not a split', () => {
    const t = tier('1000');
    const ctx = { tier: t, thresholds: [t], windowDays: 30, band: 0.1 };
    const one = measure([part(10, '950', 'a'), part(10, '150', 'b')], new Decimal(1100), ctx);
    expect(one.evidence.justBelow).toBe(0);
    expect(one.facts.justBelow.count).toBe(1);
    expect(measure([part(10, '950', 'a'), part(11, '940', 'b')], new Decimal(1890), ctx).evidence.justBelow).toBe(1);
    expect(measure([part(10, '950', 'a'), part(11, '940', 'b'), part(12, '300', 'c'), part(13, '200', 'c')], new Decimal(2390), ctx).evidence.justBelow).toBeCloseTo(1 / 3, 12);
  });

  it('counts a part just below only under a limit in force on its date and in its scope', () => {
    const parts = [part(10, '950', 'a', { categoryKey: '3019' }), part(20, '950', 'a', { categoryKey: '3019' })];
    const crossed = tier('1000');
    const e = (thresholds: ResolvedThreshold[]) => measure(parts, new Decimal(1900), { tier: crossed, thresholds, windowDays: 30, band: 0.1 }).facts.justBelow.count;
    expect(e([tier('1000')])).toBe(2);
    expect(e([tier('1000', { toDay: 15 })])).toBe(1);
    expect(e([tier('1000', { categories: ['45'] })])).toBe(0);
    expect(e([tier('5000'), tier('1000', { fromDay: 15 })])).toBe(1);
  });

  it('keeps shares in [0, 1], counts the parts and measures the span; subjects are not applicable when no pair has a signal to compare', () => {
    const partsArb = fc
      .array(
        fc.tuple(
          fc.integer({ min: 0, max: 30 }),
          fc.integer({ min: 1, max: 99_999 }),
          fc.constantFrom('a', 'b', 'c'),
          fc.option(fc.constantFrom('3019', '4523'), { nil: undefined, freq: 2 }),
          fc.option(fc.constantFrom([1, 2], [2, 3]), { nil: undefined, freq: 2 }),
        ),
        { minLength: 2, maxLength: 12 },
      )
      .map((rows) =>
        rows
          .sort((x, y) => x[0] - y[0])
          .map(([day, cents, v, categoryKey, tokens]) => part(day, (cents / 100).toFixed(2), v, { ...(categoryKey ? { categoryKey } : {}), ...(tokens ? { tokens: [...tokens] } : {}) })),
      );
    let applicable = 0;
    fc.assert(
      fc.property(partsArb, (parts) => {
        const total = parts.reduce((s, p) => s.plus(p.value), new Decimal(0));
        const t = tier('500');
        const e = measure(parts, total, { tier: t, thresholds: [t], windowDays: 30, band: 0.1 }).evidence;
        const comparable = parts.some((p, i) => i > 0 && ((p.categoryPrefix && parts[i - 1]?.categoryPrefix) || (p.tokens.length && parts[i - 1]?.tokens.length)));
        expect(Number.isNaN(e.subjectSimilarity)).toBe(!comparable);
        if (comparable) applicable++;
        for (const share of [e.justBelow, e.sameDay, e.vendorConcentration, ...(comparable ? [e.subjectSimilarity] : []), e.roundAmounts, e.consecutiveDocuments]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
        expect(e.parts).toBe(parts.length);
        expect(e.span).toBe((parts.at(-1) as Item).day - (parts[0] as Item).day);
        expect(e.totalOverThreshold).toBeCloseTo(total.toNumber() / 500, 9);
      }),
      { numRuns: runs(200) },
    );
    expect(applicable).toBeGreaterThan(20);
  });
});

describe('lines of one document', () => {
  const t = tier('100000');
  const evidenceOf = (documents: string[]) =>
    measure(documents.map((d, i) => part(10 + i, '40000', 'amazon', { document: d })), new Decimal(40000 * documents.length), { tier: t, thresholds: [t], windowDays: 30, band: 0.1 }).evidence;

  it('does not read the line numbers of one order as consecutive invoice numbers', () => {
    // One marketplace order, 827903052, charged in three lines: one document, not three invoices.
    expect(evidenceOf(['827903052-1', '827903052-2', '827903052-3']).consecutiveDocuments).toBe(0);
    // Stage payments of one contract likewise.
    expect(evidenceOf(['ZB20231234-1', 'ZB20231234-2']).consecutiveDocuments).toBe(0);
  });

  it('still reads invoice numbers that count up as consecutive', () => {
    expect(evidenceOf(['INV-2023-0145', 'INV-2023-0146', 'INV-2023-0147']).consecutiveDocuments).toBe(1);
    expect(evidenceOf(['FP2023000145', 'FP2023000146']).consecutiveDocuments).toBe(1);
    expect(evidenceOf(['D-1', 'D-2']).consecutiveDocuments).toBe(1);
  });

  it('measures the share of parts that are lines of an order another part names', () => {
    expect(evidenceOf(['827903052-1', '827903052-2', 'FP2023000146']).documentLines).toBeCloseTo(2 / 3, 12);
    expect(evidenceOf(['INV-2023-0145', 'INV-2023-0146']).documentLines).toBe(0);
  });
});

describe('consecutiveShare', () => {
  it.each<[string, (string | undefined)[], number]>([
    ['no documents', [], 0],
    ['all missing', [undefined, undefined], 0],
    ['one consecutive pair of three', ['INV-100', 'INV-101', 'INV-105'], 2 / 3],
    ['a run of three', ['INV-7', 'INV-9', 'INV-8'], 1],
    ['different stems', ['A-1', 'B-2'], 0],
    ['different suffixes', ['INV-100a', 'INV-101b'], 0],
    ['same suffix', ['INV-100a', 'INV-101a'], 1],
    ['carry into a new digit', ['X9', 'X10'], 1],
    ['zero padding', ['2014/001', '2014/002'], 1],
    ['the same number twice', ['INV-100', 'INV-100'], 0],
    ['surrounding spaces', [' INV-7 ', 'INV-8'], 1],
    ['a missing one among them', ['D-1', undefined, 'D-2', 'D-4'], 0.5],
    ['no number at all', ['memo', 'memo'], 0],
    ['numbers beyond 2^53', ['N9007199254740993', 'N9007199254740994'], 1],
  ])('%s', (_name, docs, share) => {
    expect(consecutiveShare(docs)).toBeCloseTo(share, 12);
  });

  it('does not depend on order and stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 20 }).map((n) => `INV-${n}`), { nil: undefined }), { maxLength: 12 }), fc.integer(), (docs, k) => {
        const share = consecutiveShare(docs);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
        const rotated = docs.length ? [...docs.slice(Math.abs(k) % docs.length), ...docs.slice(0, Math.abs(k) % docs.length)] : docs;
        expect(consecutiveShare(rotated)).toBeCloseTo(share, 12);
        // Independent count.
        const nums = docs.filter((d): d is string => d !== undefined).map((d) => Number(d.slice(4)));
        const set = new Set(nums);
        const hits = nums.filter((n) => set.has(n - 1) || set.has(n + 1)).length;
        expect(share).toBeCloseTo(docs.length ? hits / docs.length : 0, 12);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('isRound', () => {
  it.each<[string, boolean]>([
    ['1000', true],
    ['591000', true],
    ['120000', true],
    ['12000.00', true],
    ['500', true],
    ['90', true],
    ['7', true],
    ['0', false],
    ['1234.5', false],
    ['12000.5', false],
    ['2450', false],
    ['999', false],
    ['1001', false],
    ['198500', false],
  ])('%s → %s', (amount, round) => {
    expect(isRound(new D(amount))).toBe(round);
  });

  it('is its definition: a whole number, not zero, a multiple of 1,000 or of at most two significant digits', () => {
    const amount = fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 17n }).map(String), fc.tuple(fc.nat({ max: 99 }), fc.nat({ max: 17 })).map(([m, z]) => `${m}${'0'.repeat(z)}`), fc.integer({ min: 0, max: 10 ** 9 }).map((c) => (c / 100).toFixed(2)));
    fc.assert(
      fc.property(amount, (text) => {
        const d = new D(text);
        expect(isRound(d)).toBe(d.isInteger() && !d.isZero() && (d.mod(1000).isZero() || d.sd(false) <= 2));
      }),
      { numRuns: runs(1000) },
    );
  });
});


describe('repeatedCount', () => {
  const d = (xs: string[]) => xs.map((x) => new Decimal(x));
  it('counts every amount another amount equals, to the cent, however it is written', () => {
    expect(repeatedCount(d(['55759.02', '21898.29', '55759.02', '21771.30', '21628.91']))).toBe(2);
    expect(repeatedCount(d(['100', '100.00', '100.0', '99.99']))).toBe(3);
    expect(repeatedCount(d(['1', '2', '3']))).toBe(0);
    expect(repeatedCount(d(['5', '5', '7', '7', '7']))).toBe(5);
    expect(repeatedCount([])).toBe(0);
  });

  it('agrees with comparing every pair', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), (cents) => {
        const amounts = cents.map((c) => new Decimal(c).div(100));
        const plain = amounts.filter((a, i) => amounts.some((b, j) => j !== i && a.eq(b))).length;
        expect(repeatedCount(amounts)).toBe(plain);
      }),
      { numRuns: runs(200) },
    );
  });

  it('is in the facts of a measurement', () => {
    const t = tier('1000');
    const parts = [part(1, '400', 'a'), part(2, '250', 'b'), part(3, '400.00', 'c')];
    expect(measure(parts, new Decimal(1050), { tier: t, thresholds: [t], windowDays: 30, band: 0.1 }).facts.repeated).toBe(2);
  });
});
