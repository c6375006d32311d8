import { z } from 'zod';
import { FieldError, readAmount, readCurrency, readDate, readId, readName, readOptional } from './fields.js';
import { dayOf } from '../_lib/days.js';

/** A zod field built from a field reader; the issue carries `params.code`, a RejectCode. */
function field<T>(read: (v: unknown) => T | FieldError) {
  return z.unknown().transform((v, ctx): T => {
    const r = read(v);
    if (!(r instanceof FieldError)) return r;
    ctx.addIssue({ code: 'custom', message: r.message, params: { code: r.code } });
    return z.NEVER;
  });
}

const optional = (name: string) => field((v) => readOptional(name, v));

/**
 * The zod schema of one purchase record, for callers who compose zod schemas. It applies the same
 * field rules as {@link validateRecords} (which is faster on large ledgers and also rejects duplicate
 * ids): `amount` becomes an exact Decimal, `date` becomes `{ date, day }`, unknown fields are kept,
 * and each issue carries `params.code`, a RejectCode.
 *
 * @example
 * purchaseRecordSchema.safeParse({ id: 1, buyer: 'B', vendor: 'V', date: '2014-11-03',
 *   amount: '-1', currency: 'CNY' }).error?.issues[0].params //=> { code: 'negative_amount' }
 */
export const purchaseRecordSchema = z.looseObject({
  id: field(readId),
  buyer: field((v) => readName('buyer', v)),
  vendor: field((v) => readName('vendor', v)),
  date: field((v) => {
    const date = readDate(v);
    return date instanceof FieldError ? date : { date, day: dayOf(date) as number };
  }),
  amount: field(readAmount),
  currency: field(readCurrency),
  subject: optional('subject'),
  category: optional('category'),
  project: optional('project'),
  method: optional('method'),
  document: optional('document'),
  exemption: optional('exemption'),
});
