/**
 * Routine buying: the background of a simulated ledger, the purchases nobody split. Each buyer buys
 * from its preferred category groups, mostly from its usual vendors, with log-normal amounts around
 * each group's median, more in December and fewer at the Spring Festival and at weekends.
 */
import { partsOf } from '../_lib/days.js';
import { GROUPS, MONTH_WEIGHTS, ROUTINE_METHOD_WEIGHTS, ROUTINE_METHODS_EN, ROUTINE_METHODS_ZH } from './_catalogue.js';
import { cumulative, type Rng } from './_prng.js';
import { subjectOf } from './_wording.js';
import { loyalVendor, recordedCategory, routineProject, type Buyer } from './buyers.js';
import type { DraftLedger } from './ledger.js';

/**
 * Adds `config.total` routine purchases, shared among the buyers by a size drawn per buyer
 * (×0.3–×1.7). Amounts are redrawn while at or above half the lowest tier (after 8 tries, drawn
 * uniformly under it); 0.3 % are large purchases of 1–3 times the lowest tier, bought by public tender.
 *
 * Runs in O(n) for n purchases.
 */
export function buyRoutine(ledger: DraftLedger, buyers: readonly Buyer[], r: Rng): void {
  const { config } = ledger;
  const lowest = config.tiers[0]!;

  // Per-day weights: month seasonality, weekends rare.
  const dayWeights: number[] = [];
  for (let d = config.start; d <= config.end; d++) {
    const month = partsOf(d)[1] - 1;
    const weekday = (((d + 4) % 7) + 7) % 7;
    dayWeights.push((MONTH_WEIGHTS[month] ?? 1) * (weekday === 0 || weekday === 6 ? 0.12 : 1));
  }
  const dayCum = cumulative(dayWeights);
  const methodCum = cumulative(ROUTINE_METHOD_WEIGHTS);
  const halfLowest = lowest.cents / 2;

  const sizes = buyers.map(() => r.uniform(0.3, 1.7));
  const sizeSum = sizes.reduce((a, x) => a + x, 0);
  let assigned = 0;
  buyers.forEach((b, bi) => {
    const n = bi === buyers.length - 1 ? config.total - assigned : Math.round((config.total * (sizes[bi] as number)) / sizeSum);
    assigned += n;
    for (let j = 0; j < n; j++) {
      const day = config.start + r.weighted(dayCum);
      const gi = r.weighted(b.groupCum);
      const group = GROUPS[gi]!;
      const item = r.pick(group.items);
      let cents: number;
      let method: string;
      if (r.chance(0.003)) {
        cents = Math.round(lowest.cents * r.uniform(1, 3));
        method = b.lang === 'zh' ? '公开招标' : 'public tender';
      } else {
        let tries = 0;
        do cents = Math.max(100, Math.round(group.median * 100 * Math.exp(r.normal())));
        while (cents >= halfLowest && ++tries < 8);
        // Thresholds far below a group's typical amount (a card limit): stay under half the lowest tier.
        if (cents >= halfLowest) cents = Math.max(1, Math.round(halfLowest * r.uniform(0.05, 1)) - 1);
        if (cents > 50_000_00 && r.chance(0.5)) cents = Math.round(cents / 100_00) * 100_00;
        const m = r.weighted(methodCum);
        method = (b.lang === 'zh' ? ROUTINE_METHODS_ZH[m] : ROUTINE_METHODS_EN[m]) as string;
      }
      const year = ledger.yearOf(day);
      const vendor = loyalVendor(b, gi, r);
      const subject = subjectOf(item, b.lang, year, r);
      const category = recordedCategory(b, item.code, r);
      const project = routineProject(b, group.domain, year, r);
      ledger.add(b, day, vendor, cents, subject, { category, project, method, document: `FP${year}${String(r.int(0, 999_999)).padStart(6, '0')}` });
    }
  });
}
