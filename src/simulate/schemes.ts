/**
 * Schemes: the injected splits. Each is one requirement bought in parts that each stay under a tier
 * while their total crosses it (and stays under every higher tier), in the way {@link SchemeKind}
 * describes, by a buyer through its own habits.
 */
import { GROUPS, REQUIREMENTS, type Domain, type Item, type Requirement } from './_catalogue.js';
import { capOf, crossing, splitCents } from './_cents.js';
import { fiscalYearDays, placeDays } from './_placement.js';
import { cumulative } from './_prng.js';
import { subjectOf, vendorName } from './_wording.js';
import { domainProject, loyalVendor, negotiatedMethod, recordedCategory, vendorPool, type Buyer } from './buyers.js';
import type { InjectedScheme } from './assemble.js';
import type { Injection } from './ledger.js';
import type { Tier } from './options.js';
import type { SchemeKind } from './truth.js';

/** One scheme of a kind: up to 50 attempts at a buyer, tier, amounts and days that fit; else undefined. */
export function injectScheme(c: Injection, kind: SchemeKind): InjectedScheme | undefined {
  const r = c.rng;
  const { config } = c.ledger;
  const tiers = config.tiers;
  for (let attempt = 0; attempt < 50; attempt++) {
    const b = r.pick(c.buyers);
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

    // Items: one group, or the items of a multi-item requirement (rotated vendors, sometimes others).
    const reqs = REQUIREMENTS.filter((q) => q.parts.every(([gi]) => groupsOk.includes(gi)));
    const useReq = kind === 'rotatedVendors' || ((kind === 'justBelow' || kind === 'twoTiers') && r.chance(0.5));
    const req: Requirement | undefined = useReq && reqs.length > 0 ? r.pick(reqs) : undefined;
    if (kind === 'rotatedVendors' && !req) continue;
    const weights = groupsOk.map((gi) => GROUPS[gi]!.median);
    const gi0 = groupsOk[r.weighted(cumulative(weights))]!;

    let amounts: number[] | undefined;
    let span: number;
    let k: number;
    switch (kind) {
      case 'sameVendor':
      case 'rotatedVendors': {
        k = req ? r.int(2, req.parts.length) : r.int(2, 5);
        const hi = Math.min(cap, Math.floor(tier.cents * Math.min(1.8, 0.95 * k)));
        amounts = splitCents(r.int(min, Math.max(min, hi)), k, maxPart, r);
        if (amounts && r.chance(0.3)) amounts = roundParts(amounts, min, maxPart);
        span = kind === 'sameVendor' ? r.int(0, 7) : r.int(3, 25);
        break;
      }
      case 'justBelow': {
        k = r.int(2, 3);
        amounts = Array.from({ length: k }, () => r.int(Math.ceil(tier.cents * 0.9), maxPart));
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
    const ts = lower ? [lower, tier] : [tier];
    const days = kind === 'fiscalYear' ? fiscalYearDays(config, ts, k, r) : placeDays(config, ts, span, k, r);
    if (!days) continue;

    // Items and vendors.
    const items: { group: number; item: Item }[] = [];
    for (let i = 0; i < k; i++) {
      if (req) {
        const [gi, ii] = req.parts[i % req.parts.length]!;
        items.push({ group: gi, item: GROUPS[gi]!.items[ii]! });
      } else items.push({ group: gi0, item: kind === 'fiscalYear' || r.chance(0.7) ? GROUPS[gi0]!.items[0]! : r.pick(GROUPS[gi0]!.items) });
    }
    const rotate = kind === 'rotatedVendors' || (kind !== 'sameVendor' && r.chance(0.5));
    // One vendor: a draw per part, then the first for all (the spare draws keep each seed's ledger).
    const vendors = rotate ? distinctVendors(c, b, items.map((x) => x.group)) : items.map(() => loyalVendor(b, items[0]!.group, r));
    if (!rotate) vendors.fill(vendors[0]!);
    const name: readonly [string, string] = req ? [req.zh, req.en] : [items[0]!.item.zh, items[0]!.item.en];
    const project = schemeProject(c, b, req?.domain ?? GROUPS[gi0]!.domain, days[0]!, name);
    const consecutive = !rotate && r.chance(0.4);
    const docBase = r.int(10_000, 989_999);
    const records = amounts.map((cents, i) => {
      const { item } = items[i]!;
      const day = days[i]!;
      const year = c.ledger.yearOf(day);
      let subject: string;
      if (kind === 'fiscalYear') subject = b.lang === 'zh' ? `${item.zh}（第${i + 1}期）` : `${item.en} phase ${i + 1}`;
      else if (req && r.chance(0.4)) subject = b.lang === 'zh' ? `${req.zh}${item.zh}` : `${req.en}: ${item.en}`;
      else subject = subjectOf(item, b.lang, year, r);
      return c.ledger.add(b, day, vendors[i]!, cents, subject, {
        // A tier scoped to categories only sees records that carry one.
        category: tier.scoped || lower?.scoped ? item.code : recordedCategory(b, item.code, r),
        project: project !== undefined && r.chance(0.95) ? project : undefined,
        method: negotiatedMethod(b, r),
        document: consecutive ? `FP${year}${String(docBase + i).padStart(6, '0')}` : `FP${year}${String(r.int(0, 999_999)).padStart(6, '0')}`,
      });
    });
    return { kind, records, thresholdId: tier.id, buyer: b.name, cents: total };
  }
  return undefined;
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

/** Distinct vendors of a group for a buyer: its pool first, then other vendors of the trade. */
function distinctVendors(c: Injection, b: Buyer, groups: readonly number[]): string[] {
  const seen = new Set<string>();
  return groups.map((gi) => {
    const p = vendorPool(b, gi, c.rng);
    let v = p.find((x) => !seen.has(x));
    for (let k = 0; v === undefined; k++) {
      const cand = vendorName(gi, (k + 12) % 24, b.lang);
      if (!seen.has(cand)) v = cand;
    }
    seen.add(v);
    return v;
  });
}
