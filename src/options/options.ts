import * as z from 'zod/mini';
import type { ThresholdInput } from '../thresholds/threshold.js';
import { isCurrencyCode } from '../_lib/currencies.js';
import { RATE_BOUNDS, exactDecimal } from '../_lib/decimal.js';
import { CALENDAR_PERIODS, VENDOR_RULES, type CalendarPeriod, type ExcludeRule, type SubjectRule, type VendorRule, type WindowOption } from './policy.js';
import { REASON_CODES, type ScoreWeights } from './reasons.js';

/**
 * Procedures whose records are never parts of a split by default: competitive procedures (the
 * requirement was tendered) and call-offs from frameworks or pools (repeated purchases there are the
 * point of the framework). Matched on the normalised `method` (NFKC, lower case).
 */
export const DEFAULT_SKIP_METHODS: readonly string[] = Object.freeze([
  'open',
  'open procedure',
  'open tender',
  'public tender',
  'restricted',
  'restricted procedure',
  'competitive tender',
  'framework',
  'framework agreement',
  'framework call-off',
  'call-off',
  'dynamic purchasing system',
  '公开招标',
  '邀请招标',
  '框架协议',
  '框架协议采购',
  '定点采购',
  '协议供货',
]);

/**
 * Vendor names that stand for many suppliers, not one: redacted names ("Redacted, personal data" in
 * UK spend files), "Various", "Sundry", "Miscellaneous", "Unknown", 个人 (an individual), 零星供应商
 * (sundry suppliers). Compared as vendors are (case, punctuation and legal forms ignored).
 */
export const DEFAULT_PLACEHOLDER_VENDORS: readonly string[] = Object.freeze([
  'redacted', 'redacted personal data', 'personal data', 'redacted for data protection', 'name withheld', 'withheld', 'not disclosed',
  'confidential', 'private individual', 'individual', 'various', 'various suppliers', 'various vendors', 'sundry', 'sundries',
  'sundry suppliers', 'sundry creditors', 'miscellaneous', 'misc', 'unknown', 'n/a', 'not applicable', 'none',
  '个人', '自然人', '其他', '零星供应商', '多家供应商',
]);

/** Default window: 30 consecutive days. */
export const DEFAULT_WINDOW: Readonly<WindowOption> = Object.freeze({ days: 30 });

/** Default "just below" band: 10% under a limit. */
export const DEFAULT_BAND = 0.1;

/** Default fewest parts of a finding. */
export const DEFAULT_MIN_PARTS = 2;

/** How a window's parts become a run by default (see `DetectSplitsOptions.runs`). */
export const DEFAULT_RUNS = 'requirement';

/** Default most parts of a finding: a window holding more is a large run (see `DetectSplitsOptions.maxParts`). */
export const DEFAULT_MAX_PARTS = 50;

/**
 * Default lowest score reported, chosen with the default weights on the blind ledger's seeds 1–4
 * (`npm run fit:weights`, bench/blind/weights.ts): of the cuts 0.20–0.40 in steps of 0.02, 0.30
 * recalls the most splits there (199 of 247; 196 at 0.26, 193 at 0.34, 174 at 0.40). A run scoring
 * under the cut leaves its parts to the thresholds that follow, so recall does not fall steadily as
 * the cut rises. A split under the cut is never read, while a false finding is read and dismissed:
 * recall decides.
 */
export const DEFAULT_MIN_SCORE = 0.3;

/** Default smallest part: 10% of the threshold. */
export const DEFAULT_MIN_PART_SHARE = 0.1;

/** Default subject rule. */
export const DEFAULT_SUBJECT = Object.freeze({ categoryPrefix: 3, minSimilarity: 0.3, sameProject: false, sameCategory: false, maxProjectCategories: 4 } as const);

/** Options of `detectSplits`. Only `thresholds` is required. */
export interface DetectSplitsOptions {
  /** The tiers to test. Several may apply at once; each is in force between its validity dates. */
  thresholds: readonly ThresholdInput[];
  /** @defaultValue {@link DEFAULT_WINDOW}, `{ days: 30 }` */
  window?: WindowOption | undefined;
  /** @defaultValue `'any'` */
  vendor?: VendorRule | undefined;
  /**
   * With `vendor: 'any'` and no subject requirement, purchases from one vendor are related whatever
   * their subjects: a shared vendor is evidence of one requirement even when the descriptions differ
   * ("通信服务" for two departments); so are purchases from vendors of one specific trade
   * (`vendorTrade`; see `SubjectRule.maxProjectCategories`). `false` relates records by their
   * subjects only.
   * @defaultValue true
   */
  linkSameVendor?: boolean | undefined;
  /** Fields left out take their defaults. @defaultValue {@link DEFAULT_SUBJECT}, each field as {@link SubjectRule} documents it */
  subject?: SubjectRule | undefined;
  /** Currency findings are reported in. @defaultValue the thresholds' currency when they share one */
  currency?: string | undefined;
  /**
   * Value of one unit of each other currency in `currency`, e.g. `{ USD: '7.1' }` for CNY: positive,
   * below 10^12, at most 12 decimal places (`RATE_BOUNDS`, so that converted sums stay exact).
   * @defaultValue `{}` (no conversion)
   */
  rates?: Readonly<Record<string, string | number>> | undefined;
  /**
   * How the ledger's amounts stand to VAT (`amounts`: `'net'` or `'gross'`), and the VAT `rate` (a
   * fraction: `'0.2'` for 20%) that puts a limit on their basis when its threshold says its own
   * (`vat` of a threshold): a limit including VAT is compared with net amounts as limit ÷ (1 + rate),
   * a net limit with gross amounts as limit × (1 + rate). Limits that say nothing of VAT, or are on
   * the ledger's basis, are compared as given. UK limits are net to 2021 and include VAT from 2022,
   * so a council's net spend file needs `{ amounts: 'net', rate: '0.2' }` to be judged right in both.
   * @defaultValue none: every limit is compared with the amounts as recorded
   */
  vat?: { readonly amounts: 'net' | 'gross'; readonly rate: string | number } | undefined;
  /** A part within this fraction under a threshold counts as "just below" it. @defaultValue {@link DEFAULT_BAND}, 0.1 */
  band?: number | undefined;
  /** Fewest parts a finding may have. @defaultValue {@link DEFAULT_MIN_PARTS}, 2 */
  minParts?: number | undefined;
  /**
   * Most parts a finding may have. A window of linked purchases with more parts than this proposes
   * only its main vendor's pieces (when that vendor has at most `maxParts` there); what is left of it
   * (not in a finding) that still has more parts and crosses a threshold is not one requirement cut
   * into pieces but a rule that groups too much: it is reported in `stats.largeRuns` (buyer, window,
   * threshold, count, the first `maxParts` record ids) instead of as a finding, and its purchases are
   * parts of no finding. A window of more than 4 × `maxParts` is such a large run at once: it bounds
   * the work per window. At least `minParts`. @defaultValue {@link DEFAULT_MAX_PARTS}, 50
   */
  maxParts?: number | undefined;
  /**
   * Which of a window's parts make a run. `'requirement'`: the set that looks most like one
   * requirement cut into pieces — the fewest largest or the closest parts that cross, with the parts
   * alike them (README "How detection works", step 7); purchases beside them that add nothing stay
   * out. `'window'`: every part of the window, as a plain group-by rule counts them (card
   * programmes' "same card, same merchant, same day": the `pcard` preset); under a calendar window
   * the window is the period itself, so a finding is the period's whole total (a year's purchases of
   * one subject: the `cn-gpl-art28` and `ua-922` presets). @defaultValue {@link DEFAULT_RUNS}, 'requirement'
   */
  runs?: 'requirement' | 'window' | undefined;
  /**
   * Smallest part, as a share of the threshold it is summed against: purchases under it are not
   * parts (a requirement is split into a few sizeable pieces; petty purchases would otherwise pile
   * up in every window), unless they lie within `band` under a lower threshold in force (pieces kept
   * under a lower limit are no petty purchases). 0 counts every purchase. @defaultValue {@link DEFAULT_MIN_PART_SHARE}, 0.1
   */
  minPartShare?: number | undefined;
  /** Procedures (matched case-insensitively on `method`) whose records are never parts. @defaultValue {@link DEFAULT_SKIP_METHODS} */
  skipMethods?: readonly string[] | undefined;
  /** Vendors and category prefixes whose records are never parts (they are still analysed and counted). @defaultValue nothing excluded */
  exclude?: ExcludeRule | undefined;
  /**
   * Vendor names that stand for many suppliers: a record with one never shares its vendor with
   * another (no vendor link, no "same vendor" partition, each counts as its own vendor in the
   * evidence), so redacted or pooled names do not merge unrelated suppliers into one.
   * @defaultValue {@link DEFAULT_PLACEHOLDER_VENDORS}
   */
  placeholderVendors?: readonly string[] | undefined;
  /**
   * Findings scoring below this are left out (and counted in `stats.belowMinScore`): they are crossing
   * runs with no sign of deliberateness, typically routine purchases of one kind over a few weeks.
   * 0 returns every crossing run. @defaultValue {@link DEFAULT_MIN_SCORE}, 0.3
   */
  minScore?: number | undefined;
  /**
   * Override the score weights (finite numbers ≥ 0; for evidence of splitting only their ratios
   * matter, for evidence against it — `AGAINST_CODES` — each is an exponent); codes left out keep
   * theirs. They order the findings and decide which pass `minScore`; which parts make a finding is
   * chosen by `RUN_WEIGHTS`, whatever these are. @defaultValue `DEFAULT_WEIGHTS`
   */
  weights?: Partial<ScoreWeights> | undefined;
  /** Name of the policy rule findings cite (set by presets). @defaultValue none: findings cite no rule */
  name?: string | undefined;
  /** Citation of that rule. @defaultValue none */
  citation?: string | undefined;
  /** One-paragraph description of the policy (set by presets; not used by detection). @defaultValue none */
  description?: string | undefined;
}

const positiveInt = (what: string, ...checks: z.core.$ZodCheck<number>[]) =>
  z.number({ error: `${what} must be a number` }).check(z.int(`${what} must be a whole number`), z.positive(`${what} must be at least 1`), ...checks);

const PERIODS = CALENDAR_PERIODS.filter((p): p is Exclude<CalendarPeriod, 'fiscalYear'> => p !== 'fiscalYear');

const windowSchema = z.union(
  [
    z.strictObject({ days: positiveInt('days', z.lte(3660, 'days must be at most 3660')) }),
    z.strictObject({ period: z.enum(PERIODS) }),
    z.strictObject({ period: z.literal('fiscalYear'), fiscalYearStart: positiveInt('fiscalYearStart', z.lte(12, 'fiscalYearStart must be a month 1–12')) }),
  ],
  { error: `window must be { days: N }, { period: ${PERIODS.map((p) => `"${p}"`).join(' | ')} } or { period: "fiscalYear", fiscalYearStart: 1–12 }` },
);

const weightsSchema = z.strictObject(
  Object.fromEntries(REASON_CODES.map((k) => [k, z.optional(z.number({ error: `weight ${k} must be a finite number ≥ 0` }).check(z.nonnegative(`weight ${k} must be a finite number ≥ 0`)))])) as Record<keyof ScoreWeights, z.ZodMiniOptional<z.ZodMiniNumber>>,
  { error: 'weights must be an object of reason code → weight' },
);

const RATE_MESSAGE = `rate must be a positive decimal below 10^${RATE_BOUNDS.digits} with at most ${RATE_BOUNDS.places} decimal places (units of the report currency per unit of this currency)`;
const VAT_RATE_MESSAGE = 'rate must be a fraction in [0, 1), e.g. "0.2" for 20%, with at most 12 decimal places';

const SIMILARITY = 'minSimilarity must be 0 (texts not compared) or in (0, 1]';

/** The zod schema of {@link DetectSplitsOptions}: every option, and nothing else. */
export const optionsSchema = z.strictObject({
  thresholds: z.array(z.unknown(), { error: 'thresholds must be an array of thresholds' }),
  window: z.optional(windowSchema),
  vendor: z.optional(z.enum(VENDOR_RULES, { error: `vendor must be ${VENDOR_RULES.map((v) => `"${v}"`).join(' or ')}` })),
  linkSameVendor: z.optional(z.boolean({ error: 'linkSameVendor must be true or false' })),
  subject: z.optional(
    z
      .strictObject({
        categoryPrefix: z.optional(z.number({ error: 'categoryPrefix must be a number' }).check(z.int('categoryPrefix must be a whole number'), z.gte(0, 'categoryPrefix must be ≥ 0'))),
        minSimilarity: z.optional(z.number({ error: SIMILARITY }).check(z.gte(0, SIMILARITY), z.lte(1, SIMILARITY))),
        sameProject: z.optional(z.boolean({ error: 'sameProject must be true or false' })),
        sameCategory: z.optional(z.boolean({ error: 'sameCategory must be true or false' })),
        maxProjectCategories: z.optional(z.union([z.number().check(z.int('maxProjectCategories must be a whole number'), z.gte(0, 'maxProjectCategories must be ≥ 0')), z.literal(Infinity)], { error: 'maxProjectCategories must be a whole number ≥ 0 or Infinity' })),
      }, { error: 'subject must be an object (see SubjectRule)' })
      .check(z.refine((s) => !(s.sameCategory && s.categoryPrefix === 0), { message: 'sameCategory compares category prefixes: categoryPrefix must be at least 1', path: ['categoryPrefix'] })),
  ),
  currency: z.optional(z.string({ error: 'currency must be an ISO 4217 code' }).check(z.refine(isCurrencyCode, 'currency must be an ISO 4217 code'))),
  rates: z.optional(
    z.record(
      z.string().check(z.refine(isCurrencyCode, { error: (iss) => `${JSON.stringify(iss.input)} is not an ISO 4217 currency code` })),
      z.union([z.string(), z.number()], { error: RATE_MESSAGE }).check(z.refine((v) => exactDecimal(v, RATE_BOUNDS)?.gt(0) === true, RATE_MESSAGE)),
      { error: 'rates must be an object of currency code → rate' },
    ),
  ),
  vat: z.optional(
    z.strictObject(
      {
        amounts: z.enum(['net', 'gross'], { error: 'amounts must be "net" or "gross": how the ledger\'s amounts stand to VAT' }),
        rate: z.union([z.string(), z.number()], { error: VAT_RATE_MESSAGE }).check(z.refine((v) => { const d = exactDecimal(v, RATE_BOUNDS); return d !== undefined && d.gte(0) && d.lt(1); }, VAT_RATE_MESSAGE)),
      },
      { error: 'vat must be { amounts: "net" | "gross", rate } (rate a fraction, "0.2" for 20%)' },
    ),
  ),
  band: z.optional(z.number({ error: 'band must be in [0, 1)' }).check(z.gte(0, 'band must be in [0, 1)'), z.lt(1, 'band must be in [0, 1)'))),
  minParts: z.optional(positiveInt('minParts', z.gte(2, 'minParts must be at least 2'))),
  maxParts: z.optional(positiveInt('maxParts', z.gte(2, 'maxParts must be at least 2'))),
  runs: z.optional(z.enum(['requirement', 'window'], { error: 'runs must be "requirement" or "window"' })),
  minScore: z.optional(z.number({ error: 'minScore must be in [0, 1]' }).check(z.gte(0, 'minScore must be in [0, 1]'), z.lte(1, 'minScore must be in [0, 1]'))),
  minPartShare: z.optional(z.number({ error: 'minPartShare must be in [0, 1)' }).check(z.gte(0, 'minPartShare must be in [0, 1)'), z.lt(1, 'minPartShare must be in [0, 1)'))),
  skipMethods: z.optional(z.array(z.string({ error: 'skipMethods must be an array of strings' }), { error: 'skipMethods must be an array of strings' })),
  exclude: z.optional(
    z.strictObject({
      vendors: z.optional(z.array(z.string({ error: 'excluded vendors must be strings' }).check(z.trim(), z.minLength(1, 'an excluded vendor must not be empty')), { error: 'exclude.vendors must be an array of strings' })),
      categories: z.optional(z.array(z.string({ error: 'excluded category prefixes must be strings' }).check(z.trim(), z.minLength(1, 'an excluded category prefix must not be empty')), { error: 'exclude.categories must be an array of strings' })),
    }, { error: 'exclude must be { vendors?, categories? }' }),
  ),
  placeholderVendors: z.optional(z.array(z.string({ error: 'placeholderVendors must be an array of strings' }), { error: 'placeholderVendors must be an array of strings' })),
  weights: z.optional(weightsSchema),
  name: z.optional(z.string({ error: 'name must be a string' })),
  citation: z.optional(z.string({ error: 'citation must be a string' })),
  description: z.optional(z.string({ error: 'description must be a string' })),
});

/** The name of a `detectSplits` option. */
export type OptionKey = keyof typeof optionsSchema.shape;

/** Every `detectSplits` option, in the schema's order: the one list (getPreset's overrides use it too). */
export const OPTION_KEYS: readonly OptionKey[] = Object.freeze(Object.keys(optionsSchema.shape) as OptionKey[]);

// The schema declares exactly the options DetectSplitsOptions documents: a type error otherwise.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type OptionKeysMatch = Assert<SameKeys<OptionKey, keyof DetectSplitsOptions>>;
