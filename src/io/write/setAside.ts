/**
 * The rows a report read that were neither analysed nor rejected — blank, summed into another line
 * of their document, netted as credits — in one wording for every format, so each accounts for
 * every row: `rows` = `analysed` + `rejected` + set aside.
 */
import { count } from './numbers.js';

/** The counts of a report's summary that set rows aside (absent in a report written before them). */
export interface SetAsideCounts {
  readonly blank?: number | undefined;
  readonly merged?: number | undefined;
  readonly netted?: number | undefined;
}

/**
 * How many rows were set aside.
 *
 * @example
 * setAsideRows({ blank: 1, merged: 813 }) //=> 814
 */
export function setAsideRows(s: SetAsideCounts): number {
  return (s.blank ?? 0) + (s.merged ?? 0) + (s.netted ?? 0);
}

/**
 * The rows set aside in words, or '' when none.
 *
 * @example
 * setAside({ blank: 5, merged: 813, netted: 0 }) //=> '5 blank, 813 summed into another line of their document'
 */
export function setAside(s: SetAsideCounts): string {
  const parts = [
    ...((s.blank ?? 0) > 0 ? [`${count(s.blank ?? 0)} blank`] : []),
    ...((s.merged ?? 0) > 0 ? [`${count(s.merged ?? 0)} summed into another line of their document`] : []),
    ...((s.netted ?? 0) > 0 ? [`${count(s.netted ?? 0)} credits netted against their purchases`] : []),
  ];
  return parts.join(', ');
}
