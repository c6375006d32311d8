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
 * - `mixed`: every habit above drawn at random for each buyer.
 * Buyers with messy or blank habits (in `sparseFields`, `messy` and some of `mixed`) also write their
 * decoys in varied forms: per-traveller charges with the name elsewhere and rates a little apart,
 * order numbers only in the document or only in the subject (see `writesVariants` in decoys.ts).
 */
export type SimulatedRegime = 'classic' | 'heavyTail' | 'dense' | 'sparseFields' | 'messy' | 'mixed';

export const REGIMES: readonly SimulatedRegime[] = ['classic', 'heavyTail', 'dense', 'sparseFields', 'messy', 'mixed'];

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
  /** Share of routine purchases made in busy categories, bought every few days from one or two vendors. */
  readonly busyShare: number;
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
}

/** The habits of every buyer when no regime is given: the simulator as it was, draw for draw. */
export const CLASSIC_HABITS: Habits = {
  scale: 1, spread: 1, cap: 0.5, busyShare: 0, busyGroups: 0, services: 0, tinyShare: 0,
  categories: undefined, projects: undefined, vague: 0, messy: 0, blank: 0,
};

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
    case 'mixed': {
      const busy = r.chance(0.5);
      return {
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
    }
  }
}
