/**
 * The grouping policy: when two purchases count as parts of one requirement.
 * Buyer is always compared; vendor, time and subject are set here.
 */

/** The calendar periods a window can be. */
export const CALENDAR_PERIODS = ['day', 'week', 'month', 'quarter', 'year', 'fiscalYear'] as const;

/** One of {@link CALENDAR_PERIODS}. */
export type CalendarPeriod = (typeof CALENDAR_PERIODS)[number];

/**
 * The time window.
 * - `{ days: N }`: a rolling window of N consecutive calendar days: two records fit in one window when
 *   their dates are at most N − 1 days apart; `{ days: 1 }` is "same day".
 * - `{ period }`: a calendar period: records fit when they fall in the same day, ISO week (Monday
 *   first), month, quarter, calendar year, or fiscal year starting in month `fiscalYearStart` (1–12).
 */
export type WindowOption =
  | { days: number }
  | { period: Exclude<CalendarPeriod, 'fiscalYear'> }
  | { period: 'fiscalYear'; fiscalYearStart: number };

/** The vendor rules. */
export const VENDOR_RULES = ['same', 'any'] as const;

/**
 * `'same'`: parts share a vendor. `'any'`: parts may come from different vendors (the real case);
 * purchases from one vendor are then related whatever their subjects, unless `linkSameVendor` is false.
 */
export type VendorRule = (typeof VENDOR_RULES)[number];

/**
 * When two purchases are about the same requirement.
 *
 * Three signals are compared, each only when both records carry it:
 * - category: codes share their first `categoryPrefix` characters (0 turns the signal off);
 * - project: the same budget project / requisition, when it is specific (`maxProjectCategories`),
 *   compared by the words that name it (`projectName`: a budget year however written, no "project");
 * - text: similarity of `subject` texts (weighted Jaccard of their tokens, each token weighing more
 *   the rarer it is in the buyer's ledger: see `textSimilarity`) is at least `minSimilarity`, in
 *   (0, 1] (0 turns the signal off); or, where neither categories nor projects are comparable, the
 *   texts share a rare token (one in at most 1 of 32 of the buyer's subjects).
 *
 * Zero means "off" for both numbers: `{ categoryPrefix: 5, minSimilarity: 0 }` compares category
 * codes only, `{ categoryPrefix: 0 }` texts and projects only.
 *
 * With no requirement set, two records are related when some comparable signal matches, or when no
 * signal is comparable (missing data does not separate records; the finding's subject reason says the
 * evidence was absent). `sameProject` / `sameCategory` turn a signal into a requirement: records must
 * then both carry it and match on it, and the required signals alone decide.
 */
export interface SubjectRule {
  /** A whole number of characters, or 0 to leave category codes out. @defaultValue 3 */
  categoryPrefix?: number | undefined;
  /** In (0, 1], or 0 to leave texts out. @defaultValue 0.3 */
  minSimilarity?: number | undefined;
  /** @defaultValue false */
  sameProject?: boolean | undefined;
  /** Requires equal category prefixes (so `categoryPrefix` must be at least 1). @defaultValue false */
  sameCategory?: boolean | undefined;
  /**
   * A project links records only when it is specific: a buyer's project whose records span more than
   * this many category divisions (an all-digit code's first two digits, a CPV division; another
   * code cut to `categoryPrefix`, whole at 0) is a broad budget
   * line ("general running costs") and is not evidence of one requirement. The same bound applies
   * to a vendor's trade (`vendorTrade`), which links the records of different vendors under
   * `vendor: 'any'` with `linkSameVendor`. `Infinity` lets every project and trade link; 0 turns
   * both signals off (projects then neither link nor separate records, as on card data where a cost
   * centre says nothing about the order).
   * @defaultValue 4
   */
  maxProjectCategories?: number | undefined;
}

/**
 * Records that are never parts of a split, though they are analysed and counted: purchases from
 * these vendors (compared as vendors are: case, punctuation and legal forms ignored; a name ending
 * in `*` is every vendor whose name starts so: `'Travelodge*'` takes `TRAVELODGE GB0000` and
 * `Travelodge Birmingham`) and in these categories (category-code prefixes: `'3'` is every code
 * starting with 3).
 */
export interface ExcludeRule {
  /** @defaultValue `[]` */
  vendors?: readonly string[] | undefined;
  /** @defaultValue `[]` */
  categories?: readonly string[] | undefined;
}
