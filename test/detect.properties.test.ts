/**
 * Properties of detectSplits that hold for every ledger and every option set, checked against
 * independent computations (integer arithmetic, date-fns calendars, the oracle's link predicate).
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { getISOWeek, getISOWeekYear, getMonth, getQuarter, getYear, subMonths } from 'date-fns';
import { detectSplits, type DetectResult } from '../src/detect.js';
import { DEFAULT_SKIP_METHODS, type DetectSplitsOptions } from '../src/options/options.js';
import { REASON_CODES } from '../src/options/reasons.js';
import { resolveOptions } from '../src/options/resolve.js';
import { categoryKey, normalizeText, vendorKey } from '../src/records/normalize.js';
import { validateRecords } from '../src/records/validate.js';
import { fingerprint } from '../src/report/fingerprint.js';
import type { PurchaseRecordInput } from '../src/records/record.js';
import type { WindowOption } from '../src/options/policy.js';
import type { Finding } from '../src/report/finding.js';
import { eligibleFor, linked, oracleRecords, type OracleRecord } from './oracle.js';
import { CATEGORIES, METHODS, PROJECTS, SUBJECTS, ledgerArb, optionsArb } from './helpers/arbitraries.js';
import { runs } from './helpers/runs.js';
import { inZone } from './helpers/zones.js';

// ----- Independent helpers ------------------------------------------------------------------------

/** A non-negative decimal string as an integer count of 10^-places units (throws if it has more). */
function units(s: string, places: number): bigint {
  const m = /^(\d+)(?:\.(\d*))?$/u.exec(s.trim());
  if (!m) throw new Error(`not a plain decimal: ${s}`);
  const frac = m[2] ?? '';
  if (frac.length > places && !/^0*$/u.test(frac.slice(places))) throw new Error(`${s} has more than ${places} decimals`);
  return BigInt((m[1] as string) + frac.slice(0, places).padEnd(places, '0'));
}

/** Rates of the generator: USD at 6.25 CNY, i.e. 625 hundredths. */
const RATE_HUNDREDTHS: Record<string, bigint> = { CNY: 100n, USD: 625n };

/** A record's amount in the report currency (CNY), in 1e-4 units: cents × rate in hundredths. */
function convertedUnits(r: PurchaseRecordInput): bigint {
  const rate = RATE_HUNDREDTHS[r.currency];
  if (rate === undefined) throw new Error(`no rate for ${r.currency}`);
  return units(String(r.amount), 2) * rate;
}

/**
 * Whether a record of `v` (1e-4 CNY units) lies within the band under a threshold lower than `tier`
 * that is in force on its date and whose scope holds its category.
 */
function justUnderLower(options: DetectSplitsOptions, tier: DetectSplitsOptions['thresholds'][number], r: PurchaseRecordInput, v: bigint): boolean {
  const bandPct = BigInt(Math.round((options.band ?? 0.1) * 100));
  const cat = r.category === undefined ? undefined : categoryKey(r.category);
  const date = String(r.date);
  return options.thresholds.some((u) => {
    const limit = units(String(u.amount), 4);
    if (!(limit < units(String(tier.amount), 4))) return false;
    if ((u.validFrom !== undefined && date < u.validFrom) || (u.validTo !== undefined && date > u.validTo)) return false;
    if (u.categories && !(cat !== undefined && u.categories.some((c) => cat.startsWith(categoryKey(c))))) return false;
    if (u.excludeCategories && cat !== undefined && u.excludeCategories.some((c) => cat.startsWith(categoryKey(c)))) return false;
    const below = (u.comparison ?? 'atOrAbove') === 'above' ? v <= limit : v < limit;
    return below && v * 100n >= (100n - bandPct) * limit;
  });
}

/** Day number of a YYYY-MM-DD, by plain UTC arithmetic. */
const dayNo = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Name of the calendar period a date falls in, computed with date-fns on a local Date. */
function periodName(window: Exclude<WindowOption, { days: number }>, iso: string): string {
  const date = new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  switch (window.period) {
    case 'day':
      return iso;
    case 'week':
      return `${getISOWeekYear(date)}-W${getISOWeek(date)}`;
    case 'month':
      return `${getYear(date)}-${getMonth(date)}`;
    case 'quarter':
      return `${getYear(date)}-Q${getQuarter(date)}`;
    case 'year':
      return String(getYear(date));
    case 'fiscalYear':
      // The fiscal year starting in month m is named by the calendar year it starts in.
      return `FY${getYear(subMonths(date, window.fiscalYearStart - 1))}`;
  }
}

/** True when all the dates fit in one window of the option. */
function fitsWindow(window: WindowOption, isos: readonly string[]): boolean {
  if ('days' in window) {
    const days = isos.map(dayNo);
    return Math.max(...days) - Math.min(...days) <= window.days - 1;
  }
  return new Set(isos.map((d) => periodName(window, d))).size === 1;
}

const SKIP = new Set(DEFAULT_SKIP_METHODS.map(normalizeText));

const withoutIndex = (fs: readonly Finding[]) => fs.map((f) => ({ ...f, parts: f.parts.map(({ index: _index, ...p }) => p) }));

/**
 * Small dense ledgers (≤ 10 records, ≤ 11 days, mostly one buyer and one requirement, few skipped methods, amounts mostly under the
 * 1,000 and 2,500 limits) starting just before a boundary: a validity date of the generator's
 * thresholds (20 Jan, 14/15 Feb, 10 Mar 2014) or a month / quarter end.
 */
const denseLedgerArb: fc.Arbitrary<PurchaseRecordInput[]> = fc
  .tuple(
    fc.constantFrom(Date.UTC(2014, 0, 15), Date.UTC(2014, 1, 10), Date.UTC(2014, 2, 6), Date.UTC(2014, 2, 27)),
    fc.array(
      fc.record({
        buyer: fc.constantFrom('City Hall', 'city  hall', 'City Hall', 'Water Board'),
        vendor: fc.constantFrom('Acme Ltd', 'ACME LIMITED', 'Beta GmbH'),
        day: fc.integer({ min: 0, max: 10 }),
        amount: fc.oneof(fc.constantFrom('999.99', '1000', '500', '400.01', '100', '2499.99', '1250'), fc.integer({ min: 5_000, max: 99_999 }).map((c) => (c / 100).toFixed(2))),
        usd: fc.integer({ min: 0, max: 5 }),
        // Mostly one requirement (road signs), so that many subsets link.
        subject: fc.option(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('road direction signs', 'direction signs for roads', '道路指示标牌') }, fc.constantFrom(...SUBJECTS)), { nil: undefined }),
        category: fc.option(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('45233', '45233130', '4523') }, fc.constantFrom(...CATEGORIES)), { nil: undefined }),
        project: fc.option(fc.constantFrom(...PROJECTS), { nil: undefined, freq: 2 }),
        method: fc.option(fc.constantFrom(...METHODS), { nil: undefined, freq: 2 }),
        exempt: fc.integer({ min: 0, max: 9 }),
      }),
      { maxLength: 10 },
    ),
  )
  .map(([start, rows]) =>
    rows.map((r, i) => {
      const rec: PurchaseRecordInput = {
        id: `R${i}`,
        buyer: r.buyer,
        vendor: r.vendor,
        date: new Date(start + r.day * 86_400_000).toISOString().slice(0, 10),
        // One in six in USD: the same amount in dollars (6.25 CNY each) divided back by 6.25 where exact.
        ...(r.usd === 0 ? { amount: (Number(r.amount) / 6.25).toFixed(2), currency: 'USD' } : { amount: r.amount, currency: 'CNY' }),
      };
      if (r.subject !== undefined) rec.subject = r.subject;
      if (r.category !== undefined) rec.category = r.category;
      if (r.project !== undefined) rec.project = r.project;
      if (r.method !== undefined) rec.method = r.method;
      if (r.exempt === 0) rec.exemption = 'approved';
      return rec;
    }),
  );

/**
 * Small ledgers where a more serious threshold's finding takes records that link the lesser
 * threshold's parts: one buyer, one week; subjects that chain (signs — signs and lighting —
 * lighting); under the 1,000 and 2,500 limits with parts of at least a quarter of each, purchases
 * of 625–999 (parts of both), 250–624 (parts of the lower only) and a few others.
 */
const crossTierArb: fc.Arbitrary<[PurchaseRecordInput[], DetectSplitsOptions]> = fc
  .tuple(
    fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 6 }),
        amount: fc.oneof(fc.integer({ min: 625, max: 999 }), fc.integer({ min: 250, max: 624 }), fc.integer({ min: 100, max: 1200 })),
        subject: fc.constantFrom('road direction signs', 'road direction signs lighting', 'signs lighting', 'street lighting poles'),
        vendor: fc.constantFrom('Sign Co', 'Glow Co', 'Lamp Co'),
      }),
      { minLength: 3, maxLength: 9 },
    ),
    fc.record({ days: fc.constantFrom(3, 7, 30), linkSameVendor: fc.boolean(), minParts: fc.constantFrom(2, 3) }),
  )
  .map(([rows, o]) => [
    rows.map((r, i) => ({ id: `T${i}`, buyer: 'Zone Admin', vendor: r.vendor, date: `2014-11-${String(3 + r.day).padStart(2, '0')}`, amount: String(r.amount), currency: 'CNY', subject: r.subject })),
    {
      thresholds: [
        { id: 'low', amount: '1000', currency: 'CNY', procedure: 'quotation' },
        { id: 'high', amount: '2500', currency: 'CNY', procedure: 'tender' },
      ],
      window: { days: o.days },
      subject: { minSimilarity: 0.3 },
      linkSameVendor: o.linkSameVendor,
      minParts: o.minParts,
      minPartShare: 0.25,
      minScore: 0,
    },
  ]);

/**
 * b (and the d's, all from one vendor) link to a (road signs) and to c (sign lighting); a and c share
 * too little (Jaccard 1/4). Parts of the public tender limit must be a quarter of it, so only b and
 * the d's are: together they reach it. a and c reach only the lower limit, and are one cluster of it
 * only through b, which the public tender's finding took.
 */
const THROUGH_TAKEN: [PurchaseRecordInput[], DetectSplitsOptions] = (() => {
  const rec = (id: string, date: string, amount: string, subject: string, vendor: string) => ({ id, buyer: 'Zone Admin', vendor, date, amount, currency: 'CNY', subject });
  return [
    [
      rec('a', '2014-11-03', '180000', 'road direction signs', 'Sign Co'),
      rec('b', '2014-11-04', '260000', 'road direction signs lighting', 'Glow Co'),
      rec('c', '2014-11-05', '150000', 'signs lighting', 'Lamp Co'),
      rec('d1', '2014-11-06', '290000', 'road direction signs lighting', 'Glow Co'),
      rec('d2', '2014-11-07', '290000', 'road direction signs lighting', 'Glow Co'),
      rec('d3', '2014-11-08', '290000', 'road direction signs lighting', 'Glow Co'),
    ],
    {
      thresholds: [
        { id: 'decent', amount: '300000', currency: 'CNY', procedure: 'decentralised procurement' },
        { id: 'open', amount: '1000000', currency: 'CNY', procedure: 'public tender' },
      ],
      window: { days: 30 },
      subject: { minSimilarity: 0.3 },
      minPartShare: 0.25,
      minScore: 0,
    },
  ];
})();

/** A ledger and a permutation of it. */
const ledgerAndShuffle = (max: number) =>
  ledgerArb(max).chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })));

// ----- Properties ---------------------------------------------------------------------------------

describe('detectSplits properties', () => {
  it('does not depend on input order (findings, rejects and stats)', () => {
    fc.assert(
      fc.property(ledgerAndShuffle(40), optionsArb, ([records, shuffled], options) => {
        const a = detectSplits(records, options);
        const b = detectSplits(shuffled, options);
        expect(withoutIndex(b.findings)).toEqual(withoutIndex(a.findings));
        expect(b.stats).toEqual(a.stats);
        expect(b.rejects.length).toBe(a.rejects.length);
        // Indexes still point at the right input records.
        for (const f of b.findings) for (const p of f.parts) expect(shuffled[p.index]?.id).toBe(p.id);
      }),
      { numRuns: runs(150) },
    );
  });

  it('takes its runs whatever the score weights: `weights` orders findings, `RUN_WEIGHTS` chooses their parts', () => {
    const weightArb = fc.dictionary(fc.constantFrom(...REASON_CODES), fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })));
    const runsOf = (r: DetectResult) => r.findings.map((f) => `${f.threshold.id}:${f.recordIds.join(',')}`).sort();
    fc.assert(
      fc.property(ledgerArb(40), optionsArb, weightArb, (records, options, weights) => {
        const plain = detectSplits(records, { ...options, minScore: 0 });
        const weighted = detectSplits(records, { ...options, minScore: 0, weights });
        expect(runsOf(weighted)).toEqual(runsOf(plain));
        expect(weighted.stats.largeRuns).toEqual(plain.stats.largeRuns);
      }),
      { numRuns: runs(100) },
    );
  });

  it('reports exact totals: each total is the integer sum of its parts converted by hand', () => {
    let parts = 0;
    fc.assert(
      fc.property(ledgerArb(60), optionsArb, (records, options) => {
        const byId = new Map(records.map((r) => [String(r.id), r]));
        for (const f of detectSplits(records, options).findings) {
          let sum = 0n;
          for (const p of f.parts) {
            const rec = byId.get(p.id);
            if (!rec) throw new Error(`unknown part ${p.id}`);
            const v = convertedUnits(rec);
            expect(units(p.converted, 4)).toBe(v);
            expect(units(p.amount, 2)).toBe(units(String(rec.amount), 2));
            expect(p.currency).toBe(rec.currency);
            sum += v;
            parts++;
          }
          expect(units(f.total, 4)).toBe(sum);
          expect(f.total).toMatch(/^\d+\.\d{2,4}$/u);
          expect(f.currency).toBe('CNY');
        }
      }),
      { numRuns: runs(200) },
    );
    // Not vacuous (typically a few hundred parts).
    expect(parts).toBeGreaterThan(60);
  });

  it('keeps every finding and large run invariant', () => {
    // A busy stretch: 8–20 purchases of one requirement over three days, at 150–400 of a 1,000 limit,
    // no two of one amount, no project: under maxParts 3 a window of them proposes nothing it
    // could take (one vendor's more than 3, no amount repeated, no project), so it is a large run.
    const busy: fc.Arbitrary<PurchaseRecordInput[]> = fc.array(fc.integer({ min: 15_001, max: 39_999 }), { minLength: 8, maxLength: 20 }).map((cents) =>
      [...new Set(cents)].map((c, i) => ({ id: `B${i}`, buyer: 'City Hall', vendor: i % 2 ? 'Acme Ltd' : 'Beta GmbH', date: `2014-01-1${i % 3}`, amount: (c / 100).toFixed(2), currency: 'CNY', subject: 'road direction signs', category: '45233130' })),
    );
    let findings = 0;
    let largeRuns = 0;
    fc.assert(
      // Half the cases with at most 3 parts a run: windows over maxParts then occur often, and what
      // their main vendors' runs leave of them is a large run; a third of the cases a busy stretch
      // (above), where such windows are the rule.
      fc.property(fc.oneof(fc.tuple(ledgerArb(60), fc.oneof(optionsArb, optionsArb.map((o) => ({ ...o, maxParts: 3 })))), fc.tuple(busy, optionsArb.map((o) => ({ ...o, maxParts: 3 })))), ([records, options]) => {
        const result = detectSplits(records, options);
        const byId = new Map(records.map((r) => [String(r.id), r]));
        const tiers = new Map(options.thresholds.map((t) => [t.id, t]));
        const window = options.window as WindowOption;
        const minParts = options.minParts ?? 2;
        const sharePct = BigInt(Math.round((options.minPartShare ?? 0.1) * 100));
        const used = new Set<string>();

        expect(result.rejects).toEqual([]);
        expect(result.stats.findings).toBe(result.findings.length);
        result.findings.forEach((f, i) => {
          findings++;
          const tier = tiers.get(f.threshold.id);
          if (!tier) throw new Error(`unknown threshold ${f.threshold.id}`);
          const limit = units(String(tier.amount), 4);
          const above = (tier.comparison ?? 'atOrAbove') === 'above';
          const recs = f.recordIds.map((id) => {
            const r = byId.get(id);
            if (!r) throw new Error(`unknown record ${id}`);
            return r;
          });
          expect(f.parts.map((p) => p.id)).toEqual(f.recordIds);
          expect(f.recordIds.length).toBeGreaterThanOrEqual(minParts);
          // maxParts is the most parts a finding may have: a core extended past it proposes nothing.
          expect(f.recordIds.length).toBeLessThanOrEqual(options.maxParts ?? 50);

          // Each part stays below the limit and is at least minPartShare of it; the total crosses it.
          let total = 0n;
          for (const r of recs) {
            const v = convertedUnits(r);
            total += v;
            if (above) expect(v <= limit).toBe(true);
            else expect(v < limit).toBe(true);
            // (Smaller only when within the band under a lower limit in force on its date and in its scope.)
            expect(v * 100n >= sharePct * limit || justUnderLower(options, tier, r, v)).toBe(true);
            // Skipped methods and exemptions are never parts.
            expect(r.exemption).toBeUndefined();
            if (r.method !== undefined) expect(SKIP.has(normalizeText(r.method))).toBe(false);
            // In the threshold's scope.
            const cat = r.category === undefined ? undefined : categoryKey(r.category);
            if (tier.categories) expect(cat !== undefined && tier.categories.some((c) => cat.startsWith(categoryKey(c)))).toBe(true);
            if (tier.excludeCategories && cat !== undefined) expect(tier.excludeCategories.some((c) => cat.startsWith(categoryKey(c)))).toBe(false);
            // Never before the threshold came into force.
            if (tier.validFrom) expect(String(r.date) >= tier.validFrom).toBe(true);
          }
          // The total crosses by the threshold's cumulative comparison (its own comparison unless it words the total apart).
          expect((tier.cumulative ?? tier.comparison ?? 'atOrAbove') === 'above' ? total > limit : total >= limit).toBe(true);

          // Dates: sorted by (date, id), fit one window, first within the validity.
          const dates = recs.map((r) => String(r.date));
          for (let k = 1; k < recs.length; k++) {
            const prev = [dates[k - 1] as string, f.recordIds[k - 1] as string] as const;
            const cur = [dates[k] as string, f.recordIds[k] as string] as const;
            expect(prev[0] < cur[0] || (prev[0] === cur[0] && prev[1] < cur[1])).toBe(true);
          }
          expect(f.parts.map((p) => p.date)).toEqual(dates);
          expect(f.start).toBe(dates[0]);
          expect(f.end).toBe(dates[dates.length - 1]);
          expect(f.spanDays).toBe(dayNo(f.end) - dayNo(f.start));
          expect(fitsWindow(window, dates)).toBe(true);
          if ('days' in window) expect(f.spanDays).toBeLessThanOrEqual(window.days - 1);
          if (tier.validFrom) expect(f.start >= tier.validFrom).toBe(true);
          if (tier.validTo) expect(f.start <= tier.validTo).toBe(true);

          // One buyer; one vendor when the rule says so.
          expect(new Set(recs.map((r) => normalizeText(r.buyer))).size).toBe(1);
          if (options.vendor === 'same') expect(new Set(recs.map((r) => vendorKey(r.vendor))).size).toBe(1);
          // The vendors as the reasons count them: a name per vendor key (first spelling), a placeholder per part.
          const placeholders = resolveOptions(options).placeholderVendors;
          const named = new Map<string, string>();
          recs.forEach((r, i) => {
            const key = placeholders.has(vendorKey(r.vendor)) ? `placeholder ${i}` : vendorKey(r.vendor);
            if (!named.has(key)) named.set(key, r.vendor);
          });
          expect(f.vendors).toEqual([...named.values()]);

          // Disjoint, scored in [0, 1], sorted by score.
          for (const id of f.recordIds) {
            expect(used.has(id)).toBe(false);
            used.add(id);
          }
          expect(f.score).toBeGreaterThanOrEqual(0);
          expect(f.score).toBeLessThanOrEqual(1);
          const next = result.findings[i + 1];
          if (next) expect(f.score).toBeGreaterThanOrEqual(next.score);
        });
        const perTier: Record<string, number> = {};
        for (const t of options.thresholds) perTier[t.id] = result.findings.filter((f) => f.threshold.id === t.id).length;
        expect(result.stats.findingsByThreshold).toEqual(perTier);

        // Large runs: more than maxParts parts crossing a threshold, the first maxParts listed, in
        // date order, one buyer, disjoint from the findings and from each other.
        const maxParts = options.maxParts ?? 50;
        for (const l of result.stats.largeRuns) {
          largeRuns++;
          const tier = tiers.get(l.threshold.id);
          if (!tier) throw new Error(`unknown threshold ${l.threshold.id}`);
          expect(l.parts).toBeGreaterThan(maxParts);
          expect(l.recordIds).toHaveLength(maxParts);
          const recs = l.recordIds.map((id) => byId.get(id) as PurchaseRecordInput);
          const dates = recs.map((r) => String(r.date));
          expect([...dates].sort()).toEqual(dates);
          expect(l.start).toBe(dates[0]);
          expect(l.end >= (dates[dates.length - 1] as string)).toBe(true);
          expect(fitsWindow(window, [l.start, l.end])).toBe(true);
          expect(new Set(recs.map((r) => normalizeText(r.buyer))).size).toBe(1);
          const limit = units(String(tier.amount), 4);
          const total = units(l.total, 4);
          expect((tier.cumulative ?? tier.comparison ?? 'atOrAbove') === 'above' ? total > limit : total >= limit).toBe(true);
          for (const id of l.recordIds) {
            expect(used.has(id)).toBe(false);
            used.add(id);
          }
        }
      }),
      { numRuns: runs(250) },
    );
    // Not vacuous (35–77 findings and 54–76 large runs over FC_SEED 1–8; before the busy stretches,
    // as few as 2 large runs on some seeds).
    expect(findings).toBeGreaterThan(20);
    expect(largeRuns).toBeGreaterThan(20);
  });

  it('covers every crossing set: candidate parts of one cluster that fit one window and cross a threshold overlap a finding', () => {
    let checked = 0;
    let throughOthers = 0;
    let throughTaken = 0;
    fc.assert(
      // The default maxParts: no window of these small ledgers is a large run.
      fc.property(fc.oneof(fc.tuple(fc.oneof(ledgerArb(10), denseLedgerArb), optionsArb.map((o) => ({ ...o, maxParts: undefined }))), crossTierArb), ([records, options]) => {
        const o = resolveOptions(options);
        const all = oracleRecords(records, o);
        const n = all.length;
        const { findings } = detectSplits(records, options);
        const found = new Set(findings.flatMap((f) => f.recordIds));
        const window = options.window as WindowOption;
        // Link matrix as bitmasks.
        const adj = all.map((a, i) => all.reduce((m, b, j) => (i !== j && linked(o, a, b) ? m | (1 << j) : m), 0));
        /** The records of `within` reached from `from` through links inside `within`. */
        const reach = (from: number, within: number): number => {
          let reached = from;
          let frontier = from;
          while (frontier) {
            const i = 31 - Math.clz32(frontier & -frontier);
            frontier &= frontier - 1;
            const nextBits = (adj[i] as number) & within & ~reached;
            reached |= nextBits;
            frontier |= nextBits;
          }
          return reached;
        };
        o.thresholds.forEach((t, rank) => {
          // The threshold's candidate parts, whatever more serious thresholds found: they make its clusters.
          let eligible = 0;
          all.forEach((r, i) => {
            if (eligibleFor(o, t, r)) eligible |= 1 << i;
          });
          // Those a more serious threshold's findings took.
          const moreSerious = new Set(o.thresholds.slice(0, rank).map((x) => x.threshold.id));
          const takenIds = new Set(findings.filter((f) => moreSerious.has(f.threshold.id)).flatMap((f) => f.recordIds));
          let taken = 0;
          all.forEach((r, i) => {
            if (takenIds.has(r.rec.id)) taken |= 1 << i;
          });
          // Every non-empty submask of the eligible set.
          for (let s = eligible; s > 0; s = (s - 1) & eligible) {
            const members: OracleRecord[] = [];
            for (let i = 0; i < n; i++) if (s & (1 << i)) members.push(all[i] as OracleRecord);
            if (members.length < o.minParts) continue;
            const days = members.map((r) => r.rec.day);
            const first = Math.min(...days);
            if (first < t.fromDay || first > t.toDay) continue;
            if (!fitsWindow(window, members.map((r) => r.rec.date))) continue;
            const total = members.reduce((sum, r) => sum.plus(r.value), new Decimal(0));
            if (!(t.cumulative === 'above' ? total.gt(t.value) : total.gte(t.value))) continue;
            // In one cluster: connected through any candidate parts of the threshold.
            if ((reach(s & -s, eligible) & s) !== s) continue;
            checked++;
            if (reach(s & -s, s) !== s) throughOthers++;
            if ((s & taken) === 0 && (reach(s & -s, eligible & ~taken) & s) !== s) throughTaken++;
            const overlaps = members.some((r) => found.has(r.rec.id));
            if (!overlaps) {
              throw new Error(`threshold ${t.threshold.id}: set {${members.map((r) => r.rec.id).join(', ')}} crosses it, lies in one cluster and fits one window, but no finding holds any of its records`);
            }
          }
        });
      }),
      // THROUGH_TAKEN first: a set linked only through a record a more serious threshold took is in
      // about 1.4% of the random cases, so 500 of them held none on about 1 seed in 370 (FC_SEED=90,
      // 220, 1142, 1447 of 0–1499), and the last expectation below failed on a correct detector.
      { numRuns: runs(500), examples: [[THROUGH_TAKEN]] },
    );
    // Not vacuous: crossing sets were checked, some of them linked only through records outside them,
    // some only through records a more serious threshold took (always THROUGH_TAKEN's a + c).
    expect(checked).toBeGreaterThan(25);
    expect(throughOthers).toBeGreaterThan(5);
    expect(throughTaken).toBeGreaterThan(0);
  });

  it('links a lesser threshold\'s parts through a record a more serious threshold took (a + c, linked only through b)', () => {
    const [records, options] = THROUGH_TAKEN;
    const { findings } = detectSplits(records, options);
    expect(findings.map((f) => [f.threshold.id, [...f.recordIds].sort()]).sort()).toEqual([['decent', ['a', 'c']], ['open', ['b', 'd1', 'd2', 'd3']]]);
  });

  it('leaves the parts of a run it does not report to the thresholds that follow', () => {
    // A requirement cut under two limits: a and b (servers, storage) under the lower one, c (software)
    // beside them. All three cross the higher limit but vary in size; a and b alone cross the lower
    // one as nearly equal parts. With minScore between the two runs' scores, the higher run is left
    // out and must not keep a and b from the lower one.
    const rec = (id: string, date: string, amount: string, category: string) => ({ id, buyer: 'IT Office', vendor: `Vendor ${id}`, date, amount, currency: 'GBP', category, project: 'IT build 2024' });
    const records = [rec('a', '2024-09-05', '24350.67', '48820000'), rec('b', '2024-09-08', '21338.42', '48821000'), rec('c', '2024-09-09', '99487.02', '48000000')];
    const low = { id: 'quotes', amount: '25000', currency: 'GBP', procedure: 'three quotes' };
    const high = { id: 'tender', amount: '138760', currency: 'GBP', procedure: 'open tender' };
    const both = detectSplits(records, { thresholds: [low, high], minScore: 0 }).findings;
    expect(both.map((f) => [f.threshold.id, [...f.recordIds].sort()])).toEqual([['tender', ['a', 'b', 'c']]]);
    const lowAlone = detectSplits(records, { thresholds: [low], minScore: 0 }).findings;
    expect(lowAlone.map((f) => [...f.recordIds].sort())).toEqual([['a', 'b']]);
    const [sHigh, sLow] = [(both[0] as Finding).score, (lowAlone[0] as Finding).score];
    expect(sLow).toBeGreaterThan(sHigh);
    const between = detectSplits(records, { thresholds: [low, high], minScore: (sHigh + sLow) / 2 });
    expect(between.findings.map((f) => [f.threshold.id, [...f.recordIds].sort()])).toEqual([['quotes', ['a', 'b']]]);
    expect(between.stats.belowMinScore).toBe(1);
  });

  it('is deterministic, and finding ids are fingerprints of the threshold and record ids', () => {
    fc.assert(
      fc.property(ledgerArb(40), optionsArb, (records, options) => {
        const a = detectSplits(records, options);
        const b = detectSplits(records, options);
        expect(b).toEqual(a);
        for (const f of a.findings) {
          expect(f.id).toBe(fingerprint(f.threshold.id, f.recordIds));
          expect(f.id).toBe(fingerprint(f.threshold.id, [...f.recordIds].reverse()));
        }
        expect(new Set(a.findings.map((f) => f.id)).size).toBe(a.findings.length);
      }),
      { numRuns: runs(100) },
    );
  });
});

// ----- Time zones ---------------------------------------------------------------------------------

const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'] as const;

const savedTz = process.env['TZ'];
afterEach(() => {
  if (savedTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedTz;
});


/**
 * B1: three parts at the end of October / start of November 2014 (Mon 27 Oct – Sun 2 Nov is one ISO
 * week; 2 Nov is the DST change in Los Angeles) and one later in November. A3's date is a timestamp
 * whose UTC instant is on 2 November but which spells 1 November.
 * B2: two parts on Tue 31 March 2015 and one on Wed 1 April (one ISO week, two months, two fiscal
 * years starting in April).
 */
const TZ_LEDGER: PurchaseRecordInput[] = [
  { id: 'A1', buyer: 'B1', vendor: 'Sign Co', date: '2014-10-30', amount: '400', currency: 'CNY', category: 'B0701', subject: 'road signs' },
  { id: 'A2', buyer: 'B1', vendor: 'Light Co', date: '2014-10-31', amount: '400', currency: 'CNY', category: 'B0701', subject: 'road signs' },
  { id: 'A3', buyer: 'B1', vendor: 'Sign Co', date: '2014-11-01T23:30:00-08:00', amount: '400', currency: 'CNY', category: 'B0701', subject: 'road signs' },
  { id: 'A4', buyer: 'B1', vendor: 'Font Co', date: '2014-11-20', amount: '700', currency: 'CNY', category: 'B0701', subject: 'road signs' },
  { id: 'D1', buyer: 'B2', vendor: 'Desk Co', date: '2015-03-31', amount: '600', currency: 'CNY', category: 'B0701', subject: 'road signs' },
  { id: 'D2', buyer: 'B2', vendor: 'Desk Co', date: '2015-03-31', amount: '500', currency: 'CNY', category: 'B0701', subject: 'road signs' },
  { id: 'D3', buyer: 'B2', vendor: 'Desk Co', date: '2015-04-01', amount: '600', currency: 'CNY', category: 'B0701', subject: 'road signs' },
];

/**
 * Worked by hand under the run rule (README "How detection works", runs). In B2, D1 + D2 (the same
 * day), D1 + D3 and D2 + D3 (a day apart) each reach 1,000, and D1 + D3 grows into D1 + D2 + D3
 * (D2 is alike and within its days). Too few records for the buyer measures, no document numbers:
 * by the default weights that apply (13.25 in all) D1 + D2 scores 7.35 / 13.25 = 0.55 (one day, one
 * vendor, subjects alike, equal round amounts, 1.1 times the limit) in any window; D1 + D2 + D3
 * (three parts, a day's span, 1.7 times the limit) 7.74 / 13.25 = 0.58 in a 3-day window and
 * 7.79 / 13.25 = 0.59 in a week. Where D3 shares the window (3 days, the ISO week) the three are the
 * run; where it does not (one day, the month, the fiscal year), D1 + D2.
 */
const TZ_CASES: { window: WindowOption; expected: string[][] }[] = [
  // Same day: only D1 + D2 (1,100).
  { window: { days: 1 }, expected: [['D1', 'D2']] },
  // Three days: A1–A3 (1,200, all three needed) from 30 Oct to 1 Nov; in B2, D1 + D2 + D3.
  { window: { days: 3 }, expected: [['A1', 'A2', 'A3'], ['D1', 'D2', 'D3']] },
  // Months: October has 800 only; November A3 + A4 = 1,100; March D1 + D2.
  { window: { period: 'month' }, expected: [['A3', 'A4'], ['D1', 'D2']] },
  // ISO weeks: 27 Oct – 2 Nov holds A1–A3; 30 Mar – 5 Apr holds D1–D3, all three the run.
  { window: { period: 'week' }, expected: [['A1', 'A2', 'A3'], ['D1', 'D2', 'D3']] },
  // Fiscal years from April: Apr 2014 – Mar 2015 holds A1–A4, and D1 + D2; D3 is in the next one.
  // Of A1–A4, A1 + A2 + A3 (three equal round parts in two days) outscores the pairs with A4, which
  // is 19 or more days later and of another amount and vendor: A4 is left, and crosses nothing alone.
  { window: { period: 'fiscalYear', fiscalYearStart: 4 }, expected: [['A1', 'A2', 'A3'], ['D1', 'D2']] },
];

const tzOptions = (window: WindowOption): DetectSplitsOptions => ({
  thresholds: [{ id: 'quote', amount: '1000', currency: 'CNY', procedure: 'quotation' }],
  window,
  minScore: 0,
});

const groups = (r: DetectResult) => r.findings.map((f) => [...f.recordIds].sort()).sort((a, b) => (a.join() < b.join() ? -1 : 1));

describe('dates do not depend on the time zone', () => {
  it('the zones really differ in this process (so the test below means something)', () => {
    const offsets = ZONES.map((tz) => inZone(tz, () => new Date(2014, 10, 3).getTimezoneOffset()));
    expect(new Set(offsets).size).toBe(ZONES.length);
  });

  it.each(TZ_CASES)('window $window gives the hand-computed findings in every zone', ({ window, expected }) => {
    const results = ZONES.map((tz) => inZone(tz, () => detectSplits(TZ_LEDGER, tzOptions(window))));
    for (const [i, r] of results.entries()) {
      expect(groups(r), ZONES[i]).toEqual(expected);
      expect(r, ZONES[i]).toEqual(results[0]);
    }
    // A3 keeps the date it spells.
    const a3 = results[0]?.findings.flatMap((f) => f.parts).find((p) => p.id === 'A3');
    if (a3) expect(a3.date).toBe('2014-11-01');
  });

  it.each([
    ['Pacific/Kiritimati', '1994-12-31', '1995-01-01'],
    ['Pacific/Apia', '2011-12-30', '2011-12-31'],
  ])('in %s, which skipped %s, that day is still its own day, in its own year', (tz, skipped, next) => {
    const ledger: PurchaseRecordInput[] = [
      { id: 'K1', buyer: 'B', vendor: 'V', date: skipped, amount: '600', currency: 'CNY', subject: 'road signs' },
      { id: 'K2', buyer: 'B', vendor: 'V', date: next, amount: '600', currency: 'CNY', subject: 'road signs' },
      { id: 'K3', buyer: 'B', vendor: 'V', date: `${skipped.slice(0, 4)}-06-01`, amount: '600', currency: 'CNY', subject: 'road signs' },
    ];
    const sameYear = next.slice(0, 4) === skipped.slice(0, 4);
    inZone(tz, () => {
      expect(groups(detectSplits(ledger, tzOptions({ period: 'day' })))).toEqual([]);
      // When the two days share a year, that year holds all three (K3 in June): by the weights that
      // apply (13.25), K1 + K2 + K3 score 7.78 (1.8 times the limit, a span of 212 of 365 days) and
      // K1 + K2 7.45 (1.2 times, one day apart), so the three are the run. When they do not, the
      // skipped day's year holds K1 and K3 only.
      expect(groups(detectSplits(ledger, tzOptions({ period: 'year' })))).toEqual([sameYear ? ['K1', 'K2', 'K3'] : ['K1', 'K3']]);
    });
  });

  it('a Date built from local fields keeps its calendar date in every zone', () => {
    for (const tz of ZONES) {
      inZone(tz, () => {
        const { records } = validateRecords([{ id: 1, buyer: 'B', vendor: 'V', date: new Date(2014, 10, 3), amount: '1', currency: 'CNY' }]);
        expect(records[0]?.date, tz).toBe('2014-11-03');
        // The week-window finding is the same when B1's dates are local Dates.
        const ledger = TZ_LEDGER.map((r) => {
          const d = String(r.date).slice(0, 10);
          return { ...r, date: new Date(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) };
        });
        expect(groups(detectSplits(ledger, tzOptions({ period: 'week' }))), tz).toEqual(TZ_CASES.find((c) => 'period' in c.window && c.window.period === 'week')?.expected);
      });
    }
  });
});
