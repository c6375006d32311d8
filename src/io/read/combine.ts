/**
 * Several ledgers read one by one (a year of monthly files, each with its own header) → one ledger
 * whose records, lines and rejects carry their file.
 */
import type { Reject } from '../../records/record.js';
import { concatColumns } from '../../records/columns.js';
import { reuseTable } from '../../records/table.js';
import { ledgerColumns, withRecords } from './ledgerTable.js';
import type { Ledger, LedgerStats } from './reader.js';
import { checkArray, checkShape, LEDGER } from '../../_lib/args.js';

/**
 * Combines ledgers read from several inputs into one, in the order given.
 *
 * - Records keep their order; `files[i]` is the file of `records[i]`, `lines[i]` its line.
 * - An id found in more than one input (as a record's or a reject's) is prefixed with each input's
 *   label and `:` (the file path relative to the inputs' common folder, e.g.
 *   `toronto-pcard-2013-01.csv:2327-1`), so ids are unique across files. An id found in one input
 *   only stays as that file gives it, so adding a month to the files read keeps the ids, and the
 *   finding ids and decisions keyed by them, of the months before. (`files` says where each record
 *   comes from.) One input is returned unchanged.
 * - Rejects carry their `file`, in input order, then by line.
 * - `stats` are summed; `warnings` and `sources` are concatenated. `headers` and `columns`, which
 *   differ from file to file, are empty: each input's are in `sources`.
 *
 * Runs in O(n) for n records and rejects.
 *
 * @example
 * const months = 'test/fixtures/io/docs/months'
 * const jan = await loadLedger(`${months}/2013-01.tsv`, { dateFormat: 'MM-dd-yyyy' })
 * const jul = await loadLedger(`${months}/2018-07.csv`)
 * combineLedgers([jan, jul]).records.map((r) => r.id) //=> ['1813-2', '5028-105']
 * // The same id in both files: each prefixed with its file.
 * const again = { ...jul, records: jul.records.map((r) => ({ ...r, id: '1813-2' })) }
 * combineLedgers([jan, again]).records.map((r) => r.id) //=> ['2013-01.tsv:1813-2', '2018-07.csv:1813-2']
 */
export function combineLedgers(ledgers: readonly Ledger[]): Ledger {
  checkArray(ledgers, 'combineLedgers', 'ledgers', 'an array of ledgers');
  ledgers.forEach((l, i) => checkShape(l, LEDGER, 'combineLedgers', ['ledgers', i]));
  if (ledgers.length === 1) return ledgers[0] as Ledger;
  const labels = labelsOf(ledgers.map((l, i) => l.file ?? `input ${i + 1}`));
  // Ledgers a loader read as columns are joined as columns: no record object is made.
  const columns = ledgers.map(ledgerColumns);
  const ids = ledgers.map((l, i) => columns[i]?.id ?? l.records.map((r) => r.id));
  const shared = sharedIds(ledgers, ids);
  const lines: number[] = [];
  const files: string[] = [];
  const rejects: Reject[] = [];
  const stats: { -readonly [K in keyof LedgerStats]: number } = { rows: 0, blank: 0, records: 0, rejected: 0, merged: 0, netted: 0 };
  const idOfs = ledgers.map((l, i) => {
    const label = labels[i] as string;
    const file = l.file ?? label;
    const idOf = <T extends string | number>(id: T): T | string => (shared.has(String(id)) ? `${label}:${String(id)}` : id);
    lines.push(...l.lines);
    for (let k = 0; k < (ids[i] as readonly unknown[]).length; k++) files.push(file);
    for (const r of l.rejects) rejects.push({ ...r, file, ...(r.id !== undefined ? { id: idOf(r.id) } : {}) });
    for (const k of Object.keys(stats) as (keyof LedgerStats)[]) stats[k] += l.stats[k];
    return idOf;
  });
  const fields = {
    rejects,
    lines,
    files,
    headers: [],
    columns: {},
    stats,
    warnings: ledgers.flatMap((l) => l.warnings),
    sources: ledgers.flatMap((l) => l.sources),
  };
  if (columns.every((c) => c !== undefined)) {
    return withRecords(fields, concatColumns(columns.map((c, i) => ({ ...c, id: c.id.map(idOfs[i] as (id: string) => string) }))));
  }
  const records: Ledger['records'] = [];
  ledgers.forEach((l, i) => {
    for (const r of l.records) records.push({ ...r, id: (idOfs[i] as (id: string | number) => string | number)(r.id) });
  });
  reuseTable(records);
  return { records, ...fields };
}

/** Ids (of records, `ids[i]` for ledger i, and of rejects) that occur in more than one of the ledgers. */
function sharedIds(ledgers: readonly Ledger[], ids: readonly (readonly (string | number)[])[]): Set<string> {
  const firstIn = new Map<string, number>();
  const shared = new Set<string>();
  ledgers.forEach((l, i) => {
    for (const raw of [...(ids[i] ?? []), ...l.rejects.flatMap((r) => (r.id !== undefined ? [r.id] : []))]) {
      const id = String(raw);
      const at = firstIn.get(id);
      if (at === undefined) firstIn.set(id, i);
      else if (at !== i) shared.add(id);
    }
  });
  return shared;
}

/** Each path relative to the folder all of them share (`a/x.csv`, `b/x.csv` stay apart). */
function labelsOf(paths: readonly string[]): string[] {
  const parts = paths.map((p) => p.split(/[\\/]/u));
  let common = 0;
  const first = parts[0] ?? [];
  while (common < first.length - 1 && parts.every((p) => p.length - 1 > common && p[common] === first[common])) common++;
  return parts.map((p) => p.slice(common).join('/'));
}
