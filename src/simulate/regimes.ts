/**
 * Regimes: the ways real ledgers differ, as per-buyer habits. A regime names ranges for each habit;
 * every buyer of a ledger draws its own habits from its regime's ranges, and `mixed` draws every
 * habit from the widest range, buyer by buyer, so no two buyers need share a shape.
 */
import type { Rng } from './_prng.js';

/**
 * Regimes of {@link simulate}:
 * - `classic`: the sparse, regular background the simulator had before regimes (log-normal amounts
 *   with σ = 1 kept under half the lowest tier, buyers from a few vendors per category), scaled to the
 *   thresholds given.
 * - `heavyTail`: log-normal amounts with σ 1.3–2.2 per buyer (the top 1 % of purchases hold a large
 *   share of spend), anything up to the lowest tier bought directly and larger purchases tendered;
 *   buyers' purchases 0.6–1.6 times the usual size.
 * - `dense`: 1–3 busy categories per buyer, each bought at least fortnightly (weekly for most buyers)
 *   from one or two vendors at 4–20 % of the lowest tier (35–60 % of its purchases); 2–4 monthly
 *   service contracts (as many as fit in a quarter of its purchases); and tiny buys, under 1 % of the
 *   tier, from one stationery supplier (10–25 % of its purchases).
 * - `sparseFields`: few buyers record category codes (20 %) or budget projects (20 %); 30–70 % of
 *   subjects say nothing ("Goods", "采购"); 30–80 % of records have no document number, and no method
 *   unless it was a tender or a framework.
 * - `messy`: 30–70 % of fields written with variants: subjects abbreviated, misspelt, upper-cased or
 *   tagged with references; vendor names in other cases and legal forms; projects and methods in other
 *   wordings; category codes with check digits or dots.
 * - `uneven`: a real ledger's unevenness. Buyers of very different sizes: routine purchases shared
 *   by rank among the ledger's buyers as rank^−1.1 (Zipf-like: in a ledger of 40 buyers of 350
 *   purchases on average, the largest buys some 2,000 times a year and the smallest a few dozen), and
 *   splits and decoys fall on buyers in proportion to their purchases. A year-end rush: the fiscal
 *   year's last one or two months carry 2–4 times the usual volume. A busy category (35–50 % of its
 *   purchases, from one or two vendors, busier in the rush) at 12–30 % of the lowest tier, so most of
 *   its purchases are large enough to be parts of a split: in the largest buyers a busy month of it
 *   holds more than 50 of them within 30 days (beyond the detector's default `maxParts`). Some
 *   monthly contracts (1–3) and tiny buys (5–15 %) as in `dense`. Splits diluted by routine purchases: 30–60 %
 *   of same-vendor and equal-parts splits are bought from a busy category's vendor, among its routine
 *   purchases there. Slow splits: 30–60 % of a buyer's splits (all but `fiscalYear`) spread their
 *   parts over 14–29 days. Cross-contractor bundles: 50–100 % of its rotated-vendor splits tied only
 *   by a site word in the subject ("Civic Centre refurbishment – lighting", "… – signage"), one item
 *   of each category group of the requirement, no project of their own; the buyer's sites also name
 *   5 % of its routine subjects. And 80 % of its buyers keep an order
 *   book (see orderBooks.ts): their documents are numbered in one series in date order, so
 *   purchases dated one after the other carry numbers one apart, split or not.
 * - `mixed`: every habit above drawn at random for each buyer (the size by rank for half of them,
 *   the others sized as in the other regimes; an order book for half of them).
 * Buyers with messy or blank habits (in `sparseFields`, `messy` and some of `mixed`) also write their
 * decoys in varied forms: per-traveller charges with the name elsewhere and rates a little apart,
 * order numbers only in the document or only in the subject (see `writesVariants` in decoys.ts).
 */
export type SimulatedRegime = 'classic' | 'heavyTail' | 'dense' | 'sparseFields' | 'messy' | 'uneven' | 'mixed';

export const REGIMES: readonly SimulatedRegime[] = Object.freeze(['classic', 'heavyTail', 'dense', 'sparseFields', 'messy', 'uneven', 'mixed']);

/** Regimes whose buyers may have the habits `uneven` added: their ledgers also make the kinds those habits need. */
export const UNEVEN_REGIMES: readonly SimulatedRegime[] = ['uneven', 'mixed'];

/** A buyer's habits: how it buys and how it writes its records. */
export interface Habits {
  /** Multiplies routine amounts (on top of the thresholds' own scale). */
  readonly scale: number;
  /** σ of the log of a routine amount around its group's median; the mean amount stays the group's. */
  readonly spread: number;
  /**
   * Routine amounts from this share of the lowest tier up are redrawn (0.5); at 1 none is: amounts
   * under the tier are bought directly, and those from the tier up by public tender.
   */
  readonly cap: number;
  /**
   * Sized by rank: the buyer's share of the ledger's routine purchases is its rank's (a random
   * permutation of the buyers) rank^−1.1, not a draw of ×0.3–×1.7.
   */
  readonly ranked: boolean;
  /** Volume of the fiscal year's last `rushMonths` months, times the usual (1: no rush). */
  readonly rush: number;
  /** Months of the year-end rush (1 or 2). */
  readonly rushMonths: number;
  /** Share of routine purchases made in busy categories, bought every few days from one or two vendors. */
  readonly busyShare: number;
  /** Range of a busy category's usual share of the lowest tier. */
  readonly busySize: readonly [number, number];
  /** Number of busy categories (when `busyShare` > 0). */
  readonly busyGroups: number;
  /** Monthly service contracts running through the ledger (as many as fit in a quarter of the buyer's purchases). */
  readonly services: number;
  /** Share of routine purchases that are tiny buys from one supplier. */
  readonly tinyShare: number;
  /** Records category codes; undefined: drawn as the classic simulator does (85 % of buyers). */
  readonly categories: boolean | undefined;
  /** Records budget projects; undefined: drawn as the classic simulator does (70 % of buyers). */
  readonly projects: boolean | undefined;
  /** Share of subjects that say nothing. */
  readonly vague: number;
  /** Share of fields written with variants. */
  readonly messy: number;
  /** Share of records without a document number (and without a method, unless tender or framework). */
  readonly blank: number;
  /** Share of its same-vendor and equal-parts splits bought from a busy category's vendor, among its routine purchases. */
  readonly diluted: number;
  /** Share of its splits (all but `fiscalYear`) whose parts spread over 14–29 days. */
  readonly slow: number;
  /**
   * Share of its rotated-vendor splits tied only by a site word in the subject; a buyer with a share
   * above 0 has 2–3 sites, which also name 5 % of its routine subjects.
   */
  readonly siteBundles: number;
}

/** The habits of every buyer when no regime is given: the simulator as it was, draw for draw. */
export const CLASSIC_HABITS: Habits = {
  scale: 1, spread: 1, cap: 0.5, ranked: false, rush: 1, rushMonths: 0, busyShare: 0, busySize: [0.04, 0.2], busyGroups: 0, services: 0, tinyShare: 0,
  categories: undefined, projects: undefined, vague: 0, messy: 0, blank: 0, diluted: 0, slow: 0, siteBundles: 0,
};

/** The habits `uneven` adds, drawn for one buyer. */
function unevenHabits(r: Rng): Pick<Habits, 'ranked' | 'rush' | 'rushMonths' | 'busyShare' | 'busySize' | 'busyGroups' | 'diluted' | 'slow' | 'siteBundles'> {
  return {
    ranked: true,
    rush: r.uniform(2, 4),
    rushMonths: r.int(1, 2),
    busyShare: r.uniform(0.35, 0.5),
    busySize: [0.12, 0.3],
    busyGroups: 1,
    diluted: r.uniform(0.3, 0.6),
    slow: r.uniform(0.3, 0.6),
    siteBundles: r.uniform(0.5, 1),
  };
}

/** One buyer's habits in a regime. */
export function drawHabits(regime: SimulatedRegime, r: Rng): Habits {
  switch (regime) {
    case 'classic':
      return CLASSIC_HABITS;
    case 'heavyTail':
      return { ...CLASSIC_HABITS, scale: r.uniform(0.6, 1.6), spread: r.uniform(1.3, 2.2), cap: 1 };
    case 'dense':
      return { ...CLASSIC_HABITS, busyShare: r.uniform(0.35, 0.6), busyGroups: r.int(1, 3), services: r.int(2, 4), tinyShare: r.uniform(0.1, 0.25) };
    case 'sparseFields':
      return { ...CLASSIC_HABITS, categories: r.chance(0.2), projects: r.chance(0.2), vague: r.uniform(0.3, 0.7), blank: r.uniform(0.3, 0.8) };
    case 'messy':
      return { ...CLASSIC_HABITS, messy: r.uniform(0.3, 0.7) };
    case 'uneven':
      return { ...CLASSIC_HABITS, ...unevenHabits(r), services: r.int(1, 3), tinyShare: r.uniform(0.05, 0.15) };
    case 'mixed': {
      const busy = r.chance(0.5);
      // The habits of `uneven`, each kept or not for this buyer (drawn after the others).
      const classic = {
        scale: Math.exp(r.uniform(-0.7, 0.7)),
        spread: r.uniform(0.8, 2.2),
        cap: r.chance(0.5) ? 1 : 0.5,
        busyShare: busy ? r.uniform(0.2, 0.6) : 0,
        busyGroups: r.int(1, 3),
        services: r.int(0, 4),
        tinyShare: r.chance(0.5) ? r.uniform(0, 0.3) : 0,
        categories: r.chance(0.6),
        projects: r.chance(0.5),
        vague: r.chance(0.5) ? r.uniform(0, 0.6) : 0,
        messy: r.chance(0.5) ? r.uniform(0, 0.6) : 0,
        blank: r.chance(0.5) ? r.uniform(0, 0.8) : 0,
      };
      const uneven = unevenHabits(r);
      return {
        ...classic,
        ranked: r.chance(0.5),
        rush: r.chance(0.5) ? uneven.rush : 1,
        rushMonths: uneven.rushMonths,
        busySize: busy && r.chance(0.5) ? uneven.busySize : CLASSIC_HABITS.busySize,
        diluted: r.chance(0.5) ? uneven.diluted : 0,
        slow: r.chance(0.5) ? uneven.slow : 0,
        siteBundles: r.chance(0.5) ? uneven.siteBundles : 0,
      };
    }
  }
}
