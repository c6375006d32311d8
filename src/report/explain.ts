import type { Decimal } from 'decimal.js';
import type { ReasonCode } from '../options/reasons.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { groupedMoney } from '../_lib/decimal.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The sentence for one reason, in words a reviewer can paste into working papers. */
export function reasonMessage(code: ReasonCode, value: number, k: number, ctx: { band: number; windowLabel: string }): string {
  const count = (share: number) => Math.round(share * k);
  switch (code) {
    case 'justBelow':
      return value > 0
        ? `${count(value)} of ${k} parts lie within ${pct(ctx.band)} below a limit in force.`
        : `No part lies within ${pct(ctx.band)} below a limit.`;
    case 'parts':
      return `The requirement was bought in ${k} parts.`;
    case 'span':
      return value === 0 ? 'All parts were bought on the same day.' : `The parts were bought within ${plural(value, 'day')} (${ctx.windowLabel} allowed).`;
    case 'sameDay':
      return value > 0 ? `${count(value)} of ${k} parts share their date with another part.` : 'No two parts share a date.';
    case 'vendorConcentration':
      return value === 1 ? 'All parts went to the same vendor.' : `The most frequent vendor received ${count(value)} of ${k} parts; the work was spread across vendors.`;
    case 'subjectSimilarity':
      return value > 0 ? `Consecutive parts' subjects agree ${pct(value)} on average (text, category code, project).` : 'No subject data could be compared.';
    case 'equalAmounts':
      return value <= 0.1
        ? `The amounts are nearly equal (coefficient of variation ${value.toFixed(2)}).`
        : value <= 0.3
          ? `The amounts are similar (coefficient of variation ${value.toFixed(2)}).`
          : `The amounts vary (coefficient of variation ${value.toFixed(2)}).`;
    case 'roundAmounts':
      return value > 0 ? `${count(value)} of ${k} amounts are round figures.` : 'No amount is a round figure.';
    case 'consecutiveDocuments':
      return value > 0 ? `${count(value)} of ${k} parts have consecutive document numbers.` : 'No consecutive document numbers.';
    case 'totalOverThreshold':
      return `Together they come to ${value.toFixed(2)} times the limit.`;
  }
}

/**
 * The counterfactual sentence: what the parts add up to, which limit and procedure that reaches,
 * by how much, and that each part stayed below it.
 *
 * @example
 * //=> 'Together these 3 purchases by Acme City (A1, A2, A3), 591,500.00 CNY from 2014-11-03 to
 * //    2014-11-20, reach the 300,000.00 CNY limit for decentralised procurement (threshold hz-decent)
 * //    by 291,500.00 CNY; each stayed below it.'
 */
export function counterfactual(args: {
  buyer: string;
  ids: readonly string[];
  total: Decimal;
  currency: string;
  tier: ResolvedThreshold;
  start: string;
  end: string;
}): string {
  const { buyer, ids, total, currency, tier, start, end } = args;
  const t = tier.threshold;
  const shown = ids.length <= 6 ? ids.join(', ') : `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more`;
  const when = start === end ? `on ${start}` : `from ${start} to ${end}`;
  const verb = t.comparison === 'above' ? 'exceed' : 'reach';
  const over = total.minus(tier.value);
  const by = over.isZero() ? 'exactly' : `by ${groupedMoney(over)} ${currency}`;
  const limit = `${groupedMoney(tier.value)} ${currency}${t.currency !== currency ? ` (${groupedMoney(t.amount)} ${t.currency})` : ''}`;
  return (
    `Together these ${ids.length} purchases by ${buyer} (${shown}), ${groupedMoney(total)} ${currency} ${when}, ` +
    `${verb} the ${limit} limit for ${t.procedure} (threshold ${t.id}${t.label ? `, ${t.label}` : ''}) ${by}; ` +
    'each stayed below it.'
  );
}

/** Rank of each code among reasons of equal weighted strength: the more telling first. */
const LISTING_RANK: Readonly<Record<ReasonCode, number>> = {
  justBelow: 0,
  consecutiveDocuments: 1,
  span: 2,
  sameDay: 3,
  subjectSimilarity: 4,
  vendorConcentration: 5,
  equalAmounts: 6,
  roundAmounts: 7,
  parts: 8,
  totalOverThreshold: 9,
};

/**
 * Reasons ordered for the reviewer: by weighted strength (strength × weight), strongest first; ties
 * by how telling the kind of evidence is (parts just below a limit first). Sorts in place and
 * returns the array. Runs in O(r log r).
 */
export function orderReasons<R extends { readonly code: ReasonCode; readonly strength: number; readonly weight: number }>(reasons: R[]): R[] {
  return reasons.sort((a, b) => b.strength * b.weight - a.strength * a.weight || LISTING_RANK[a.code] - LISTING_RANK[b.code]);
}
