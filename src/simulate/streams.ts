/**
 * Regular buying, part of the routine background of regime ledgers: monthly service contracts, busy
 * categories bought every few days from one or two vendors, and tiny purchases from one supplier. A
 * buyer's habits say how much of its routine buying goes to each; classic habits send none there and
 * draw nothing.
 */
import { dayFromParts, partsOf } from '../_lib/days.js';
import { GROUPS, MONTHLY_GROUPS, TINY_GROUPS } from './_catalogue.js';
import { indexAt, type Rng } from './_prng.js';
import { invoiceNumber, monthlySubject, subjectOf } from './_wording.js';
import { cardMethod, domainProject, negotiatedMethod, recordedCategory, routineProject, vendorPool, type Buyer } from './buyers.js';
import type { DraftLedger } from './ledger.js';

/**
 * Buys up to `n` of buyer `b`'s routine purchases in its regular streams and returns how many it
 * bought (the rest are bought at random days and groups by `buyRoutine`).
 *
 * Runs in O(n).
 */
export function buyStreams(ledger: DraftLedger, b: Buyer, n: number, r: Rng, dayCum: readonly number[]): number {
  const h = b.habits;
  // Service contracts first, as long as they fit in a quarter of the buyer's purchases.
  const room = Math.floor(n / 4);
  let made = 0;
  for (let s = 0; s < h.services; s++) {
    const bought = serviceContract(ledger, b, s, room - made, r);
    if (bought === 0) break;
    made += bought;
  }
  const busy = Math.min(n - made, Math.round(n * h.busyShare));
  if (busy > 0) made += busyCategories(ledger, b, busy, r, dayCum);
  const tiny = Math.min(n - made, Math.round(n * h.tinyShare));
  if (tiny > 0) made += tinyPurchases(ledger, b, tiny, r, dayCum);
  return made;
}

/**
 * The buyer's service contract number `k`, monthly through the ledger (1–9 % of the lowest tier a
 * month); none (0) when it needs more than `room` purchases.
 */
function serviceContract(ledger: DraftLedger, b: Buyer, k: number, room: number, r: Rng): number {
  const { config } = ledger;
  const dom = r.int(1, 28);
  const days: number[] = [];
  const [y0, m0] = partsOf(config.start);
  for (let i = 0; ; i++) {
    const day = dayFromParts(y0, m0 + i, dom);
    if (day > config.end) break;
    if (day >= config.start) days.push(day);
  }
  if (days.length === 0 || days.length > room) return 0;
  const gi = r.pick(MONTHLY_GROUPS);
  const item = GROUPS[gi]!.items[0]!;
  const vendor = vendorPool(b, gi, r)[0]!;
  const monthly = Math.max(100, Math.round((config.tiers[0]!.cents * r.uniform(0.01, 0.09)) / 1000) * 1000);
  const contract = `SC${ledger.yearOf(days[0]!)}${r.int(100, 999)}${k + 1}`;
  days.forEach((day, i) => {
    ledger.add(b, day, vendor, monthly, monthlySubject(item, b.lang, day), {
      category: recordedCategory(b, item.code, r),
      project: b.projects ? domainProject(b, GROUPS[gi]!.domain, ledger.yearOf(day)) : undefined,
      method: negotiatedMethod(b, r),
      document: `${contract}-${String(i + 1).padStart(2, '0')}`,
    });
  });
  return days.length;
}

/**
 * `count` purchases in up to `busyGroups` of the buyer's preferred groups (fewer when `count` cannot
 * keep each group bought at least fortnightly), evenly spread over the ledger (one in each slot of
 * ledger length ÷ the group's count days, weekends moved to Friday; for a buyer with a year-end rush,
 * one in each slot of as many of its purchases by `dayCum`, so the rush holds more of them), 80 % from
 * the group's first vendor and the rest from its second, each about a group share (in the habits'
 * `busySize`, 4–20 % of the lowest tier unless a regime says otherwise) of the lowest tier.
 */
function busyCategories(ledger: DraftLedger, b: Buyer, count: number, r: Rng, dayCum: readonly number[]): number {
  const { config } = ledger;
  const lowest = config.tiers[0]!.cents;
  const fortnights = (config.end - config.start + 1) / 14;
  const most = Math.max(1, Math.min(b.habits.busyGroups, Math.floor(count / fortnights)));
  const groups: number[] = [];
  for (let attempt = 0; attempt < 20 && groups.length < most; attempt++) {
    const gi = r.weighted(b.groupCum);
    if (!groups.includes(gi)) groups.push(gi);
  }
  let made = 0;
  groups.forEach((gi, k) => {
    const c = Math.floor(count / groups.length) + (k === 0 ? count % groups.length : 0);
    const vendors = vendorPool(b, gi, r).slice(0, r.int(1, 2));
    const share = r.uniform(b.habits.busySize[0], b.habits.busySize[1]);
    b.busy.push({ group: gi, vendor: vendors[0]!, share });
    const slot = (config.end - config.start + 1) / c;
    for (let i = 0; i < c; i++) {
      let day = b.habits.rush > 1 ? config.start + indexAt(dayCum, (i + r.next()) / c) : config.start + Math.floor((i + r.next()) * slot);
      const weekday = (((day + 4) % 7) + 7) % 7;
      if (weekday === 6 || weekday === 0) day = Math.max(config.start, day - (weekday === 6 ? 1 : 2));
      const item = r.pick(GROUPS[gi]!.items);
      const cents = Math.max(100, Math.round(underCap(lowest * share * Math.exp(0.35 * r.normal()), lowest * BUSY_CAP)));
      const year = ledger.yearOf(day);
      ledger.add(b, day, r.chance(0.8) ? vendors[0]! : vendors[vendors.length - 1]!, cents, subjectOf(item, b.lang, year, r), {
        category: recordedCategory(b, item.code, r),
        project: routineProject(b, GROUPS[gi]!.domain, year, r),
        method: negotiatedMethod(b, r),
        document: invoiceNumber(year, r),
      });
      made++;
    }
  });
  return made;
}

/** The largest busy-category purchase, a fraction of the lowest tier: routine buying stays well under the limit. */
const BUSY_CAP = 0.6;

/**
 * `amount` kept under `cap` by reflecting what exceeds it in log scale (cap² ÷ amount), so the tail
 * past the cap lands spread below it instead of piling up at the cap itself, to the cent: a ledger
 * buys no such heap of one amount across items and vendors, and clamping made 28–37 purchases a
 * ledger of exactly 0.6 of the lowest tier in `uneven`, repeated amounts no routine buying has.
 *
 * @example
 * [underCap(50, 100), underCap(200, 100)] //=> [50, 50]
 */
export function underCap(amount: number, cap: number): number {
  return amount <= cap ? amount : (cap * cap) / amount;
}

/** `count` tiny purchases (0.05–1 % of the lowest tier) on random days from one stationery supplier, by card. */
function tinyPurchases(ledger: DraftLedger, b: Buyer, count: number, r: Rng, dayCum: readonly number[]): number {
  const { config } = ledger;
  const vendor = vendorPool(b, TINY_GROUPS[0]!, r)[0]!;
  for (let i = 0; i < count; i++) {
    const day = config.start + r.weighted(dayCum);
    const gi = r.pick(TINY_GROUPS);
    const item = r.pick(GROUPS[gi]!.items);
    const year = ledger.yearOf(day);
    ledger.add(b, day, vendor, Math.max(100, Math.round(config.tiers[0]!.cents * r.uniform(0.0005, 0.01))), subjectOf(item, b.lang, year, r), {
      category: recordedCategory(b, item.code, r),
      project: routineProject(b, 'office', year, r),
      method: cardMethod(b),
    });
  }
  return count;
}
