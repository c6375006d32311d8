/**
 * Schemes: the injected splits. Each is one requirement bought in parts that each stay under a tier
 * while their total crosses it (and stays under every higher tier), in the way {@link SchemeKind}
 * describes, by a buyer through its own habits.
 */
import { GROUPS, REQUIREMENTS, SITE_WORKS_EN, SITE_WORKS_ZH, type Domain, type Item, type Requirement } from './_catalogue.js';
import { capOf, crossing, splitCents } from './_cents.js';
import { fiscalYearDays, placeDays } from './_placement.js';
import { cumulative } from './_prng.js';
import { subjectOf } from './_wording.js';
import { distinctVendors, domainProject, favouriteGroup, loyalVendor, negotiatedMethod, otherDomain, pickBuyer, recordedCategory, routineProject, vendorPool, type Buyer, type BusyCategory } from './buyers.js';
import type { InjectedScheme } from './assemble.js';
import type { Injection } from './ledger.js';
import { vendorKey } from '../records/normalize.js';
import type { Tier } from './options.js';
import type { SchemeKind } from './truth.js';

/** One scheme of a kind: up to 50 attempts at a buyer, tier, amounts and days that fit; else undefined. */
export function injectScheme(c: Injection, kind: SchemeKind): InjectedScheme | undefined {
  const r = c.rng;
  const { config } = c.ledger;
  const tiers = config.tiers;
  for (let attempt = 0; attempt < 50; attempt++) {
    const b = pickBuyer(c.buyers, r);
    let tier: Tier;
    let lower: Tier | undefined;
    if (kind === 'twoTiers') {
      const i = r.int(0, tiers.length - 2);
      lower = tiers[i]!;
      tier = tiers[i + 1]!;
      if (tier.cents === lower.cents) continue;
    } else tier = r.pick(tiers);
    const groupsOk = lower ? tier.groups.filter((gi) => lower!.groups.includes(gi)) : tier.groups;
    if (groupsOk.length === 0) continue;
    const cap = capOf(tiers, tier);
    const min = crossing(tier);
    const maxPart = tier.cents - 1;
    // A busy-category split goes where the buyer buys every few days, when some buyer does.
    let busy: BusyCategory | undefined;
    if (kind === 'busyCategory') {
      const ok = b.busy.filter((x) => groupsOk.includes(x.group));
      if (ok.length > 0) busy = r.pick(ok);
      else if (attempt < 40 && c.buyers.some((x) => x.busy.length > 0)) continue;
    } else if ((kind === 'sameVendor' || kind === 'equalParts') && b.habits.diluted > 0 && r.chance(b.habits.diluted)) {
      // Diluted: bought from a busy category's vendor, among its routine purchases there.
      const ok = b.busy.filter((x) => groupsOk.includes(x.group));
      if (ok.length > 0) busy = r.pick(ok);
    }

    // Items: one group, or the items of a multi-item requirement (rotated vendors, sometimes others);
    // the parts of a mixed-subjects scheme take the group's items in turn.
    const reqs = REQUIREMENTS.filter((q) => q.parts.every(([gi]) => groupsOk.includes(gi)));
    const useReq = kind === 'rotatedVendors' || ((kind === 'justBelow' || kind === 'twoTiers' || kind === 'mixedSubjects') && r.chance(0.5));
    const req: Requirement | undefined = useReq && reqs.length > 0 ? r.pick(reqs) : undefined;
    if (kind === 'rotatedVendors' && !req) continue;
    // A site bundle: one item of each category group (first three digits) of the requirement, tied by a site word.
    const site = req && kind === 'rotatedVendors' && b.sites.length > 0 && r.chance(b.habits.siteBundles) ? r.pick(b.sites) : undefined;
    const bundle = site !== undefined && req ? bundleParts(req) : undefined;
    const weights = groupsOk.map((gi) => GROUPS[gi]!.median);
    const drawn = groupsOk[r.weighted(cumulative(weights))]!;
    const gi0 = busy ? busy.group : kind === 'busyCategory' ? favouriteGroup(b, groupsOk) : drawn;

    let amounts: number[] | undefined;
    let span: number;
    let k: number;
    switch (kind) {
      case 'sameVendor':
      case 'rotatedVendors':
      case 'mixedSubjects': {
        k = bundle ? r.int(2, bundle.length) : req ? r.int(2, req.parts.length) : r.int(2, kind === 'mixedSubjects' ? 4 : 5);
        const hi = Math.min(cap, Math.floor(tier.cents * Math.min(1.8, 0.95 * k)));
        amounts = splitCents(r.int(min, Math.max(min, hi)), k, maxPart, r);
        if (amounts && r.chance(0.3)) amounts = roundParts(amounts, min, maxPart);
        span = kind === 'sameVendor' ? r.int(0, 7) : kind === 'rotatedVendors' ? r.int(3, 25) : r.int(0, 20);
        break;
      }
      case 'busyCategory': {
        k = r.int(2, 5);
        const base = (min / k) * r.uniform(1.01, 1.2);
        amounts = Array.from({ length: k }, () => Math.round(base * r.uniform(0.97, 1.03)));
        span = r.int(2, 10);
        break;
      }
      case 'justBelow': {
        k = r.int(2, 3);
        // With a regime (the classic ledger stays draw for draw), half are phases of one requirement
        // at one price, as Chengxi's signs were (286,500 and 279,800 under 300,000): one base 85–97%
        // of the limit, each part within 2% of it.
        if (c.ledger.config.regime !== undefined && r.chance(0.5)) {
          const base = r.uniform(0.85, 0.97) * tier.cents;
          amounts = Array.from({ length: k }, () => Math.min(maxPart, Math.round(base * r.uniform(0.98, 1.02))));
        } else amounts = Array.from({ length: k }, () => r.int(Math.ceil(tier.cents * 0.9), maxPart));
        span = r.int(0, 14);
        break;
      }
      case 'equalParts': {
        k = r.int(2, 6);
        const step = [100_00, 1_000_00, 10_000_00].filter((s) => s * 10 * k <= tier.cents).pop() ?? 1;
        const base = Math.ceil(min / k / step) * step;
        const part = base + step * r.int(0, Math.max(0, Math.floor((0.4 * tier.cents) / k / step)));
        amounts = Array.from({ length: k }, () => part);
        span = r.int(0, 10);
        break;
      }
      case 'fiscalYear': {
        k = r.int(4, 10);
        const hi = Math.min(cap, Math.floor(tier.cents * 1.5));
        amounts = splitCents(r.int(min, Math.max(min, hi)), k, maxPart, r);
        span = 0;
        break;
      }
      case 'twoTiers': {
        const L = lower!;
        const lows = Array.from({ length: r.int(1, 3) }, () => r.int(Math.ceil(L.cents * 0.85), L.cents - 1));
        const sumLow = lows.reduce((a, x) => a + x, 0);
        const target = min + r.int(0, Math.floor(tier.cents * 0.3));
        let nMid = r.int(1, 2);
        let per = Math.ceil((target - sumLow) / nMid);
        while (per > maxPart && nMid < 4) per = Math.ceil((target - sumLow) / ++nMid);
        per = Math.max(per, L.cents);
        if (per > maxPart) continue;
        amounts = r.shuffle([...lows, ...Array.from({ length: nMid }, () => per)]);
        k = amounts.length;
        span = r.int(0, 20);
        break;
      }
    }
    if (!amounts) continue;
    const total = amounts.reduce((a, x) => a + x, 0);
    if (total < min || total > cap || amounts.some((a) => a > maxPart || a < 1)) continue;
    // A slow split: its parts spread over 14–29 days, still within one 30-day window.
    const slow = kind !== 'fiscalYear' && b.habits.slow > 0 && r.chance(b.habits.slow);
    if (slow) span = r.int(14, 29);
    const ts = lower ? [lower, tier] : [tier];
    let days = kind === 'fiscalYear' ? fiscalYearDays(config, ts, k, r) : placeDays(config, ts, span, k, r, slow);
    // A buyer that dilutes its splits buys them between routine purchases from the same vendor.
    if (days && busy && b.habits.diluted > 0) days = amidRoutine(c, b, busy.vendor, ts, days);
    if (!days) continue;

    // Items and vendors.
    const items: { group: number; item: Item }[] = [];
    const turn = kind === 'mixedSubjects' ? r.int(0, 2) : 0;
    for (let i = 0; i < k; i++) {
      const groupItems = GROUPS[gi0]!.items;
      if (bundle) {
        const [gi, ii] = bundle[i]!;
        items.push({ group: gi, item: GROUPS[gi]!.items[ii]! });
      } else if (req) {
        const [gi, ii] = req.parts[i % req.parts.length]!;
        items.push({ group: gi, item: GROUPS[gi]!.items[ii]! });
      } else if (kind === 'mixedSubjects') items.push({ group: gi0, item: groupItems[(turn + i) % groupItems.length]! });
      else items.push({ group: gi0, item: kind === 'fiscalYear' || r.chance(0.7) ? groupItems[0]! : r.pick(groupItems) });
    }
    // A diluted split keeps to the busy vendor (the draw is made all the same).
    const rotate = kind === 'rotatedVendors' || (kind !== 'sameVendor' && kind !== 'busyCategory' && r.chance(0.5) && !busy);
    // One vendor: a draw per part, then the first for all (the spare draws keep each seed's ledger).
    const vendors = rotate ? distinctVendors(b, items.map((x) => x.group), c.rng) : items.map(() => loyalVendor(b, items[0]!.group, r));
    if (!rotate) vendors.fill(busy ? busy.vendor : kind === 'busyCategory' ? vendorPool(b, gi0, r)[0]! : vendors[0]!);
    const name: readonly [string, string] = req ? [req.zh, req.en] : [items[0]!.item.zh, items[0]!.item.en];
    const domain = req?.domain ?? GROUPS[gi0]!.domain;
    // A site bundle is charged to the buyer's general running costs, a budget line of every kind of purchase.
    const project = bundle ? (b.projects ? domainProject(b, 'general', c.ledger.yearOf(days[0]!)) : undefined) : schemeProject(c, b, domain, days[0]!, name);
    const work = bundle ? r.int(0, SITE_WORKS_EN.length - 1) : 0;
    const projects = kind === 'mixedSubjects' ? mixedProjects(c, b, domain, days[0]!, name) : undefined;
    const consecutive = !rotate && r.chance(0.4);
    const docBase = r.int(10_000, 989_999);
    const records = amounts.map((cents, i) => {
      const { item } = items[i]!;
      const day = days[i]!;
      const year = c.ledger.yearOf(day);
      let subject: string;
      if (kind === 'fiscalYear') subject = b.lang === 'zh' ? `${item.zh}（第${i + 1}期）` : `${item.en} phase ${i + 1}`;
      else if (bundle) subject = b.lang === 'zh' ? `${site}${SITE_WORKS_ZH[work]}-${item.zh}` : `${site} ${SITE_WORKS_EN[work]} – ${item.en}`;
      else if (kind === 'mixedSubjects') subject = subjectOf(item, b.lang, year, r);
      else if (req && r.chance(0.4)) subject = b.lang === 'zh' ? `${req.zh}${item.zh}` : `${req.en}: ${item.en}`;
      else subject = subjectOf(item, b.lang, year, r);
      return c.ledger.add(b, day, vendors[i]!, cents, subject, {
        // A tier scoped to categories only sees records that carry one.
        category: tier.scoped || lower?.scoped ? item.code : recordedCategory(b, item.code, r),
        project: projects ? projects[i % projects.length] : kind === 'busyCategory' ? routineProject(b, domain, year, r) : project !== undefined && r.chance(0.95) ? project : undefined,
        method: negotiatedMethod(b, r),
        document: consecutive ? `FP${year}${String(docBase + i).padStart(6, '0')}` : `FP${year}${String(r.int(0, 999_999)).padStart(6, '0')}`,
      });
    });
    return { kind, records, thresholdId: tier.id, buyer: b.name, cents: total };
  }
  return undefined;
}

/**
 * `days` moved, gaps kept, so that the buyer's routine purchases from `vendor` fall 1–6 days before
 * the first and 1–7 days after the last, within the tiers' validity; undefined when ten tries find
 * no such place.
 *
 * Runs in O(log n) per try once the routine days are indexed (O(n) once per ledger).
 */
function amidRoutine(c: Injection, b: Buyer, vendor: string, ts: readonly Tier[], days: readonly number[]): number[] | undefined {
  const { config } = c.ledger;
  const routine = routineDays(c).get(`${b.name}\u0000${vendorKey(vendor)}`);
  if (!routine || routine.length === 0) return undefined;
  const lo = Math.max(config.start, ...ts.map((t) => t.from));
  const hi = Math.min(config.end, ...ts.map((t) => t.to));
  const span = days[days.length - 1]! - days[0]!;
  for (let attempt = 0; attempt < 10; attempt++) {
    const start = c.rng.pick(routine) + c.rng.int(1, 6);
    const end = start + span;
    if (start < lo || end > hi) continue;
    // The first routine day after the last part.
    let a = 0;
    let z = routine.length;
    while (a < z) {
      const mid = (a + z) >>> 1;
      if (routine[mid]! <= end) a = mid + 1;
      else z = mid;
    }
    if (a < routine.length && routine[a]! <= end + 7) return days.map((d) => d - days[0]! + start);
  }
  return undefined;
}

/** The days of each buyer's routine purchases from each vendor (by `vendorKey`), sorted, indexed once per ledger. */
function routineDays(c: Injection): Map<string, number[]> {
  let index = routineIndex.get(c.ledger);
  if (!index) {
    index = new Map();
    const { records, offsets, config } = c.ledger;
    for (let i = 0; i < c.routine; i++) {
      const key = `${records[i]!.buyer}\u0000${vendorKey(records[i]!.vendor)}`;
      (index.get(key) ?? index.set(key, []).get(key)!).push(offsets[i]! + config.start);
    }
    for (const ds of index.values()) ds.sort((x, y) => x - y);
    routineIndex.set(c.ledger, index);
  }
  return index;
}

const routineIndex = new WeakMap<Injection['ledger'], Map<string, number[]>>();

/** The parts of a site bundle: the first item of the requirement in each category group (first three digits of the code). */
function bundleParts(req: Requirement): (readonly [number, number])[] {
  const seen = new Set<string>();
  return req.parts.filter(([gi, ii]) => {
    const prefix = GROUPS[gi]!.items[ii]!.code.slice(0, 3);
    if (seen.has(prefix)) return false;
    seen.add(prefix);
    return true;
  });
}

/**
 * Projects for the parts of a mixed-subjects scheme, in turn: the domain's, another domain's (see
 * `otherDomain`), the requirement's own and none, shuffled (none at all when the buyer records no projects).
 */
function mixedProjects(c: Injection, b: Buyer, domain: Domain, day: number, name: readonly [string, string]): (string | undefined)[] {
  if (!b.projects) return [undefined];
  const year = c.ledger.yearOf(day);
  const own = b.lang === 'zh' ? `${name[0]}项目` : `${name[1]} project`;
  return c.rng.shuffle([domainProject(b, domain, year), domainProject(b, otherDomain(domain), year), own, undefined]);
}

/** Rounds parts to whole thousands when that keeps every constraint. */
function roundParts(parts: number[], min: number, maxPart: number): number[] {
  const rounded = parts.map((p) => Math.max(1_000_00, Math.round(p / 1_000_00) * 1_000_00));
  const total = rounded.reduce((a, x) => a + x, 0);
  return total >= min && rounded.every((p) => p <= maxPart) ? rounded : parts;
}

/** The budget project of a scheme's parts: undefined when the buyer does not record projects. */
function schemeProject(c: Injection, b: Buyer, domain: Domain, day: number, name: readonly [string, string]): string | undefined {
  if (!b.projects) return undefined;
  return c.rng.chance(0.5) ? (b.lang === 'zh' ? `${name[0]}项目` : `${name[1]} project`) : domainProject(b, domain, c.ledger.yearOf(day));
}
