/**
 * A plain recount of what a finding's buyer did besides the finding, from the input records alone:
 * the oracle of the buyer baselines (test/score/baseline.test.ts) and of the sentences that report
 * them (test/report/explain.properties.test.ts). Shares nothing with src/score but the key
 * normalisers, and filters the records afresh for every figure.
 */
import Decimal from 'decimal.js';
import { categoryKey, normalizeText, vendorKey } from '../../src/records/normalize.js';
import type { PurchaseRecordInput } from '../../src/records/record.js';

/** Day number of a record's date (`YYYY-MM-DD`), by plain UTC arithmetic. */
export const dayNumber = (date: string | Date) => {
  const iso = String(date);
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
};

/** What the recount needs to know of the policy. */
export interface RecountPolicy {
  /** `subject.categoryPrefix`. */
  readonly depth: number;
  readonly minPartShare: number;
  /** Units of the report currency per unit of each record currency (the report currency is 1). */
  readonly rates: Readonly<Record<string, number>>;
  /** Placeholder vendor names: each record carrying one is from a vendor of its own. @defaultValue none */
  readonly placeholders?: readonly string[];
  /**
   * The records whose dates the ledger covers: every accepted record, those the policy excludes
   * from the analysis too (they are still in the ledger). @defaultValue the records recounted
   */
  readonly ledger?: readonly PurchaseRecordInput[];
}

/** The figures of {@link recountBaseline}. */
export interface Recount {
  readonly buyerOthers: number;
  /** Days from the buyer's first to its last record that the ledger covers, and those it does not (see {@link COVERED_GAP}); the parts' days likewise. */
  readonly days: number;
  readonly uncovered: number;
  readonly window: number;
  readonly subject: string[] | undefined;
  /** Other purchases in the subject, and those of a part's size. */
  readonly others: number;
  readonly sized: number;
  readonly percentile: number;
  /** The parts' named vendors, and the parts with a placeholder vendor. */
  readonly vendors: number;
  readonly placeholders: number;
  readonly fromVendors: number;
}

/** A stretch of more days than this with no record of any buyer is a gap in the ledger, which no rate counts. */
export const COVERED_GAP = 31;

/** A record's amount in the report currency, as a number. */
export const valueIn = (r: PurchaseRecordInput, rates: Readonly<Record<string, number>>) => Number(r.amount) * (rates[r.currency] as number);

/** A record's amount in the report currency, exactly. */
export const exactIn = (r: PurchaseRecordInput, rates: Readonly<Record<string, number>>) => new Decimal(String(r.amount)).times(rates[r.currency] as number);

/**
 * Recounts, among the accepted `records` (less those the policy excludes), the baseline of the
 * parts `partIds` (records of one buyer) against a threshold of `limit` compared `comparison`.
 */
export function recountBaseline(records: readonly PurchaseRecordInput[], partIds: ReadonlySet<string>, limit: number, comparison: 'atOrAbove' | 'above', policy: RecountPolicy): Recount {
  const value = (r: PurchaseRecordInput) => valueIn(r, policy.rates);
  const parts = records.filter((r) => partIds.has(String(r.id)));
  const buyerKey = normalizeText((parts[0] as PurchaseRecordInput).buyer);
  const ofBuyer = records.filter((r) => normalizeText(r.buyer) === buyerKey);
  const prefix = (r: PurchaseRecordInput) => (r.category === undefined ? undefined : categoryKey(r.category).slice(0, policy.depth));
  const subject = policy.depth > 0 && parts.every((r) => r.category !== undefined) ? [...new Set(parts.map((r) => prefix(r) as string))].sort() : undefined;
  const inSubject = ofBuyer.filter((r) => subject === undefined || (r.category !== undefined && subject.includes(prefix(r) as string)));
  const others = inSubject.filter((r) => !partIds.has(String(r.id)));
  const days = ofBuyer.map((r) => dayNumber(r.date));
  const [first, last] = [Math.min(...days), Math.max(...days)];
  // The ledger's gaps: between two consecutive dates of any record, more than COVERED_GAP days with none.
  const dated = [...new Set((policy.ledger ?? records).map((r) => dayNumber(r.date)))].sort((a, b) => a - b);
  const gapsWithin = (from: number, to: number) => {
    let n = 0;
    for (let i = 1; i < dated.length; i++) {
      const gap = (dated[i] as number) - (dated[i - 1] as number) - 1;
      if (gap > COVERED_GAP && (dated[i - 1] as number) >= from && (dated[i] as number) <= to) n += gap;
    }
    return n;
  };
  const uncovered = gapsWithin(first, last);
  const partDays = parts.map((r) => dayNumber(r.date));
  const floor = limit * policy.minPartShare;
  const sized = others.filter((r) => value(r) >= floor && (comparison === 'above' ? value(r) <= limit : value(r) < limit));
  // Mid-ranks (ties count half), as one fraction of whole numbers.
  const twiceRank = (v: number) => 2 * others.filter((r) => value(r) < v).length + others.filter((r) => value(r) === v).length;
  const placeholder = (r: PurchaseRecordInput) => (policy.placeholders ?? []).some((v) => vendorKey(v) === vendorKey(r.vendor));
  const vendors = new Set(parts.filter((r) => !placeholder(r)).map((r) => vendorKey(r.vendor)));
  return {
    buyerOthers: ofBuyer.length - parts.length,
    days: last - first + 1 - uncovered,
    uncovered,
    window: Math.max(...partDays) - Math.min(...partDays) + 1 - gapsWithin(Math.min(...partDays), Math.max(...partDays)),
    subject,
    others: others.length,
    sized: sized.length,
    percentile: others.length ? parts.reduce((s, r) => s + twiceRank(value(r)), 0) / (2 * others.length * parts.length) : 0,
    vendors: vendors.size,
    placeholders: parts.filter(placeholder).length,
    fromVendors: others.filter((r) => !placeholder(r) && vendors.has(vendorKey(r.vendor))).length,
  };
}
