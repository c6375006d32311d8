import type { ResolvedOptions } from '../options/resolve.js';
import type { RecordTable } from '../records/table.js';

/** The last answer of {@link excludedRecords} for each table: detection and coverage ask it several times. */
const LAST = new WeakMap<RecordTable, { readonly exclude: ResolvedOptions['exclude']; readonly out: Uint8Array }>();

/**
 * 1 for each record the policy's `exclude` rule takes out of the analysis: its vendor is one of
 * `exclude.vendors` or starts with one of `exclude.vendorPrefixes`, or its category code starts with
 * one of `exclude.categories`. Such a record is counted as analysed but is as if it were not there
 * for findings: never a part, not in the buyer's baselines, not in the word rarities of its subjects.
 * The answer is shared (kept for the table and the same rule, asked again by each step): never
 * change it. Runs in O(n + distinct keys × prefixes) the first time, O(vendors + prefixes excluded)
 * when asked again.
 */
export function excludedRecords(table: RecordTable, exclude: ResolvedOptions['exclude']): Readonly<Uint8Array> {
  const last = LAST.get(table);
  if (last !== undefined && sameRule(last.exclude, exclude)) return last.out;
  const out = new Uint8Array(table.size);
  LAST.set(table, { exclude, out });
  if (exclude.vendors.size === 0 && exclude.vendorPrefixes.length === 0 && exclude.categories.length === 0) return out;
  const vendor = Uint8Array.from(table.vendor.keys, (v) => (exclude.vendors.has(v) || exclude.vendorPrefixes.some((p) => v.startsWith(p)) ? 1 : 0));
  const category = Uint8Array.from(table.category.keys, (c) => (exclude.categories.some((p) => c.startsWith(p)) ? 1 : 0));
  for (let k = 0; k < table.size; k++) {
    const v = table.vendor.key[k] as number;
    const c = table.category.key[k] as number;
    if ((v >= 0 && vendor[v]) || (c >= 0 && category[c])) out[k] = 1;
  }
  return out;
}

/** Whether two `exclude` rules take out the same vendors and category prefixes. */
function sameRule(a: ResolvedOptions['exclude'], b: ResolvedOptions['exclude']): boolean {
  if (a === b) return true;
  if (a.vendors.size !== b.vendors.size || a.vendorPrefixes.length !== b.vendorPrefixes.length || a.categories.length !== b.categories.length) return false;
  for (const v of a.vendors) if (!b.vendors.has(v)) return false;
  return a.vendorPrefixes.every((p, i) => b.vendorPrefixes[i] === p) && a.categories.every((c, i) => b.categories[i] === c);
}
