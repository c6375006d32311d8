/**
 * Dates as ledgers write them → `YYYY-MM-DD`. ISO and a few unambiguous year-first forms are read
 * without help; anything else needs an explicit pattern. Day-or-month-first dates (`03/04/2019`)
 * are never guessed: a reader takes their order from a date of the file that reads only one way
 * (`07-13-2011`: 13 is no month; see {@link dateOrder}), or asks for the pattern. No `Date` and no
 * time zone is involved: patterns are matched as text, so a date reads the same on every machine.
 */
import { OptionsError } from '../../errors.js';
import { dayOf, isIsoDate, isoOf } from '../../_lib/days.js';
import { excerpt } from './_excerpt.js';
import { badArgument } from '../../_lib/args.js';

/** What {@link parseDate} returns. */
export type ParsedDate =
  | { readonly ok: true; readonly date: string; readonly message?: undefined }
  | { readonly ok: false; readonly ambiguous: boolean; readonly message: string };

/**
 * The dates a ledger may hold: earlier or later ones are rejects, as they are a year misread (a
 * two-digit year taken for year 17) or mistyped. Fixed, not relative to today, so a run is
 * reproducible.
 */
export const DATE_RANGE = { from: '1900-01-01', to: '2099-12-31' } as const;

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/u;
/** ISO `YYYY-MM-DD` (a time may follow): read whatever pattern is given, as nobody writes year-day-month. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s].*)?$/u;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?(?:\s.*)?$/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/u;
/** A day, an English month name and a year (`20-Dec-13`, `4 November 2014`): one order only. */
const DAY_NAME = /^(\d{1,2})[-/. ]([a-z]{3,9})\.?[-/. ](\d{4}|\d{2})(?:[T\s].*)?$/iu;
/** A month name, a day and a year (`Dec 20, 2013`, `November 4 2014`). */
const NAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:[T\s].*)?$/iu;
const AMBIGUOUS = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?:[T\s].*)?$/u;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** What a pattern token reads. */
type Slot = 'year' | 'year2' | 'month' | 'monthName' | 'day' | 'skip';

/** A date pattern compiled to one anchored regular expression and the meaning of its groups. */
interface DatePattern {
  readonly source: string;
  readonly regex: RegExp;
  readonly slots: readonly Slot[];
  readonly hasSpace: boolean;
  /** The same pattern reading a two-digit year where it asks for four (to name the mistake). */
  readonly shortYear: RegExp | undefined;
}

/** Hours, minutes and seconds: read and ignored. */
const TIME = ['H', 'HH', 'h', 'hh', 'm', 'mm', 's', 'ss'] as const;

/** Tokens a pattern may use (date-fns / Unicode letters), each read as a regular expression. */
const TOKENS: Readonly<Record<string, { slot: Slot; re: string } | ((next: boolean) => { slot: Slot; re: string })>> = {
  yyyy: { slot: 'year', re: '(\\d{4})' },
  y: { slot: 'year', re: '(\\d{4})' },
  uuuu: { slot: 'year', re: '(\\d{4})' },
  yy: { slot: 'year2', re: '(\\d{2})' },
  M: { slot: 'month', re: '(\\d{1,2})' },
  MM: (next) => ({ slot: 'month', re: next ? '(\\d{2})' : '(\\d{1,2})' }),
  MMM: { slot: 'monthName', re: '([a-z]{3,4})\\.?' },
  MMMM: { slot: 'monthName', re: '([a-z]{3,9})' },
  d: { slot: 'day', re: '(\\d{1,2})' },
  dd: (next) => ({ slot: 'day', re: next ? '(\\d{2})' : '(\\d{1,2})' }),
  ...Object.fromEntries(TIME.map((t) => [t, { slot: 'skip', re: '(\\d{1,2})' }])),
  SSS: { slot: 'skip', re: '(\\d{1,9})' },
  a: { slot: 'skip', re: '([ap]\\.?m\\.?)' },
  EEE: { slot: 'skip', re: '([a-z]{3})\\.?' },
  EEEE: { slot: 'skip', re: '([a-z]{6,9})' },
};

const NUMERIC = new Set<string>(['y', 'yy', 'yyyy', 'uuuu', 'M', 'MM', 'd', 'dd', ...TIME, 'SSS']);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Splits a pattern into letter runs and literal text (`'…'` quotes letters; `''` is a quote). */
function tokenize(pattern: string): { token?: string; literal?: string }[] {
  const out: { token?: string; literal?: string }[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i] as string;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out.push({ literal: "'" });
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out.push({ literal: pattern.slice(i + 1, stop) });
      i = stop + 1;
    } else if (/[A-Za-z]/u.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      out.push({ token: pattern.slice(i, j) });
      i = j;
    } else {
      out.push({ literal: c });
      i++;
    }
  }
  return out;
}

const compiled = new Map<string, DatePattern>();

/**
 * Compiles a date pattern once (cached): date-fns letters `yyyy` `yy` `M` `MM` `MMM` `MMMM` `d`
 * `dd`, and time letters `H` `h` `m` `s` `SSS` `a` and weekday names `EEE` `EEEE`, which are read
 * and ignored. `yyyy` takes exactly four digits and `yy` two (1950–2049).
 *
 * @throws OptionsError on a letter outside that list, or a pattern without year, month and day.
 */
function compile(pattern: string, fn = 'parseDate'): DatePattern {
  const hit = compiled.get(pattern);
  if (hit) return hit;
  const parts = tokenize(pattern);
  const slots: Slot[] = [];
  let re = '';
  let shortRe = '';
  parts.forEach((p, i) => {
    if (p.literal !== undefined) {
      re += escape(p.literal);
      shortRe += escape(p.literal);
      return;
    }
    const token = p.token as string;
    const spec = TOKENS[token];
    if (spec === undefined) {
      throw new OptionsError(fn, [{ path: ['dateFormat'], message: `"${pattern}": "${token}" is not a date pattern letter this reader knows (yyyy yy MM M MMM MMMM dd d, and HH mm ss a, read and ignored)` }]);
    }
    const next = parts[i + 1]?.token;
    const t = typeof spec === 'function' ? spec(next !== undefined && NUMERIC.has(next)) : spec;
    slots.push(t.slot);
    re += t.re;
    shortRe += t.slot === 'year' ? '(\\d{2})' : t.re;
  });
  const has = (s: Slot) => slots.includes(s);
  if (!(has('year') || has('year2')) || !(has('month') || has('monthName')) || !has('day')) {
    throw new OptionsError(fn, [{ path: ['dateFormat'], message: `"${pattern}" must have a year (yyyy or yy), a month (MM, M or MMM) and a day (dd or d)` }]);
  }
  const result: DatePattern = {
    source: pattern,
    regex: new RegExp(`^${re}$`, 'iu'),
    slots,
    hasSpace: /\s/u.test(pattern),
    shortYear: has('year') ? new RegExp(`^${shortRe}$`, 'iu') : undefined,
  };
  compiled.set(pattern, result);
  return result;
}

/**
 * Checks a date pattern, so a bad `dateFormat` is an error before any row is read.
 *
 * @throws OptionsError as {@link parseDate} would.
 */
export function checkDatePattern(pattern: string, fn: string): void {
  compile(pattern, fn);
}

/**
 * Reads a date.
 *
 * Without `pattern`: `2014-11-03`, `2014-11-03T10:00:00Z` and `2014-11-03 10:00` (the calendar
 * date written, no time-zone shift), `2014/11/3`, `2014.11.03`, `2014年11月3日`, `20141103`, and
 * dates with an English month name, which read one way only: `3-Nov-14`, `3 November 2014`,
 * `Nov 3, 2014` (a two-digit year falls in 1950–2049).
 * `03/04/2019` and the like are `ambiguous`: the caller must supply a pattern (a ledger reader
 * finds it with {@link dateOrder} when the file's dates prove it), and the message names the two
 * that fit (`dd/MM/yy or MM/dd/yy` for `23/05/17`).
 *
 * With `pattern` (date-fns letters, see {@link checkDatePattern}: `dd/MM/yyyy`, `MM-dd-yyyy`,
 * `dd/MM/yy`, `d MMM yyyy`), the text must match it whole; a trailing time after a space is
 * ignored. An ISO date (`2014-02-21`) is read whatever the pattern, so one pattern serves files
 * that changed to ISO over the years. `yyyy` needs four digits: `23/05/17` does not match `dd/MM/yyyy` (the message says to
 * use `yy`). Two-digit years fall in 1950–2049. Dates outside {@link DATE_RANGE} are refused, and
 * so is a spreadsheet's serial day number (`42858`), with a message that says what it is.
 *
 * Runs in O(length); no `Date` is built, so the host's time zone plays no part.
 *
 * @throws OptionsError when `pattern` has a letter this reader does not know.
 * @example
 * parseDate('2014年11月3日')              //=> { ok: true, date: '2014-11-03' }
 * parseDate('20-Dec-13')                  //=> { ok: true, date: '2013-12-20' }
 * parseDate('03/04/2019', 'dd/MM/yyyy')   //=> { ok: true, date: '2019-04-03' }
 * parseDate('03/04/2019')
 * //=> { ok: false, ambiguous: true,
 * //     message: '"03/04/2019" could be day-first or month-first; give the date format, dd/MM/yyyy or MM/dd/yyyy (option dateFormat; the command: --date-format dd/MM/yyyy)' }
 * parseDate('23/05/17', 'dd/MM/yyyy').message
 * //=> '"23/05/17" has a two-digit year, and dd/MM/yyyy asks for four; use dd/MM/yy (option dateFormat; the command: --date-format dd/MM/yy)'
 * parseDate('42858').message
 * //=> '"42858" looks like a spreadsheet\'s serial day number (2017-05-03 in Excel\'s 1900 date system), which no date format reads: …'
 */
export function parseDate(raw: string, pattern?: string): ParsedDate {
  if (typeof raw !== 'string') badArgument('parseDate', 'raw', 'a string', raw);
  if (pattern !== undefined && typeof pattern !== 'string') badArgument('parseDate', 'pattern', 'a date pattern such as dd/MM/yyyy', pattern);
  let s = raw.trim();
  if (s === '') return { ok: false, ambiguous: false, message: 'date is empty' };
  if (!isAscii(s)) s = s.normalize('NFKC');
  if (pattern !== undefined) {
    const read = withPattern(s, raw, compile(pattern));
    const iso = read.ok ? undefined : ISO.exec(s);
    if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), raw);
    return read.ok ? read : (serialDay(s, raw) ?? read);
  }
  const m = YEAR_FIRST.exec(s) ?? CHINESE.exec(s) ?? COMPACT.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), raw);
  const named = DAY_NAME.exec(s);
  const nameFirst = named ? undefined : NAME_DAY.exec(s);
  if (named || nameFirst) {
    const [day, name, year] = named ? [named[1], named[2], named[3]] : [(nameFirst as RegExpExecArray)[2], (nameFirst as RegExpExecArray)[1], (nameFirst as RegExpExecArray)[3]];
    const month = monthOf(name as string);
    const y = Number(year);
    if (month > 0) return checked((year as string).length === 2 ? y + (y < 50 ? 2000 : 1900) : y, month, Number(day), raw);
  }
  const a = AMBIGUOUS.exec(s);
  if (a) {
    const [, first, sep, second, year] = a as unknown as [string, string, string, string, string];
    const y = year.length === 2 ? 'yy' : 'yyyy';
    const dayFirst = `dd${sep}MM${sep}${y}`;
    const monthFirst = `MM${sep}dd${sep}${y}`;
    const [likely, other] = Number(second) > 12 && Number(first) <= 12 ? [monthFirst, dayFirst] : [dayFirst, monthFirst];
    return { ok: false, ambiguous: true, message: `"${excerpt(raw)}" could be day-first or month-first; give the date format, ${likely} or ${other} (option dateFormat; the command: --date-format ${likely})` };
  }
  return serialDay(s, raw) ?? { ok: false, ambiguous: false, message: `"${excerpt(raw)}" is not a date; give the date format (option dateFormat; the command: --date-format PATTERN, e.g. dd/MM/yyyy)` };
}

/** A spreadsheet's serial day number of a date in {@link DATE_RANGE} (1900 system), maybe with a time: `42858`, `42858.5`. */
const SERIAL = /^(\d{5})(?:\.\d+)?$/u;

/**
 * The error for a spreadsheet's serial day number (`42858`: Excel's count of days from 1900, what
 * a date cell becomes when the column is saved as a number), which no date pattern reads;
 * undefined for any other text.
 */
function serialDay(s: string, raw: string): ParsedDate | undefined {
  const m = SERIAL.exec(s);
  if (!m) return undefined;
  // Day 1 is 1900-01-01, and Excel counts a 29 February 1900: from day 61 on, day 0 is 1899-12-30.
  const iso = isoOf((dayOf('1899-12-30') as number) + Number(m[1]));
  if (iso > DATE_RANGE.to) return undefined;
  return {
    ok: false,
    ambiguous: false,
    message: `"${excerpt(raw)}" looks like a spreadsheet's serial day number (${iso} in Excel's 1900 date system), which no date format reads: export the dates as text (format the date column as yyyy-mm-dd, then save the file again)`,
  };
}

/**
 * A day-or-month-first date read both ways, with the pattern of each; undefined for a date not of that shape.
 *
 * @example
 * bothWays('01/02/2024') //=> { dayFirst: 'dd/MM/yyyy', monthFirst: 'MM/dd/yyyy', day: { ok: true, date: '2024-02-01' }, month: { ok: true, date: '2024-01-02' } }
 */
export function bothWays(raw: string): { readonly dayFirst: string; readonly monthFirst: string; readonly day: ParsedDate; readonly month: ParsedDate } | undefined {
  let s = raw.trim();
  if (!isAscii(s)) s = s.normalize('NFKC');
  const a = AMBIGUOUS.exec(s);
  if (!a) return undefined;
  const [, , sep, , year] = a as unknown as [string, string, string, string, string];
  const y = year.length === 2 ? 'yy' : 'yyyy';
  const [dayFirst, monthFirst] = [`dd${sep}MM${sep}${y}`, `MM${sep}dd${sep}${y}`];
  return { dayFirst, monthFirst, day: parseDate(s, dayFirst), month: parseDate(s, monthFirst) };
}

/**
 * What a day-or-month-first date says of the order its file writes day and month in: the one
 * pattern it reads by when only one of its first two numbers can be a month (`07-13-2011` →
 * `MM-dd-yyyy`, `13/07/11` → `dd/MM/yy`: a real calendar date read so, and not the other way),
 * `'either'` when both can and give two dates, `'same'` when both give the same one (`01/01/2019`:
 * day and month equal, so nothing to choose), and `undefined` for a date not of that shape (ISO,
 * year first, empty) or real in neither order. O(length).
 *
 * @example
 * dateOrder('07-13-2011') //=> 'MM-dd-yyyy'
 * dateOrder('13/07/11')   //=> 'dd/MM/yy'
 * dateOrder('03.04.2019') //=> 'either'
 * dateOrder('04.04.2019') //=> 'same'
 * dateOrder('2019-03-04') //=> undefined
 */
export function dateOrder(raw: string): string | undefined {
  const both = bothWays(raw);
  if (both === undefined) return undefined;
  const { day, month } = both;
  if (day.ok && month.ok) return day.date === month.date ? 'same' : 'either';
  if (day.ok) return both.dayFirst;
  return month.ok ? both.monthFirst : undefined;
}

/**
 * The date a day-or-month-first text is whichever comes first (`01/01/2019`, `12-12-19`: day and
 * month equal), else undefined: a date that needs no order. O(length).
 *
 * @example
 * eitherWay('04.04.2019') //=> { ok: true, date: '2019-04-04' }
 * eitherWay('03.04.2019') //=> undefined
 */
export function eitherWay(raw: string): ParsedDate | undefined {
  const both = bothWays(raw);
  return both?.day.ok && both.month.ok && both.day.date === both.month.date ? both.day : undefined;
}

function withPattern(s: string, raw: string, p: DatePattern): ParsedDate {
  let m = p.regex.exec(s);
  let text = s;
  if (!m && !p.hasSpace && /\s/u.test(s)) {
    text = s.split(/\s+/u)[0] ?? '';
    m = p.regex.exec(text);
  }
  if (!m) {
    if (p.shortYear?.test(text)) {
      const fix = p.source.replace(/y{3,4}|u{4}|(?<!y)y(?!y)/u, 'yy');
      return { ok: false, ambiguous: false, message: `"${excerpt(raw)}" has a two-digit year, and ${p.source} asks for four; use ${fix} (option dateFormat; the command: --date-format ${fix})` };
    }
    return { ok: false, ambiguous: false, message: `"${excerpt(raw)}" does not match the date format ${p.source}` };
  }
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < p.slots.length; i++) {
    const v = m[i + 1] as string;
    switch (p.slots[i]) {
      case 'year':
        year = Number(v);
        break;
      case 'year2':
        year = Number(v) + (Number(v) < 50 ? 2000 : 1900);
        break;
      case 'month':
        month = Number(v);
        break;
      case 'monthName':
        month = monthOf(v);
        break;
      case 'day':
        day = Number(v);
        break;
      default:
        break;
    }
  }
  if (month === 0) return { ok: false, ambiguous: false, message: `"${excerpt(raw)}" has no month name this reader knows (English: Jan, January …)` };
  return checked(year, month, day, raw);
}

/** 1–12 for an English month name or its abbreviation (`Sep`, `Sept`, `September`), else 0. */
function monthOf(name: string): number {
  const n = name.toLowerCase();
  const i = MONTHS.findIndex((full) => full === n || (n.length >= 3 && full.startsWith(n)));
  return i + 1;
}

function checked(y: number, m: number, d: number, raw: string): ParsedDate {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!isIsoDate(iso)) return { ok: false, ambiguous: false, message: `"${excerpt(raw)}" is not a real calendar date` };
  if (iso < DATE_RANGE.from || iso > DATE_RANGE.to) {
    return { ok: false, ambiguous: false, message: `"${excerpt(raw)}" reads as ${iso}, outside ${DATE_RANGE.from.slice(0, 4)}–${DATE_RANGE.to.slice(0, 4)} (a misread or mistyped year?)` };
  }
  return { ok: true, date: iso };
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
