/**
 * Ordering and assembly: the draft ledger in date order with ties shuffled, record ids in that order,
 * and the truth of what was injected, written with those ids.
 */
import { money } from './_cents.js';
import { linkable } from './linkable.js';
import type { Rng } from './_prng.js';
import type { DraftLedger } from './ledger.js';
import type { DecoyKind, DecoyTruth, SchemeKind, SchemeTruth, SimulatedRecord, SimulateResult } from './truth.js';

/** An injected scheme or decoy: its records (ids to come), the tier it concerns and its buyer. */
interface Injected<K> {
  readonly kind: K;
  readonly records: readonly SimulatedRecord[];
  readonly thresholdId: string;
  readonly buyer: string;
}

export interface InjectedScheme extends Injected<SchemeKind> {
  /** Sum of the parts in cents. */
  readonly cents: number;
}

export type InjectedDecoy = Injected<DecoyKind>;

/**
 * Orders the draft by day, ties in random order (a random permutation, then a counting sort by day),
 * numbers the records in that order and writes the truth with their ids (and whether each scheme's
 * parts are linkable).
 *
 * Runs in O(n + d) for n records over d days.
 */
export function assemble(ledger: DraftLedger, schemes: readonly InjectedScheme[], decoys: readonly InjectedDecoy[], r: Rng): SimulateResult {
  const { config, records: out, offsets } = ledger;
  const n = out.length;
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  const span = config.end - config.start + 1;
  const counts = new Uint32Array(span + 1);
  for (let i = 0; i < n; i++) counts[offsets[i]! + 1]! += 1;
  for (let d = 1; d <= span; d++) counts[d]! += counts[d - 1]!;
  const records: SimulatedRecord[] = new Array<SimulatedRecord>(n);
  for (let i = 0; i < n; i++) {
    const k = perm[i]!;
    records[counts[offsets[k]!]!++] = out[k]!;
  }
  const width = Math.max(7, String(records.length).length);
  records.forEach((rec, i) => {
    rec.id = `${config.idPrefix}${String(i + 1).padStart(width, '0')}`;
  });

  const byDate = (recs: readonly SimulatedRecord[]): string[] =>
    recs.slice().sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1)).map((rec) => rec.id);
  const schemeTruth: SchemeTruth[] = schemes.map((s, i) => ({
    id: `S${String(i + 1).padStart(4, '0')}`, kind: s.kind, buyer: s.buyer, recordIds: byDate(s.records), thresholdId: s.thresholdId, total: money(s.cents),
    linkable: linkable(s.records),
  }));
  const decoyTruth: DecoyTruth[] = decoys.map((d, i) => ({
    id: `D${String(i + 1).padStart(4, '0')}`, kind: d.kind, buyer: d.buyer, recordIds: byDate(d.records), thresholdId: d.thresholdId,
  }));
  return { records, truth: { seed: config.seed, thresholds: config.thresholdInputs, schemes: schemeTruth, decoys: decoyTruth } };
}
