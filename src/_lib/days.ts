/**
 * Calendar dates as integer day numbers (days since 1970-01-01), by integer arithmetic on the
 * proleptic Gregorian calendar: no Date and no time zone is involved, so a purchase dated 2014-11-03
 * stays on 2014-11-03 whatever `TZ` is, and the years 1–99 are not read as 1901–1999.
 */

/** Days in 400 Gregorian years. */
const DAYS_PER_ERA = 146_097;
/** Day number of 0000-03-01, the start of the era calendar below (years beginning in March). */
const ERA_START = -719_468;

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, month 1–12 (H. Hinnant's days_from_civil:
 * years counted from March, so the leap day ends the year).
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * DAYS_PER_ERA + doe + ERA_START;
}

/** `[year, month 1–12, day of month]` of a day number (H. Hinnant's civil_from_days). */
function civilFromDays(day: number): [number, number, number] {
  const z = day - ERA_START;
  const era = Math.floor(z / DAYS_PER_ERA);
  const doe = z - era * DAYS_PER_ERA;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `n` ASCII digits at i as a number, or −1. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Day number of a valid `YYYY-MM-DD` in the years 0001–9999, else undefined (year 0000 is not a
 * year of the calendar ledgers use). Allocation-free: validation calls it once per record.
 *
 * @example
 * dayOf('1970-01-02') //=> 1
 * dayOf('2014-02-29') //=> undefined
 */
export function dayOf(iso: string): number | undefined {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const max = m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] as number);
  if (d > max) return undefined;
  return daysFromCivil(y, m, d);
}

/** True for a real calendar date written `YYYY-MM-DD`, in the years 0001–9999. */
export function isIsoDate(s: string): boolean {
  return dayOf(s) !== undefined;
}

/**
 * `YYYY-MM-DD` of a day number (years below 1000 zero-padded, as ISO 8601 writes them).
 *
 * @example
 * isoOf(0) //=> '1970-01-01'
 */
export function isoOf(day: number): string {
  const [y, m, d] = civilFromDays(day);
  const year = y < 0 ? `-${String(-y).padStart(6, '0')}` : y > 9999 ? `+${String(y).padStart(6, '0')}` : String(y).padStart(4, '0');
  return `${year}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** `[year, month (1–12), day of month]` of a day number. */
export function partsOf(day: number): [number, number, number] {
  return civilFromDays(day);
}

/**
 * Day number of a year, month and day of month. Months outside 1–12 roll into other years
 * (month 13 is January of the next year, month 0 December of the one before), and days past the end
 * of the month into the next months; years 0–99 are those years, not 1900–1999.
 *
 * @example
 * dayFromParts(1970, 13, 1) //=> 365
 */
export function dayFromParts(year: number, month: number, date: number): number {
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = m0 - Math.floor(m0 / 12) * 12 + 1;
  return daysFromCivil(y, m, 1) + date - 1;
}
