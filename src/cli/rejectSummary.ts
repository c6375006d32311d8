/**
 * When many rows are rejected, say so loudly: how many, the top reasons with an example line each,
 * and the flag that would fix the commonest one (a date pattern that reads the rejected dates, the
 * decimal comma, a column map …).
 */
import { parseDate } from '../io/read/date.js';
import { terminalText } from '../io/write/escape.js';
import { count } from '../io/write/numbers.js';
import type { Reject } from '../records/record.js';
import type { LedgerStats } from '../io/read/reader.js';

/** Rejected share of the rows from which a run warns. */
export const LOUD_SHARE = 0.5;

/** Reasons shown. */
const TOP = 3;

/** What a run's rejects come to. */
export interface RejectSummary {
  /** No row could be analysed although there were rows that are not blank (the command exits 3). */
  readonly nothingAnalysed: boolean;
  /** At least {@link LOUD_SHARE} of the rows were rejected (or nothing could be analysed). */
  readonly loud: boolean;
  /** `3,556 of 3,556 rows rejected: invalid_date 3,556 (e.g. line 2: …) — try --date-format MM-dd-yyyy`. */
  readonly message: string;
  /**
   * Rows left out for want of an exchange rate, however few, and the flags that bring them in —
   * unless {@link message} is loud and says so already: a rate missing leaves out every row in
   * that currency, which no share of rejects should hide.
   */
  readonly missingRates?: string;
}

/**
 * Sums up a run's rejects: the top reasons by count, each with its first example, and a hint for
 * the commonest. Runs in O(r) for r rejects (plus a bounded sample for the date hint).
 * `nameFiles`: each example names its reject's file (`e.g. d/b.csv line 2: …`), for the rejects of
 * several files summed up together.
 *
 * @example
 * const { rejects, stats } = readLedger('buyer,vendor,date,amount,currency\nCity,Acme,05-31-2013,9,CAD\nCity,Acme,06-30-2013,9,CAD\n', { dateFormat: 'dd/MM/yyyy' });
 * summarizeRejects(rejects, stats.rows, 0).message
 * //=> '2 of 2 rows rejected: invalid_date 2 (e.g. line 2: "05-31-2013" does not match the date format dd/MM/yyyy) — try --date-format MM-dd-yyyy'
 */
export function summarizeRejects(rejects: readonly Reject[], rows: number, analysed: number, blank = 0, currency?: string, nameFiles = false): RejectSummary {
  const byCode = new Map<string, Reject[]>();
  for (const r of rejects) {
    const list = byCode.get(r.code);
    if (list) list.push(r);
    else byCode.set(r.code, [r]);
  }
  const top = [...byCode.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const reasons = top.slice(0, TOP).map(([code, list]) => `${code} ${count(list.length)} (e.g. ${example(list[0] as Reject, nameFiles)})`);
  if (top.length > TOP) reasons.push(`${count(top.length - TOP)} more reason${top.length - TOP === 1 ? '' : 's'}`);
  const [commonest] = top;
  const fix = commonest ? hint(commonest[0], commonest[1], currency) : undefined;
  const nothingAnalysed = rows - blank > 0 && analysed === 0;
  const loud = nothingAnalysed || (rows > 0 && rejects.length >= rows * LOUD_SHARE);
  const noRate = byCode.get('no_exchange_rate');
  const saidLoudly = loud && commonest?.[0] === 'no_exchange_rate';
  return {
    nothingAnalysed,
    loud,
    message: `${count(rejects.length)} of ${count(rows)} rows rejected${reasons.length ? `: ${reasons.join('; ')}` : ''}${fix ? ` — ${fix}` : ''}`,
    ...(noRate && !saidLoudly ? { missingRates: missingRates(noRate, currency) } : {}),
  };
}

/** `2 rows in GBP have no exchange rate to EUR and are left out — give each currency's rate: --rate GBP=… (…)`. */
function missingRates(rejects: readonly Reject[], currency?: string): string {
  const byCurrency = new Map<string, number>();
  for (const r of rejects) if (typeof r.value === 'string') byCurrency.set(r.value, (byCurrency.get(r.value) ?? 0) + 1);
  const rows = [...byCurrency].map(([code, n], i) => `${count(n)}${i === 0 ? ` row${n === 1 ? '' : 's'}` : ''} in ${code}`);
  const many = rejects.length !== 1;
  return `${rows.join(', ')} ${many ? 'have' : 'has'} no exchange rate to ${currency ?? 'the report currency'} and ${many ? 'are' : 'is'} left out — ${hint('no_exchange_rate', rejects, currency)}`;
}

/**
 * The `rejected_rows` warnings of a run of several inputs: one for each input half or more of whose
 * rows were rejected, starting with its file (`d/b.csv: 4 of 4 rows rejected: …`), with that file's
 * commonest reasons and fix. Each file is judged on its own, so a month read wrongly among eleven
 * read right is not hidden by the others' rows. (A run of one input: {@link summarizeRejects}.)
 *
 * Runs in O(r + s) for r rejects and s inputs.
 */
export function inputRejectWarnings(rejects: readonly Reject[], sources: readonly { readonly file?: string; readonly stats: LedgerStats }[], currency?: string): string[] {
  const byFile = new Map<string | undefined, Reject[]>();
  for (const r of rejects) {
    const list = byFile.get(r.file);
    if (list) list.push(r);
    else byFile.set(r.file, [r]);
  }
  const out: string[] = [];
  sources.forEach((s, i) => {
    const file = s.file ?? `input ${i + 1}`;
    const own = byFile.get(file) ?? [];
    if (own.length === 0) return;
    const { rows, blank, merged, netted } = s.stats;
    const summary = summarizeRejects(own, rows, rows - blank - merged - netted - own.length, blank, currency);
    if (summary.loud) out.push(`${terminalText(file)}: ${summary.message}`);
  });
  return out;
}

/** A reject as "line 2: <its message>" (`d/b.csv line 2: …` with `nameFile`), clipped, safe for a terminal. */
function example(r: Reject, nameFile = false): string {
  const where = r.line !== undefined ? `line ${r.line}` : r.index !== undefined ? `record ${r.index}` : 'row';
  const text = r.message.startsWith(`${where}:`) || r.message.startsWith('line ') ? r.message : `${where}: ${r.message}`;
  const safe = `${nameFile && r.file !== undefined ? `${terminalText(r.file)} ` : ''}${terminalText(text)}`;
  return safe.length > 160 ? `${safe.slice(0, 159)}…` : safe;
}

/** The flag that would fix the rejects of `code`, when there is one (`currency`: the report's). */
function hint(code: string, rejects: readonly Reject[], currency?: string): string | undefined {
  switch (code) {
    case 'invalid_date':
    case 'ambiguous_date': {
      const patterns = datePatterns(rejects.map((r) => r.value).filter((v): v is string => typeof v === 'string'));
      // No pattern reads them all: dates that are not real calendar dates, or of mixed shapes.
      if (patterns.length === 0) return code === 'ambiguous_date' ? 'give the date pattern with --date-format (e.g. dd/MM/yyyy)' : undefined;
      return `try --date-format ${patterns[0]}${patterns.length > 1 ? ` (or ${patterns.slice(1).join(', ')}: every day and month in these rows is 12 or less)` : ''}`;
    }
    case 'invalid_amount': {
      if (rejects.some((r) => /decimal comma/iu.test(r.message))) return 'try --decimal-comma';
      // An amount written in 万 or 亿 (`45万元`): its message names the unit that reads it.
      const unit = rejects.map((r) => /the command: (--unit \d+)\)$/u.exec(r.message)?.[1]).find((u) => u !== undefined);
      return unit !== undefined ? `try ${unit} if every amount is written in that unit` : 'check the amount column (--map amount=Header)';
    }
    case 'missing': {
      const field = rejects[0]?.field ?? 'FIELD';
      return field === 'currency' ? 'give --currency CODE for rows without one' : `map the column: --map ${field}=Header`;
    }
    case 'unknown_currency':
      return 'map the currency column (--map currency=Header) or give --currency CODE';
    case 'no_exchange_rate': {
      // Each currency met, in order of first reject: one flag each.
      const codes = [...new Set(rejects.map((r) => r.value).filter((v): v is string => typeof v === 'string'))];
      const unit = currency ?? 'the report currency';
      const [first = 'CODE'] = codes;
      return codes.length <= 1
        ? `give its rate: --rate ${first}=… (units of ${unit} per 1 ${first})`
        : `give each currency's rate: ${codes.map((c) => `--rate ${c}=…`).join(' ')} (units of ${unit} per 1 ${first}, and so on)`;
    }
    case 'duplicate_id': {
      // A transaction number repeated on each line of one invoice (Bradford's payments files).
      const column = rejects.find((r) => r.column !== undefined)?.column ?? 'Header';
      return `map a column that is unique per row (--map id=Header), or, when the ids repeat as the lines of one document, sum them: --map id=,document="${column}"`;
    }
    case 'credit':
      return '--credits net subtracts refunds from their purchases';
    case 'unparsable_row':
      return 'check the delimiter (--delimiter) and the input format (--input-format)';
    default:
      return undefined;
  }
}

/** Rejected values looked at for the date hint. */
const SAMPLE = 200;

const DATE_SHAPE = /^(\d{1,4})([-/. ])(\d{1,2})\2(\d{1,4})(?:[T\s].*)?$/u;

/**
 * Date-fns patterns that read every value of the sample: year first (`yyyy-MM-dd`), or day and
 * month first in the order the values prove (a first number above 12 is a day), both when nothing
 * tells them apart.
 */
export function datePatterns(values: readonly string[]): string[] {
  const sample = [...new Set(values.map((v) => v.trim()))].slice(0, SAMPLE);
  const shape = sample.map((v) => DATE_SHAPE.exec(v)).find((m) => m !== null);
  if (!shape) return [];
  const [, first = '', sep = '-', , last = ''] = shape;
  const year = last.length === 2 ? 'yy' : 'yyyy';
  const candidates = first.length === 4
    ? [`yyyy${sep}MM${sep}dd`, `yyyy${sep}M${sep}d`]
    : [`MM${sep}dd${sep}${year}`, `dd${sep}MM${sep}${year}`, `M${sep}d${sep}${year}`, `d${sep}M${sep}${year}`];
  const fits = candidates.filter((p) => sample.every((v) => parseDate(v, p).ok));
  // The one-digit forms read two-digit values too: offer them only when the two-digit ones fail.
  const twoDigit = fits.filter((p) => /MM/u.test(p));
  return twoDigit.length > 0 ? twoDigit : fits;
}
