/** Days for the parts of an injected scheme or decoy, where the tiers they concern are in force. */
import { dayFromParts, partsOf } from '../_lib/days.js';
import type { Rng } from './_prng.js';
import type { SimulationConfig, Tier } from './options.js';

/**
 * k sorted days within `span` days starting somewhere tiers `ts` are all in force; first offset 0,
 * and with `spread` (and k ≥ 2) the last offset `span`.
 */
export function placeDays(config: SimulationConfig, ts: readonly Tier[], span: number, k: number, r: Rng, spread = false): number[] | undefined {
  const lo = Math.max(config.start, ...ts.map((t) => t.from));
  const hi = Math.min(config.end, ...ts.map((t) => t.to)) - span;
  if (hi < lo) return undefined;
  const start = r.int(lo, hi);
  const offs = [0];
  for (let i = 1; i < k; i++) offs.push(r.int(0, span));
  offs.sort((a, b) => a - b);
  if (spread && k > 1) offs[k - 1] = span;
  return offs.map((o) => start + o);
}

/**
 * k days in distinct months of one fiscal year lying inside the ledger and tiers `ts`, on day
 * `sameDay` of each month or on random days 1–28.
 */
export function fiscalYearDays(config: SimulationConfig, ts: readonly Tier[], k: number, r: Rng, sameDay?: number): number[] | undefined {
  const fy = config.fiscalYearStart;
  const lo = Math.max(config.start, ...ts.map((t) => t.from));
  const hi = Math.min(config.end, ...ts.map((t) => t.to));
  const firstYear = partsOf(config.start)[0] - 1;
  const lastYear = partsOf(config.end)[0];
  const years: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    if (dayFromParts(y, fy, 1) >= lo && dayFromParts(y + 1, fy, 1) - 1 <= hi) years.push(y);
  }
  if (years.length === 0) return undefined;
  const y = r.pick(years);
  const months = r.shuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).slice(0, k).sort((a, b) => a - b);
  return months.map((m) => dayFromParts(y, fy + m, sameDay ?? r.int(1, 28)));
}
