/**
 * Calendar dates as integer day numbers (days since 1970-01-01). Arithmetic on these never touches
 * a time zone, so a purchase dated 2014-11-03 stays on 2014-11-03 whatever `TZ` is.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const MS_PER_DAY = 86_400_000;

/** Day number of a valid `YYYY-MM-DD`, else undefined. */
export function dayOf(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(t / MS_PER_DAY);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  return dayOf(s) !== undefined;
}

/** `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `[year, month (1–12), day of month]` of a day number. */
export function partsOf(day: number): [number, number, number] {
  const d = new Date(day * MS_PER_DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** Day number of a year, month (1–12) and day of month. Months past 12 roll into later years. */
export function dayFromParts(year: number, month: number, date: number): number {
  return Math.round(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}
