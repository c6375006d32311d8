/**
 * A loader's records as columns, and the table detection reads built from them: the reader numbers
 * each text as it reads it, so the table is built without making a record object or interning a
 * text twice, and `ledger.records` is made only when someone reads it.
 */
import type { RecordColumns } from '../../records/columns.js';
import { recordsOf } from '../../records/columns.js';
import type { PurchaseRecordInput } from '../../records/record.js';
import { columnsTable, reuseTable, tableInput, type RecordTable } from '../../records/table.js';

/** What a ledger read as columns holds besides its fields: the columns, the table once built, and whether `records` was read. */
interface Kept {
  readonly columns: RecordColumns;
  table?: RecordTable;
  records?: PurchaseRecordInput[];
}

/** The ledgers made by {@link withRecords}. */
const KEPT = new WeakMap<object, Kept>();

/**
 * `fields` with a `records` property made from `columns` on first read (the same array on every
 * read after). The records are then marked for reuse: `detectSplits` validates them once, and a
 * second call on the same, unchanged array only checks them (see `reuseTable`). O(1); reading
 * `records` the first time costs O(n).
 *
 * The property is an enumerable getter: spreading the ledger (`{ ...ledger }`) reads it.
 */
export function withRecords<T extends object>(fields: T, columns: RecordColumns): T & { readonly records: PurchaseRecordInput[] } {
  const kept: Kept = { columns };
  const ledger = {} as T & { readonly records: PurchaseRecordInput[] };
  Object.defineProperty(ledger, 'records', {
    enumerable: true,
    get(): PurchaseRecordInput[] {
      if (kept.records === undefined) {
        kept.records = recordsOf(columns);
        reuseTable(kept.records);
      }
      return kept.records;
    },
  });
  Object.assign(ledger, fields);
  KEPT.set(ledger, kept);
  return ledger;
}

/**
 * The columns of a ledger made by {@link withRecords} whose `records` were never read (so they
 * are what the records will be); `undefined` for any other. O(1).
 */
export function ledgerColumns(ledger: object): RecordColumns | undefined {
  const kept = KEPT.get(ledger);
  return kept?.records === undefined ? kept?.columns : undefined;
}

/**
 * The table `scanRecords(ledger.records)` gives (before conversion), built from the ledger's columns
 * once and kept; `undefined` for a ledger that was not read as columns (one built by hand, or
 * spread into a new object). Runs in O(n) the first time, O(1) after.
 *
 * @example
 * const ledger = readLedger('id,buyer,vendor,date,amount,currency\na,City,Acme,2019-03-04,5,EUR\n')
 * ledgerTable(ledger).vendor.keys //=> ['acme']
 */
export function ledgerTable(ledger: object): RecordTable | undefined {
  const kept = KEPT.get(ledger);
  if (kept === undefined) return undefined;
  return (kept.table ??= columnsTable(kept.columns));
}

/**
 * What to hand `detectSplits` (and then `detectedCoverage`) for a ledger's records: while
 * `ledger.records` was never read, a stand-in of the table built from the columns (see
 * `tableInput`), so detection neither makes the records nor validates them again; else the records
 * themselves (they may have been changed since they were read). O(n).
 */
export function detectionInput(ledger: { readonly records: readonly unknown[] }): readonly unknown[] {
  const columns = ledgerColumns(ledger);
  return columns === undefined ? ledger.records : tableInput(ledgerTable(ledger) as RecordTable, columns.size);
}

/**
 * `ledger` with `warnings` before its own, as a new object; a ledger read as columns stays one
 * (both share its columns, table and records), which spreading it would not. O(1) but for the warnings.
 */
export function withWarnings<W, T extends { readonly warnings: readonly W[] }>(ledger: T, warnings: readonly W[]): T {
  if (warnings.length === 0) return ledger;
  const copy = Object.create(Object.getPrototypeOf(ledger) as object | null, Object.getOwnPropertyDescriptors(ledger)) as T;
  Object.defineProperty(copy, 'warnings', { value: [...warnings, ...ledger.warnings], enumerable: true, writable: true, configurable: true });
  const kept = KEPT.get(ledger);
  if (kept !== undefined) KEPT.set(copy, kept);
  return copy;
}
