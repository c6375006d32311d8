/**
 * Reads test/fixtures/thresholds.csv: a verbatim copy of ../shared/data/thresholds.csv, the
 * project's sourced threshold table (87 rows), kept here so the data tests run on any clone.
 *
 * Everything below re-reads the CSV independently of src/presets: amounts, dates, comparison and
 * VAT are derived from the CSV's own text, so the tests compare the typed tables against the source
 * rather than against themselves.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Comparison } from '../../src/thresholds/threshold.js';

export const CSV_PATH = fileURLToPath(new URL('../fixtures/thresholds.csv', import.meta.url));

/** One CSV line split on commas outside double quotes (`""` is a literal quote). */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(field); field = ''; }
    else field += c;
  }
  out.push(field);
  return out;
}

export interface CsvRow {
  readonly line: number;
  readonly id: string;
  readonly jurisdiction: string;
  readonly authority: string;
  readonly category: string;
  readonly amount: string;
  readonly currency: string;
  readonly vat: string;
  readonly trigger: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string;
  readonly verified: string;
  readonly source: string;
}

/**
 * Rows whose quoting is broken in the source file, repaired here. CN-CENTRAL-2020-OPEN-GS writes its
 * trigger with an unquoted comma ("(NOT 4,000,000)") and quotes its last three cells as one
 * (`"open,yes,same"`): the quoted tail is split back into effective_to, verified and source, and the
 * cells between vat and effective_from are joined back into the trigger.
 */
export const REPAIRED_ROWS = new Set<string>();

export function readCsv(): CsvRow[] {
  const lines = readFileSync(CSV_PATH, 'utf8').split(/\r?\n/u).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] as string);
  return lines.slice(1).map((l, i) => {
    let f = splitCsvLine(l);
    const tail = (f.at(-1) as string).split(',');
    if (tail.length === 3) {
      f = [...f.slice(0, 7), f.slice(7, -2).join(','), f.at(-2) as string, ...tail];
      REPAIRED_ROWS.add(f[0] as string);
    }
    if (f.length !== header.length) throw new Error(`thresholds.csv line ${i + 2}: ${f.length} fields, expected ${header.length}`);
    const [id, jurisdiction, authority, category, amount, currency, vat, trigger, effectiveFrom, effectiveTo, verified, source] = f as [
      string, string, string, string, string, string, string, string, string, string, string, string,
    ];
    return { line: i + 2, id, jurisdiction, authority, category, amount, currency, vat, trigger, effectiveFrom, effectiveTo, verified, source };
  });
}

/** The first `YYYY-MM-DD` of a cell (`'2020-08-31 (FAR text; …)'`, `'2022-10-19? (…)'`); undefined for 'open', 'martial law + 90 days'. */
export function csvDate(cell: string): string | undefined {
  return /\d{4}-\d{2}-\d{2}/u.exec(cell)?.[0];
}

/** 'yes…' rows have a verified amount; a row whose verified cell mentions 'partial' stays partial. */
export const amountVerified = (r: CsvRow) => r.verified.trim().toLowerCase().startsWith('yes');
export const expectedStatus = (r: CsvRow) => (/partial/iu.test(r.verified) ? 'partial' : /unverified/iu.test(r.verified) && !amountVerified(r) ? 'unverified' : 'verified');

/** `net` / `gross` / undefined from the vat cell. */
export function expectedVat(r: CsvRow): 'net' | 'gross' | undefined {
  const v = r.vat.toLowerCase();
  if (v === '') return undefined;
  if (v.includes('incl')) return 'gross';
  if (v === 'net' || v.includes('excl')) return 'net';
  throw new Error(`unknown vat cell ${r.vat}`);
}

/**
 * The comparison a row's trigger text states: "at/above" → atOrAbove; "exceeds", "超过" or
 * "at/below: <exempt procedure>" (the procedure applies up to and including the amount, so the next
 * one starts above it) → above; "below: <exemption>" → atOrAbove. A trigger that states no direction
 * ('same', 'micro-purchase', 'dispensa', 'OJEU' …) inherits the previous row of the same
 * jurisdiction family, else atOrAbove (the ordinary reading of a procurement threshold).
 */
export function expectedComparisons(rows: readonly CsvRow[]): Map<string, Comparison> {
  const out = new Map<string, Comparison>();
  let prev: { family: string; comparison: Comparison } | undefined;
  for (const r of rows) {
    const t = r.trigger.toLowerCase();
    const family = r.id.split('-')[0] as string;
    let c: Comparison | undefined;
    if (/at\/above|at or above|以上/u.test(t)) c = 'atOrAbove';
    else if (/exceed|超过|at\/below/u.test(t)) c = 'above';
    else if (/^below/u.test(t)) c = 'atOrAbove';
    else c = prev && prev.family === family ? prev.comparison : 'atOrAbove';
    out.set(r.id, c);
    prev = { family, comparison: c };
  }
  return out;
}

/** UK rows pack several thresholds in the category cell: `[suffix, amount]` pairs, suffix as used in ids. */
export function ukPieces(r: CsvRow): [string, string][] {
  const kind: Record<string, string> = {
    'central s&s': 'central', central: 'central', 'sub-central': 'sub-central', works: 'works', ltr: 'ltr',
    utilities: 'utilities', 'utilities/defence': 'utilities-defence', 'utilities ltr': 'utilities-ltr', concessions: 'concessions',
  };
  return r.category.split(';').flatMap((piece): [string, string][] => {
    const m = /^\s*(.*?)\s+([\d/]+)\s*$/u.exec(piece);
    if (!m) throw new Error(`UK cell piece not understood: ${piece}`);
    const label = (m[1] as string).toLowerCase();
    const amounts = (m[2] as string).split('/');
    if (label === 'small lots') return [['small-lots-ss', amounts[0] as string], ['small-lots-works', amounts[1] as string]];
    const k = kind[label];
    if (!k || amounts.length !== 1) throw new Error(`UK cell label not understood: ${piece}`);
    return [[k, amounts[0] as string]];
  });
}

/** Every threshold the CSV defines, one per UK piece: the id a preset must use and the values it must carry. */
export interface ExpectedThreshold {
  readonly id: string;
  readonly csv: CsvRow;
  readonly amount: string;
  readonly currency: string;
  readonly validFrom: string | undefined;
  readonly validTo: string | undefined;
  readonly comparison: Comparison;
  readonly vat: 'net' | 'gross' | undefined;
  readonly status: string;
}

export function expectedThresholds(): ExpectedThreshold[] {
  const rows = readCsv();
  const comparisons = expectedComparisons(rows);
  return rows.flatMap((r) => {
    const base = {
      csv: r,
      currency: r.currency,
      validFrom: csvDate(r.effectiveFrom),
      validTo: csvDate(r.effectiveTo),
      comparison: comparisons.get(r.id) as Comparison,
      vat: expectedVat(r),
      status: expectedStatus(r),
    };
    if (r.id.startsWith('UK-')) return ukPieces(r).map(([suffix, amount]) => ({ ...base, id: `${r.id}-${suffix}`, amount }));
    return [{ ...base, id: r.id, amount: r.amount }];
  });
}
