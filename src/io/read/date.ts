/**
 * Dates as ledgers write them → `YYYY-MM-DD`. ISO and a few unambiguous year-first forms are read
 * without help; anything else needs an explicit date-fns pattern. Day-or-month-first dates
 * (`03/04/2019`) are never guessed.
 */
import { isValid, parse } from 'date-fns';
import { isIsoDate } from '../../_lib/days.js';

/** What {@link parseDate} returns. */
export type ParsedDate =
  | { readonly ok: true; readonly date: string }
  | { readonly ok: false; readonly ambiguous: boolean; readonly message: string };

/** Two-digit years (`yy`) resolve to 1950–2049: date-fns picks the century nearest this date. */
const REFERENCE = new Date(2000, 0, 1);

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/u;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?(?:\s.*)?$/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/u;
const AMBIGUOUS = /^\d{1,2}[-/.]\d{1,2}[-/.](\d{2}|\d{4})(?:[T\s].*)?$/u;

/**
 * Reads a date.
 *
 * Without `pattern`: `2014-11-03`, `2014-11-03T10:00:00Z` and `2014-11-03 10:00` (the calendar
 * date written, no time-zone shift), `2014/11/3`, `2014.11.03`, `2014年11月3日`, `20141103`.
 * `03/04/2019` and the like are `ambiguous`: the caller must supply a pattern.
 *
 * With `pattern` (a date-fns `parse` pattern such as `dd/MM/yyyy`, `MM-dd-yyyy`, `dd/MM/yy`), the
 * text must match it whole; a trailing time after a space is ignored. Two-digit years fall in
 * 1950–2049.
 *
 * @example
 * parseDate('2014年11月3日')              //=> { ok: true, date: '2014-11-03' }
 * parseDate('03/04/2019').ok              //=> false (ambiguous)
 * parseDate('03/04/2019', 'dd/MM/yyyy')   //=> { ok: true, date: '2019-04-03' }
 */
export function parseDate(raw: string, pattern?: string): ParsedDate {
  const s = raw.normalize('NFKC').trim();
  if (s === '') return { ok: false, ambiguous: false, message: 'date is empty' };
  if (pattern !== undefined) {
    let d = parse(s, pattern, REFERENCE);
    if (!isValid(d) && /\s/u.test(s) && !/\s/u.test(pattern)) d = parse(s.split(/\s+/u)[0] ?? '', pattern, REFERENCE);
    if (!isValid(d)) return { ok: false, ambiguous: false, message: `"${raw}" does not match the date format ${pattern}` };
    return checked(d.getFullYear(), d.getMonth() + 1, d.getDate(), raw);
  }
  const m = YEAR_FIRST.exec(s) ?? CHINESE.exec(s) ?? COMPACT.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), raw);
  if (AMBIGUOUS.test(s)) {
    return {
      ok: false,
      ambiguous: true,
      message: `"${raw}" could be day-first or month-first; give the date format (e.g. dd/MM/yyyy or MM/dd/yyyy)`,
    };
  }
  return { ok: false, ambiguous: false, message: `"${raw}" is not a date; give the date format (a date-fns pattern)` };
}

function checked(y: number, m: number, d: number, raw: string): ParsedDate {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!isIsoDate(iso)) return { ok: false, ambiguous: false, message: `"${raw}" is not a real calendar date` };
  return { ok: true, date: iso };
}
