import type { PurchaseRecord, RecordReject } from './record.js';
import { recordAt, scanRecords } from './table.js';
import { recordArray } from './input.js';

/** What {@link validateRecords} returns: every input lands in exactly one of the two lists. */
export interface ValidationResult {
  readonly records: PurchaseRecord[];
  readonly rejects: RecordReject[];
}

/**
 * Validates and normalises purchase records. Never throws on bad data: each record is either
 * accepted (normalised, with exact amounts and day numbers) or rejected with its index, id (when
 * usable), field, code and a plain message, so `records.length + rejects.length` is the number of
 * input records. The input is any iterable of records (an array, a Set, a generator), read once;
 * a record's index is its position in iteration order.
 * A record with several problems is rejected once, for the first in the order id, buyer, vendor,
 * date, amount, currency, then the optional fields; the message counts the others. A record that
 * is not an object is rejected with code `not_an_object`, and one whose reading throws (a getter, a
 * Proxy trap, a revoked Proxy) with code `unreadable_record`, naming the field that threw.
 *
 * Ids must be unique: when several otherwise valid records share an id, all of them are rejected,
 * since none can be told apart (and keeping the first would make the result depend on input order).
 *
 * Runs in O(n log n): the ids' hashes are sorted to find repeated ones (O(n) besides).
 *
 * @throws {InputError} when `input` is not an iterable of records (a number, a string, a plain
 * object) or iterating it throws: bad records never throw, a bad list does.
 *
 * @example
 * const { records, rejects } = validateRecords([
 *   { id: 'A1', buyer: 'City', vendor: 'Acme Ltd', date: '2014-11-03', amount: '120000', currency: 'CNY' },
 *   { id: 'A2', buyer: 'City', vendor: 'Acme Ltd', date: '2014-11-31', amount: '1', currency: 'CNY' },
 * ])
 * records.length     //=> 1
 * rejects[0].code    //=> 'invalid_date'
 * rejects[0].path    //=> [1, 'date']
 */
export function validateRecords(input: Iterable<unknown>): ValidationResult {
  const table = scanRecords(recordArray(input, 'validateRecords'));
  const records: PurchaseRecord[] = new Array(table.size);
  for (let k = 0; k < table.size; k++) records[k] = recordAt(table, k);
  return { records, rejects: [...table.rejects] };
}
