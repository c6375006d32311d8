import * as z from 'zod/mini';
import type { Decimal } from 'decimal.js';
import { RECORD_FIELDS, REQUIRED_FIELDS, type RecordField } from './record.js';
import { FieldError, fieldReader, readAmount, readDate } from './fields.js';
import { dayOf } from '../_lib/days.js';

/** A zod field built from a field reader; the issue carries `params.code`, a RejectCode. */
function field<T>(read: (v: unknown) => T | FieldError) {
  return z.pipe(
    z.unknown(),
    z.transform((v: unknown, ctx): T => {
      const r = read(v);
      if (!(r instanceof FieldError)) return r;
      ctx.issues.push({ code: 'custom', message: r.message, params: { code: r.code }, input: v });
      return z.NEVER;
    }),
  );
}

type RequiredField = (typeof REQUIRED_FIELDS)[number];

/** What a required field becomes: text, `{ date, day }` for the date, an exact Decimal for the amount. */
type RequiredValue<F extends RequiredField> = F extends 'date' ? { date: string; day: number } : F extends 'amount' ? Decimal : string;

type Shape = { [F in RequiredField]: z.ZodMiniType<RequiredValue<F>, unknown> } & {
  [F in Exclude<RecordField, RequiredField>]: z.ZodMiniOptional<z.ZodMiniType<string | undefined, unknown>>;
};

const REQUIRED: ReadonlySet<RecordField> = new Set(REQUIRED_FIELDS);

const readDateAndDay = (v: unknown) => {
  const date = readDate(v);
  return date instanceof FieldError ? date : { date, day: dayOf(date) as number };
};

/**
 * The zod schema of one purchase record, for callers who compose zod schemas. It applies the same
 * field rules as {@link validateRecords} (which is faster on large ledgers and also rejects duplicate
 * ids): `amount` becomes an exact Decimal, `date` becomes `{ date, day }`, optional fields may be
 * absent, unknown fields are kept, and each issue carries `params.code`, a RejectCode.
 *
 * @example
 * const issue = purchaseRecordSchema.safeParse({ id: 1, buyer: 'B', vendor: 'V', date: '2014-11-03',
 *   amount: '-1', currency: 'CNY' }).error?.issues[0]
 * issue?.code === 'custom' && issue.params //=> { code: 'negative_amount' }
 */
export const purchaseRecordSchema = z.looseObject(
  Object.fromEntries(
    RECORD_FIELDS.map((f) => {
      const schema = f === 'date' ? field(readDateAndDay) : f === 'amount' ? field(readAmount) : field(fieldReader(f));
      return [f, REQUIRED.has(f) ? schema : z.optional(schema)];
    }),
  ) as unknown as Shape,
);
