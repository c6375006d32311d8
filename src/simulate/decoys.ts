/**
 * Decoys: legitimate look-alikes of splits, the patterns a naive rule flags (see {@link DecoyKind}):
 * a year of a monthly service, call-offs from a framework, one purchase just below a tier, many
 * unrelated small buys from one marketplace, stage payments of a tendered contract, a delegation's
 * travel charged per traveller, one marketplace order charged in parts, two unrelated purchases
 * that happen to share a day and a category, and two or three unrelated purchases near a limit tied
 * only by a category or a project.
 *
 * Buyers who write their records in varied forms (messy or blank habits: the held-out regimes of
 * the evaluation protocol) also vary how these decoys are written ({@link writesVariants}): names
 * before, inside or after the trip and in other forms, rates a little apart, trips without a travel
 * word; order numbers only in the document or only in the subject, in other document formats;
 * contract numbers in the subject; coincidences under one project. Other buyers draw nothing more,
 * so ledgers without such habits are what they were, draw for draw.
 */
import {
  BIG_VENDORS_EN, BIG_VENDORS_ZH, DESTINATIONS_EN, DESTINATIONS_ZH, GROUPS, RECURRING_GROUPS, SURNAMES_EN, SURNAMES_ZH, TRAVEL_GROUP, type Item,
} from './_catalogue.js';
import { capOf, crossing, splitCents } from './_cents.js';
import { fiscalYearDays, placeDays } from './_placement.js';
import { invoiceNumber, monthlySubject, subjectOf } from './_wording.js';
import { cardMethod, distinctVendors, domainProject, loyalVendor, negotiatedMethod, otherDomain, pickBuyer, recordedCategory, routineProject, vendorPool } from './buyers.js';
import type { InjectedDecoy } from './assemble.js';
import type { Injection } from './ledger.js';
import type { DecoyKind } from './truth.js';
import type { Rng } from './_prng.js';
import type { Buyer } from './buyers.js';

/** True for buyers whose habits vary how records are written: their decoys are written in varied forms too. */
export const writesVariants = (b: Buyer): boolean => b.habits.messy > 0 || b.habits.blank > 0;

/** One decoy of a kind: up to 50 attempts at a buyer, amounts and days that fit; else undefined. */
export function injectDecoy(c: Injection, kind: DecoyKind): InjectedDecoy | undefined {
  const r = c.rng;
  const { ledger } = c;
  const { config } = ledger;
  for (let attempt = 0; attempt < 50; attempt++) {
    const b = pickBuyer(c.buyers, r);
    const tier = kind === 'singleJustBelow' || kind === 'sameDayCoincidence' || kind === 'nearLimitNeighbours' ? r.pick(config.tiers) : config.tiers[0]!;
    const cap = capOf(config.tiers, tier);
    const min = crossing(tier);
    switch (kind) {
      case 'recurringService': {
        const recurring = RECURRING_GROUPS.filter((x) => tier.groups.includes(x));
        const gi = r.pick(recurring.length > 0 ? recurring : tier.groups);
        const group = GROUPS[gi]!;
        const monthly = Math.ceil((min * r.uniform(1.05, 1.6)) / 12 / 100_00) * 100_00;
        if (monthly * 12 > cap || monthly * 2 >= tier.cents) continue;
        const days = fiscalYearDays(config, [tier], 12, r, r.int(1, 28));
        if (!days) continue;
        const vendor = loyalVendor(b, gi, r);
        const item = group.items[0]!;
        const contract = `HT${ledger.yearOf(days[0]!)}${String(r.int(100, 999))}`;
        const project = b.projects ? domainProject(b, group.domain, ledger.yearOf(days[0]!)) : undefined;
        const records = days.map((day, i) => ledger.add(b, day, vendor, monthly, monthlySubject(item, b.lang, day), {
          category: recordedCategory(b, item.code, r),
          project,
          method: b.lang === 'zh' ? '询价' : 'request for quotation',
          document: `${contract}-${String(i + 1).padStart(2, '0')}`,
        }));
        return { kind, records, thresholdId: tier.id, buyer: b.name };
      }
      case 'frameworkCallOff': {
        const gi = r.pick(tier.groups);
        const group = GROUPS[gi]!;
        const k = r.int(3, 8);
        const amounts = splitCents(r.int(min, Math.min(cap, Math.floor(min * 1.6))), k, tier.cents - 1, r);
        const days = placeDays(config, [tier], r.int(0, 20), k, r);
        if (!amounts || !days) continue;
        const vendor = loyalVendor(b, gi, r);
        const records = amounts.map((cents, i) => {
          const item = r.pick(group.items);
          return ledger.add(b, days[i]!, vendor, cents, subjectOf(item, b.lang, ledger.yearOf(days[i]!), r), {
            category: recordedCategory(b, item.code, r),
            project: routineProject(b, group.domain, ledger.yearOf(days[i]!), r),
            method: b.lang === 'zh' ? r.pick(['框架协议', '定点采购']) : 'framework call-off',
          });
        });
        return { kind, records, thresholdId: tier.id, buyer: b.name };
      }
      case 'singleJustBelow': {
        const gi = r.pick(tier.groups);
        const item = r.pick(GROUPS[gi]!.items);
        const days = placeDays(config, [tier], 0, 1, r);
        if (!days) continue;
        const record = ledger.add(b, days[0]!, loyalVendor(b, gi, r), r.int(Math.ceil(tier.cents * 0.9), tier.cents - 1), subjectOf(item, b.lang, ledger.yearOf(days[0]!), r), {
          category: recordedCategory(b, item.code, r),
          project: routineProject(b, GROUPS[gi]!.domain, ledger.yearOf(days[0]!), r),
          method: negotiatedMethod(b, r),
        });
        return { kind, records: [record], thresholdId: tier.id, buyer: b.name };
      }
      case 'bigVendorSmallBuys': {
        const k = r.int(15, 25);
        const prefixes = new Set<string>();
        const items: { gi: number; item: Item }[] = [];
        for (const gi of r.shuffle(tier.groups)) {
          const item = r.pick(GROUPS[gi]!.items);
          const p = item.code.slice(0, 4);
          if (prefixes.has(p)) continue;
          prefixes.add(p);
          items.push({ gi, item });
          if (items.length === k) break;
        }
        if (items.length < 2) continue;
        const total = r.int(min, Math.min(cap, Math.floor(min * 1.5)));
        const amounts = splitCents(total, items.length, Math.min(tier.cents - 1, Math.floor(tier.cents / 4)), r);
        const days = placeDays(config, [tier], r.int(5, 25), items.length, r);
        if (!amounts || !days) continue;
        const vendor = b.lang === 'zh' ? r.pick(BIG_VENDORS_ZH) : r.pick(BIG_VENDORS_EN);
        const records = items.map(({ gi, item }, i) => ledger.add(b, days[i]!, vendor, amounts[i]!, subjectOf(item, b.lang, ledger.yearOf(days[i]!), r), {
          category: recordedCategory(b, item.code, r),
          project: routineProject(b, GROUPS[gi]!.domain, ledger.yearOf(days[i]!), r),
          method: b.lang === 'zh' ? '电子卖场' : 'e-marketplace',
        }));
        return { kind, records, thresholdId: tier.id, buyer: b.name };
      }
      case 'tenderedContract': {
        const gi = r.pick(tier.groups);
        const item = GROUPS[gi]!.items[0]!;
        const k = r.int(2, 4);
        const amounts = splitCents(r.int(Math.ceil(tier.cents * 1.2), Math.floor(tier.cents * Math.min(2.5, 0.9 * k))), k, tier.cents - 1, r);
        const days = placeDays(config, [tier], r.int(10, 120), k, r);
        if (!amounts || !days) continue;
        const vendor = vendorPool(b, gi, r)[0]!;
        const year = ledger.yearOf(days[0]!);
        const contract = `ZB${year}${r.int(1000, 9999)}`;
        const project = b.projects ? domainProject(b, GROUPS[gi]!.domain, year) : undefined;
        // Varied: the contract number in the subject, and the payments under invoice numbers of their own.
        const inSubject = writesVariants(b) && r.chance(0.5);
        const records = amounts.map((cents, i) => ledger.add(b, days[i]!, vendor, cents,
          inSubject
            ? b.lang === 'zh' ? `${item.zh}第${i + 1}次付款（合同${contract}）` : `${item.en}, payment ${i + 1} under contract ${contract}`
            : b.lang === 'zh' ? `${item.zh}（合同第${i + 1}次付款）` : `${item.en} – stage payment ${i + 1}`, {
            category: recordedCategory(b, item.code, r),
            project,
            method: b.lang === 'zh' ? '公开招标' : 'public tender',
            document: inSubject ? invoiceNumber(year, r) : `${contract}-${i + 1}`,
          }));
        return { kind, records, thresholdId: tier.id, buyer: b.name };
      }
      case 'perPersonTravel': {
        if (!tier.groups.includes(TRAVEL_GROUP)) continue;
        const rate = Math.max(100, Math.round((tier.cents * r.uniform(0.1, 0.2)) / 1000) * 1000);
        const k = Math.ceil((min * r.uniform(1, 1.3)) / rate);
        const days = placeDays(config, [tier], r.int(0, 2), k, r);
        if (k > 12 || k * rate > cap || !days) continue;
        const vendor = loyalVendor(b, TRAVEL_GROUP, r);
        const item = GROUPS[TRAVEL_GROUP]!.items[1]!;
        const where = r.int(0, DESTINATIONS_EN.length - 1);
        const names = r.shuffle(b.lang === 'zh' ? SURNAMES_ZH : SURNAMES_EN);
        const style = writesVariants(b) ? travelStyle(r) : undefined;
        // Rates a little apart (varied buyers), still together at least the crossing amount.
        const rates = days.map(() => (style ? Math.round((rate * r.uniform(1 - style.spread, 1 + style.spread)) / 100) * 100 : rate));
        if (rates.reduce((a, x) => a + x, 0) < min || Math.max(...rates) >= tier.cents * 0.21) continue;
        const records = days.map((day, i) => ledger.add(b, day, vendor, rates[i]!,
          style
            ? travelSubject(style, b.lang, b.lang === 'zh' ? DESTINATIONS_ZH[where]! : DESTINATIONS_EN[where]!, names[i % names.length]!)
            : b.lang === 'zh' ? `赴${DESTINATIONS_ZH[where]}考察团费（${names[i % names.length]}）` : `Study visit to ${DESTINATIONS_EN[where]} – ${names[i % names.length]}`, {
            category: recordedCategory(b, item.code, r),
            project: routineProject(b, 'general', ledger.yearOf(day), r),
            method: cardMethod(b),
          }));
        return { kind, records, thresholdId: tier.id, buyer: b.name };
      }
      case 'marketplaceOrder': {
        const goods = tier.groups.filter((gi) => GROUPS[gi]!.domain === 'office');
        const k = r.int(2, 5);
        const amounts = splitCents(r.int(min, Math.min(cap, Math.floor(min * 1.4))), k, tier.cents - 1, r);
        const days = placeDays(config, [tier], r.int(0, 2), k, r);
        if (goods.length === 0 || !amounts || !days) continue;
        const vendor = b.lang === 'zh' ? r.pick(BIG_VENDORS_ZH) : r.pick(BIG_VENDORS_EN);
        const order = String(r.int(100_000_000, 999_999_999));
        // Varied: the order number only in the document (0), only in the subject (1), or in both (2), in
        // another document format.
        const where = writesVariants(b) ? r.int(0, 2) : 2;
        const format = writesVariants(b) ? r.int(0, 3) : 0;
        const records = amounts.map((cents, i) => {
          const gi = r.pick(goods);
          const item = r.pick(GROUPS[gi]!.items);
          const year = ledger.yearOf(days[i]!);
          const subject = where === 0 ? subjectOf(item, b.lang, year, r) : b.lang === 'zh' ? `${item.zh}（订单号${order}）` : `${item.en} – order ${order}`;
          return ledger.add(b, days[i]!, vendor, cents, subject, {
            category: recordedCategory(b, item.code, r),
            project: routineProject(b, 'office', year, r),
            method: b.lang === 'zh' ? '电子卖场' : 'e-marketplace',
            document: where === 1 ? invoiceNumber(year, r) : [`${order}-${i + 1}`, `${order}/${i + 1}`, `PO${order}-L${i + 1}`, `${order}_${String(i + 1).padStart(2, '0')}`][format],
          });
        });
        return { kind, records, thresholdId: tier.id, buyer: b.name };
      }
      case 'sameDayCoincidence': {
        const gi = r.pick(tier.groups);
        const group = GROUPS[gi]!;
        const big = r.int(Math.ceil(tier.cents * 0.86), Math.floor(tier.cents * 0.95));
        const small = r.int(Math.max(min - big, Math.ceil(tier.cents * 0.1)), Math.floor(tier.cents * 0.4));
        const days = placeDays(config, [tier], 0, 1, r);
        if (big + small > cap || !days) continue;
        // Two items of one category (the same first four digits), from two vendors, under two projects.
        const first = r.pick(group.items);
        const kin = group.items.filter((x) => x !== first && x.code.slice(0, 4) === first.code.slice(0, 4));
        const items = [first, kin.length > 0 ? r.pick(kin) : first];
        const vendors = distinctVendors(b, [gi, gi], r);
        const year = ledger.yearOf(days[0]!);
        // Varied: both under the category's own project half the time.
        const oneProject = writesVariants(b) && r.chance(0.5);
        const projects = b.projects
          ? oneProject ? [domainProject(b, group.domain, year), domainProject(b, group.domain, year)] : r.shuffle([domainProject(b, group.domain, year), domainProject(b, otherDomain(group.domain), year)])
          : [undefined, undefined];
        const records = r.shuffle([big, small]).map((cents, i) => ledger.add(b, days[0]!, vendors[i]!, cents, subjectOf(items[i]!, b.lang, year, r), {
          category: recordedCategory(b, items[i]!.code, r),
          project: projects[i],
          method: negotiatedMethod(b, r),
          document: invoiceNumber(year, r),
        }));
        return { kind, records, thresholdId: tier.id, buyer: b.name };
      }
      case 'nearLimitNeighbours': {
        // Tied by a project (other category groups) or by a category group (other projects or none).
        if (!b.projects && !b.categories) continue;
        const byProject = b.projects && (!b.categories || r.chance(0.5));
        const k = r.int(2, 3);
        const gaps = [r.int(1, 25)];
        if (k === 3) gaps.push(r.int(1, Math.min(25, 29 - gaps[0]!)));
        const first = placeDays(config, [tier], gaps.reduce((a, x) => a + x, 0), 1, r);
        const amounts = Array.from({ length: k }, () => r.int(Math.ceil(tier.cents * 0.85), Math.floor(tier.cents * 0.99)));
        if (!first || amounts.reduce((a, x) => a + x, 0) > cap) continue;
        const days = [first[0]!];
        for (const gap of gaps) days.push(days[days.length - 1]! + gap);
        const items = byProject ? groupsApart(tier.groups, k, r) : itemsOfOneGroup(tier.groups, k, r);
        if (!items) continue;
        const year = ledger.yearOf(days[0]!);
        const domain = GROUPS[items[0]!.gi]!.domain;
        const projects: (string | undefined)[] = byProject
          ? items.map(() => domainProject(b, domain, year))
          : b.projects ? r.shuffle([domainProject(b, domain, year), domainProject(b, otherDomain(domain), year), undefined]) : [undefined, undefined, undefined];
        const vendors = distinctVendors(b, items.map((x) => x.gi), r);
        const records = items.map(({ gi, item }, i) => ledger.add(b, days[i]!, vendors[i]!, amounts[i]!, subjectOf(item, b.lang, ledger.yearOf(days[i]!), r), {
          category: byProject ? recordedCategory(b, item.code, r) : item.code,
          project: projects[i],
          method: negotiatedMethod(b, r),
          document: invoiceNumber(ledger.yearOf(days[i]!), r),
        }));
        return { kind, records, thresholdId: tier.id, buyer: b.name };
      }
    }
  }
  return undefined;
}

/** k groups of one domain (that of a group drawn from `groups`) whose codes differ in their first three digits, with an item of each; undefined when there are fewer. */
function groupsApart(groups: readonly number[], k: number, r: Rng): { gi: number; item: Item }[] | undefined {
  const domain = GROUPS[r.pick(groups)]!.domain;
  const seen = new Set<string>();
  const out: { gi: number; item: Item }[] = [];
  for (const gi of r.shuffle(groups.filter((x) => GROUPS[x]!.domain === domain))) {
    const item = r.pick(GROUPS[gi]!.items);
    if (seen.has(item.code.slice(0, 3))) continue;
    seen.add(item.code.slice(0, 3));
    out.push({ gi, item });
    if (out.length === k) return out;
  }
  return undefined;
}

/** k different items of one group of `groups` whose codes share their first three digits; undefined when the group drawn has fewer. */
function itemsOfOneGroup(groups: readonly number[], k: number, r: Rng): { gi: number; item: Item }[] | undefined {
  const gi = r.pick(groups);
  const first = r.pick(GROUPS[gi]!.items);
  const kin = GROUPS[gi]!.items.filter((x) => x.code.slice(0, 3) === first.code.slice(0, 3));
  return kin.length < k ? undefined : r.shuffle(kin).slice(0, k).map((item) => ({ gi, item }));
}

/** How a varied buyer writes per-traveller charges: where the name goes, in what form, and how far rates spread. */
interface TravelStyle {
  readonly place: 'before' | 'inside' | 'after';
  readonly form: 'initial' | 'surnameFirst' | 'title';
  /** Rates differ per traveller by up to this share (room types, fares). */
  readonly spread: number;
  /** The trip written without a travel word (the destination and the event only). */
  readonly bare: boolean;
}

const travelStyle = (r: Rng): TravelStyle => ({
  place: r.pick(['before', 'inside', 'after'] as const),
  form: r.pick(['initial', 'surnameFirst', 'title'] as const),
  spread: r.pick([0, 0.02, 0.04]),
  bare: r.chance(0.15),
});

/** A per-traveller subject in a style: `Smith, A. – Hotel, Tokyo study visit`, `Tokyo (Mr Smith) forum`, `王某赴日本考察住宿费`. */
function travelSubject(style: TravelStyle, lang: 'zh' | 'en', where: string, name: string): string {
  if (lang === 'zh') {
    const [head, tail] = style.bare ? [where, '交流活动'] : [`赴${where}`, '考察住宿费'];
    return style.place === 'before' ? `${name}${head}${tail}` : style.place === 'inside' ? `${head}（${name}）${tail}` : `${head}${tail}-${name}`;
  }
  const [initial, surname] = name.split(' ') as [string, string];
  const who = style.form === 'initial' ? name : style.form === 'surnameFirst' ? `${surname}, ${initial}` : `Mr ${surname}`;
  const [head, tail] = style.bare ? [where, 'forum'] : ['Hotel', `${where} study visit`];
  return style.place === 'before' ? `${who} – ${head} ${tail}` : style.place === 'inside' ? `${head} (${who}) ${tail}` : `${head}, ${tail} – ${who}`;
}
