/**
 * The command's flags, listed once: `parseArgs`'s options, the `--help` text and the flag block of
 * docs/cli.md (a test keeps it equal to the help) all derive from {@link FLAGS}.
 */
import { CREDIT_POLICIES, LINE_POLICIES } from '../io/read/options.js';
import { LEDGER_FORMATS } from '../io/read/ledger.js';
import { ENCODINGS } from '../io/read/decode.js';
import { REPORT_FORMATS } from '../io/write/formats.js';

/** One flag of the command. */
export interface Flag {
  /** Long name, without `--`. */
  readonly name: string;
  /** One-letter alias, without `-`. */
  readonly short?: string;
  /** `'boolean'` flags take no value. */
  readonly type: 'string' | 'boolean';
  /** Heading the help lists it under. */
  readonly group: (typeof GROUPS)[number];
  /** Placeholder of the value in the help (`NAME`, `30d`…). */
  readonly value?: string;
  /** What it does; `\n` continues on the next line. */
  readonly description: string;
  /** The default, shown as `(default: …)` after the description. */
  readonly default?: string;
}

/** The help's flag groups, in order. */
export const GROUPS = ['Policy', 'Reading the file', 'Output'] as const;

/** Input formats the command reads: the ledger formats, and OCDS. */
export const INPUT_FORMATS = ['auto', ...LEDGER_FORMATS, 'ocds'] as const;

const or = (list: readonly string[]): string => list.join(' | ');

/** Every flag of `splitscan`, in help order. */
export const FLAGS = [
  { name: 'preset', short: 'p', type: 'string', group: 'Policy', value: 'NAME', description: 'thresholds and grouping policy (list: splitscan presets)' },
  { name: 'thresholds', short: 't', type: 'string', group: 'Policy', value: 'FILE', description: 'thresholds as JSON (array of {id, amount, currency, procedure, ...})' },
  { name: 'limit', type: 'string', group: 'Policy', value: 'AMOUNT', description: 'card single-transaction limit (with --preset pcard)' },
  { name: 'window', short: 'w', type: 'string', group: 'Policy', value: 'W', description: '30d (rolling days) | day | week | month | quarter | year | fiscal-year' },
  { name: 'fiscal-year-start', type: 'string', group: 'Policy', value: 'M', description: 'first month of the fiscal year, 1–12', default: '1' },
  { name: 'vendor', type: 'string', group: 'Policy', value: 'same|any', description: 'parts must share a vendor, or may come from several', default: "the preset's" },
  { name: 'category-prefix', type: 'string', group: 'Policy', value: 'N', description: 'category codes relate when their first N characters match (0: ignore codes)' },
  { name: 'min-similarity', type: 'string', group: 'Policy', value: 'X', description: 'subject texts relate at this similarity, 0–1 (0: ignore texts)' },
  { name: 'same-project', type: 'boolean', group: 'Policy', description: "parts must share a budget project (as China's Art. 28 requires)" },
  { name: 'same-category', type: 'boolean', group: 'Policy', description: 'parts must share the category prefix' },
  { name: 'min-part-share', type: 'string', group: 'Policy', value: 'X', description: 'smallest part, as a share of the threshold, 0–1; 0 counts all', default: '0.1' },
  {
    name: 'map',
    short: 'm',
    type: 'string',
    group: 'Reading the file',
    value: 'field=Header,…',
    description: 'columns for id buyer vendor date amount currency subject category\nproject method document exemption; A+B joins columns',
  },
  { name: 'map-file', type: 'string', group: 'Reading the file', value: 'FILE', description: 'the same mapping as a JSON object {"buyer": "Division", ...}' },
  { name: 'date-format', type: 'string', group: 'Reading the file', value: 'PATTERN', description: 'date-fns pattern for non-ISO dates, e.g. dd/MM/yyyy, MM-dd-yyyy' },
  { name: 'decimal-comma', type: 'boolean', group: 'Reading the file', description: 'amounts are written 1 234,50 / 1.234,50' },
  { name: 'unit', type: 'string', group: 'Reading the file', value: 'N', description: 'multiply amounts by N (10000 for 万元; a "(万元)" header is read too)' },
  { name: 'encoding', type: 'string', group: 'Reading the file', value: 'E', description: or(['auto', ...ENCODINGS]), default: 'auto' },
  { name: 'currency', type: 'string', group: 'Reading the file', value: 'CODE', description: 'currency of rows without one', default: "the thresholds' currency" },
  { name: 'buyer', type: 'string', group: 'Reading the file', value: 'NAME', description: 'buyer of every row when the file has no buyer column' },
  { name: 'credits', type: 'string', group: 'Reading the file', value: CREDIT_POLICIES.join('|'), description: 'negative amounts: report as rejects, or net against the purchase', default: 'reject' },
  { name: 'lines', type: 'string', group: 'Reading the file', value: LINE_POLICIES.join('|'), description: 'rows sharing a document number: sum into one record, or keep', default: 'sum' },
  { name: 'line-suffix', type: 'string', group: 'Reading the file', value: 'REGEX', description: "strip from document numbers before summing (e.g. '_\\d+$')" },
  { name: 'delimiter', type: 'string', group: 'Reading the file', value: 'D', description: ', ; tab |', default: 'detected' },
  { name: 'input-format', type: 'string', group: 'Reading the file', value: 'F', description: or(INPUT_FORMATS), default: 'auto' },
  { name: 'format', short: 'f', type: 'string', group: 'Output', value: 'F', description: or(REPORT_FORMATS), default: 'table on a terminal, else json' },
  { name: 'out', short: 'o', type: 'string', group: 'Output', value: 'FILE', description: 'write the report to FILE instead of stdout' },
  { name: 'rejects', type: 'string', group: 'Output', value: 'FILE', description: 'write rejected rows (file, line, reason …) as CSV' },
  { name: 'min-score', type: 'string', group: 'Output', value: 'S', description: 'only findings scoring at least S, 0–1; 0 lists every crossing run', default: '0.25' },
  { name: 'top', type: 'string', group: 'Output', value: 'N', description: 'only the N highest-scoring findings' },
  { name: 'fail-on-findings', type: 'boolean', group: 'Output', description: 'exit 1 when there are findings' },
  { name: 'quiet', short: 'q', type: 'boolean', group: 'Output', description: 'no progress or summary on stderr' },
  { name: 'help', short: 'h', type: 'boolean', group: 'Output', description: 'this help' },
] as const satisfies readonly Flag[];

type Table = (typeof FLAGS)[number];

/** `parseArgs` options of {@link FLAGS}, typed per flag. */
export type FlagOptions = { readonly [F in Table as F['name']]: { readonly type: F['type']; readonly short?: string } };

/** {@link FLAGS} as `node:util` `parseArgs` options. */
export const FLAG_OPTIONS = Object.fromEntries(
  FLAGS.map((f: Flag) => [f.name, { type: f.type, ...(f.short !== undefined ? { short: f.short } : {}) }]),
) as FlagOptions;

/** The flag lines of the help: each group's heading, then one line (or more) per flag. */
export function flagHelp(): string {
  const left = (f: Flag): string => `  ${f.short !== undefined ? `-${f.short}, ` : '    '}--${f.name}${f.value !== undefined ? ` ${f.value}` : ''}`;
  const width = Math.max(...FLAGS.map((f) => left(f).length)) + 2;
  return GROUPS.map((group) => {
    const lines = FLAGS.filter((f: Flag) => f.group === group).flatMap((f: Flag) => {
      const text = f.default !== undefined ? `${f.description} (default: ${f.default})` : f.description;
      const [first = '', ...more] = text.split('\n');
      return [left(f).padEnd(width) + first, ...more.map((m) => ' '.repeat(width) + m)];
    });
    return `${group}:\n${lines.join('\n')}\n`;
  }).join('\n');
}
