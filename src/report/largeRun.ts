import type { Item } from '../cluster/item.js';
import { recordAt, type RecordTable } from '../records/table.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { totalComparison } from '../thresholds/compare.js';
import { groupedMoney, moneyString } from '../_lib/decimal.js';
import { exactTotal } from '../cluster/total.js';

/**
 * A window whose linked purchases were too many to be one requirement cut into pieces: more than
 * `maxParts` of them, together crossing a threshold. It is reported apart from the findings, as a
 * rule that groups too much, with its purchases counted and the first `maxParts` listed.
 */
export interface LargeRun {
  readonly buyer: string;
  /** The threshold the purchases cross together. */
  readonly threshold: { readonly id: string; readonly amount: string; readonly currency: string; readonly procedure: string };
  /** The window of the rule, in words (e.g. `'a 30-day window'`). */
  readonly window: string;
  /** First and last purchase dates, `YYYY-MM-DD`. */
  readonly start: string;
  readonly end: string;
  /** Number of purchases. */
  readonly parts: number;
  /** Exact sum of all the purchases, in {@link currency}. */
  readonly total: string;
  readonly currency: string;
  /** The first `maxParts` record ids, in date order (ties by id). */
  readonly recordIds: readonly string[];
  /** What the rule grouped, and what to do about it. */
  readonly explanation: string;
}

/** What a large run is reported in: the report currency, the window in words, `maxParts`, and the record table the items index. */
export interface LargeRunContext {
  readonly currency: string;
  readonly windowLabel: string;
  readonly maxParts: number;
  readonly table: RecordTable;
}

/**
 * The large-run report of a window's purchases (items in date order) that cross `tier`.
 *
 * Runs in O(k) for k purchases, with no Decimal per purchase (see `exactTotal`).
 *
 * @example
 * // Three purchases of 400 CNY on one day, a 1,000 CNY limit, maxParts: 2.
 * const records = ['L1', 'L2', 'L3'].map((id) => ({ id, buyer: 'City Works', vendor: 'Road Co', date: '2024-03-14', amount: '400', currency: 'CNY', subject: 'road repairs' }));
 * detectSplits(records, { thresholds: [{ id: 'q', amount: '1000', currency: 'CNY', procedure: 'quotation' }], maxParts: 2 }).stats.largeRuns[0].explanation
 * //=> "The rule (a 30-day window) grouped 3 purchases by City Works on 2024-03-14, 1,200.00 CNY together,
 * //    into one cluster: they reach the 1,000.00 CNY limit for quotation (threshold q). More than 2
 * //    linked purchases in one window are not the shape of one requirement cut into pieces but of a
 * //    rule that groups too much: narrow it (a shorter window, vendor 'same', a longer categoryPrefix
 * //    or a higher minSimilarity; the command: --window, --vendor same, --category-prefix,
 * //    --min-similarity), or check whether these are call-offs of one contract. They are not
 * //    reported as findings; the first 2 record ids are listed."
 */
export function buildLargeRun(run: readonly Item[], tier: ResolvedThreshold, ctx: LargeRunContext): LargeRun {
  const first = recordAt(ctx.table, (run[0] as Item).k);
  const last = recordAt(ctx.table, (run[run.length - 1] as Item).k);
  const total = exactTotal(ctx.table, run.map((it) => it.k));
  const t = tier.threshold;
  const when = first.date === last.date ? `on ${first.date}` : `from ${first.date} to ${last.date}`;
  const explanation =
    `The rule (${ctx.windowLabel}) grouped ${run.length} purchases by ${first.buyer} ${when}, ${groupedMoney(total)} ${ctx.currency} together, ` +
    `into one cluster: they ${totalComparison(t) === 'above' ? 'exceed' : 'reach'} the ${groupedMoney(tier.value)} ${ctx.currency} limit for ${t.procedure} (threshold ${t.id}). ` +
    `More than ${ctx.maxParts} linked purchases in one window are not the shape of one requirement cut into pieces but of a rule that groups too much: ` +
    `narrow it (a shorter window, vendor 'same', a longer categoryPrefix or a higher minSimilarity; the command: --window, --vendor same, --category-prefix, --min-similarity), or check whether these are call-offs of one contract. ` +
    `They are not reported as findings; the first ${Math.min(ctx.maxParts, run.length)} record ids are listed.`;
  return {
    buyer: first.buyer,
    threshold: { id: t.id, amount: moneyString(tier.value), currency: ctx.currency, procedure: t.procedure },
    window: ctx.windowLabel,
    start: first.date,
    end: last.date,
    parts: run.length,
    total: moneyString(total),
    currency: ctx.currency,
    recordIds: run.slice(0, ctx.maxParts).map((it) => ctx.table.id[it.k] as string),
    explanation,
  };
}
