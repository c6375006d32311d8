/**
 * The label checks of simulated ledgers, shared by the simulator's tests: every scheme and decoy is
 * what its kind says, checked against independent Decimal sums of the records it names.
 */
import { expect } from 'vitest';
import Decimal from 'decimal.js';
import type { Truth, SimulatedRecord } from '../../src/simulate.js';
import type { ThresholdInput } from '../../src/thresholds/threshold.js';
import { categoryKey, vendorKey } from '../../src/records/normalize.js';
import { dayOf } from '../../src/_lib/days.js';

const DEFAULT_SKIP = ['framework call-off', '框架协议', '定点采购', 'public tender', '公开招标', 'open'];
/** Methods that name a framework or a tender, however a messy ledger spells them. */
const FRAMEWORK = /framework|call-off|框架|定点|协议/iu;
const TENDER = /tender|procedure|招标/iu;
const vendors = (parts: readonly SimulatedRecord[]): number => new Set(parts.map((p) => vendorKey(p.vendor))).size;
const spanOf = (parts: readonly SimulatedRecord[]): number => dayOf(parts[parts.length - 1]!.date)! - dayOf(parts[0]!.date)!;

/**
 * Every label is checked against an independent Decimal computation from the records. `uneven`: the
 * ledger's buyers may have the habits of the `uneven` regime (`uneven` and `mixed` ledgers), so a
 * split's parts may spread over up to 29 days whatever its kind's own span (all but `fiscalYear`).
 */
export function checkLabels(records: readonly SimulatedRecord[], truth: Truth, thresholds: readonly ThresholdInput[], fiscalYearStart = 1, uneven = false): void {
  const byId = new Map(records.map((r) => [r.id, r]));
  expect(byId.size).toBe(records.length);
  const tierById = new Map(thresholds.map((t) => [t.id, t]));
  const used = new Set<string>();
  for (const s of truth.schemes) {
    const tier = tierById.get(s.thresholdId)!;
    expect(tier, s.id).toBeDefined();
    const limit = new Decimal(tier.amount);
    const parts = s.recordIds.map((id) => byId.get(id)!);
    expect(parts.length, s.id).toBeGreaterThanOrEqual(2);
    let total = new Decimal(0);
    for (const p of parts) {
      expect(p, s.id).toBeDefined();
      expect(p.buyer).toBe(s.buyer);
      expect(p.amount).toMatch(/^\d+\.\d\d$/u);
      expect(new Decimal(p.amount).lt(limit), `${s.id} part ${p.amount} < ${tier.amount}`).toBe(true);
      expect(DEFAULT_SKIP.includes((p.method ?? '').toLowerCase()), s.id).toBe(false);
      expect(p.exemption).toBeUndefined();
      total = total.plus(p.amount);
      expect(used.has(p.id), 'a record belongs to one label').toBe(false);
      used.add(p.id);
    }
    expect(total.toFixed(2)).toBe(s.total);
    expect(tier.comparison === 'above' ? total.gt(limit) : total.gte(limit), `${s.id} total ${s.total} crosses ${tier.amount}`).toBe(true);
    // Below every higher tier, so the tier named is the one a detector reports.
    for (const u of thresholds) if (new Decimal(u.amount).gt(limit)) expect(total.lt(u.amount), `${s.id} stays under ${u.id}`).toBe(true);
    const dates = parts.map((p) => p.date);
    expect(dates).toEqual([...dates].sort());
    if (s.kind === 'sameVendor' || s.kind === 'busyCategory') expect(vendors(parts)).toBe(1);
    if (s.kind === 'rotatedVendors') expect(vendors(parts)).toBe(parts.length);
    // A kind's own span, or a slow split's 14–29 days (still within one 30-day window).
    const within = (days: number): void => {
      const span = spanOf(parts);
      if (uneven && span > days) expect(span, `${s.id} spans ${span} days`).toBeGreaterThanOrEqual(14);
      expect(span, `${s.id} spans ${span} days`).toBeLessThanOrEqual(uneven ? Math.max(days, 29) : days);
    };
    if (s.kind === 'busyCategory') {
      within(10);
      // Nearly equal: each within 3 % of a common base (and a cent of rounding).
      const amounts = parts.map((p) => Number(p.amount));
      expect(Math.max(...amounts) / Math.min(...amounts)).toBeLessThanOrEqual(1.03 / 0.97 + 1e-6);
    }
    if (s.kind === 'mixedSubjects') {
      within(20);
      const projects = parts.map((p) => p.project).filter((x) => x !== undefined);
      expect(new Set(projects).size, `${s.id} charges its parts to different projects`).toBe(projects.length);
    }
    // An unlinkable scheme's parts share no vendor (a necessary condition of the label).
    if (!s.linkable) expect(vendors(parts)).toBe(parts.length);
    // Each within 10% under the limit, or phases at one price: 85–97% ± 2% of it, within 4.1% of each other.
    if (s.kind === 'justBelow') {
      const amounts = parts.map((p) => new Decimal(p.amount));
      const low = Decimal.min(...amounts);
      const high = Decimal.max(...amounts);
      const banded = amounts.every((a) => a.gte(limit.mul(0.9)));
      const phases = low.gte(limit.mul(0.85 * 0.98).minus(1)) && high.lte(low.mul(1.02 / 0.98).plus(1));
      expect(banded || phases, `${s.id}: ${amounts.join(', ')}`).toBe(true);
    }
    if (s.kind === 'equalParts') expect(new Set(parts.map((p) => p.amount)).size).toBe(1);
    if (s.kind === 'sameVendor') within(7);
    if (s.kind === 'equalParts') within(10);
    if (s.kind === 'justBelow') within(14);
    if (s.kind === 'rotatedVendors') within(25);
    if (s.kind === 'twoTiers') within(20);
    if (s.kind === 'fiscalYear') {
      const fy = (d: string) => { const [y, m] = d.split('-').map(Number) as [number, number]; return m >= fiscalYearStart ? y : y - 1; };
      expect(new Set(dates.map(fy)).size).toBe(1);
      expect(new Set(dates.map((d) => d.slice(0, 7))).size).toBe(dates.length);
    }
    if (s.kind === 'twoTiers') {
      const lower = thresholds.filter((u) => new Decimal(u.amount).lt(limit)).map((u) => new Decimal(u.amount)).sort((a, b) => b.cmp(a))[0]!;
      expect(parts.some((p) => new Decimal(p.amount).gte(lower))).toBe(true);
      expect(parts.some((p) => new Decimal(p.amount).lt(lower))).toBe(true);
    }
  }
  const lowest = thresholds.map((t) => new Decimal(t.amount)).sort((a, b) => a.cmp(b))[0]!;
  for (const d of truth.decoys) {
    const parts = d.recordIds.map((id) => byId.get(id)!);
    for (const p of parts) {
      expect(p.buyer).toBe(d.buyer);
      expect(used.has(p.id), 'a record belongs to one label').toBe(false);
      used.add(p.id);
    }
    const total = parts.reduce((a, p) => a.plus(p.amount), new Decimal(0));
    const tier = new Decimal(tierById.get(d.thresholdId)!.amount);
    switch (d.kind) {
      case 'singleJustBelow':
        expect(parts.length).toBe(1);
        expect(total.lt(tier) && total.gte(tier.mul(0.9))).toBe(true);
        break;
      case 'frameworkCallOff':
        expect(parts.every((p) => FRAMEWORK.test(p.method ?? ''))).toBe(true);
        expect(total.gte(lowest)).toBe(true);
        break;
      case 'recurringService': {
        expect(parts.length).toBe(12);
        expect(new Set(parts.map((p) => p.amount)).size).toBe(1);
        expect(vendors(parts)).toBe(1);
        expect(total.gte(lowest)).toBe(true);
        // Two consecutive months never cross the tier: only a year of them does.
        expect(new Decimal(parts[0]!.amount).mul(2).lt(lowest)).toBe(true);
        break;
      }
      case 'bigVendorSmallBuys': {
        expect(vendors(parts)).toBe(1);
        const cats = parts.map((p) => p.category).filter((c): c is string => c !== undefined).map((c) => categoryKey(c).slice(0, 4));
        expect(new Set(cats).size).toBe(cats.length);
        expect(total.gte(lowest)).toBe(true);
        break;
      }
      case 'tenderedContract':
        expect(parts.length).toBeGreaterThanOrEqual(2);
        expect(parts.every((p) => TENDER.test(p.method ?? '') && new Decimal(p.amount).lt(tier))).toBe(true);
        expect(vendors(parts)).toBe(1);
        expect(total.gte(tier.mul(1.2))).toBe(true);
        break;
      case 'perPersonTravel': {
        // One rate, or (buyers who write variants) rates at most 4% either side of one, rounded.
        const rates = parts.map((p) => Number(p.amount));
        expect(Math.max(...rates)).toBeLessThanOrEqual(Math.min(...rates) * 1.1);
        expect(vendors(parts)).toBe(1);
        expect(spanOf(parts)).toBeLessThanOrEqual(2);
        expect(total.gte(tier) && parts.every((p) => new Decimal(p.amount).lt(tier.mul(0.21)))).toBe(true);
        break;
      }
      case 'marketplaceOrder':
        expect(vendors(parts)).toBe(1);
        expect(spanOf(parts)).toBeLessThanOrEqual(2);
        expect(total.gte(tier) && parts.every((p) => new Decimal(p.amount).lt(tier))).toBe(true);
        break;
      case 'sameDayCoincidence': {
        expect(parts.length).toBe(2);
        expect(spanOf(parts)).toBe(0);
        expect(vendors(parts)).toBe(2);
        const [a, b] = parts.map((p) => new Decimal(p.amount)).sort((x, y) => y.cmp(x)) as [Decimal, Decimal];
        expect(a.gte(tier.mul(0.86)) && a.lt(tier) && b.lt(tier) && total.gte(tier)).toBe(true);
        if (parts[0]!.category !== undefined && parts[1]!.category !== undefined) {
          expect(categoryKey(parts[0]!.category).slice(0, 4)).toBe(categoryKey(parts[1]!.category).slice(0, 4));
        }
        // Two projects, or one for buyers who write variants (half of their coincidences): not checked.
        break;
      }
      case 'nearLimitNeighbours': {
        expect(parts.length).toBeGreaterThanOrEqual(2);
        expect(parts.length).toBeLessThanOrEqual(3);
        // 85–99 % of the tier (99 % of its amount in whole cents, rounded down), each under it.
        expect(parts.every((p) => new Decimal(p.amount).gte(tier.mul(0.85)) && new Decimal(p.amount).lte(tier.mul(0.99).plus('0.01')) && new Decimal(p.amount).lt(tier))).toBe(true);
        expect(vendors(parts)).toBe(parts.length);
        const days = parts.map((p) => dayOf(p.date)!);
        for (let i = 1; i < days.length; i++) expect(days[i]! - days[i - 1]!).toBeGreaterThanOrEqual(1);
        for (let i = 1; i < days.length; i++) expect(days[i]! - days[i - 1]!).toBeLessThanOrEqual(25);
        expect(spanOf(parts)).toBeLessThanOrEqual(29);
        // Tied by one category group, or by a project (each part charged to one; messy buyers respell it).
        const cats = parts.map((p) => (p.category === undefined ? undefined : categoryKey(p.category).slice(0, 3)));
        const oneGroup = cats.every((c) => c !== undefined && c === cats[0]);
        expect(oneGroup || parts.every((p) => p.project !== undefined), d.id).toBe(true);
        break;
      }
    }
  }
}
