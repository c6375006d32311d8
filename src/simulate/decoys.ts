/**
 * Decoys: legitimate look-alikes of splits, the patterns a naive rule flags (see {@link DecoyKind}):
 * a year of a monthly service, call-offs from a framework, one purchase just below a tier, and many
 * unrelated small buys from one marketplace.
 */
import { partsOf } from '../_lib/days.js';
import { BIG_VENDORS_EN, BIG_VENDORS_ZH, GROUPS, MONTHS_EN, RECURRING_GROUPS, type Item } from './_catalogue.js';
import { capOf, crossing, splitCents } from './_cents.js';
import { fiscalYearDays, placeDays } from './_placement.js';
import { subjectOf } from './_wording.js';
import { domainProject, loyalVendor, negotiatedMethod, recordedCategory, routineProject } from './buyers.js';
import type { InjectedDecoy } from './assemble.js';
import type { Injection } from './ledger.js';
import type { DecoyKind } from './truth.js';

/** One decoy of a kind: up to 50 attempts at a buyer, amounts and days that fit; else undefined. */
export function injectDecoy(c: Injection, kind: DecoyKind): InjectedDecoy | undefined {
  const r = c.rng;
  const { ledger } = c;
  const { config } = ledger;
  for (let attempt = 0; attempt < 50; attempt++) {
    const b = r.pick(c.buyers);
    const tier = kind === 'singleJustBelow' ? r.pick(config.tiers) : config.tiers[0]!;
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
        const records = days.map((day, i) => {
          const [y, m] = partsOf(day);
          return ledger.add(b, day, vendor, monthly, b.lang === 'zh' ? `${item.zh}费（${y}年${m}月）` : `${item.en} – ${MONTHS_EN[m - 1]} ${y}`, {
            category: recordedCategory(b, item.code, r),
            project,
            method: b.lang === 'zh' ? '询价' : 'request for quotation',
            document: `${contract}-${String(i + 1).padStart(2, '0')}`,
          });
        });
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
    }
  }
  return undefined;
}
