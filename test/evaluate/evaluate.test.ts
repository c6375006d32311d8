import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate, type EvaluateOptions, type EvaluatedFinding, type Truth, type SchemeTruth, type DecoyTruth } from '../../src/simulate.js';
import { isOptionsError, type OptionsError } from '../../src/errors.js';
import { runs } from '../helpers/runs.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const EPS = 1e-12;

const scheme = (id: string, kind: SchemeTruth['kind'], recordIds: string[], thresholdId = 'low', linkable = true): SchemeTruth => ({ id, kind, buyer: 'b', recordIds, thresholdId, total: '0', linkable });
const decoy = (id: string, kind: DecoyTruth['kind'], recordIds: string[]): DecoyTruth => ({ id, kind, buyer: 'b', recordIds, thresholdId: 'low' });
const truthOf = (schemes: SchemeTruth[], decoys: DecoyTruth[] = []): Truth => ({ seed: 0, thresholds: [], schemes, decoys });
const finding = (recordIds: string[], score: number, thresholdId = 'low'): EvaluatedFinding => ({ recordIds, score, threshold: { id: thresholdId } });

describe('evaluate on hand-made cases', () => {
  // Schemes: S1 sameVendor a,b,c; S2 rotatedVendors d,e; S3 sameVendor f,g,h,i (missed, unlinkable).
  // Decoys: D1 recurringService r1..r3; D2 bigVendorSmallBuys v1..v4.
  const truth = truthOf(
    [scheme('S1', 'sameVendor', ['a', 'b', 'c']), scheme('S2', 'rotatedVendors', ['d', 'e'], 'high'), scheme('S3', 'sameVendor', ['f', 'g', 'h', 'i'], 'low', false)],
    [decoy('D1', 'recurringService', ['r1', 'r2', 'r3']), decoy('D2', 'bigVendorSmallBuys', ['v1', 'v2', 'v3', 'v4'])],
  );
  const findings = [
    finding(['a', 'b', 'x1'], 0.9), // TP for S1 (2/3 of the finding), covers 2/3 of S1: recalled
    finding(['r1', 'r2'], 0.8), // FP on a recurring service
    finding(['d', 'e'], 0.7, 'high'), // TP for S2
    finding(['c', 'x2', 'x3'], 0.6), // FP: 1/3 of its parts in S1
    finding(['f', 'x4', 'x5', 'x6', 'x7'], 0.5), // FP touching S3
    finding(['v1', 'v2', 'x8'], 0.4), // FP on a big vendor
    finding(['a', 'c'], 0.3), // TP duplicate of S1
  ];
  const r = evaluate({ findings }, truth);

  it('counts true and false positives by the containment rule', () => {
    expect(r.findings).toBe(7);
    expect(r.truePositives).toBe(3);
    expect(r.falsePositives).toBe(4);
    expect(r.ranked.map((x) => x.schemeId)).toEqual(['S1', undefined, 'S2', undefined, undefined, undefined, 'S1']);
  });

  it('computes precision, recall and F1', () => {
    expect(r.precision).toBeCloseTo(3 / 7, 12);
    expect(r.recalled).toBe(2);
    expect(r.recalledIds).toEqual(['S1', 'S2']);
    expect(r.recall).toBeCloseTo(2 / 3, 12);
    expect(r.f1).toBeCloseTo((2 * (3 / 7) * (2 / 3)) / (3 / 7 + 2 / 3), 12);
  });

  it('computes both average precisions', () => {
    // TPs at ranks 1, 3, 7: precisions 1, 2/3, 3/7.
    expect(r.averagePrecision).toBeCloseTo((1 + 2 / 3 + 3 / 7) / 3, 12);
    // New schemes recalled at ranks 1 and 3 (the duplicate at 7 does not count): (1 + 2/3) / 3 schemes.
    expect(r.averagePrecisionOverSchemes).toBeCloseTo((1 + 2 / 3) / 3, 12);
  });

  it('breaks quality down by scheme kind and decoy kind', () => {
    const sv = r.bySchemeKind.sameVendor;
    expect(sv).toMatchObject({ schemes: 2, recalled: 1, recall: 0.5, truePositives: 2, falsePositives: 2 });
    expect(sv.precision).toBeCloseTo(0.5, 12);
    expect(sv.averagePrecision).toBeCloseTo((1 + 3 / 7) / 2, 12);
    expect(r.bySchemeKind.rotatedVendors).toMatchObject({ schemes: 1, recalled: 1, recall: 1, truePositives: 1, falsePositives: 0, precision: 1 });
    expect(r.bySchemeKind.rotatedVendors.averagePrecision).toBeCloseTo(2 / 3, 12);
    expect(r.bySchemeKind.fiscalYear).toMatchObject({ schemes: 0, recall: 1, truePositives: 0, precision: 1, averagePrecision: 0 });
    expect(r.byDecoyKind.recurringService).toEqual({ decoys: 1, flagged: 1, flaggedRate: 1, findings: 1, falsePositives: 1 });
    expect(r.byDecoyKind.bigVendorSmallBuys).toEqual({ decoys: 1, flagged: 1, flaggedRate: 1, findings: 1, falsePositives: 1 });
    expect(r.byDecoyKind.frameworkCallOff).toEqual({ decoys: 0, flagged: 0, flaggedRate: 0, findings: 0, falsePositives: 0 });
    expect(r.falsePositivesTouching).toMatchObject({ recurringService: 1, frameworkCallOff: 0, singleJustBelow: 0, bigVendorSmallBuys: 1, scheme: 2, background: 0 });
    expect(Object.values(r.falsePositivesTouching).reduce((a, x) => a + x, 0)).toBe(4);
  });

  it('reports recall over the linkable schemes apart', () => {
    // S3, the missed scheme, is unlinkable: the two linkable ones were both recalled.
    expect(r).toMatchObject({ linkable: 2, recalledLinkable: 2, recallLinkable: 1 });
    expect(r.bySchemeKind.sameVendor).toMatchObject({ linkable: 1, recalledLinkable: 1, recallLinkable: 1 });
    expect(r.bySchemeKind.fiscalYear).toMatchObject({ linkable: 0, recalledLinkable: 0, recallLinkable: 1 });
  });

  it('counts the false positives touching decoys among the top K findings', () => {
    // K defaults to the 3 schemes: rank 2 (the recurring service) is in, rank 6 (the big vendor) is not.
    expect(r.topK).toBe(3);
    expect(r.decoysInTopK).toMatchObject({ recurringService: 1, bigVendorSmallBuys: 0 });
    const six = evaluate({ findings }, truth, { topK: 6 });
    expect(six.decoysInTopK).toMatchObject({ recurringService: 1, bigVendorSmallBuys: 1 });
    expect(evaluate({ findings }, truth, { topK: 1 }).decoysInTopK.recurringService).toBe(0);
  });

  it('ranks by score, not by input order', () => {
    const shuffled = evaluate({ findings: [...findings].reverse() }, truth);
    expect(shuffled.averagePrecision).toBeCloseTo(r.averagePrecision, 12);
    expect(shuffled.precision).toBe(r.precision);
  });

  it('matchThreshold requires the scheme’s threshold', () => {
    const strict = evaluate({ findings: [finding(['d', 'e'], 1, 'low'), finding(['a', 'b'], 0.5, 'low')] }, truth, { matchThreshold: true });
    expect(strict.truePositives).toBe(1);
    expect(strict.recall).toBeCloseTo(1 / 3, 12);
    // The oracle's shape ({ thresholdId, recordIds }) works too.
    expect(evaluate({ findings: [{ thresholdId: 'high', recordIds: ['d', 'e'] }] }, truth, { matchThreshold: true }).truePositives).toBe(1);
  });

  it('minOverlap changes the rule', () => {
    expect(evaluate({ findings: [finding(['a', 'x1', 'x2'], 1)] }, truth).truePositives).toBe(0);
    const loose = evaluate({ findings: [finding(['a', 'x1', 'x2'], 1)] }, truth, { minOverlap: 1 / 3 });
    expect(loose.truePositives).toBe(1);
    expect(loose.recalled).toBe(1);
  });

  it('edge cases: nothing found, nothing to find', () => {
    const none = evaluate({ findings: [] }, truth);
    expect(none).toMatchObject({ precision: 1, recall: 0, f1: 0, averagePrecision: 0, averagePrecisionOverSchemes: 0 });
    const empty = evaluate({ findings: [] }, truthOf([]));
    expect(empty).toMatchObject({ precision: 1, recall: 1, f1: 1, averagePrecisionOverSchemes: 1 });
  });

  it.each<[string, unknown, (string | number)[]]>([
    ...[0, -1, 1.5, Number.NaN].map((minOverlap): [string, unknown, (string | number)[]] => [`minOverlap ${minOverlap}`, { minOverlap }, ['minOverlap']]),
    ['matchThreshold that is not a boolean', { matchThreshold: 'yes' }, ['matchThreshold']],
    ['topK 0', { topK: 0 }, ['topK']],
    ['a fractional topK', { topK: 2.5 }, ['topK']],
    ['an unknown option (a typo)', { minOverLap: 0.3 }, ['minOverLap']],
  ])('throws an OptionsError naming the option: %s', (_name, options, path) => {
    let caught: unknown;
    try { evaluate({ findings: [] }, truth, options as EvaluateOptions); } catch (e) { caught = e; }
    expect(isOptionsError(caught)).toBe(true);
    expect((caught as OptionsError).issues[0]?.path).toEqual(path);
    expect((caught as Error).message).toMatch(/^evaluate: options/u);
  });
});

describe('the doc-comment example of evaluate', () => {
  it('holds', () => {
    const r = evaluate({ findings: [{ recordIds: ['a', 'b'], score: 0.9 }] },
      { seed: 1, thresholds: [], decoys: [],
        schemes: [{ id: 'S1', kind: 'sameVendor', buyer: 'x', recordIds: ['a', 'b', 'c'], thresholdId: 't', total: '1', linkable: true }] });
    expect(r).toMatchObject({ precision: 1, recall: 1, f1: 1, averagePrecision: 1 });
  });
});

describe('evaluate properties', () => {
  // Schemes are disjoint blocks of ids; findings are random subsets of ids with random scores.
  const arb = fc.record({
    sizes: fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 6 }),
    noise: fc.integer({ min: 0, max: 10 }),
    picks: fc.array(fc.tuple(fc.uniqueArray(fc.nat(40), { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 10 }),
  });

  it(`metrics stay in [0, 1], AP over schemes ≤ recall, and perfect findings score 1 (FC_SEED=${SEED})`, () => {
    fc.assert(fc.property(arb, ({ sizes, noise, picks }) => {
      const ids: string[] = [];
      const schemes = sizes.map((n, i) => {
        const rec = Array.from({ length: n }, (_, j) => `s${i}-${j}`);
        ids.push(...rec);
        return scheme(`S${i}`, 'sameVendor', rec);
      });
      for (let i = 0; i < noise; i++) ids.push(`n${i}`);
      const truth = truthOf(schemes);
      const findings = picks.map(([p, score]) => finding([...new Set(p.map((k) => ids[k % ids.length]!))], score));
      const r = evaluate({ findings }, truth);
      for (const v of [r.precision, r.recall, r.f1, r.averagePrecision, r.averagePrecisionOverSchemes]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1 + EPS);
      }
      expect(r.averagePrecisionOverSchemes).toBeLessThanOrEqual(r.recall + EPS);
      expect(r.truePositives + r.falsePositives).toBe(findings.length);
      expect(r.recalledIds).toHaveLength(r.recalled);
      // A recalled scheme has a finding that is mostly its parts and covers half of them.
      for (const id of r.recalledIds) {
        const parts = new Set(schemes.find((s) => s.id === id)!.recordIds);
        expect(findings.some((fd) => {
          const hits = fd.recordIds.filter((x) => parts.has(x)).length;
          return hits >= fd.recordIds.length / 2 && hits >= parts.size / 2;
        })).toBe(true);
      }
      // The truth itself, as findings, is perfect.
      const perfect = evaluate({ findings: schemes.map((s, i) => finding([...s.recordIds], 1 - i / 100)) }, truth);
      expect(perfect).toMatchObject({ precision: 1, recall: 1, f1: 1, averagePrecision: 1, averagePrecisionOverSchemes: 1 });
    }), { seed: SEED, numRuns: runs(200) });
  });
});

describe('decoys in the top K', () => {
  it(`with K = every finding they are the false positives touching each decoy kind; fewer with a smaller K (FC_SEED=${SEED})`, () => {
    const kinds = ['recurringService', 'frameworkCallOff', 'perPersonTravel', 'sameDayCoincidence'] as const;
    const arb = fc.record({
      decoyKinds: fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 5 }),
      picks: fc.array(fc.tuple(fc.uniqueArray(fc.nat(30), { minLength: 1, maxLength: 4 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 12 }),
      k: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(fc.property(arb, ({ decoyKinds, picks, k }) => {
      // Ids 0–5 are one scheme; decoy i holds ids 6 + 3i … 8 + 3i; the rest is background.
      const truth = truthOf([scheme('S0', 'sameVendor', ['0', '1', '2', '3', '4', '5'])], decoyKinds.map((kind, i) => decoy(`D${i}`, kind, [0, 1, 2].map((j) => String(6 + 3 * i + j)))));
      const findings = picks.map(([ids, score]) => finding(ids.map(String), score));
      const all = evaluate({ findings }, truth, { topK: findings.length });
      const some = evaluate({ findings }, truth, { topK: k });
      for (const kind of kinds) {
        expect(all.decoysInTopK[kind]).toBe(all.falsePositivesTouching[kind]);
        expect(some.decoysInTopK[kind]).toBeLessThanOrEqual(all.decoysInTopK[kind]);
        expect(some.decoysInTopK[kind]).toBeLessThanOrEqual(k);
      }
    }), { seed: SEED, numRuns: runs(200) });
  });
});
