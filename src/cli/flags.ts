/**
 * The command's flags, listed once: `parseArgs`'s options, the `--help` text, the flag block of
 * docs/cli.md (a test keeps it equal to the help), "did you mean" for a mistyped flag, and the
 * mapping of an option error's path back to the flag that set it all derive from {@link FLAGS}.
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
  /** The flag may be given several times (its values are collected). */
  readonly multiple?: boolean;
  /** Heading the help lists it under. */
  readonly group: (typeof GROUPS)[number];
  /** Placeholder of the value in the help (`NAME`, `30d`…). */
  readonly value?: string;
  /** What it does; `\n` continues on the next line. */
  readonly description: string;
  /** The default, shown as `(default: …)` after the description. */
  readonly default?: string;
  /** The commands that take the flag, when not those of its group ({@link GROUP_COMMANDS}). */
  readonly commands?: readonly CommandName[];
  /**
   * The option paths the flag sets, dotted (`'subject.categoryPrefix'`, `'dateFormat'`): an option
   * error at such a path is reported under the flag's name.
   */
  readonly options?: readonly string[];
}

/** The help's flag groups, in order. */
export const GROUPS = ['Policy', 'Reading the file', 'Output', 'Review', 'General'] as const;

/** The commands that take flags (`help` takes none). */
export type CommandName = 'scan' | 'inspect' | 'diff' | 'presets';

/** The commands that take the flags of each group: a flag given to another is refused. */
export const GROUP_COMMANDS: Readonly<Record<(typeof GROUPS)[number], readonly CommandName[]>> = {
  Policy: ['scan'],
  'Reading the file': ['scan', 'inspect'],
  Output: ['scan'],
  Review: ['scan'],
  General: ['scan', 'inspect', 'diff', 'presets'],
};

/** Input formats the command reads: the ledger formats, and OCDS. */
export const INPUT_FORMATS = ['auto', ...LEDGER_FORMATS, 'ocds'] as const;

/** Formats of `splitscan scan`: the report formats, and the HTML page of `splitscan/review`. */
export const SCAN_FORMATS = [...REPORT_FORMATS, 'html'] as const;

/** Formats of `splitscan inspect`: text, or the `inspectLedger` object as JSON. */
export const INSPECT_FORMATS = ['table', 'json'] as const;

/** Formats of `splitscan diff`. */
export const DIFF_FORMATS = ['md', 'html', 'json'] as const;

/** The commands, each with its usage line in the help. */
export const COMMANDS = [
  { name: 'scan', usage: 'scan FILE... (--preset NAME | --thresholds FILE | --threshold AMOUNT) [options]' },
  { name: 'inspect', usage: 'inspect FILE... [reading options] [--format json]' },
  { name: 'diff', usage: `diff OLD.json NEW.json [--format ${DIFF_FORMATS.join('|')}] [--out FILE]` },
  { name: 'presets', usage: 'presets [--format json|csv]' },
  { name: 'help', usage: 'help | --help | --version' },
] as const;

/** The command names, for "did you mean". */
export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);

const or = (list: readonly string[]): string => list.join(' | ');

/** Every flag of `splitscan`, in help order. */
export const FLAGS = [
  { name: 'preset', short: 'p', type: 'string', group: 'Policy', value: 'NAME', description: 'thresholds and grouping policy (list: splitscan presets)', options: ['name'] },
  { name: 'tier', type: 'string', group: 'Policy', value: 'T', description: 'central | sub-central: one buyer type of eu-2014-24, uk-pa2023,\neu, uk (a city council is sub-central)', options: ['tier'] },
  { name: 'thresholds', short: 't', type: 'string', group: 'Policy', value: 'FILE', description: 'thresholds as JSON (array of {id, amount, currency, procedure, ...})', options: ['thresholds'] },
  { name: 'threshold', type: 'string', group: 'Policy', value: 'AMOUNT', description: 'one threshold of your own, in --currency (with a policy preset:\nits grouping, else the defaults)', options: ['threshold'] },
  { name: 'procedure', type: 'string', group: 'Policy', value: 'TEXT', description: 'what --threshold requires, as findings name it\n', default: 'a procurement procedure' },
  { name: 'comparison', type: 'string', group: 'Policy', value: 'C', description: 'atOrAbove | above: when --threshold applies', default: 'atOrAbove' },
  { name: 'vat', type: 'string', group: 'Policy', value: 'BASIS:RATE', description: "the file's amounts are net or gross of VAT, at RATE (a fraction),\ne.g. --vat net:0.2: limits on the other basis (UK from 2022, EU) are\nput on the file's", options: ['vat'] },
  { name: 'limit', type: 'string', group: 'Policy', value: 'AMOUNT', description: 'card single-transaction limit (with --preset pcard and --currency)', options: ['limit'] },
  { name: 'options', type: 'string', group: 'Policy', value: 'FILE', description: 'detectSplits options as JSON, or a report whose provenance to rerun;\nflags given as well override it' },
  { name: 'window', short: 'w', type: 'string', group: 'Policy', value: 'W', description: '30d (rolling days) | day | week | month | quarter | year | fiscal-year', options: ['window'] },
  { name: 'fiscal-year-start', type: 'string', group: 'Policy', value: 'M', description: "first month of a fiscal-year window (--window fiscal-year, or the\npreset's), 1–12", default: '1', options: ['window.fiscalYearStart'] },
  { name: 'vendor', type: 'string', group: 'Policy', value: 'same|any', description: 'parts must share a vendor, or may come from several\n', default: "the preset's", options: ['vendor'] },
  { name: 'category-prefix', type: 'string', group: 'Policy', value: 'N', description: 'category codes relate when their first N characters match\n(0: ignore codes)', options: ['subject.categoryPrefix'] },
  { name: 'min-similarity', type: 'string', group: 'Policy', value: 'X', description: 'subject texts relate at this similarity, 0–1 (0: ignore texts)', options: ['subject.minSimilarity'] },
  { name: 'same-project', type: 'boolean', group: 'Policy', description: "parts must share a budget project (as China's Art. 28 requires)", options: ['subject.sameProject'] },
  { name: 'same-category', type: 'boolean', group: 'Policy', description: 'parts must share the category prefix', options: ['subject.sameCategory'] },
  { name: 'min-part-share', type: 'string', group: 'Policy', value: 'X', description: 'smallest part, as a share of the threshold, 0–1; 0 counts all\n', default: "the preset's, else 0.1", options: ['minPartShare'] },
  { name: 'exclude-vendor', type: 'string', multiple: true, group: 'Policy', value: 'NAME', description: 'never a part: purchases from this vendor (NAME*: every vendor\nwhose name starts so; repeat for more)', options: ['exclude.vendors'] },
  { name: 'exclude-category', type: 'string', multiple: true, group: 'Policy', value: 'P,…', description: "never parts: category codes starting so (none: drop the\npreset's, e.g. pcard's travel codes)", options: ['exclude.categories'] },
  { name: 'skip-method', type: 'string', multiple: true, group: 'Policy', value: 'TEXT', description: "never a part: purchases whose method (--map method=…) reads so,\nbesides the preset's (open tender, framework call-off …)", options: ['skipMethods'] },
  { name: 'placeholder-vendor', type: 'string', multiple: true, group: 'Policy', value: 'NAME', description: 'a vendor name that stands for many suppliers (besides Various,\nRedacted, Sundry …): never the same vendor as another row', options: ['placeholderVendors'] },
  {
    name: 'map',
    short: 'm',
    type: 'string',
    group: 'Reading the file',
    value: 'field=Header,…',
    description: 'columns for id buyer vendor date amount currency subject category\nproject method document exemption; A+B joins columns, A|B reads\nthe first of them a file has',
    options: ['map'],
  },
  { name: 'map-file', type: 'string', group: 'Reading the file', value: 'FILE', description: 'the same mapping as a JSON object {"buyer": "Division", ...}', options: ['map-file'] },
  { name: 'date-format', type: 'string', group: 'Reading the file', value: 'PATTERN', description: 'date-fns pattern for non-ISO dates, e.g. dd/MM/yyyy, MM-dd-yyyy', options: ['dateFormat'] },
  { name: 'decimal-comma', type: 'boolean', group: 'Reading the file', description: 'amounts are written 1 234,50 / 1.234,50', options: ['decimalComma'] },
  { name: 'unit', type: 'string', group: 'Reading the file', value: 'N', description: 'multiply amounts by N (10000 for 万元; a "(万元)" header is read too)', options: ['unit'] },
  { name: 'encoding', type: 'string', group: 'Reading the file', value: 'E', description: or(['auto', ...ENCODINGS]), default: 'auto', options: ['encoding'] },
  { name: 'currency', type: 'string', group: 'Reading the file', value: 'CODE', description: 'currency of rows without one, of --limit and --threshold, and\nof the report when the thresholds use several\n', default: "the thresholds' currency", options: ['currency'] },
  { name: 'rate', type: 'string', multiple: true, group: 'Reading the file', value: 'CODE=RATE', description: "exchange rate of rows in CODE: units of the report currency (the\nthresholds') per 1 CODE, e.g. --rate GBP=1.17 (repeat for more)", options: ['rates'] },
  { name: 'buyer', type: 'string', group: 'Reading the file', value: 'NAME', description: 'buyer of every row when the file has no buyer column', options: ['buyer'] },
  { name: 'credits', type: 'string', group: 'Reading the file', value: CREDIT_POLICIES.join('|'), description: 'negative amounts: report as rejects, or net against the\npurchase', default: 'reject', options: ['credits'] },
  { name: 'lines', type: 'string', group: 'Reading the file', value: LINE_POLICIES.join('|'), description: 'rows sharing a document number: sum into one record, or\nkeep', default: 'sum', options: ['lines'] },
  { name: 'line-suffix', type: 'string', group: 'Reading the file', value: 'REGEX', description: "strip from document numbers before summing (e.g. '_\\d+$');\nwith no document column, from ids: each id's base is its document", options: ['lineSuffix'] },
  { name: 'delimiter', type: 'string', group: 'Reading the file', value: 'D', description: ', ; tab |', default: 'detected', options: ['delimiter'] },
  { name: 'input-format', type: 'string', group: 'Reading the file', value: 'F', description: or(INPUT_FORMATS), default: 'auto', options: ['format'] },
  { name: 'format', short: 'f', type: 'string', group: 'Output', commands: ['scan', 'inspect', 'diff', 'presets'], value: 'F', description: `${or(SCAN_FORMATS)} (default: table on a terminal,\nelse json); inspect: ${or(INSPECT_FORMATS)}; diff: ${or(DIFF_FORMATS)}` },
  { name: 'out', short: 'o', type: 'string', group: 'Output', commands: ['scan', 'diff'], value: 'FILE', description: 'write the report to FILE instead of stdout' },
  { name: 'rejects', type: 'string', group: 'Output', value: 'FILE', description: 'write rejected rows (file, line, reason …) as CSV' },
  { name: 'warnings', type: 'string', group: 'Output', value: 'FILE', description: "write the report's warnings (code, buyer, message) as CSV,\nbeside a --format csv report, which has none" },
  { name: 'min-score', type: 'string', group: 'Output', value: 'S', description: 'only findings scoring at least S, 0–1; 0 lists every crossing\nrun', default: "the preset's, else 0.3", options: ['minScore'] },
  { name: 'top', type: 'string', group: 'Output', value: 'N', description: 'only the N highest-scoring findings' },
  { name: 'fail-on-findings', type: 'boolean', group: 'Output', description: 'exit 1 when there are findings' },
  { name: 'decisions', type: 'string', group: 'Review', value: 'FILE', description: "reviewers' decisions (CSV or JSON) to carry into the report" },
  { name: 'decisions-template', type: 'string', group: 'Review', value: 'FILE', description: 'append an open line per undecided finding to this register (CSV)' },
  { name: 'max-flag-share', type: 'string', group: 'Review', value: 'X', description: "warn when findings hold more than X of a buyer's purchases\n", default: '0.25' },
  { name: 'max-flag-spend-share', type: 'string', group: 'Review', value: 'X', description: "warn when findings hold more than X of a buyer's spend\n", default: '0.5' },
  { name: 'quiet', short: 'q', type: 'boolean', group: 'General', description: 'no progress, summary or warnings on stderr (--format csv\nwithout --warnings FILE: warnings still, the CSV has none)' },
  { name: 'version', short: 'V', type: 'boolean', group: 'General', description: 'print the version' },
  { name: 'help', short: 'h', type: 'boolean', group: 'General', description: 'this help' },
] as const satisfies readonly Flag[];

type Table = (typeof FLAGS)[number];

/** `parseArgs` options of {@link FLAGS}, typed per flag. */
export type FlagOptions = {
  readonly [F in Table as F['name']]: { readonly type: F['type']; readonly short?: string; readonly multiple: F extends { readonly multiple: true } ? true : false };
};

/** {@link FLAGS} as `node:util` `parseArgs` options. */
export const FLAG_OPTIONS = Object.fromEntries(
  FLAGS.map((f: Flag) => [f.name, { type: f.type, multiple: f.multiple === true, ...(f.short !== undefined ? { short: f.short } : {}) }]),
) as FlagOptions;

/**
 * The flag that sets the option at `path` (the longest dotted prefix a flag declares), e.g.
 * `['subject', 'categoryPrefix']` → `--category-prefix`; `undefined` when no flag sets it.
 *
 * @example
 * flagOf(['thresholds', 2, 'amount']) //=> '--thresholds'
 */
export function flagOf(path: readonly (string | number)[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const key = path.slice(0, n).join('.');
    const flag = (FLAGS as readonly Flag[]).find((f) => f.options?.includes(key));
    if (flag) return `--${flag.name}`;
  }
  return undefined;
}

/**
 * The first flag of `given` (the names of the flags on the command line) that `command` does not
 * take, if any: `--out` for `inspect`, `--preset` for `diff`.
 */
export function inapplicableFlag(command: CommandName, given: readonly string[]): string | undefined {
  const flag = (FLAGS as readonly Flag[]).find((f) => given.includes(f.name) && !(f.commands ?? GROUP_COMMANDS[f.group]).includes(command));
  return flag === undefined ? undefined : `--${flag.name}`;
}

/** The usage lines of the help, one per command. */
export function usageHelp(): string {
  return COMMANDS.map((c) => `  splitscan ${c.usage}`).join('\n');
}

/** The flag lines of the help: each group's heading, then one line (or more) per flag. */
export function flagHelp(): string {
  const left = (f: Flag): string => `  ${f.short !== undefined ? `-${f.short}, ` : '    '}--${f.name}${f.value !== undefined ? ` ${f.value}` : ''}`;
  const width = Math.max(...FLAGS.map((f) => left(f).length)) + 2;
  return GROUPS.map((group) => {
    const lines = FLAGS.filter((f: Flag) => f.group === group).flatMap((f: Flag) => {
      // A description ending in a line break puts the default on a line of its own.
      const text = f.default !== undefined ? `${f.description}${f.description.endsWith('\n') ? '' : ' '}(default: ${f.default})` : f.description;
      const [first = '', ...more] = text.split('\n');
      return [left(f).padEnd(width) + first, ...more.map((m) => ' '.repeat(width) + m)];
    });
    return `${group}:\n${lines.join('\n')}\n`;
  }).join('\n');
}
