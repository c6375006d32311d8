/**
 * Command-line arguments → a validated scan configuration. Pure: no I/O, so it is tested directly.
 */
import { parseArgs } from 'node:util';
import type { VendorRule, WindowOption } from '../options/policy.js';
import { type ColumnMap, parseColumnMap } from '../io/columns.js';
import { DELIMITERS, type Delimiter } from '../io/csv.js';
import { type Encoding, encodingOf } from '../io/decode.js';
import { REPORT_FORMATS, type ReportFormat } from '../io/report.js';
import type { CreditPolicy, LinePolicy } from '../io/rows.js';

/** A mistake on the command line (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input formats the CLI reads. */
export type InputFormat = 'auto' | 'csv' | 'json' | 'ndjson' | 'ocds';

/** What `splitscan scan` was asked to do. */
export interface ScanArgs {
  readonly command: 'scan';
  readonly file: string;
  readonly preset?: string;
  readonly thresholds?: string;
  readonly limit?: string;
  readonly window?: WindowOption;
  readonly vendor?: VendorRule;
  /** Overrides of the policy's subject rule. */
  readonly subject?: { categoryPrefix?: number; minSimilarity?: number; sameProject?: boolean; sameCategory?: boolean };
  readonly minPartShare?: number;
  readonly map?: ColumnMap;
  readonly mapFile?: string;
  readonly format?: ReportFormat;
  readonly out?: string;
  readonly rejects?: string;
  readonly minScore?: number;
  readonly top?: number;
  readonly failOnFindings: boolean;
  readonly dateFormat?: string;
  readonly decimalComma: boolean;
  readonly unit?: string;
  readonly encoding?: Encoding;
  readonly currency?: string;
  readonly buyer?: string;
  readonly credits?: CreditPolicy;
  readonly lines?: LinePolicy;
  readonly lineSuffix?: string;
  readonly delimiter?: Delimiter;
  readonly inputFormat: InputFormat;
  readonly quiet: boolean;
}

/** `splitscan presets`. */
export interface PresetsArgs {
  readonly command: 'presets';
  readonly format?: ReportFormat;
}

/** `splitscan help` / `--help`. */
export interface HelpArgs {
  readonly command: 'help';
}

export type CliArgs = ScanArgs | PresetsArgs | HelpArgs;

const OPTIONS = {
  preset: { type: 'string', short: 'p' },
  thresholds: { type: 'string', short: 't' },
  limit: { type: 'string' },
  window: { type: 'string', short: 'w' },
  'fiscal-year-start': { type: 'string' },
  vendor: { type: 'string' },
  'category-prefix': { type: 'string' },
  'min-similarity': { type: 'string' },
  'same-project': { type: 'boolean' },
  'same-category': { type: 'boolean' },
  'min-part-share': { type: 'string' },
  map: { type: 'string', short: 'm' },
  'map-file': { type: 'string' },
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  rejects: { type: 'string' },
  'min-score': { type: 'string' },
  top: { type: 'string' },
  'fail-on-findings': { type: 'boolean' },
  'date-format': { type: 'string' },
  'decimal-comma': { type: 'boolean' },
  unit: { type: 'string' },
  encoding: { type: 'string' },
  currency: { type: 'string' },
  buyer: { type: 'string' },
  credits: { type: 'string' },
  lines: { type: 'string' },
  'line-suffix': { type: 'string' },
  delimiter: { type: 'string' },
  'input-format': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;

/**
 * Reads a `--window` value: `30d` (rolling days), `day`, `week`, `month`, `quarter`, `year`, or
 * `fiscal-year` (starting in month `fiscalYearStart`, default January).
 *
 * @throws UsageError on anything else.
 * @example
 * parseWindow('30d') //=> { days: 30 }
 */
export function parseWindow(value: string, fiscalYearStart = 1): WindowOption {
  const v = value.trim().toLowerCase();
  const days = /^(\d+)\s*d(ays?)?$/u.exec(v);
  if (days) {
    const n = Number(days[1]);
    if (n < 1) throw new UsageError(`--window ${value}: at least 1 day`);
    return { days: n };
  }
  if ((PERIODS as readonly string[]).includes(v)) return { period: v as (typeof PERIODS)[number] };
  if (v === 'fiscal-year' || v === 'fiscalyear' || v === 'fy') return { period: 'fiscalYear', fiscalYearStart };
  throw new UsageError(`--window ${value}: expected Nd (e.g. 30d), day, week, month, quarter, year or fiscal-year`);
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} ${value}: expected ${allowed.join(', ')}`);
  return value as T;
}

function positiveNumber(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${flag} ${value}: expected a ${integer ? 'whole ' : ''}number ≥ 0`);
  }
  return n;
}

const DELIMITER_NAMES: Readonly<Record<string, Delimiter>> = { ',': ',', comma: ',', ';': ';', semicolon: ';', '\\t': '\t', '\t': '\t', tab: '\t', '|': '|', pipe: '|' };

/**
 * Parses the command line (without `node` and the script).
 *
 * @throws UsageError on an unknown command or option, a missing file, or a bad value.
 */
export function parseCli(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const { values: o, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (o.help || command === undefined || command === 'help') return { command: 'help' };
  const format = oneOf('format', o.format, REPORT_FORMATS);
  if (command === 'presets') return { command: 'presets', ...(format ? { format } : {}) };
  if (command !== 'scan') throw new UsageError(`unknown command "${command}" (commands: scan, presets, help)`);
  const file = rest[0];
  if (file === undefined) throw new UsageError('scan: give the ledger FILE to scan');
  if (rest.length > 1) throw new UsageError(`scan: one FILE at a time (got ${rest.join(', ')})`);
  if (o.preset !== undefined && o.thresholds !== undefined) throw new UsageError('give --preset or --thresholds, not both');
  if (o.preset === undefined && o.thresholds === undefined) throw new UsageError('scan: give --preset NAME or --thresholds FILE (see `splitscan presets`)');
  const fy = positiveNumber('fiscal-year-start', o['fiscal-year-start'], true);
  if (fy !== undefined && (fy < 1 || fy > 12)) throw new UsageError(`--fiscal-year-start ${fy}: a month 1–12`);
  let encoding: Encoding | undefined;
  if (o.encoding !== undefined && o.encoding !== 'auto') {
    encoding = encodingOf(o.encoding);
    if (encoding === undefined) throw new UsageError(`--encoding ${o.encoding}: expected auto, utf-8, utf-16le, utf-16be, windows-1252 or gb18030`);
  }
  let delimiter: Delimiter | undefined;
  if (o.delimiter !== undefined) {
    delimiter = DELIMITER_NAMES[o.delimiter];
    if (delimiter === undefined) throw new UsageError(`--delimiter ${JSON.stringify(o.delimiter)}: expected one of , ; tab | (${DELIMITERS.length} choices)`);
  }
  if (o.unit !== undefined && !(Number(o.unit) > 0)) throw new UsageError(`--unit ${o.unit}: expected a positive number such as 10000`);
  if (o.currency !== undefined && !/^[A-Za-z]{3}$/u.test(o.currency)) throw new UsageError(`--currency ${o.currency}: expected an ISO 4217 code such as CNY`);
  let map: ColumnMap | undefined;
  if (o.map !== undefined) {
    try {
      map = parseColumnMap(o.map);
    } catch (e) {
      throw new UsageError(`--map: ${(e as Error).message}`);
    }
  }
  const opt = <K extends string, V>(k: K, v: V | undefined): Partial<Record<K, V>> => (v === undefined ? {} : ({ [k]: v } as Record<K, V>));
  const vendor = oneOf<VendorRule>('vendor', o.vendor, ['same', 'any']);
  const credits = oneOf<CreditPolicy>('credits', o.credits, ['reject', 'net']);
  const lines = oneOf<LinePolicy>('lines', o.lines, ['sum', 'keep']);
  const minScore = positiveNumber('min-score', o['min-score'], false);
  const categoryPrefix = positiveNumber('category-prefix', o['category-prefix'], true);
  const minSimilarity = positiveNumber('min-similarity', o['min-similarity'], false);
  const minPartShare = positiveNumber('min-part-share', o['min-part-share'], false);
  const subject = {
    ...opt('categoryPrefix', categoryPrefix),
    ...opt('minSimilarity', minSimilarity),
    ...opt('sameProject', o['same-project']),
    ...opt('sameCategory', o['same-category']),
  };
  const top = positiveNumber('top', o.top, true);
  const window = o.window !== undefined ? parseWindow(o.window, fy ?? 1) : undefined;
  const inputFormat = oneOf<InputFormat>('input-format', o['input-format'], ['auto', 'csv', 'json', 'ndjson', 'ocds']) ?? 'auto';
  return {
    command: 'scan',
    file,
    ...opt('preset', o.preset),
    ...opt('thresholds', o.thresholds),
    ...opt('limit', o.limit),
    ...opt('window', window),
    ...opt('vendor', vendor),
    ...(Object.keys(subject).length > 0 ? { subject } : {}),
    ...opt('minPartShare', minPartShare),
    ...opt('map', map),
    ...opt('mapFile', o['map-file']),
    ...opt('format', format),
    ...opt('out', o.out),
    ...opt('rejects', o.rejects),
    ...opt('minScore', minScore),
    ...opt('top', top),
    failOnFindings: o['fail-on-findings'] ?? false,
    ...opt('dateFormat', o['date-format']),
    decimalComma: o['decimal-comma'] ?? false,
    ...opt('unit', o.unit),
    ...opt('encoding', encoding),
    ...opt('currency', o.currency?.toUpperCase()),
    ...opt('buyer', o.buyer),
    ...opt('credits', credits),
    ...opt('lines', lines),
    ...opt('lineSuffix', o['line-suffix']),
    ...opt('delimiter', delimiter),
    inputFormat,
    quiet: o.quiet ?? false,
  };
}

/** The `--help` text. Every flag is documented here and in docs/cli.md. */
export const HELP = `splitscan — find procurement purchases split to stay under legal thresholds

Usage:
  splitscan scan FILE (--preset NAME | --thresholds FILE) [options]
  splitscan presets [--format json]
  splitscan help

FILE is CSV/TSV (delimiter , ; tab | detected), a JSON array, NDJSON, or OCDS JSON
(release package, record package or release).

Policy:
  -p, --preset NAME          thresholds and grouping policy (list: splitscan presets)
  -t, --thresholds FILE      thresholds as JSON (array of {id, amount, currency, procedure, ...})
      --limit AMOUNT         card single-transaction limit (with --preset pcard)
  -w, --window W             30d (rolling days) | day | week | month | quarter | year | fiscal-year
      --fiscal-year-start M  first month of the fiscal year, 1–12 (default 1)
      --vendor same|any      parts must share a vendor, or may come from several (default: preset's)
      --category-prefix N    category codes relate when their first N characters match (0: ignore codes)
      --min-similarity X     subject texts relate at this similarity, 0–1 (above 1: ignore texts)
      --same-project         parts must share a budget project (as China's Art. 28 requires)
      --same-category        parts must share the category prefix
      --min-part-share X     smallest part, as a share of the threshold (default 0.1; 0 counts all)

Reading the file:
  -m, --map field=Header,…   columns for id buyer vendor date amount currency subject category
                             project method document exemption; A+B joins columns
      --map-file FILE        the same mapping as a JSON object {"buyer": "Division", ...}
      --date-format PATTERN  date-fns pattern for non-ISO dates, e.g. dd/MM/yyyy, MM-dd-yyyy
      --decimal-comma        amounts are written 1 234,50 / 1.234,50
      --unit N               multiply amounts by N (10000 for 万元; a "(万元)" header is read too)
      --encoding E           auto | utf-8 | utf-16le | utf-16be | windows-1252 | gb18030 (default auto)
      --currency CODE        currency of rows without one (default: the thresholds' currency)
      --buyer NAME           buyer of every row when the file has no buyer column
      --credits reject|net   negative amounts: report as rejects (default) or net against the purchase
      --lines sum|keep       rows sharing a document number: sum into one record (default) or keep
      --line-suffix REGEX    strip from document numbers before summing (e.g. '_\\d+$')
      --delimiter D          , ; tab | (default detected)
      --input-format F       auto | csv | json | ndjson | ocds (default auto)

Output:
  -f, --format F             table (default on a terminal) | json (default otherwise) | csv | md
  -o, --out FILE             write the report to FILE instead of stdout
      --rejects FILE         write rejected rows (line, column, code, reason) as CSV
      --min-score S          only findings scoring at least S (0–1; default 0.25, 0 lists every crossing run)
      --top N                only the N highest-scoring findings
      --fail-on-findings     exit 1 when there are findings
  -q, --quiet                no progress or summary on stderr
  -h, --help                 this help

Exit codes: 0 done · 1 findings (with --fail-on-findings) · 2 usage or options error ·
3 unreadable input · 4 internal error (a bug: please report it)
`;
