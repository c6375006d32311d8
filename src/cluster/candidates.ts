import type { Item } from './item.js';
import type { Prepared } from './prepare.js';
import { windowEnd } from './window.js';
import { timeAlone } from './link.js';
import { excludedRecords } from './excluded.js';
import type { ResolvedOptions } from '../options/resolve.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { atLeast, belowTier, cannotCross, clearlyBelow, inScope, justUnder } from '../thresholds/compare.js';
import { keyAt, type RecordTable } from '../records/table.js';

/** The candidate parts of a ledger, threshold by threshold. */
export interface Candidates {
  /** Records that can never be parts: an exemption, a method in `skipMethods`, or an excluded vendor or category. */
  readonly neverParts: number;
  /**
   * The candidate parts of a threshold as one group per partition, in date order (ties by id) — or,
   * when time alone links them (`timeAlone`), per chain of a partition's candidate parts whose
   * consecutive dates are at most `reach` days apart: the clusters themselves. Only groups with at
   * least `minParts` records not yet in a finding whose amounts together may cross the threshold (a
   * group whose free parts cannot cross it, `cannotCross`, holds no run). Records already in a finding (of a
   * more serious threshold) stay in their group: they still link their neighbours into one cluster,
   * and the runs leave them out (see `extractRuns`).
   */
  forTier(tier: ResolvedThreshold): Item[][];
}

/**
 * The records that can never be parts, whatever the threshold: 1 where a record carries an
 * `exemption`, its `method` is one of `skipMethods`, its vendor is one of `exclude.vendors` or its
 * category code starts with one of `exclude.categories`. Runs in O(n + distinct keys × prefixes).
 */
export function neverParts(table: RecordTable, opts: Pick<ResolvedOptions, 'skipMethods' | 'exclude'>): Uint8Array {
  const skipMethod = table.method.keys.map((m) => opts.skipMethods.has(m));
  const never = excludedRecords(table, opts.exclude).slice();
  // No record can carry an exemption or a skipped method: nothing more to mark.
  if (table.exemption.texts.length === 0 && !skipMethod.includes(true)) return never;
  for (let k = 0; k < table.size; k++) {
    const m = table.method.key[k] as number;
    if ((table.exemption.text[k] as number) >= 0 || (m >= 0 && skipMethod[m] === true)) never[k] = 1;
  }
  return never;
}

/**
 * Decides, in this one place, whether a record may be a part of a run for a threshold: a record is
 * a *candidate part* when
 * - it can ever be a part ({@link neverParts}): no `exemption`, its `method` is not one of
 *   `skipMethods`, its vendor and category are not excluded (`exclude`);
 * - it can link at all: it carries the project and category prefix the subject rule requires;
 * - the threshold can judge it: dated on or after the first day in force, and no later than the
 *   end of a window opened on the last day in force (a run opened while the rule is in force may
 *   reach past it);
 * - it stays below the threshold (`atOrAbove`: amount < limit; `above`: amount ≤ limit), is in its
 *   category scope, and is at least `minPartShare` of it — or, if smaller, lies just under a lower
 *   limit (within `band` below a lower threshold in force on its date and in its scope): a purchase
 *   kept under the micro-purchase limit beside larger ones kept under the next is a piece of a
 *   requirement broken below both (FAR 13.003(c)(2)), not a routine purchase that `minPartShare`
 *   keeps out of runs.
 * Whether it is already in a finding does not matter here: the clusters of a threshold are the same
 * whatever more serious thresholds found first.
 *
 * Runs in O(n) to set up; {@link Candidates.forTier} in O(n) plus O(1) per candidate of the groups it returns.
 */
export function candidates(p: Prepared, opts: Pick<ResolvedOptions, 'skipMethods' | 'exclude' | 'minParts' | 'minPartShare' | 'subject' | 'thresholds'>): Candidates {
  const { table, order, partition, days, unlinkable, assigned, window } = p;
  const never = neverParts(table, opts);
  // Chains of a partition are cut apart here, before their items are built, when time alone links.
  const cutAt = timeAlone(p.links, opts.subject.maxProjectCategories > 0) ? p.links.reach : Infinity;

  return {
    neverParts: count(never),
    forTier(tier) {
      const lastDay = windowEnd(window, tier.toDay);
      const minPart = tier.value.times(opts.minPartShare);
      const minPartApprox = minPart.toNumber();
      const lower = opts.thresholds.filter((t) => t.value.lt(tier.value));
      /** Record `k` (of `approx`, on `day`) lies within the band under a lower limit that judges it. */
      const justUnderLower = (k: number, approx: number, day: number): boolean =>
        lower.some((t) => justUnder(t, day, keyAt(table.category, k), approx, k, p.valueOf));
      // Decided in table order (reading the columns in order), then looked up in partition order.
      const scope = Uint8Array.from(table.category.keys, (c) => (inScope(tier, c) ? 1 : 0));
      const noCategory = inScope(tier, undefined);
      const candidate = new Uint8Array(table.size);
      const under = clearlyBelow(tier);
      for (let k = 0; k < table.size; k++) {
        const day = table.day[k] as number;
        if (never[k] || day < tier.fromDay || day > lastDay) continue;
        // Exact Decimal comparisons only when the numbers are too close to call.
        const approx = table.approx[k] as number;
        if (!(approx < under) && !belowTier(approx, k, p.valueOf, tier)) continue;
        if (opts.minPartShare > 0 && !atLeast(approx, k, p.valueOf, minPart, minPartApprox) && !justUnderLower(k, approx, day)) continue;
        const c = table.category.key[k] as number;
        if (c < 0 ? noCategory : scope[c] === 1) candidate[k] = 1;
      }

      // Items are built only for groups with enough parts not yet in a finding, and enough in
      // their amounts, to hold a run.
      // The group being gathered: the first `size` entries of `group`, which is never cut short
      // (emptying an array frees its storage, and the next push allocates it again: once per
      // record on a ledger of one-record groups).
      const groups: Item[][] = [];
      const group: number[] = [];
      let size = 0;
      let open = 0;
      /** The amounts of the group's parts not yet in a finding, summed in group order (only for a group with enough such parts: most hold one record). */
      const openSum = (): number => {
        let sum = 0;
        for (let i = 0; i < size; i++) {
          const k = group[i] as number;
          if (!assigned[k]) sum += table.approx[k] as number;
        }
        return sum;
      };
      const flush = () => {
        if (open >= opts.minParts && !cannotCross(openSum(), tier)) {
          const items: Item[] = new Array(size);
          for (let i = 0; i < size; i++) items[i] = p.itemOf(group[i] as number);
          groups.push(items);
        }
        size = 0;
        open = 0;
      };
      let current = -1;
      let previous = 0;
      for (let i = 0; i < order.length; i++) {
        if (partition[i] !== current) {
          flush();
          current = partition[i] as number;
        }
        const k = order[i] as number;
        if (unlinkable[i] || !candidate[k]) continue;
        // By position: read in order, not through k at random.
        const day = days[i] as number;
        if (size > 0 && day - previous > cutAt) flush();
        previous = day;
        group[size++] = k;
        if (!assigned[k]) open++;
      }
      flush();
      return groups;
    },
  };
}

/** Number of entries that are 1 (a loop: a typed array's `reduce` calls a function per entry). */
function count(flags: Uint8Array): number {
  let n = 0;
  for (let k = 0; k < flags.length; k++) n += flags[k] as number;
  return n;
}
