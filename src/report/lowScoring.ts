import type { Item } from '../cluster/item.js';
import { recordAt, type RecordTable } from '../records/table.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { fingerprint } from './fingerprint.js';

/**
 * A run of purchases that crossed a threshold but scored under `minScore`: no finding, and not gone
 * either. A decision made when it was a finding (under a lower `minScore`) still names it.
 */
export interface LowScoringRun {
  /** The id it has as a finding (see `fingerprint`). */
  readonly id: string;
  readonly buyer: string;
  /** The threshold id it crosses. */
  readonly threshold: string;
  readonly score: number;
  /** Its record ids, in date order. */
  readonly recordIds: readonly string[];
}

/**
 * The {@link LowScoringRun} of a scored run (items in date order) crossing `tier`, its records read
 * from the table the items index. O(k log k) for k parts.
 */
export function buildLowScoringRun(run: readonly Item[], tier: ResolvedThreshold, score: number, table: RecordTable): LowScoringRun {
  const ids = run.map((it) => table.id[it.k] as string);
  return { id: fingerprint(tier.threshold.id, ids), buyer: recordAt(table, (run[0] as Item).k).buyer, threshold: tier.threshold.id, score, recordIds: ids };
}
