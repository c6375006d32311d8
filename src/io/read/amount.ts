/**
 * Amounts as ledgers write them → exact decimal strings.
 */
import type { Decimal } from 'decimal.js';
import { D } from '../../_lib/decimal.js';
import { badArgument, checkOptions } from '../../_lib/args.js';

/** Options of {@link parseAmount}. */
export interface ParseAmountOptions {
  /**
   * Read `,` as the decimal mark and `.`/spaces/`'` as grouping (`1.234,50`, `1 234,50`).
   * Opt-in: without it `1,234` is one thousand two hundred and thirty-four.
   * @defaultValue false
   */
  decimalComma?: boolean | undefined;
  /** Multiplier applied to every amount, e.g. `10000` for a column in 万元. @defaultValue 1 */
  unit?: string | number | undefined;
}

/** What {@link parseAmount} returns. */
export type ParsedAmount =
  | { readonly ok: true; readonly amount: string; readonly currency?: string }
  | { readonly ok: false; readonly message: string };

/** Currency symbols written before the number, and the currency each names (`''`: none for sure). */
const SYMBOLS: readonly [RegExp, string][] = [
  [/^US\$/u, 'USD'],
  [/^C\$/u, 'CAD'],
  [/^A\$/u, 'AUD'],
  [/^R\$/u, 'BRL'],
  [/^\$/u, ''],
  [/^[¥￥]/u, ''],
  [/^£/u, 'GBP'],
  [/^€/u, 'EUR'],
  [/^₴/u, 'UAH'],
  [/^RMB/iu, 'CNY'],
];
/** An amount that reads with a decimal comma only: `12,5`, `1.234,56`, `1 234,56`. */
const DECIMAL_COMMA = /^(\d+|\d{1,3}([. \u00a0\u202f\u2009']\d{3})+),\d{1,2}$/u;

/** Currency symbols written after the number (`1.234,56 €`, `1 234,56 $`). */
const SYMBOLS_AFTER: readonly [RegExp, string][] = [
  [/€$/u, 'EUR'],
  [/£$/u, 'GBP'],
  [/₴$/u, 'UAH'],
  [/\$$/u, ''],
  [/[¥￥]$/u, ''],
];
const CODE = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/u;

/**
 * The currency `s` names by a symbol (before or after the number) and a code (`€ 5`, `5 €`,
 * `EUR 5`, `€5 EUR`), and the text without them; `conflict` when the two name different ones.
 */
function currencyIn(s: string): { readonly rest: string; readonly currency: string | undefined } | { readonly conflict: readonly [string, string] } {
  let bySymbol: string | undefined;
  const symbol = SYMBOLS.find(([re]) => re.test(s)) ?? SYMBOLS_AFTER.find(([re]) => re.test(s));
  if (symbol) {
    s = s.replace(symbol[0], '').trim();
    if (symbol[1]) bySymbol = symbol[1];
  }
  const m = CODE.exec(s);
  const byCode = m ? (m[1] ?? m[2]) : undefined;
  if (m) s = s.replace(CODE, '').trim();
  if (bySymbol !== undefined && byCode !== undefined && bySymbol !== byCode) return { conflict: [bySymbol, byCode] };
  return { rest: s, currency: byCode ?? bySymbol };
}

/** Digits from `i` on in `s`: the index past the last. */
function digitsFrom(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

/**
 * The common case, read without decimal arithmetic nor a regular expression: a plain number
 * `-?(\d{1,15}|\d{1,3}(,\d{3}){1,4})(\.\d{1,15})?` (`1234`, `-12.50`, `1,234.50`), as
 * `Decimal#toFixed()` writes it (`-012.50` → `-12.5`); `undefined` for any other text. Most amounts
 * come back as the very string given (no leading or trailing zero, no comma): no allocation.
 * Runs in O(length).
 */
export function plainAmount(raw: string): string | undefined {
  const n = raw.length;
  const negative = raw.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  let i = digitsFrom(raw, start);
  let first = i - start;
  let int: string;
  if (i < n && raw.charCodeAt(i) === 44) {
    // Grouped: 1–3 digits, then one to four groups of three, each after a comma.
    if (first < 1 || first > 3) return undefined;
    int = raw.slice(start, i);
    let groups = 0;
    while (i < n && raw.charCodeAt(i) === 44) {
      const end = digitsFrom(raw, i + 1);
      if (end - i - 1 !== 3 || ++groups > 4) return undefined;
      int += raw.slice(i + 1, end);
      i = end;
    }
    first = int.length;
  } else {
    if (first < 1 || first > 15) return undefined;
    int = start === 0 && i === n ? raw : raw.slice(start, i);
  }
  let fracEnd = i;
  if (i < n) {
    if (raw.charCodeAt(i) !== 46) return undefined;
    fracEnd = digitsFrom(raw, i + 1);
    if (fracEnd !== n || fracEnd - i - 1 < 1 || fracEnd - i - 1 > 15) return undefined;
  }
  // Canonical: no leading zero but the last, no trailing zero after the point, no point without digits.
  let lead = 0;
  while (lead < first - 1 && int.charCodeAt(lead) === 48) lead++;
  let f = fracEnd;
  while (f > i + 1 && raw.charCodeAt(f - 1) === 48) f--;
  const hasFrac = f > i + 1;
  if (!negative && lead === 0 && int.length === i && (hasFrac ? f === n : i === n)) return raw;
  const digits = (lead === 0 ? int : int.slice(lead)) + (hasFrac ? raw.slice(i, f) : '');
  return negative && digits !== '0' ? `-${digits}` : digits;
}
const SPACES = /[\s\u00a0\u202f\u2009']/gu;

/**
 * Reads an amount written as in real files: `1234.50`, `$1,234.50`, `¥1,234`, `1,234元`,
 * `(12.34)` (accounting negative), `-12.34`, `12.34-`, `GBP 12.00`, and with `decimalComma`
 * `1 234,50` / `1.234,50`. Two signs (`(-12.34)`, `-12.34-`, `(+12.34)`) are an error: a
 * purchase or a credit, the text cannot say. The result is an exact decimal string multiplied by `unit`, with its
 * sign (a credit reads as a negative amount). A currency code or an unambiguous symbol found in
 * the cell (`€ 5`, `5 €`, `EUR 5`) is returned as `currency`; a symbol and a code that name two
 * currencies are an error.
 *
 * Grouping must be well-formed: with the default (decimal point) `12,5` and `1.234,56` are errors
 * that suggest `decimalComma`, never a guess. A unit written in the cell (`45万元`, `1.2亿`, `300千元`, `1,234元`)
 * must be `unit`: otherwise the error names the unit that reads it, never an amount 10,000 times off.
 *
 * @example
 * parseAmount('$1,234.50')                         //=> { ok: true, amount: '1234.5' }
 * parseAmount('(12.34)')                           //=> { ok: true, amount: '-12.34' }
 * parseAmount('1 234,50', { decimalComma: true })  //=> { ok: true, amount: '1234.5' }
 * parseAmount('12.5', { unit: 10000 })             //=> { ok: true, amount: '125000' }
 * parseAmount('12.5万元', { unit: 10000 })          //=> { ok: true, amount: '125000' }
 * parseAmount('12.5万元')
 * //=> { ok: false, message: '"12.5万元" is in 万元 (× 10,000), but amounts are read as written: …' }
 */
export function parseAmount(raw: string, options: ParseAmountOptions = {}): ParsedAmount {
  if (typeof raw !== 'string') badArgument('parseAmount', 'raw', 'a string', raw);
  checkOptions(options, 'parseAmount');
  if (!options.decimalComma && (options.unit === undefined || String(options.unit) === '1')) {
    const plain = plainAmount(raw);
    if (plain !== undefined) return { ok: true, amount: plain };
  }
  let s = raw.normalize('NFKC').trim();
  const original = raw;
  if (s === '') return { ok: false, message: 'amount is empty' };
  const signs = signsAround(s);
  s = signs.rest;
  // The unit as text: a Decimal of it only where a row needs one (most rows have no unit).
  const unit = String(options.unit ?? 1);
  const written = writtenUnit(s);
  if (written) {
    const given = new D(unit);
    if (!given.eq(written.scale)) return { ok: false, message: unitMessage(original, written, given) };
    s = written.rest;
  }
  const named = currencyIn(s);
  if ('conflict' in named) return { ok: false, message: `"${original}" is not an amount: it names two currencies, ${named.conflict.join(' and ')}` };
  s = named.rest;
  const currency = named.currency;
  // A minus after the currency: `USD -5`, `$-5`.
  if (s.startsWith('-')) {
    signs.marks.push('a minus sign after the currency');
    s = s.slice(1).trim();
  }
  if (signs.marks.length > 1) return { ok: false, message: signMessage(original, signs) };
  const negative = isNegative(signs);
  const plain = options.decimalComma ? readDecimalComma(s) : readDecimalPoint(s);
  if (plain === undefined) {
    const hint = !options.decimalComma && DECIMAL_COMMA.test(s) ? ' (a decimal comma? option decimalComma; the command: --decimal-comma)' : '';
    return { ok: false, message: `"${original}" is not an amount${hint}` };
  }
  let value = new D(plain);
  if (unit !== '1') value = value.times(unit);
  if (negative && !value.isZero()) value = value.negated();
  const amount = value.toFixed();
  return currency === undefined ? { ok: true, amount } : { ok: true, amount, currency };
}

/** The signs written around an amount, outermost first, and the text inside them. */
interface Signs {
  readonly rest: string;
  /** Each sign: `'parentheses'`, `'a leading minus sign'`, `'a leading plus sign'`, `'a trailing minus sign'` … */
  readonly marks: string[];
}

const PARENTHESES = 'parentheses';
const PLUS = 'a leading plus sign';

/**
 * Peels the signs off `s` from the outside in: `(…)`, a leading `-` / `−` / `+`, a trailing `-`.
 * Stops at the second: an amount with two is refused anyway (see {@link signMessage}).
 */
function signsAround(s: string): Signs {
  const marks: string[] = [];
  while (marks.length < 2) {
    let inner: string;
    if (/^\(.*\)$/u.test(s)) {
      marks.push(PARENTHESES);
      inner = s.slice(1, -1);
    } else if (/^[-−+]/u.test(s)) {
      marks.push(s.startsWith('+') ? PLUS : 'a leading minus sign');
      inner = s.slice(1);
    } else if (s.endsWith('-')) {
      marks.push('a trailing minus sign');
      inner = s.slice(0, -1);
    } else break;
    s = inner.trim();
  }
  return { rest: s, marks };
}

/** Whether an amount with these signs is negative (a credit): one sign, and not a plus. */
function isNegative(signs: Signs): boolean {
  return signs.marks.length === 1 && signs.marks[0] !== PLUS;
}

/** Why an amount with two signs (`(-1500)`, `-1500-`, `(+5)`) is no amount: a purchase or a credit, it cannot say. */
function signMessage(raw: string, signs: Signs): string {
  const [a = '', b = ''] = signs.marks;
  const both = a !== b ? `${a} and ${b}` : a === PARENTHESES ? 'two pairs of parentheses' : `two ${a.slice(2)}s`;
  const how = signs.marks.includes(PLUS) ? `has two signs (${both})` : `is marked negative twice (${both})`;
  return `"${raw}" is not an amount: it ${how}, so whether it is a purchase or a credit is unclear`;
}

/** Chinese scale words written after a number (`45万`, `1.2亿元`), and what each multiplies by. */
const SCALES: Readonly<Record<string, string>> = { 千: '1000', 万: '10000', 百万: '1000000', 千万: '10000000', 亿: '100000000' };
/** A unit written after the number: a scale word, 元 (圆), or both (`万元`). */
const WRITTEN_UNIT = /\s*(千万|百万|千|万|亿)?\s*([元圆])?$/u;

/** The unit written at the end of `s` (`万元` → × 10000, `元` → × 1) and the text before it, if one is. */
function writtenUnit(s: string): { readonly rest: string; readonly word: string; readonly scale: string } | undefined {
  const m = WRITTEN_UNIT.exec(s) as RegExpExecArray;
  if (m[0] === '') return undefined;
  const [, scale, yuan] = m;
  return { rest: s.slice(0, m.index).trim(), word: `${scale ?? ''}${yuan ?? ''}`, scale: scale === undefined ? '1' : (SCALES[scale] as string) };
}

/** Why an amount written in one unit (`45万元`) is not read in another (`unit`): never 10,000 times off. */
function unitMessage(raw: string, written: { readonly word: string; readonly scale: string }, unit: Decimal): string {
  const times = (d: Decimal | string): string => new D(d).toFixed().replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  const scale = written.scale === '1' ? '' : ` (× ${times(written.scale)})`;
  const read = unit.eq(1) ? 'amounts are read as written' : `amounts are read × ${times(unit)}`;
  return `"${raw}" is in ${written.word}${scale}, but ${read}: if every amount of the column is in ${written.word}, give that unit (option unit; the command: --unit ${written.scale})`;
}

function readDecimalPoint(s: string): string | undefined {
  const t = s.replace(SPACES, '');
  if (/^\d+(\.\d+)?$|^\.\d+$/u.test(t)) return t;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/u.test(t)) return t.replace(/,/gu, '');
  return undefined;
}

function readDecimalComma(s: string): string | undefined {
  const spaced = /[\s\u00a0\u202f\u2009']/u.test(s);
  const t = s.replace(SPACES, '');
  if (/^\d+(,\d+)?$/u.test(t) && !spaced) return t.replace(',', '.');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/u.test(t)) return t.replace(/\./gu, '').replace(',', '.');
  if (spaced && /^\d{1,3}([\s\u00a0\u202f\u2009']\d{3})+(,\d+)?$/u.test(s)) return t.replace(',', '.');
  return undefined;
}
