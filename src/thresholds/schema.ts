import * as z from 'zod';
import type { Decimal } from 'decimal.js';
import { COMPARISONS, THRESHOLD_STATUSES, type Threshold } from './threshold.js';
import { OptionsError } from '../errors.js';
import { optionIssues } from '../_lib/issues.js';
import { isCurrencyCode } from '../_lib/currencies.js';
import { isIsoDate } from '../_lib/days.js';
import { exactDecimal } from '../_lib/decimal.js';
import { categoryKey } from '../records/normalize.js';

const isoDate = z.string().refine(isIsoDate, { message: 'must be a calendar date YYYY-MM-DD' });

/**
 * The zod schema of one {@link ThresholdInput}: what `detectSplits`'s `thresholds` option and a
 * `--thresholds` JSON file contain.
 */
export const thresholdInputSchema = z
  .object({
    id: z.string().min(1, 'must be a non-empty string'),
    amount: z.union([z.string(), z.number()]).refine((v) => {
      const d = exactDecimal(v);
      return d !== undefined && d.gt(0);
    }, { message: 'must be a positive decimal (a string such as "1000000", or an exact number)' }),
    currency: z.string().refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code such as "EUR"' }),
    procedure: z.string().min(1, 'must name the procedure the threshold triggers'),
    comparison: z.enum(COMPARISONS).optional(),
    categories: z.array(z.string().min(1)).optional(),
    excludeCategories: z.array(z.string().min(1)).optional(),
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
    vat: z.enum(['net', 'gross']).optional(),
    label: z.string().optional(),
    jurisdiction: z.string().optional(),
    source: z.string().optional(),
    status: z.enum(THRESHOLD_STATUSES).optional(),
  })
  .strict()
  .refine((t) => !(t.validFrom && t.validTo && t.validFrom > t.validTo), {
    message: 'validFrom must not be after validTo',
    path: ['validTo'],
  });

/** The zod schema of a list of thresholds with unique ids (a `--thresholds` file). */
export const thresholdListSchema = z.array(thresholdInputSchema).min(1, 'give at least one threshold').superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((t, i) => {
    if (seen.has(t.id)) ctx.addIssue({ code: 'custom', message: `duplicate threshold id "${t.id}"`, path: [i, 'id'] });
    seen.add(t.id);
  });
});

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
    const out: Threshold = {
      id: t.id,
      amount: exactDecimal(t.amount) as Decimal,
      currency: t.currency.toUpperCase(),
      procedure: t.procedure,
      comparison: t.comparison ?? 'atOrAbove',
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
