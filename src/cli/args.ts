/**
 * Command-line arguments → a validated scan configuration. Pure: no I/O, so it is tested directly.
 */
import { parseArgs } from 'node:util';
import { isCurrencyCode } from '../_lib/currencies.js';
import type { VendorRule, WindowOption } from '../options/policy.js';
import { type ColumnMap, parseColumnMap } from '../io/read/columns.js';
import { DELIMITERS, type Delimiter } from '../io/read/csv.js';
import { type Encoding, ENCODINGS, encodingOf } from '../io/read/decode.js';
import { REPORT_FORMATS, type ReportFormat } from '../io/write/formats.js';
import { CREDIT_POLICIES, type CreditPolicy, LINE_POLICIES, type LinePolicy } from '../io/read/options.js';
import { FLAG_OPTIONS, INPUT_FORMATS, flagHelp } from './flags.js';

/** A mistake on the command line (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input formats the CLI reads. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** What `splitscan scan` was asked to do. */
export interface ScanArgs {
  readonly command: 'scan';
  /** The first of {@link files}. */
  readonly file: string;
  /** Files, folders or glob patterns to read as one ledger; `-` is standard input. */
  readonly files: readonly string[];
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

/** `splitscan inspect FILE...`: the reading flags of a scan, no policy. */
export interface InspectArgs extends Omit<ScanArgs, 'command'> {
  readonly command: 'inspect';
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

export type CliArgs = ScanArgs | InspectArgs | PresetsArgs | HelpArgs;

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

/** A share or similarity: a number from 0 to 1 (below 1 when `open`). */
function fraction(flag: string, value: string | undefined, open = false): number | undefined {
  const n = positiveNumber(flag, value, false);
  if (n !== undefined && (open ? n >= 1 : n > 1)) throw new UsageError(`--${flag} ${value}: expected a number from 0 to ${open ? 'below ' : ''}1`);
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
    parsed = parseArgs({ args: [...argv], options: FLAG_OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  const { values: o, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (o.help || command === undefined || command === 'help') return { command: 'help' };
  const format = oneOf('format', o.format, REPORT_FORMATS);
  if (command === 'presets') return { command: 'presets', ...(format ? { format } : {}) };
  if (command !== 'scan' && command !== 'inspect') throw new UsageError(`unknown command "${command}" (commands: scan, inspect, presets, help)`);
  const file = rest[0];
  if (file === undefined) throw new UsageError(`${command}: give the ledger FILE to ${command === 'scan' ? 'scan' : 'inspect'}`);
  if (o.preset !== undefined && o.thresholds !== undefined) throw new UsageError('give --preset or --thresholds, not both');
  if (command === 'scan' && o.preset === undefined && o.thresholds === undefined) throw new UsageError('scan: give --preset NAME or --thresholds FILE (see `splitscan presets`)');
  const fy = positiveNumber('fiscal-year-start', o['fiscal-year-start'], true);
  if (fy !== undefined && (fy < 1 || fy > 12)) throw new UsageError(`--fiscal-year-start ${fy}: a month 1–12`);
  let encoding: Encoding | undefined;
  if (o.encoding !== undefined && o.encoding !== 'auto') {
    encoding = encodingOf(o.encoding);
    if (encoding === undefined) throw new UsageError(`--encoding ${o.encoding}: expected auto, ${ENCODINGS.join(', ')} (or an alias such as gbk, latin1)`);
  }
  let delimiter: Delimiter | undefined;
  if (o.delimiter !== undefined) {
    delimiter = DELIMITER_NAMES[o.delimiter];
    if (delimiter === undefined) throw new UsageError(`--delimiter ${JSON.stringify(o.delimiter)}: expected one of , ; tab | (${DELIMITERS.length} choices)`);
  }
  if (o.unit !== undefined && !(Number(o.unit) > 0)) throw new UsageError(`--unit ${o.unit}: expected a positive number such as 10000`);
  if (o.currency !== undefined && !isCurrencyCode(o.currency)) throw new UsageError(`--currency ${o.currency}: expected an ISO 4217 code such as CNY`);
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
  const credits = oneOf<CreditPolicy>('credits', o.credits, CREDIT_POLICIES);
  const lines = oneOf<LinePolicy>('lines', o.lines, LINE_POLICIES);
  const minScore = fraction('min-score', o['min-score']);
  const categoryPrefix = positiveNumber('category-prefix', o['category-prefix'], true);
  const minSimilarity = fraction('min-similarity', o['min-similarity']);
  const minPartShare = fraction('min-part-share', o['min-part-share'], true);
  const subject = {
    ...opt('categoryPrefix', categoryPrefix),
    ...opt('minSimilarity', minSimilarity),
    ...opt('sameProject', o['same-project']),
    ...opt('sameCategory', o['same-category']),
  };
  const top = positiveNumber('top', o.top, true);
  const window = o.window !== undefined ? parseWindow(o.window, fy ?? 1) : undefined;
  const inputFormat = oneOf<InputFormat>('input-format', o['input-format'], INPUT_FORMATS) ?? 'auto';
  return {
    command,
    file,
    files: rest,
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

/** The `--help` text, generated from the flag table in flags.ts (docs/cli.md shows it verbatim). */
export const HELP = `splitscan — find procurement purchases split to stay under legal thresholds

Usage:
  splitscan scan FILE... (--preset NAME | --thresholds FILE) [options]
  splitscan inspect FILE... [reading options] [--format json]
  splitscan presets [--format json]
  splitscan help

FILE is CSV/TSV (delimiter , ; tab | detected), a JSON array, NDJSON, or OCDS JSON
(release package, record package or release). Several files, a folder or a glob
pattern are read as one ledger; - is standard input.

${flagHelp()}
Exit codes: 0 done · 1 findings (with --fail-on-findings) · 2 usage or options error ·
3 unreadable input · 4 internal error (a bug: please report it)
`;
