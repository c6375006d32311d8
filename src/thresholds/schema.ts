import * as z from 'zod/mini';
import type { Decimal } from 'decimal.js';
import { COMPARISONS, THRESHOLD_STATUSES, type Threshold } from './threshold.js';
import { OptionsError } from '../errors.js';
import { optionIssues } from '../_lib/issues.js';
import { isCurrencyCode } from '../_lib/currencies.js';
import { isIsoDate } from '../_lib/days.js';
import { exactDecimal } from '../_lib/decimal.js';
import { categoryKey } from '../records/normalize.js';

const DATE = 'must be a calendar date YYYY-MM-DD';
const AMOUNT = 'must be a positive decimal (a string such as "1000000", or an exact number)';
const CURRENCY = 'must be an ISO 4217 currency code such as "EUR"';
const CATEGORIES = 'must be an array of category prefixes (non-empty strings)';
const oneOf = (values: readonly string[]) => `must be one of ${values.map((v) => `"${v}"`).join(', ')}`;

const isoDate = z.string({ error: DATE }).check(z.refine(isIsoDate, { message: DATE }));

/**
 * The zod schema of one {@link ThresholdInput}: what `detectSplits`'s `thresholds` option and a
 * `--thresholds` JSON file contain.
 */
export const thresholdInputSchema = z
  .strictObject({
    id: z.string({ error: 'must be a non-empty string' }).check(z.minLength(1, 'must be a non-empty string')),
    amount: z.union([z.string(), z.number()], { error: AMOUNT }).check(
      z.refine((v) => {
        const d = exactDecimal(v);
        return d !== undefined && d.gt(0);
      }, { message: AMOUNT }),
    ),
    currency: z.string({ error: CURRENCY }).check(z.refine(isCurrencyCode, { message: CURRENCY })),
    procedure: z.string({ error: 'must name the procedure the threshold triggers' }).check(z.minLength(1, 'must name the procedure the threshold triggers')),
    comparison: z.optional(z.enum(COMPARISONS, { error: oneOf(COMPARISONS) })),
    cumulative: z.optional(z.enum(COMPARISONS, { error: oneOf(COMPARISONS) })),
    categories: z.optional(z.array(z.string({ error: CATEGORIES }).check(z.minLength(1, CATEGORIES)), { error: CATEGORIES })),
    excludeCategories: z.optional(z.array(z.string({ error: CATEGORIES }).check(z.minLength(1, CATEGORIES)), { error: CATEGORIES })),
    validFrom: z.optional(isoDate),
    validTo: z.optional(isoDate),
    vat: z.optional(z.enum(['net', 'gross'], { error: oneOf(['net', 'gross']) })),
    label: z.optional(z.string({ error: 'must be a string' })),
    jurisdiction: z.optional(z.string({ error: 'must be a string' })),
    source: z.optional(z.string({ error: 'must be a string' })),
    status: z.optional(z.enum(THRESHOLD_STATUSES, { error: oneOf(THRESHOLD_STATUSES) })),
  }, { error: 'must be a threshold: an object with id, amount, currency and procedure' })
  .check(
    z.refine((t) => !(t.validFrom && t.validTo && t.validFrom > t.validTo), {
      message: 'validFrom must not be after validTo',
      path: ['validTo'],
    }),
  );

/** The zod schema of a list of thresholds with unique ids (a `--thresholds` file). */
export const thresholdListSchema = z.array(thresholdInputSchema, { error: 'must be an array of thresholds' }).check(
  z.minLength(1, 'give at least one threshold'),
  z.superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', message: `duplicate threshold id "${t.id}"`, path: [i, 'id'] });
      seen.add(t.id);
    });
  }),
);

/**
 * Validates thresholds and resolves them to exact {@link Threshold}s.
 *
 * @throws {OptionsError} naming `fn` and the bad entry, e.g. `options.thresholds.1.amount: must be …`
 * @example
 * parseThresholds([{ id: 'a', amount: '300000', currency: 'CNY', procedure: 'quotation' }])[0].amount.toString()
 * //=> '300000'
 */
export function parseThresholds(input: unknown, fn = 'parseThresholds', prefix: readonly (string | number)[] = ['thresholds']): Threshold[] {
  const parsed = thresholdListSchema.safeParse(input);
  if (!parsed.success) throw new OptionsError(fn, optionIssues(parsed.error, thresholdListSchema, prefix));
  return parsed.data.map((t) => {
    const comparison = t.comparison ?? 'atOrAbove';
    const out: Threshold = {
      id: t.id,
      amount: exactDecimal(t.amount) as Decimal,
      currency: t.currency.toUpperCase(),
      procedure: t.procedure,
      comparison,
      ...(t.cumulative !== undefined && t.cumulative !== comparison ? { cumulative: t.cumulative } : {}),
      status: t.status ?? 'verified',
      ...(t.categories ? { categories: t.categories.map(categoryKey) } : {}),
      ...(t.excludeCategories ? { excludeCategories: t.excludeCategories.map(categoryKey) } : {}),
      ...(t.validFrom ? { validFrom: t.validFrom } : {}),
      ...(t.validTo ? { validTo: t.validTo } : {}),
      ...(t.vat ? { vat: t.vat } : {}),
      ...(t.label ? { label: t.label } : {}),
      ...(t.jurisdiction ? { jurisdiction: t.jurisdiction } : {}),
      ...(t.source ? { source: t.source } : {}),
    };
    return out;
  });
}
