/**
 * What a read understood of its input, for a person to check before trusting a scan: encoding and
 * why, delimiter, header row, the column of each field and why, sample dates and amounts, and the
 * rejects a scan would make.
 */
import { validateRecords } from '../../records/validate.js';
import type { Reject, RejectCode } from '../../records/record.js';
import { type ColumnSource, LEDGER_FIELDS, type LedgerField } from './columns.js';
import { locateRejects } from './ledger.js';
import type { Ledger, LedgerSource, LedgerStats, LedgerWarning } from './reader.js';
import { checkOptions, checkShape, LEDGER } from '../../_lib/args.js';

/** A field's column and why it was chosen. */
export interface ColumnChoice {
  readonly field: LedgerField;
  readonly headers: readonly string[];
  /** 1-based column numbers. */
  readonly columns: readonly number[];
  readonly how: ColumnSource['how'];
  /** The reason in words: `named by the mapping`, `recognised header name`, `the currency column of "Transaction Amt." (same prefix)`. */
  readonly why: string;
  readonly warning?: string;
}

/** How one input was read: its {@link LedgerSource}, with each column's choice explained. */
export interface SourceInspection extends Omit<LedgerSource, 'columns'> {
  readonly columns: readonly ColumnChoice[];
}

/** Rejects of one code: how many, and the first few. */
export interface RejectSummary {
  readonly code: RejectCode;
  readonly count: number;
  /** `'read'`: rows rejected while reading; `'validate'`: records detection would reject. */
  readonly by: 'read' | 'validate';
  readonly examples: readonly Reject[];
}

/** What {@link inspectLedger} returns. */
export interface LedgerInspection {
  readonly sources: readonly SourceInspection[];
  readonly stats: LedgerStats;
  /** Records that pass validation (before any currency conversion a policy may need). */
  readonly valid: number;
  readonly rejects: readonly RejectSummary[];
  readonly warnings: readonly LedgerWarning[];
}

/** Options of {@link inspectLedger}. */
export interface InspectLedgerOptions {
  /** Examples kept per reject code. @defaultValue 3 */
  examples?: number | undefined;
}

/**
 * Says what a read understood: for each input its encoding and the evidence, delimiter, header
 * line and headers, the column chosen for each field and why, and the first rows' dates and
 * amounts as written and as read; then the rejects a scan would make, counted by code with
 * examples — those of reading, and those of validation (unknown currencies, duplicate ids, …; a
 * missing exchange rate depends on the policy's currency and is not among them).
 *
 * Runs in O(n) for n records (validation included).
 *
 * @example
 * const i = inspectLedger(readLedger('Division,Merchant Name,Transaction Date,Transaction Amt.,Trx Currency\nWATER,ESSO,2019-01-02,5,CAD\n'))
 * i.sources[0].columns.find((c) => c.field === 'currency')
 * //=> { field: 'currency', headers: ['Trx Currency'], columns: [5], how: 'pair', why: 'the currency column of "Transaction Amt." (same prefix)' }
 */
export function inspectLedger(ledger: Ledger, options: InspectLedgerOptions = {}): LedgerInspection {
  checkShape(ledger, LEDGER, 'inspectLedger', 'ledger');
  checkOptions(options, 'inspectLedger');
  const keep = options.examples ?? 3;
  const sources = ledger.sources.map(inspectSource);
  const validation = validateRecords(ledger.records);
  const located = locateRejects(validation.rejects, ledger);
  const rejects: RejectSummary[] = [];
  const add = (list: readonly Reject[], by: RejectSummary['by']): void => {
    const byCode = new Map<RejectCode, Reject[]>();
    for (const r of list) {
      const group = byCode.get(r.code);
      if (group) group.push(r);
      else byCode.set(r.code, [r]);
    }
    for (const [code, group] of [...byCode].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
      rejects.push({ code, count: group.length, by, examples: group.slice(0, keep) });
    }
  };
  add(ledger.rejects, 'read');
  add(located, 'validate');
  return { sources, stats: ledger.stats, valid: validation.records.length, rejects, warnings: ledger.warnings };
}

function inspectSource(source: LedgerSource): SourceInspection {
  const amount = source.columns.amount?.headers[0];
  const currency = source.columns.currency?.headers[0];
  const why = (field: LedgerField, c: ColumnSource): string => {
    if (c.how === 'map') return 'named by the mapping';
    if (c.how === 'pair') return field === 'currency' ? `the currency column of "${amount ?? ''}" (same prefix)` : `the amount column of "${currency ?? ''}" (same prefix)`;
    if (c.how === 'beside') return field === 'currency' ? `the currency column right after "${amount ?? ''}" (its header heads two columns)` : `the amount column right before "${currency ?? ''}" (its header heads two columns)`;
    if (c.how === 'id') return 'the id column, its line suffix stripped (no document column)';
    return 'recognised header name';
  };
  const columns = LEDGER_FIELDS.flatMap((field) => {
    const c = source.columns[field];
    return c ? [[field, c] as const] : [];
  }).map(([field, c]): ColumnChoice => ({
    field,
    headers: c.headers,
    columns: c.indexes.map((i) => i + 1),
    how: c.how,
    why: why(field, c),
    ...(c.warning !== undefined ? { warning: c.warning } : {}),
  }));
  const { columns: _resolved, ...rest } = source;
  return { ...rest, columns };
}
