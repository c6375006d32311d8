/**
 * Routine buying: the background of a simulated ledger, the purchases nobody split. Each buyer buys
 * from its preferred category groups, mostly from its usual vendors, with log-normal amounts around
 * each group's median, more in December and fewer at the Spring Festival and at weekends; in regime
 * ledgers, also in its regular streams (see `buyStreams`), with amounts as its habits have them.
 */
import { partsOf } from '../_lib/days.js';
import { GROUPS, MONTH_WEIGHTS, ROUTINE_METHOD_WEIGHTS, ROUTINE_METHODS_EN, ROUTINE_METHODS_ZH } from './_catalogue.js';
import { cumulative, type Rng } from './_prng.js';
import { invoiceNumber, subjectOf } from './_wording.js';
import { loyalVendor, recordedCategory, routineProject, type Buyer } from './buyers.js';
import type { DraftLedger } from './ledger.js';
import type { SimulationConfig } from './options.js';
import { buyStreams } from './streams.js';

/**
 * Adds `config.total` routine purchases, shared among the buyers by a size drawn per buyer
 * (×0.3–×1.7), or by rank for buyers whose habits rank them (see `rankBuyers`); on days weighted by
 * `dayWeightsOf`, with the buyer's year-end rush if it has one. A group's amounts have its median times `config.scale` and the buyer's `scale`, and
 * the spread of its habits (σ = 1 classic), with the mean kept. Amounts are redrawn while at or above
 * the habits' `cap` share of the lowest tier (half, classic; after 8 tries, drawn uniformly under it);
 * with `cap` 1 nothing is redrawn and amounts from the tier up are bought by public tender. 0.3 % are
 * large purchases of 1–3 times the lowest tier, bought by public tender.
 *
 * Runs in O(n) for n purchases.
 */
export function buyRoutine(ledger: DraftLedger, buyers: readonly Buyer[], r: Rng): void {
  const { config } = ledger;
  const lowest = config.tiers[0]!;

  const classicDays = dayWeightsOf(config, 1, 0);
  const methodCum = cumulative(ROUTINE_METHOD_WEIGHTS);

  // Buyers sized by rank keep their weight; the draw is made all the same, so the others' draws stay.
  const sizes = buyers.map((b) => {
    const drawn = r.uniform(0.3, 1.7);
    return b.size ?? drawn;
  });
  const sizeSum = sizes.reduce((a, x) => a + x, 0);
  let assigned = 0;
  buyers.forEach((b, bi) => {
    const n = bi === buyers.length - 1 ? config.total - assigned : Math.round((config.total * (sizes[bi] as number)) / sizeSum);
    assigned += n;
    b.purchases = n;
    const h = b.habits;
    const dayCum = h.rush > 1 ? dayWeightsOf(config, h.rush, h.rushMonths) : classicDays;
    const made = buyStreams(ledger, b, n, r, dayCum);
    // Classic habits: a factor of exactly 1 and a cap of exactly half the lowest tier.
    const factor = config.scale * h.scale * Math.exp((1 - h.spread * h.spread) / 2);
    const cap = lowest.cents * h.cap;
    const redraw = h.cap < 1;
    const tender = b.lang === 'zh' ? '公开招标' : 'public tender';
    for (let j = made; j < n; j++) {
      const day = config.start + r.weighted(dayCum);
      const gi = r.weighted(b.groupCum);
      const group = GROUPS[gi]!;
      const item = r.pick(group.items);
      let cents: number;
      let method: string;
      if (r.chance(0.003)) {
        cents = Math.round(lowest.cents * r.uniform(1, 3));
        method = tender;
      } else {
        let tries = 0;
        do cents = Math.max(100, Math.round(group.median * 100 * factor * Math.exp(h.spread * r.normal())));
        while (redraw && cents >= cap && ++tries < 8);
        // Thresholds far below a group's typical amount (a card limit): stay under the cap.
        if (redraw && cents >= cap) cents = Math.max(1, Math.round(cap * r.uniform(0.05, 1)) - 1);
        if (cents > 50_000_00 * config.scale && r.chance(0.5)) cents = Math.round(cents / 100_00) * 100_00;
        const m = r.weighted(methodCum);
        method = cents >= lowest.cents ? tender : ((b.lang === 'zh' ? ROUTINE_METHODS_ZH[m] : ROUTINE_METHODS_EN[m]) as string);
      }
      const year = ledger.yearOf(day);
      const vendor = loyalVendor(b, gi, r);
      let subject = subjectOf(item, b.lang, year, r);
      // Buyers with sites name one in some subjects: `Civic Centre – office cleaning`.
      if (b.sites.length > 0 && r.chance(SITE_SHARE)) subject = `${r.pick(b.sites)}${b.lang === 'zh' ? '' : ' – '}${subject}`;
      const category = recordedCategory(b, item.code, r);
      const project = routineProject(b, group.domain, year, r);
      ledger.add(b, day, vendor, cents, subject, { category, project, method, document: invoiceNumber(year, r) });
    }
  });
}

/** Share of the routine subjects of a buyer with sites that name one of them. */
export const SITE_SHARE = 0.05;

/**
 * Cumulative weights of the ledger's days: month seasonality (Spring Festival lull, December budget
 * flush; the months weigh 1 on average), weekends rare, and the last `rushMonths` months of each
 * fiscal year weighing `rush` instead: `rush` times the usual month.
 *
 * Runs in O(d) for d days.
 */
export function dayWeightsOf(config: SimulationConfig, rush: number, rushMonths: number): number[] {
  const weights: number[] = [];
  for (let d = config.start; d <= config.end; d++) {
    const month = partsOf(d)[1] - 1;
    const weekday = (((d + 4) % 7) + 7) % 7;
    // Months before the fiscal year's first: 1 for the last month of the fiscal year, 2 for the one before.
    const toEnd = (((config.fiscalYearStart - 1 - month) % 12) + 12) % 12 || 12;
    weights.push((toEnd <= rushMonths ? rush : (MONTH_WEIGHTS[month] ?? 1)) * (weekday === 0 || weekday === 6 ? 0.12 : 1));
  }
  return cumulative(weights);
}
