import { z } from 'zod';
import type Decimal from 'decimal.js';
import type { DetectSplitsOptions } from './detect.js';
import type { Comparison, Threshold } from './thresholds/threshold.js';
import type { ScoreWeights } from './score/weights.js';
import { DEFAULT_WEIGHTS } from './score/weights.js';
import { parseThresholds } from './thresholds/schema.js';
import { optionIssues } from './_lib/issues.js';
import { OptionsError } from './errors.js';
import { isCurrencyCode } from './_lib/currencies.js';
import { exactDecimal } from './_lib/decimal.js';
import { dayOf } from './_lib/days.js';
import { normalizeText } from './records/normalize.js';
import { resolveWindow, type Window } from './cluster/window.js';
import type { VendorRule } from './cluster/policy.js';

/**
 * Procedures whose records are never parts of a split by default: competitive procedures (the
 * requirement was tendered) and call-offs from frameworks or pools (repeated purchases there are the
 * point of the framework). Matched on the normalised `method` (NFKC, lower case).
 */
export const DEFAULT_SKIP_METHODS: readonly string[] = [
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
];

/** Default "just below" band: 10% under a limit. */
export const DEFAULT_BAND = 0.1;

/** Default lowest score reported. */
export const DEFAULT_MIN_SCORE = 0.25;

/** Default smallest part: 10% of the threshold. */
export const DEFAULT_MIN_PART_SHARE = 0.1;

/** Default subject rule. */
export const DEFAULT_SUBJECT = { categoryPrefix: 4, minSimilarity: 0.3, sameProject: false, sameCategory: false, maxProjectCategories: 4 } as const;

/** {@link DetectSplitsOptions} checked, with defaults filled in and values resolved. */
export interface ResolvedOptions {
  /** Thresholds with their amount in the report currency, most serious first. */
  readonly thresholds: readonly ResolvedThreshold[];
  readonly window: Window;
  readonly vendor: VendorRule;
  readonly linkSameVendor: boolean;
  readonly subject: { readonly categoryPrefix: number; readonly minSimilarity: number; readonly sameProject: boolean; readonly sameCategory: boolean; readonly maxProjectCategories: number };
  readonly currency: string;
  /** Value of one unit of each currency in the report currency (the report currency maps to 1). */
  readonly rates: ReadonlyMap<string, Decimal>;
  readonly band: number;
  readonly minParts: number;
  readonly minPartShare: number;
  readonly minScore: number;
  readonly skipMethods: ReadonlySet<string>;
  readonly weights: ScoreWeights;
  readonly rule?: { readonly name: string; readonly citation?: string };
}

/** A threshold with its amount converted to the report currency and its validity as day numbers. */
export interface ResolvedThreshold {
  readonly threshold: Threshold;
  /** Amount in the report currency. */
  readonly value: Decimal;
  /** `value` as a JS number. */
  readonly approx: number;
  readonly comparison: Comparison;
  /** Lowest amount counted as "just below" it: value × (1 − band). */
  readonly nearFrom: Decimal;
  readonly nearFromApprox: number;
  /** First and last day it is in force (−∞ / +∞ when open). */
  readonly fromDay: number;
  readonly toDay: number;
}

const positiveInt = (what: string) => z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).positive(`${what} must be at least 1`);

const windowSchema = z.union(
  [
    z.object({ days: positiveInt('days').max(3660, 'days must be at most 3660') }).strict(),
    z.object({ period: z.enum(['day', 'week', 'month', 'quarter', 'year']) }).strict(),
    z.object({ period: z.literal('fiscalYear'), fiscalYearStart: positiveInt('fiscalYearStart').max(12, 'fiscalYearStart must be a month 1–12') }).strict(),
  ],
  { error: 'window must be { days: N }, { period: "day" | "week" | "month" | "quarter" | "year" } or { period: "fiscalYear", fiscalYearStart: 1–12 }' },
);

const weightsSchema = z
  .object(Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, z.number().nonnegative(`weight ${k} must be ≥ 0`).optional()])))
  .strict();

/** The zod schema of {@link DetectSplitsOptions}: every option, and nothing else. */
export const optionsSchema = z
  .object({
    thresholds: z.array(z.unknown(), { error: 'thresholds must be an array of thresholds' }),
    window: windowSchema.optional(),
    vendor: z.enum(['same', 'any'], { error: 'vendor must be "same" or "any"' }).optional(),
    linkSameVendor: z.boolean({ error: 'linkSameVendor must be true or false' }).optional(),
    subject: z
      .object({
        categoryPrefix: z.number().int('categoryPrefix must be a whole number').min(0, 'categoryPrefix must be ≥ 0').optional(),
        minSimilarity: z.number().min(0, 'minSimilarity must be 0 (texts not compared) or in (0, 1]').max(1, 'minSimilarity must be 0 (texts not compared) or in (0, 1]').optional(),
        sameProject: z.boolean().optional(),
        sameCategory: z.boolean().optional(),
        maxProjectCategories: z.number().int('maxProjectCategories must be a whole number').min(1, 'maxProjectCategories must be at least 1').or(z.literal(Infinity)).optional(),
      })
      .strict()
      .optional(),
    currency: z.string().refine(isCurrencyCode, 'currency must be an ISO 4217 code').optional(),
    rates: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    band: z.number().min(0, 'band must be in [0, 1)').lt(1, 'band must be in [0, 1)').optional(),
    minParts: positiveInt('minParts').min(2, 'minParts must be at least 2').optional(),
    minScore: z.number().min(0, 'minScore must be in [0, 1]').max(1, 'minScore must be in [0, 1]').optional(),
    minPartShare: z.number().min(0, 'minPartShare must be in [0, 1)').lt(1, 'minPartShare must be in [0, 1)').optional(),
    skipMethods: z.array(z.string()).optional(),
    weights: weightsSchema.optional(),
    name: z.string().optional(),
    citation: z.string().optional(),
    description: z.string().optional(),
  })
  .strict();

/** The name of a `detectSplits` option. */
export type OptionKey = keyof typeof optionsSchema.shape;

/** Every `detectSplits` option, in the schema's order: the one list (getPreset's overrides use it too). */
export const OPTION_KEYS = Object.keys(optionsSchema.shape) as OptionKey[];

// The schema declares exactly the options DetectSplitsOptions documents: a type error otherwise.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type OptionKeysMatch = Assert<SameKeys<OptionKey, keyof DetectSplitsOptions>>;

/**
 * Checks options and fills in defaults.
 *
 * @throws {OptionsError} naming `fn` and each bad option with its path.
 */
export function resolveOptions(options: DetectSplitsOptions, fn = 'detectSplits'): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new OptionsError(fn, [{ path: [], message: 'options must be an object with at least `thresholds`' }]);
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new OptionsError(fn, optionIssues(parsed.error, optionsSchema));
  const o = parsed.data;
  if (o.subject?.sameCategory && o.subject.categoryPrefix === 0) {
    throw new OptionsError(fn, [{ path: ['subject', 'categoryPrefix'], message: 'sameCategory compares category prefixes: categoryPrefix must be at least 1' }]);
  }
  const thresholds = parseThresholds(o.thresholds, fn, ['thresholds']);

  const currencies = [...new Set(thresholds.map((t) => t.currency))];
  const currency = o.currency?.toUpperCase() ?? (currencies.length === 1 ? (currencies[0] as string) : undefined);
  if (currency === undefined) {
    throw new OptionsError(fn, [{ path: ['currency'], message: `thresholds use several currencies (${currencies.join(', ')}); set currency (the report currency) and rates` }]);
  }
  const rates = new Map<string, Decimal>();
  for (const [code, value] of Object.entries(o.rates ?? {})) {
    const d = exactDecimal(value);
    if (!isCurrencyCode(code)) throw new OptionsError(fn, [{ path: ['rates', code], message: `"${code}" is not an ISO 4217 currency code` }]);
    if (d === undefined || !d.gt(0)) throw new OptionsError(fn, [{ path: ['rates', code], message: `rate must be a positive decimal (units of ${currency} per ${code})` }]);
    rates.set(code.toUpperCase(), d);
  }
  rates.set(currency, exactDecimal('1') as Decimal);
  const resolved: ResolvedThreshold[] = thresholds.map((t, i) => {
    const rate = rates.get(t.currency);
    if (rate === undefined) {
      throw new OptionsError(fn, [{ path: ['thresholds', i, 'currency'], message: `threshold "${t.id}" is in ${t.currency}; pass rates: { ${t.currency}: … } (units of ${currency} per ${t.currency})` }]);
    }
    const value = t.amount.times(rate);
    const nearFrom = value.times(1 - (o.band ?? DEFAULT_BAND));
    return {
      threshold: t,
      value,
      approx: value.toNumber(),
      comparison: t.comparison,
      nearFrom,
      nearFromApprox: nearFrom.toNumber(),
      fromDay: t.validFrom ? (dayOf(t.validFrom) as number) : -Infinity,
      toDay: t.validTo ? (dayOf(t.validTo) as number) : Infinity,
    };
  });
  resolved.sort((a, b) => b.value.cmp(a.value) || (a.threshold.id < b.threshold.id ? -1 : a.threshold.id > b.threshold.id ? 1 : 0));

  const subject = {
    categoryPrefix: o.subject?.categoryPrefix ?? DEFAULT_SUBJECT.categoryPrefix,
    minSimilarity: o.subject?.minSimilarity ?? DEFAULT_SUBJECT.minSimilarity,
    sameProject: o.subject?.sameProject ?? DEFAULT_SUBJECT.sameProject,
    sameCategory: o.subject?.sameCategory ?? DEFAULT_SUBJECT.sameCategory,
    maxProjectCategories: o.subject?.maxProjectCategories ?? DEFAULT_SUBJECT.maxProjectCategories,
  };
  const weights = { ...DEFAULT_WEIGHTS, ...(stripUndefined(o.weights ?? {}) as Partial<ScoreWeights>) };
  return {
    thresholds: resolved,
    window: resolveWindow((o.window ?? { days: 30 }) as DetectSplitsOptions['window'] & object),
    vendor: o.vendor ?? 'any',
    linkSameVendor: o.linkSameVendor ?? true,
    subject,
    currency,
    rates,
    band: o.band ?? DEFAULT_BAND,
    minParts: o.minParts ?? 2,
    minPartShare: o.minPartShare ?? DEFAULT_MIN_PART_SHARE,
    minScore: o.minScore ?? DEFAULT_MIN_SCORE,
    skipMethods: new Set((o.skipMethods ?? DEFAULT_SKIP_METHODS).map(normalizeText)),
    weights,
    ...(o.name ? { rule: { name: o.name, ...(o.citation ? { citation: o.citation } : {}) } } : {}),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
