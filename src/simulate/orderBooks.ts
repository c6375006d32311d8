/**
 * Order books: how a buyer numbers its documents. Most public buyers number their purchase orders
 * in one series, as they raise them, so two purchases dated one after the other carry numbers one
 * apart whether or not they are one requirement, and a split's parts carry them only when nothing
 * else was raised between. The classic simulator writes invoice numbers instead (`FP` + year + six
 * digits, drawn at random, and one apart only for splits raised together), which no real ledger
 * numbered in turn shows; in the regimes of {@link ORDER_BOOK_SHARE}, that share of the buyers keeps
 * an order book.
 */
import type { Rng } from './_prng.js';
import type { SimulatedRegime } from './regimes.js';
import type { SimulatedRecord } from './truth.js';

/** The share of buyers that number their documents in one series, in date order, per regime. */
export const ORDER_BOOK_SHARE: Readonly<Partial<Record<SimulatedRegime, number>>> = Object.freeze({ uneven: 0.8, mixed: 0.5 });

/** The invoice numbers an order book replaces: contract stages and order lines keep their numbers. */
const INVOICE = /^FP\d{10}$/u;

/**
 * Renumbers, in place, the invoice numbers of the buyers that keep an order book, in the records'
 * order (date order, one day's records in random order): `PO` + year + `-` + a count from a random
 * start, which skips a number now and then (a cancelled order, 1 in 10). Records without a document
 * keep none. Draws only from `r`, so the rest of the ledger is what it was, draw for draw.
 *
 * Runs in O(n) for n records.
 */
export function keepOrderBooks(records: SimulatedRecord[], buyers: readonly string[], regime: SimulatedRegime, r: Rng): void {
  const share = ORDER_BOOK_SHARE[regime] ?? 0;
  if (share === 0) return;
  const next = new Map<string, number>();
  for (const b of buyers) if (r.chance(share)) next.set(b, r.int(1, 900));
  for (const rec of records) {
    const n = next.get(rec.buyer);
    if (n === undefined || rec.document === undefined || !INVOICE.test(rec.document)) continue;
    rec.document = `PO${rec.date.slice(0, 4)}-${String(n).padStart(5, '0')}`;
    next.set(rec.buyer, n + (r.chance(0.1) ? r.int(2, 4) : 1));
  }
}
