/**
 * Fuzzing records (issue 9): ledgers of hostile records — every field type, Dates at and past the
 * ends of the calendar, amounts with huge and tiny exponents, getters and Proxies that throw, revoked
 * Proxies, null, Unicode that vanishes or changes under NFKC, repeated ids — under valid options.
 * Whatever the ledger: nothing throws, every record is accounted for once, scores are in [0, 1],
 * findings agree with the brute-force oracle, and the output depends neither on the order of the
 * records, nor on the container they come in, nor on the time zone.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectSplits, type DetectResult } from '../../src/detect.js';
import { validateRecords } from '../../src/records/validate.js';
import { AMOUNT_BOUNDS, RATE_BOUNDS } from '../../src/_lib/decimal.js';
import { oracleDetect, sortFindings } from '../oracle.js';
import { optionsArb } from '../helpers/arbitraries.js';
import { hasInstant, hostileLedgerArb, materialize, type RecordSpec } from '../helpers/hostile.js';
import { runs } from '../helpers/runs.js';
import { inZone } from '../helpers/zones.js';

/** Zones far apart, two of which skipped a calendar day. */
const ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Apia', 'America/Los_Angeles'];

/** The invariants every result keeps, whatever the ledger. */
function checkResult(result: DetectResult, n: number): void {
  const { stats, rejects, findings } = result;
  expect(stats.input).toBe(n);
  expect(stats.accepted + stats.rejected).toBe(n);
  expect(rejects).toHaveLength(stats.rejected);
  const rejected = new Set<number>();
  for (const r of rejects) {
    expect(Number.isInteger(r.index) && r.index >= 0 && r.index < n).toBe(true);
    expect(rejected.has(r.index)).toBe(false);
    rejected.add(r.index);
    expect(r.path[0]).toBe(r.index);
    expect(typeof r.code).toBe('string');
    expect(r.message.length).toBeGreaterThan(0);
    expect(r.message.length).toBeLessThan(1000);
  }
  const used = new Set<number>();
  for (const f of findings) {
    expect(Number.isNaN(f.score)).toBe(false);
    expect(f.score).toBeGreaterThanOrEqual(0);
    expect(f.score).toBeLessThanOrEqual(1);
    expect(f.total.length).toBeLessThan(64);
    for (const p of f.parts) {
      expect(rejected.has(p.index)).toBe(false);
      expect(used.has(p.index)).toBe(false);
      used.add(p.index);
      expect(p.amount.length).toBeLessThan(64);
    }
  }
}

/** A result without what depends on where records sit in the input or on their object identity. */
function comparable(result: DetectResult, positionOf: (index: number) => number) {
  return {
    findings: result.findings.map((f) => ({ ...f, parts: f.parts.map(({ index, ...p }) => ({ ...p, at: positionOf(index) })) })),
    stats: result.stats,
    rejects: result.rejects
      .map((r) => ({ at: positionOf(r.index), field: r.field, code: r.code, ...(r.id !== undefined ? { id: r.id } : {}) }))
      .sort((a, b) => a.at - b.at),
  };
}

const ledgerAndOptions = fc.tuple(hostileLedgerArb(30), optionsArb);

describe('fuzz: hostile records', () => {
  it('never throw, and every record is accepted or rejected once, with scores in [0, 1]', () => {
    fc.assert(
      fc.property(ledgerAndOptions, ([specs, options]) => {
        checkResult(detectSplits(specs.map(materialize), options), specs.length);
        const { records, rejects } = validateRecords(specs.map(materialize));
        expect(records.length + rejects.length).toBe(specs.length);
        expect(new Set([...records.map((r) => r.index), ...rejects.map((r) => r.index)]).size).toBe(specs.length);
      }),
      { numRuns: runs(200) },
    );
  });

  it('are not vacuous: every kind of bad record is generated, and enough good ones to find splits', () => {
    // On a fixed sample, so that the counts are the same in every run.
    const codes = new Set<string>();
    let accepted = 0;
    let findings = 0;
    for (const [specs, options] of fc.sample(ledgerAndOptions, { numRuns: 150, seed: 9 })) {
      const result = detectSplits(specs.map(materialize), options);
      for (const r of result.rejects) codes.add(r.code);
      accepted += result.stats.accepted;
      findings += result.findings.length;
    }
    for (const code of ['not_an_object', 'unreadable_record', 'missing', 'invalid_type', 'empty', 'duplicate_id', 'invalid_date', 'invalid_amount', 'inexact_amount', 'amount_out_of_range', 'negative_amount', 'unknown_currency', 'no_exchange_rate']) {
      expect(codes, code).toContain(code);
    }
    expect(accepted).toBeGreaterThan(500);
    expect(findings).toBeGreaterThan(25);
  });

  it('give the findings the brute-force oracle gives', () => {
    fc.assert(
      fc.property(ledgerAndOptions, ([specs, options]) => {
        const fast = sortFindings(detectSplits(specs.map(materialize), options).findings.map((f) => ({ thresholdId: f.threshold.id, recordIds: [...f.recordIds].sort() })));
        expect(fast).toEqual(oracleDetect(specs.map(materialize), options));
      }),
      { numRuns: runs(100) },
    );
  });

  it('give the same output in any order', () => {
    const shuffled = ledgerAndOptions.chain(([specs, options]) =>
      fc.tuple(fc.constant(specs), fc.constant(options), fc.shuffledSubarray(specs.map((s, i) => [s, i] as const), { minLength: specs.length, maxLength: specs.length })),
    );
    fc.assert(
      fc.property(shuffled, ([specs, options, order]) => {
        const a = detectSplits(specs.map(materialize), options);
        const b = detectSplits(order.map(([s]) => materialize(s)), options);
        expect(comparable(b, (i) => (order[i] as readonly [RecordSpec, number])[1])).toEqual(comparable(a, (i) => i));
      }),
      { numRuns: runs(150) },
    );
  });

  it('give the same output from an array, a Set and a generator', () => {
    fc.assert(
      fc.property(ledgerAndOptions, ([specs, options]) => {
        const a = detectSplits(specs.map(materialize), options);
        // A Set holds each value once: two null (or otherwise equal primitive) entries become one.
        const set = new Set(specs.map(materialize));
        const fromSet = detectSplits(set, options);
        const fromGenerator = detectSplits(
          (function* () {
            for (const s of specs) yield materialize(s);
          })(),
          options,
        );
        expect(comparable(fromSet, (i) => i)).toEqual(comparable(detectSplits([...set], options), (i) => i));
        expect(comparable(fromGenerator, (i) => i)).toEqual(comparable(a, (i) => i));
      }),
      { numRuns: runs(50) },
    );
  });

  it('give the same output in every time zone (string dates, and Dates made from local fields in the zone)', () => {
    fc.assert(
      fc.property(ledgerAndOptions, ([specs, options]) => {
        // A Date at a UTC instant is read by its local fields: a different day in another zone, by design.
        const ledger = specs.filter((s) => !hasInstant(s));
        const results = ZONES.map((tz) => inZone(tz, () => comparable(detectSplits(ledger.map(materialize), options), (i) => i)));
        for (const [i, r] of results.entries()) expect(r, ZONES[i]).toEqual(results[0]);
      }),
      { numRuns: runs(60) },
    );
  });
});

describe('fuzz: totals at the bounds', () => {
  /** `k × 10^-places` as plain decimal text. */
  const plain = (k: bigint, places: number) => {
    const digits = k.toString().padStart(places + 1, '0');
    return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  };
  /** A decimal text (no exponent) as a count of 10^-places units. */
  const units = (text: string, places: number) => {
    const [int = '', frac = ''] = text.split('.');
    if (frac.length > places) throw new Error(`${text} has more than ${places} places`);
    return BigInt(int + frac.padEnd(places, '0'));
  };

  const A = AMOUNT_BOUNDS.places;
  const R = RATE_BOUNDS.places;
  const MAX_AMOUNT = 10n ** BigInt(AMOUNT_BOUNDS.digits + A) - 1n;
  const MAX_RATE = 10n ** BigInt(RATE_BOUNDS.digits + R) - 1n;

  it('every finding total equals the BigInt sum of its parts converted at the bounds', () => {
    // A limit near 10^18 CNY; parts in CNY, and in USD at a rate with 12 decimal places, each under it.
    const caseArb = fc
      .record({
        limit: fc.bigInt({ min: MAX_AMOUNT / 2n, max: MAX_AMOUNT }),
        rate: fc.oneof(fc.constant(MAX_RATE), fc.constant(1n), fc.bigInt({ min: 1n, max: MAX_RATE })),
        shares: fc.array(fc.tuple(fc.integer({ min: 20, max: 99 }), fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 10n })), { minLength: 2, maxLength: 8 }),
      })
      .map(({ limit, rate, shares }) => ({
        limit,
        rate,
        parts: shares.map(([pct, usd, jitter], i) => {
          // pct % of the limit, in amount units, converted back to USD units where it fits.
          const cny = (limit * BigInt(pct)) / 100n - jitter;
          const amount = usd ? (cny * 10n ** BigInt(R)) / rate : cny;
          return { id: `P${i}`, usd: usd && amount > 0n && amount <= MAX_AMOUNT, amount: usd && amount > 0n && amount <= MAX_AMOUNT ? amount : cny };
        }),
      }));
    let findings = 0;
    fc.assert(
      fc.property(caseArb, ({ limit, rate, parts }) => {
        const records = parts.map((p) => ({ id: p.id, buyer: 'B', vendor: 'V', date: '2014-11-03', amount: plain(p.amount, A), currency: p.usd ? 'USD' : 'CNY', subject: 'road signs' }));
        const result = detectSplits(records, {
          thresholds: [{ id: 'limit', amount: plain(limit, A), currency: 'CNY', procedure: 'tender' }],
          rates: { USD: plain(rate, R) },
          minScore: 0,
          minPartShare: 0,
          window: { days: 1 },
        });
        expect(result.rejects).toEqual([]);
        const byId = new Map(parts.map((p) => [p.id, p]));
        for (const f of result.findings) {
          findings++;
          let sum = 0n;
          for (const id of f.recordIds) {
            const p = byId.get(id) as (typeof parts)[number];
            // In 10^-(A + R) units: CNY amounts times 10^R, USD amounts times the rate.
            sum += p.usd ? p.amount * rate : p.amount * 10n ** BigInt(R);
          }
          expect(units(f.total, A + R)).toBe(sum);
          expect(sum >= limit * 10n ** BigInt(R)).toBe(true);
        }
      }),
      { numRuns: runs(200) },
    );
    expect(findings).toBeGreaterThan(50);
  });
});
