import type { Decimal } from 'decimal.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { parseThresholds } from '../thresholds/schema.js';
import { categoryKey, normalizeText, vendorKey } from '../records/normalize.js';
import { OptionsError, isSplitscanError } from '../errors.js';
import { D, RATE_BOUNDS, exactDecimal } from '../_lib/decimal.js';
import { dayOf } from '../_lib/days.js';
import { optionIssues } from '../_lib/issues.js';
import { thrownText } from '../_lib/thrown.js';
import { compareText } from '../_lib/order.js';
import {
  DEFAULT_BAND, DEFAULT_MAX_PARTS, DEFAULT_MIN_PART_SHARE, DEFAULT_MIN_PARTS, DEFAULT_MIN_SCORE, DEFAULT_PLACEHOLDER_VENDORS, DEFAULT_RUNS, DEFAULT_SKIP_METHODS, DEFAULT_SUBJECT, DEFAULT_WINDOW,
  optionsSchema, type DetectSplitsOptions,
} from './options.js';
import type { VendorRule, WindowOption } from './policy.js';
import { DEFAULT_WEIGHTS, REASON_CODES, type ScoreWeights } from './reasons.js';

/** {@link DetectSplitsOptions} checked, with defaults filled in and values resolved. */
export interface ResolvedOptions {
  /** Thresholds with their amount in the report currency, most serious first (ties by id). */
  readonly thresholds: readonly ResolvedThreshold[];
  readonly window: WindowOption;
  readonly vendor: VendorRule;
  readonly linkSameVendor: boolean;
  readonly subject: { readonly categoryPrefix: number; readonly minSimilarity: number; readonly sameProject: boolean; readonly sameCategory: boolean; readonly maxProjectCategories: number };
  readonly currency: string;
  /** Value of one unit of each currency in the report currency (the report currency maps to 1). */
  readonly rates: ReadonlyMap<string, Decimal>;
  /** The ledger's VAT basis and rate (the `vat` option), when given. */
  readonly vat?: { readonly amounts: 'net' | 'gross'; readonly rate: Decimal };
  readonly band: number;
  readonly minParts: number;
  readonly maxParts: number;
  readonly runs: 'requirement' | 'window';
  readonly minPartShare: number;
  readonly minScore: number;
  /** Normalised (NFKC, lower case) procedures whose records are never parts. */
  readonly skipMethods: ReadonlySet<string>;
  /** Whose records are never parts: vendor keys as they are, vendor-key prefixes (names given ending in `*`), category-key prefixes. */
  readonly exclude: { readonly vendors: ReadonlySet<string>; readonly vendorPrefixes: readonly string[]; readonly categories: readonly string[] };
  /** Vendor keys that stand for many suppliers. */
  readonly placeholderVendors: ReadonlySet<string>;
  readonly weights: ScoreWeights;
  readonly rule?: { readonly name: string; readonly citation?: string };
}

/** An excluded vendor given as a name prefix: it ends in `*` and names something before it. */
const isVendorPrefix = (v: string): boolean => /\S\s*\*\s*$/u.test(v) && vendorKey(v.trim().slice(0, -1)) !== '';

/**
 * Checks options and fills in defaults: thresholds validated and converted to the report currency
 * (most serious first), rates as exact decimals, the subject rule and weights completed.
 *
 * Runs in O(t log t + rates) for t thresholds.
 *
 * @throws {OptionsError} naming `fn` and each bad option with its path.
 * @example
 * resolveOptions({ thresholds: [{ id: 'q', amount: '300000', currency: 'CNY', procedure: 'quotation' }] }).subject.minSimilarity
 * //=> 0.3
 */
export function resolveOptions(options: DetectSplitsOptions, fn = 'detectSplits'): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new OptionsError(fn, [{ path: [], message: 'options must be an object with at least `thresholds`' }]);
  const { o, thresholds } = readable(fn, options, () => {
    const parsed = optionsSchema.safeParse(options);
    if (!parsed.success) throw new OptionsError(fn, optionIssues(parsed.error, optionsSchema));
    return { o: parsed.data, thresholds: parseThresholds(parsed.data.thresholds, fn, ['thresholds']) };
  });

  const currencies = [...new Set(thresholds.map((t) => t.currency))];
  const currency = o.currency?.toUpperCase() ?? (currencies.length === 1 ? (currencies[0] as string) : undefined);
  if (currency === undefined) {
    throw new OptionsError(fn, [{ path: ['currency'], message: `thresholds use several currencies (${currencies.join(', ')}): give the currency to report in, and the rate of each other currency` }]);
  }
  const rates = new Map<string, Decimal>();
  for (const [code, value] of Object.entries(o.rates ?? {})) rates.set(code.toUpperCase(), exactDecimal(value, RATE_BOUNDS) as Decimal);
  rates.set(currency, exactDecimal('1') as Decimal);
  const minParts = o.minParts ?? DEFAULT_MIN_PARTS;
  const maxParts = o.maxParts ?? DEFAULT_MAX_PARTS;
  if (maxParts < minParts) throw new OptionsError(fn, [{ path: ['maxParts'], message: `maxParts (${maxParts}) must be at least minParts (${minParts})` }]);
  const band = o.band ?? DEFAULT_BAND;
  const vat = o.vat === undefined ? undefined : { amounts: o.vat.amounts, rate: exactDecimal(o.vat.rate, RATE_BOUNDS) as Decimal };
  const resolved: ResolvedThreshold[] = thresholds.map((t, i) => {
    const rate = rates.get(t.currency);
    if (rate === undefined) {
      throw new OptionsError(fn, [{ path: ['rates', t.currency], message: `threshold "${t.id}" is in ${t.currency}, the report currency is ${currency}: give the rate of ${t.currency} (units of ${currency} per 1 ${t.currency})` }]);
    }
    // A limit on another VAT basis than the ledger's amounts is put on theirs.
    const onBasis = vat !== undefined && t.vat !== undefined && t.vat !== vat.amounts ? vat : undefined;
    const converted = t.amount.times(rate);
    // Put on the ledger's basis, up to the cent (÷ 1.2 rarely ends): an amount in cents crosses the
    // cent-rounded-up limit exactly when it crosses the exact one, and stays below it likewise.
    const value = onBasis === undefined ? converted : (t.vat === 'gross' ? converted.div(onBasis.rate.plus(1)) : converted.times(onBasis.rate.plus(1))).toDecimalPlaces(2, D.ROUND_UP);
    const nearFrom = value.times(1 - band);
    return {
      threshold: t,
      ...(onBasis !== undefined ? { vat: onBasis } : {}),
      value,
      approx: value.toNumber(),
      comparison: t.comparison,
      cumulative: t.cumulative ?? t.comparison,
      nearFrom,
      nearFromApprox: nearFrom.toNumber(),
      fromDay: t.validFrom ? (dayOf(t.validFrom) as number) : -Infinity,
      toDay: t.validTo ? (dayOf(t.validTo) as number) : Infinity,
    };
  });
  resolved.sort((a, b) => b.value.cmp(a.value) || compareText(a.threshold.id, b.threshold.id));

  const weights = { ...DEFAULT_WEIGHTS };
  for (const code of REASON_CODES) {
    const w = o.weights?.[code];
    if (w !== undefined) weights[code] = w;
  }
  return {
    thresholds: resolved,
    window: o.window ?? DEFAULT_WINDOW,
    vendor: o.vendor ?? 'any',
    linkSameVendor: o.linkSameVendor ?? true,
    subject: {
      categoryPrefix: o.subject?.categoryPrefix ?? DEFAULT_SUBJECT.categoryPrefix,
      minSimilarity: o.subject?.minSimilarity ?? DEFAULT_SUBJECT.minSimilarity,
      sameProject: o.subject?.sameProject ?? DEFAULT_SUBJECT.sameProject,
      sameCategory: o.subject?.sameCategory ?? DEFAULT_SUBJECT.sameCategory,
      maxProjectCategories: o.subject?.maxProjectCategories ?? DEFAULT_SUBJECT.maxProjectCategories,
    },
    currency,
    rates,
    ...(vat !== undefined ? { vat } : {}),
    band,
    minParts,
    maxParts,
    runs: o.runs ?? DEFAULT_RUNS,
    minPartShare: o.minPartShare ?? DEFAULT_MIN_PART_SHARE,
    minScore: o.minScore ?? DEFAULT_MIN_SCORE,
    skipMethods: new Set((o.skipMethods ?? DEFAULT_SKIP_METHODS).map(normalizeText)),
    exclude: {
      vendors: new Set((o.exclude?.vendors ?? []).filter((v) => !isVendorPrefix(v)).map(vendorKey)),
      vendorPrefixes: [...new Set((o.exclude?.vendors ?? []).filter(isVendorPrefix).map((v) => vendorKey(v.trim().slice(0, -1))))],
      categories: (o.exclude?.categories ?? []).map(categoryKey),
    },
    placeholderVendors: new Set((o.placeholderVendors ?? DEFAULT_PLACEHOLDER_VENDORS).map(vendorKey)),
    weights,
    ...(o.name ? { rule: { name: o.name, ...(o.citation ? { citation: o.citation } : {}) } } : {}),
  };
}

/**
 * Runs `read` on the caller's options, turning anything it throws other than a splitscan error into
 * an OptionsError: options that cannot even be read (a getter that throws, a revoked Proxy) are bad
 * options, located by the first option whose value cannot be read or inspected.
 */
function readable<T>(fn: string, options: object, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (isSplitscanError(e)) throw e;
    const path = unreadableOption(options);
    throw new OptionsError(fn, [{ path, message: `${path.length ? 'cannot be read' : 'options cannot be read'}: ${thrownText(e)}` }]);
  }
}

/** The first option whose value cannot be read, or whose keys cannot be listed; [] when none alone. */
function unreadableOption(options: object): (string | number)[] {
  try {
    for (const key of Reflect.ownKeys(options)) {
      if (typeof key !== 'string') continue;
      try {
        const v: unknown = (options as Record<string, unknown>)[key];
        if (typeof v === 'object' && v !== null) Reflect.ownKeys(v);
      } catch {
        return [key];
      }
    }
  } catch {
    return [];
  }
  return [];
}
