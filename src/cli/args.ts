/**
 * Command-line arguments → a validated command. Pure: no I/O, so it is tested directly. Every
 * mistake is a {@link UsageError} that names the flag (and the nearest flag or command when one
 * was mistyped).
 */
import { parseArgs } from 'node:util';
import { closest } from '../_lib/closest.js';
import { isCurrencyCode } from '../_lib/currencies.js';
import { exactDecimal } from '../_lib/decimal.js';
import { isOptionsError } from '../errors.js';
import type { VendorRule, WindowOption } from '../options/policy.js';
import type { Comparison } from '../thresholds/threshold.js';
import { type ColumnMap, parseColumnMap } from '../io/read/columns.js';
import { DELIMITERS, type Delimiter } from '../io/read/csv.js';
import { type Encoding, ENCODINGS, encodingOf } from '../io/read/decode.js';
import { CREDIT_POLICIES, type CreditPolicy, LINE_POLICIES, type LinePolicy } from '../io/read/options.js';
import { COMMAND_NAMES, COMMANDS, type CommandName, DIFF_FORMATS, FLAG_OPTIONS, FLAGS, INPUT_FORMATS, INSPECT_FORMATS, SCAN_FORMATS, flagHelp, inapplicableFlag, usageHelp } from './flags.js';

/** A mistake on the command line (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input formats the CLI reads. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** Output formats of `splitscan scan`. */
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** Output formats of `splitscan diff`. */
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** What `splitscan scan` was asked to do. */
export interface ScanArgs {
  readonly command: 'scan';
  /** The first of {@link files}. */
  readonly file: string;
  /** Files, folders or glob patterns to read as one ledger; `-` is standard input. */
  readonly files: readonly string[];
  /** The command line as given (it goes into the report's provenance). */
  readonly argv: readonly string[];
  readonly preset?: string;
  readonly tier?: string;
  readonly thresholds?: string;
  /** An ad-hoc threshold (`--threshold`), with its procedure and comparison. */
  readonly threshold?: { readonly amount: string; readonly procedure?: string; readonly comparison?: Comparison };
  readonly limit?: string;
  /** `--options FILE`: detectSplits options, or a report whose provenance to rerun. */
  readonly optionsFile?: string;
  readonly window?: WindowOption;
  /** `--fiscal-year-start M`: the first month of a fiscal-year window, the flag's or the preset's. */
  readonly fiscalYearStart?: number;
  readonly vendor?: VendorRule;
  /** Overrides of the policy's subject rule. */
  readonly subject?: { categoryPrefix?: number; minSimilarity?: number; sameProject?: boolean; sameCategory?: boolean };
  readonly minPartShare?: number;
  /** Vendors and category prefixes added to the policy's exclusions; `categories: []` with `replace` clears them. */
  readonly exclude?: { readonly vendors: readonly string[]; readonly categories: readonly string[]; readonly replaceCategories: boolean };
  /** Methods added to the policy's `skipMethods`: records bought so are never parts. */
  readonly skipMethods?: readonly string[];
  /** Placeholder vendor names added to the default list. */
  readonly placeholderVendors?: readonly string[];
  readonly map?: ColumnMap;
  readonly mapFile?: string;
  readonly format?: ScanFormat;
  readonly out?: string;
  readonly rejects?: string;
  /** `--warnings FILE`: the report's warnings as CSV. */
  readonly warnings?: string;
  readonly minScore?: number;
  readonly top?: number;
  readonly failOnFindings: boolean;
  readonly dateFormat?: string;
  readonly decimalComma?: boolean;
  readonly unit?: string;
  readonly encoding?: Encoding;
  readonly currency?: string;
  /** `--rate CODE=RATE`: exchange rates to the report currency, by currency code. */
  readonly rates?: Readonly<Record<string, string>>;
  /** `--vat BASIS:RATE`: how the file's amounts stand to VAT, and the rate. */
  readonly vat?: { readonly amounts: 'net' | 'gross'; readonly rate: string };
  readonly buyer?: string;
  readonly credits?: CreditPolicy;
  readonly lines?: LinePolicy;
  readonly lineSuffix?: string;
  readonly delimiter?: Delimiter;
  readonly inputFormat: InputFormat;
  readonly decisions?: string;
  readonly decisionsTemplate?: string;
  readonly maxFlagShare?: number;
  readonly maxFlagSpendShare?: number;
  readonly quiet: boolean;
}

/** `splitscan inspect FILE...`: the reading flags of a scan, no policy. */
export interface InspectArgs extends Omit<ScanArgs, 'command'> {
  readonly command: 'inspect';
}

/** `splitscan diff OLD.json NEW.json`. */
export interface DiffArgs {
  readonly command: 'diff';
  readonly before: string;
  readonly after: string;
  readonly format?: DiffFormat;
  readonly out?: string;
  /** `-q`: no warning on stderr (the diff still carries it). */
  readonly quiet?: boolean;
}

/** `splitscan presets`. */
export interface PresetsArgs {
  readonly command: 'presets';
  readonly format?: 'table' | 'json' | 'csv';
}

/** `splitscan help` / `--help`, and `--version`. */
export interface InfoArgs {
  readonly command: 'help' | 'version';
}

export type CliArgs = ScanArgs | InspectArgs | DiffArgs | PresetsArgs | InfoArgs;

const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;

/**
 * Reads the `--rate CODE=RATE` values: exchange rates by currency code (upper-cased). The rate is
 * checked with the other options (`rates`: a positive decimal), so its error names `--rate CODE`.
 *
 * @throws UsageError on a value without `=`, a code that is no ISO 4217 code, or one code given two rates.
 * @example
 * parseRates(['gbp=1.17', 'USD=0.92']) //=> { GBP: '1.17', USD: '0.92' }
 */
export function parseRates(values: readonly string[]): Record<string, string> {
  const rates: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const code = value.slice(0, Math.max(at, 0)).trim().toUpperCase();
    const rate = value.slice(at + 1).trim();
    if (at < 0 || rate === '') throw new UsageError(`--rate ${value}: expected CODE=RATE, e.g. --rate GBP=1.17 (units of the report currency per 1 GBP)`);
    if (!isCurrencyCode(code)) throw new UsageError(`--rate ${value}: ${JSON.stringify(code)} is not an ISO 4217 currency code`);
    if (rates[code] !== undefined && rates[code] !== rate) throw new UsageError(`--rate ${code} is given twice (${rates[code]} and ${rate}): give one rate per currency`);
    rates[code] = rate;
  }
  return rates;
}

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

/** " (did you mean X?)" when a known name is close to `word`, else "". */
function didYouMean(word: string, names: readonly string[], prefix = ''): string {
  const near = closest(word, names);
  return near === undefined ? '' : `; did you mean ${prefix}${near}?`;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} ${value}: expected ${allowed.join(', ')}${didYouMean(value, allowed)}`);
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

/** A share or similarity: a number from 0 to 1 (below 1 when `open`, above 0 when `positive`). */
function fraction(flag: string, value: string | undefined, { open = false, positive = false } = {}): number | undefined {
  const n = positiveNumber(flag, value, false);
  if (n !== undefined && ((open ? n >= 1 : n > 1) || (positive && n === 0))) {
    throw new UsageError(`--${flag} ${value}: expected a number from ${positive ? 'above ' : ''}0 to ${open ? 'below ' : ''}1`);
  }
  return n;
}

/** An amount: a positive decimal such as `3000` or `4999.99`. */
function amount(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (exactDecimal(value.trim())?.gt(0) !== true) throw new UsageError(`--${flag} ${value}: expected a positive amount such as 3000 or 4999.99`);
  return value.trim();
}

const DELIMITER_NAMES: Readonly<Record<string, Delimiter>> = { ',': ',', comma: ',', ';': ';', semicolon: ';', '\\t': '\t', '\t': '\t', tab: '\t', '|': '|', pipe: '|' };

const FLAG_NAMES = FLAGS.map((f) => f.name);

/**
 * @throws UsageError for a flag that takes one value given two values (`--threshold 5000
 *   --threshold 3000`): the last one used to win unsaid. Flags that collect their values (`--rate`,
 *   `--exclude-vendor` …), those that take none, and one value given again may repeat.
 */
function refuseRepeated(tokens: readonly { kind: string; name?: string; value?: string | undefined }[]): void {
  const given = new Map<string, string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || t.name === undefined || t.value === undefined) continue;
    const flag = FLAGS.find((f) => f.name === t.name);
    if (flag === undefined || ('multiple' in flag && flag.multiple)) continue;
    const before = given.get(t.name);
    if (before !== undefined && before !== t.value) {
      const hint = t.name === 'map' ? ': one --map takes every pair, e.g. --map buyer=Division,vendor=Supplier' : ': give it once';
      throw new UsageError(`--${t.name} is given twice (${before} and ${t.value})${hint}`);
    }
    given.set(t.name, t.value);
  }
}

/** @throws UsageError naming the first flag given that `command` does not take, with its usage. */
function refuseInapplicable(command: CommandName, given: readonly string[]): void {
  const flag = inapplicableFlag(command, given);
  if (flag === undefined) return;
  const usage = COMMANDS.find((c) => c.name === command)?.usage ?? command;
  throw new UsageError(`${flag} does not apply to ${command} (usage: splitscan ${usage})`);
}

/** A parseArgs error as a message that names the flag, with the nearest known flag for a typo. */
function usageOf(e: unknown): UsageError {
  const message = (e as Error).message.split('\n')[0] ?? 'bad arguments';
  const unknown = /Unknown option '(-{1,2})([^'=]+)/u.exec(message);
  if (unknown) {
    const [, dashes = '--', name = ''] = unknown;
    const hint = dashes === '--' ? didYouMean(name, FLAG_NAMES, '--') : '';
    return new UsageError(`unknown flag ${dashes}${name}${hint}`);
  }
  const missing = /Option '(-\w, )?(--[\w-]+)[^']*' argument missing/u.exec(message);
  if (missing) return new UsageError(`${missing[2]} needs a value`);
  const noValue = /Option '(-\w, )?(--[\w-]+)' does not take an argument/u.exec(message);
  if (noValue) return new UsageError(`${noValue[2]} takes no value`);
  // A value that starts with a dash ('-\d+$' for --line-suffix) reads as a flag unless joined by '='.
  const dashed = /Option '(-\w, )?(--[\w-]+)' argument is ambiguous/u.exec(message);
  if (dashed) return new UsageError(`${dashed[2]} needs a value; one that starts with a dash is joined with =, e.g. ${dashed[2]}=-VALUE`);
  return new UsageError(message.replace(/\. To specify a positional argument.*$/u, ''));
}

/**
 * Parses the command line (without `node` and the script).
 *
 * @throws UsageError on an unknown command or flag (naming the nearest known one), a missing file,
 * or a bad value.
 */
export function parseCli(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: FLAG_OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw usageOf(e);
  }
  refuseRepeated(parsed.tokens);
  const { values: o, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (o.version) return { command: 'version' };
  if (o.help || command === undefined || command === 'help') return { command: 'help' };
  if (command === 'scan' || command === 'inspect' || command === 'diff' || command === 'presets') refuseInapplicable(command, Object.keys(o));
  if (command === 'presets') {
    const format = oneOf('format', o.format, ['table', 'json', 'csv'] as const);
    return { command: 'presets', ...(format ? { format } : {}) };
  }
  if (command === 'diff') return diffArgs(rest, o.format, o.out, o.quiet ?? false);
  if (command !== 'scan' && command !== 'inspect') throw new UsageError(`unknown command "${command}"${didYouMean(command, COMMAND_NAMES)} (commands: ${COMMAND_NAMES.join(', ')})`);
  const format = oneOf('format', o.format, command === 'scan' ? SCAN_FORMATS : INSPECT_FORMATS);
  const file = rest[0];
  if (file === undefined) throw new UsageError(`${command}: give the ledger FILE to ${command}`);
  if (command === 'scan' && o.preset === undefined && o.thresholds === undefined && o.threshold === undefined && o.options === undefined) {
    throw new UsageError('scan: give --preset NAME, --thresholds FILE or --threshold AMOUNT (see `splitscan presets`)');
  }
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
  const rates = o.rate !== undefined ? parseRates(o.rate) : undefined;
  // --vat net:0.2 (the rate itself is checked with the other options: `vat.rate`).
  const vatMatch = o.vat !== undefined ? /^\s*(net|gross)\s*:\s*(\S+)\s*$/iu.exec(o.vat) : undefined;
  if (o.vat !== undefined && !vatMatch) throw new UsageError(`--vat ${o.vat}: expected net:RATE or gross:RATE, the rate a fraction (--vat net:0.2 for amounts net of 20% VAT)`);
  const vat = vatMatch ? { amounts: (vatMatch[1] as string).toLowerCase() as 'net' | 'gross', rate: vatMatch[2] as string } : undefined;
  let map: ColumnMap | undefined;
  if (o.map !== undefined) {
    try {
      map = parseColumnMap(o.map);
    } catch (e) {
      throw new UsageError(`--map: ${isOptionsError(e) ? e.issues.map((i) => i.message).join('; ') : (e as Error).message}`);
    }
  }
  const limit = amount('limit', o.limit);
  const threshold = amount('threshold', o.threshold);
  const comparison = oneOf<Comparison>('comparison', o.comparison, ['atOrAbove', 'above']);
  if (threshold === undefined && (o.procedure !== undefined || comparison !== undefined)) throw new UsageError(`${o.procedure !== undefined ? '--procedure' : '--comparison'} goes with --threshold AMOUNT`);
  if (o.procedure?.trim() === '') throw new UsageError('--procedure: must name the procedure the threshold triggers, e.g. --procedure "open tender"');
  if (threshold !== undefined && o.thresholds !== undefined) throw new UsageError('give --threshold or --thresholds, not both');
  if (o.tier !== undefined && (threshold !== undefined || o.thresholds !== undefined)) throw new UsageError('--tier picks a preset\'s thresholds; --threshold and --thresholds replace them: give one');
  if ((threshold !== undefined || limit !== undefined) && o.currency === undefined) throw new UsageError(`--${threshold !== undefined ? 'threshold' : 'limit'} ${threshold ?? limit} needs --currency CODE (the currency of the amount)`);
  const opt = <K extends string, V>(k: K, v: V | undefined): Partial<Record<K, V>> => (v === undefined ? {} : ({ [k]: v } as Record<K, V>));
  const vendor = oneOf<VendorRule>('vendor', o.vendor, ['same', 'any']);
  const credits = oneOf<CreditPolicy>('credits', o.credits, CREDIT_POLICIES);
  const lines = oneOf<LinePolicy>('lines', o.lines, LINE_POLICIES);
  const minScore = fraction('min-score', o['min-score']);
  const categoryPrefix = positiveNumber('category-prefix', o['category-prefix'], true);
  const minSimilarity = fraction('min-similarity', o['min-similarity']);
  const minPartShare = fraction('min-part-share', o['min-part-share'], { open: true });
  const maxFlagShare = fraction('max-flag-share', o['max-flag-share'], { positive: true });
  const maxFlagSpendShare = fraction('max-flag-spend-share', o['max-flag-spend-share'], { positive: true });
  const subject = {
    ...opt('categoryPrefix', categoryPrefix),
    ...opt('minSimilarity', minSimilarity),
    ...opt('sameProject', o['same-project']),
    ...opt('sameCategory', o['same-category']),
  };
  const vendors = (o['exclude-vendor'] ?? []).map((v) => v.trim()).filter((v) => v !== '');
  const categoryValues = (o['exclude-category'] ?? []).flatMap((v) => v.split(',')).map((c) => c.trim()).filter((c) => c !== '');
  const replaceCategories = categoryValues.some((c) => c.toLowerCase() === 'none');
  const categories = categoryValues.filter((c) => c.toLowerCase() !== 'none');
  const exclude = o['exclude-vendor'] !== undefined || o['exclude-category'] !== undefined ? { vendors, categories, replaceCategories } : undefined;
  const top = positiveNumber('top', o.top, true);
  const window = o.window !== undefined ? parseWindow(o.window, fy ?? 1) : undefined;
  const inputFormat = oneOf<InputFormat>('input-format', o['input-format'], INPUT_FORMATS) ?? 'auto';
  return {
    command,
    file,
    files: rest,
    argv: [...argv],
    ...opt('preset', o.preset),
    ...opt('tier', o.tier),
    ...opt('thresholds', o.thresholds),
    ...(threshold !== undefined ? { threshold: { amount: threshold, ...opt('procedure', o.procedure), ...opt('comparison', comparison) } } : {}),
    ...opt('limit', limit),
    ...opt('optionsFile', o.options),
    ...opt('window', window),
    ...opt('fiscalYearStart', fy),
    ...opt('vendor', vendor),
    ...(Object.keys(subject).length > 0 ? { subject } : {}),
    ...opt('minPartShare', minPartShare),
    ...opt('exclude', exclude),
    ...opt('skipMethods', o['skip-method']?.map((m) => m.trim()).filter((m) => m !== '')),
    ...opt('placeholderVendors', o['placeholder-vendor']),
    ...opt('map', map),
    ...opt('mapFile', o['map-file']),
    ...opt('format', format),
    ...opt('out', o.out),
    ...opt('rejects', o.rejects),
    ...opt('warnings', o.warnings),
    ...opt('minScore', minScore),
    ...opt('top', top),
    failOnFindings: o['fail-on-findings'] ?? false,
    ...opt('dateFormat', o['date-format']),
    ...opt('decimalComma', o['decimal-comma']),
    ...opt('unit', o.unit),
    ...opt('encoding', encoding),
    ...opt('currency', o.currency?.toUpperCase()),
    ...opt('rates', rates),
    ...opt('vat', vat),
    ...opt('buyer', o.buyer),
    ...opt('credits', credits),
    ...opt('lines', lines),
    ...opt('lineSuffix', o['line-suffix']),
    ...opt('delimiter', delimiter),
    inputFormat,
    ...opt('decisions', o.decisions),
    ...opt('decisionsTemplate', o['decisions-template']),
    ...opt('maxFlagShare', maxFlagShare),
    ...opt('maxFlagSpendShare', maxFlagSpendShare),
    quiet: o.quiet ?? false,
  };
}

function diffArgs(files: readonly string[], format: string | undefined, out: string | undefined, quiet: boolean): DiffArgs {
  const [before, after, ...more] = files;
  if (before === undefined || after === undefined || more.length > 0) throw new UsageError('diff: give two JSON reports, OLD.json NEW.json (from scan --format json)');
  const f = oneOf('format', format, DIFF_FORMATS);
  return { command: 'diff', before, after, ...(f ? { format: f } : {}), ...(out !== undefined ? { out } : {}), ...(quiet ? { quiet } : {}) };
}

/** The `--help` text, generated from the flag table in flags.ts (docs/cli.md shows it verbatim). */
export const HELP = `splitscan — find procurement purchases split to stay under legal thresholds

Usage:
${usageHelp()}

FILE is CSV/TSV (delimiter , ; tab | detected), a JSON array, NDJSON, or OCDS JSON
(release package, record package or release). Several files, a folder or a glob
pattern are read as one ledger; - is standard input.

${flagHelp()}
Exit codes: 0 done · 1 findings (with --fail-on-findings) · 2 usage or options error ·
3 unreadable input, or no row could be analysed · 4 internal error (a bug: please report it)
`;
