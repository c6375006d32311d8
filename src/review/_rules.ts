/**
 * The rules a report was made under — its policy, thresholds and detection options (from its
 * provenance) — and the options its files were read with, compared between two reports, so a diff
 * can say when findings differ because the rules or the reading did, not the ledger.
 */
import { D, groupedMoney } from '../_lib/decimal.js';
import type { ScanReport } from '../io/write/scanReport.js';

/** The policy's own descriptors among the options: compared as the policy's name. */
const DESCRIPTORS = new Set(['thresholds', 'name', 'citation', 'description']);

/** At most this many thresholds named per side (then "and N more"). */
const NAMED = 5;

type Threshold = Readonly<Record<string, unknown>>;

/**
 * What differs between the rules of two reports, each a phrase ("window {"days":30} before,
 * {"days":365} after"); empty when nothing does. Thresholds are compared by id: those of the
 * provenance when both reports have one, else those their findings name (then only a threshold
 * both name can be seen to differ). Options are compared by value, whatever the order of keys.
 *
 * @example
 * // report: the seed's scan report (buildReport; docs/examples.md)
 * ruleDifferences(report, report) //=> []
 * ruleDifferences(report, { ...report, policy: { name: 'uk-pa2023' } }) //=> ['policy none before, uk-pa2023 after']
 */
export function ruleDifferences(before: ScanReport, after: ScanReport): string[] {
  const out: string[] = [];
  const policy = (r: ScanReport) => r.policy?.name ?? 'none';
  if (policy(before) !== policy(after)) out.push(`policy ${policy(before)} before, ${policy(after)} after`);
  const a = before.provenance?.options;
  const b = after.provenance?.options;
  const complete = a !== undefined && b !== undefined;
  const thresholds = thresholdDifferences(thresholdsOf(before, complete), thresholdsOf(after, complete), complete);
  if (thresholds !== undefined) out.push(`thresholds ${thresholds}`);
  if (complete) {
    for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
      if (DESCRIPTORS.has(key) || stable(a[key]) === stable(b[key])) continue;
      out.push(`${key} ${listDifference(a[key], b[key]) ?? `${shown(a[key])} before, ${shown(b[key])} after`}`);
    }
  }
  return out;
}

/**
 * The reading options a report's provenance records, in the order they are compared, with the
 * value each has when not given: every one of them can change which records a file gives or what
 * they hold (the columns read, the dates and amounts, the currency and buyer of rows without one,
 * credits and document lines, the bytes' encoding and delimiter).
 */
const READING: readonly (readonly [string, unknown])[] = [
  ['map', {}],
  ['dateFormat', undefined],
  ['decimalComma', false],
  ['unit', undefined],
  ['encoding', 'auto'],
  ['currency', undefined],
  ['buyer', undefined],
  ['credits', 'reject'],
  ['lines', 'sum'],
  ['lineSuffix', undefined],
  ['delimiter', undefined],
  ['format', 'auto'],
];

/**
 * What differs between the reading options of two reports (their provenance's `reading`), each a
 * phrase (`dateFormat "dd/MM/yyyy" before, "MM/dd/yyyy" after`, `map.buyer "Division" before,
 * "Card" after`); empty when nothing does, or when either report does not record them. An option
 * given as its default (`--credits reject`, `--encoding auto`) is the default; options are compared
 * as given, not as each file turned out to be read (an encoding detected is not `--encoding`).
 *
 * @example
 * const at = (reading) => ({ ...report, provenance: { ...report.provenance, reading } })
 * readingDifferences(at({ credits: 'reject' }), at({})) //=> []
 * readingDifferences(at({}), at({ decimalComma: true })) //=> ['decimalComma false before, true after']
 */
export function readingDifferences(before: ScanReport, after: ScanReport): string[] {
  const a = before.provenance?.reading;
  const b = after.provenance?.reading;
  if (a === undefined || b === undefined) return [];
  const out: string[] = [];
  const known = new Map(READING);
  const keys = [...READING.map(([k]) => k), ...[...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !known.has(k)).sort()];
  for (const key of keys) {
    const x = a[key] ?? known.get(key);
    const y = b[key] ?? known.get(key);
    if (stable(x) === stable(y)) continue;
    if (key === 'map' && isRecord(x) && isRecord(y)) {
      for (const field of [...new Set([...Object.keys(x), ...Object.keys(y)])]) {
        if (stable(x[field]) !== stable(y[field])) out.push(`map.${field} ${shown(x[field])} before, ${shown(y[field])} after`);
      }
      continue;
    }
    out.push(`${key} ${shown(x)} before, ${shown(y)} after`);
  }
  return out;
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A report's thresholds by id: its provenance's (`complete`), or those its findings name. */
function thresholdsOf(r: ScanReport, complete: boolean): Map<string, Threshold> {
  const list = complete ? ((r.provenance?.options['thresholds'] as readonly Threshold[] | undefined) ?? []) : r.findings.map((f) => f.threshold as unknown as Threshold);
  return new Map(list.map((t) => [String(t['id']), t]));
}

function thresholdDifferences(a: Map<string, Threshold>, b: Map<string, Threshold>, complete: boolean): string | undefined {
  const parts: string[] = [];
  const named = (ids: readonly string[], m: Map<string, Threshold>) =>
    `${ids.slice(0, NAMED).map((id) => `${id} (${limit(m.get(id) as Threshold)})`).join(', ')}${ids.length > NAMED ? ` and ${ids.length - NAMED} more` : ''}`;
  if (complete) {
    const onlyA = [...a.keys()].filter((id) => !b.has(id));
    const onlyB = [...b.keys()].filter((id) => !a.has(id));
    if (onlyA.length) parts.push(`only before: ${named(onlyA, a)}`);
    if (onlyB.length) parts.push(`only after: ${named(onlyB, b)}`);
  }
  for (const [id, t] of a) {
    const u = b.get(id);
    if (u === undefined || stable(t) === stable(u)) continue;
    const [x, y] = [limit(t), limit(u)];
    const fields = [...new Set([...Object.keys(t), ...Object.keys(u)])].filter((k) => stable(t[k]) !== stable(u[k]));
    parts.push(x !== y ? `${id} ${x} before, ${y} after` : `${id} differs in ${fields.join(', ')}`);
  }
  return parts.length ? parts.join('; ') : undefined;
}

/** Two lists of plain values (`skipMethods`) as what each has that the other lacks, or undefined for other values. */
function listDifference(a: unknown, b: unknown): string | undefined {
  const plain = (v: unknown): v is readonly (string | number | boolean)[] => Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object');
  if (!plain(a) || !plain(b)) return undefined;
  const quoted = (xs: readonly unknown[]) => `${xs.slice(0, NAMED).map((x) => JSON.stringify(x)).join(', ')}${xs.length > NAMED ? ` and ${xs.length - NAMED} more` : ''}`;
  const onlyA = a.filter((x) => !b.includes(x));
  const onlyB = b.filter((x) => !a.includes(x));
  if (onlyA.length === 0 && onlyB.length === 0) return 'in another order';
  return [onlyA.length ? `only before: ${quoted(onlyA)}` : '', onlyB.length ? `only after: ${quoted(onlyB)}` : ''].filter(Boolean).join(', ');
}

/** A threshold's limit in words: `≥ 5,000.00 GBP`. */
function limit(t: Threshold): string {
  const amount = String(t['amount']);
  const grouped = /^\d+(\.\d+)?$/u.test(amount) ? groupedMoney(new D(amount)) : amount;
  return `${t['comparison'] === 'above' ? '>' : '≥'} ${grouped} ${String(t['currency'])}`;
}

/** JSON with object keys sorted, so that equal values compare equal. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0))) : x)) ?? 'none';
}

/** A value for a message: its JSON, cut to 60 characters. */
function shown(v: unknown): string {
  const s = v === undefined ? 'none' : stable(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}
