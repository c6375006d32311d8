import type { ResolvedOptions } from '../options/resolve.js';
import type { RecordTable } from '../records/table.js';

/**
 * 1 for each record the policy's `exclude` rule takes out of the analysis: its vendor is one of
 * `exclude.vendors`, or its category code starts with one of `exclude.categories`. Such a record is
 * counted as analysed but is as if it were not there for findings: never a part, not in the buyer's
 * baselines, not in the word rarities of its subjects. Runs in O(n + distinct keys × prefixes).
 */
export function excludedRecords(table: RecordTable, exclude: ResolvedOptions['exclude']): Uint8Array {
  const out = new Uint8Array(table.size);
  if (exclude.vendors.size === 0 && exclude.categories.length === 0) return out;
  const vendor = Uint8Array.from(table.vendor.keys, (v) => (exclude.vendors.has(v) ? 1 : 0));
  const category = Uint8Array.from(table.category.keys, (c) => (exclude.categories.some((p) => c.startsWith(p)) ? 1 : 0));
  for (let k = 0; k < table.size; k++) {
    const v = table.vendor.key[k] as number;
    const c = table.category.key[k] as number;
    if ((v >= 0 && vendor[v]) || (c >= 0 && category[c])) out[k] = 1;
  }
  return out;
}
