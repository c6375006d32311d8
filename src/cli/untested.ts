/**
 * Warnings for a rule that tested less than it seems to: records no threshold or grouping could
 * judge, and exclusions or flags that matched nothing. "No findings" must not read as "clean" when
 * nothing was tested (DOMAIN: pass / fail / not-applicable counts, with the reason).
 */
import type { ResolvedOptions } from '../options/resolve.js';
import type { BuyerCoverage } from '../review/coverage.js';
import type { RecordTable } from '../records/table.js';
import { count, plural } from '../io/write/numbers.js';
import type { ReportWarning as Warning } from '../io/write/scanReport.js';

/** A reason stated on its own once it holds at least this share of the records analysed. */
const LOUD_SHARE = 0.1;

/** At most this many examples (prefixes, codes, names) in a message. */
const EXAMPLES = 6;

const listed = (xs: readonly string[]): string => (xs.length > EXAMPLES ? `${xs.slice(0, EXAMPLES).join(', ')} …` : xs.join(', '));

/**
 * `not_assessed`: the records that no threshold in force, or no grouping field, let detection test,
 * when they are every record analysed or at least a tenth of them (by reason). Records a policy
 * leaves out on purpose (`excluded`: skipped methods, exemptions, `exclude`) are named only when
 * nothing at all was tested.
 */
export function notAssessed(coverage: readonly BuyerCoverage[], o: ResolvedOptions): Warning[] {
  let records = 0;
  let assessed = 0;
  let noThreshold = 0;
  let ungrouped = 0;
  let excluded = 0;
  for (const c of coverage) {
    // Records without an exchange rate are rejects, counted and warned about as such.
    records += c.records - c.notApplicable.currency;
    assessed += c.assessed + c.notApplicable.tooFewRecords;
    noThreshold += c.notApplicable.noThreshold;
    ungrouped += c.notApplicable.ungrouped;
    excluded += c.notApplicable.excluded;
  }
  if (records === 0) return [];
  const none = assessed === 0;
  const loud = (n: number): boolean => n > 0 && (none || n >= LOUD_SHARE * records);
  const reasons: string[] = [];
  if (loud(noThreshold)) reasons.push(`${count(noThreshold)} dated when no threshold of the rule is in force, or outside the category scope of every threshold in force (the rule's thresholds are in force ${inForce(o)}): choose a rule in force then (--preset, --thresholds, --threshold)`);
  if (loud(ungrouped)) reasons.push(`${count(ungrouped)} lacking a field the rule groups by (${groupedBy(o)}): map the column that holds it (--map FIELD=COLUMN) or group without it`);
  if (none && excluded > 0) reasons.push(`${count(excluded)} left out by the rule (a method in its skipped methods, an exemption, or a vendor or category it excludes)`);
  if (reasons.length === 0) return [];
  const head = none ? `none of the ${plural(records, 'record')} analysed could be tested against the rule, so "no findings" says nothing about them` : `of the ${plural(records, 'record')} analysed, some could not be tested against the rule`;
  return [{ code: 'not_assessed', message: `${head}: ${reasons.join('; ')}` }];
}

/** The spans of days the thresholds are in force, merged, in date order. */
function inForce(o: ResolvedOptions): string {
  const spans = o.thresholds.map((t) => [t.threshold.validFrom ?? '', t.threshold.validTo ?? ''] as [string, string]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const merged: [string, string][] = [];
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && (last[1] === '' || from <= last[1] || from === '')) {
      if (last[1] !== '' && (to === '' || to > last[1])) last[1] = to;
    } else merged.push([from, to]);
  }
  return listed(merged.map(([from, to]) => (from === '' && to === '' ? 'on every date' : `${from === '' ? 'until' : `from ${from}`}${to === '' ? ' on' : `${from === '' ? '' : ' to'} ${to}`}`)));
}

/** The fields the rule groups by, in the command's words. */
function groupedBy(o: ResolvedOptions): string {
  const fields: string[] = [];
  if (o.subject.sameProject) fields.push('a budget project: same project, --same-project');
  if (o.subject.sameCategory) fields.push('a category code: same category, --same-category');
  if (o.vendor === 'same') fields.push('a named vendor, not a placeholder such as "Various": --vendor same');
  return fields.join('; ');
}

/**
 * `exclusion_unmatched`: an exclusion of category codes or vendors (a preset's, `--exclude-category`,
 * `--exclude-vendor`) that matches no record analysed — a vendor misspelt, or a column of other
 * codes read as the category (a council's internal account codes where the rule means merchant
 * category codes): what it was meant to leave out is in the analysis.
 */
export function exclusionsUnmatched(table: RecordTable, o: ResolvedOptions): Warning[] {
  const out: Warning[] = [];
  const { categories, vendors, vendorPrefixes } = o.exclude;
  if (categories.length > 0 && table.size > 0) {
    const codes = table.category.keys;
    if (!codes.some((c) => categories.some((p) => c.startsWith(p)))) {
      const read = codes.length === 0 ? 'no record carries a category code' : `the category codes read are such as ${listed(mostUsed(table.category.key, codes))}`;
      out.push({ code: 'exclusion_unmatched', message: `the rule leaves out category codes starting with ${listed(categories)}, but ${read}: nothing was left out by category. If another column holds those codes (merchant category codes, for a card ledger), map it: --map category=COLUMN` });
    }
  }
  const names = [...vendors];
  if ((names.length > 0 || vendorPrefixes.length > 0) && table.size > 0) {
    const keys = new Set(table.vendor.keys);
    const unmatched = [...names.filter((v) => !keys.has(v)), ...vendorPrefixes.filter((p) => !table.vendor.keys.some((v) => v.startsWith(p))).map((p) => `${p}*`)];
    if (unmatched.length > 0) out.push({ code: 'exclusion_unmatched', message: `${plural(unmatched.length, 'excluded vendor')} (${listed(unmatched)}, as compared: case, punctuation and legal forms ignored) ${unmatched.length === 1 ? 'matches' : 'match'} no vendor of the records analysed: check the spelling (--exclude-vendor)` });
  }
  return out;
}

/** `option_unused`: `--skip-method` given while no record carries a method. */
export function skipMethodUnused(table: RecordTable, given: readonly string[] | undefined): Warning[] {
  if (given === undefined || given.length === 0 || table.size === 0 || table.method.keys.length > 0) return [];
  return [{ code: 'option_unused', message: `--skip-method ${listed(given)}: no record carries a method (no column was read as method), so nothing was skipped; map the column that holds the procurement method: --map method=COLUMN` }];
}

/** The keys most used, most first (ties in key order). */
function mostUsed(of: ArrayLike<number>, keys: readonly string[]): string[] {
  const uses = new Int32Array(keys.length);
  for (let k = 0; k < of.length; k++) {
    const c = of[k] as number;
    if (c >= 0) uses[c]!++;
  }
  return keys
    .map((key, i) => [key, uses[i] as number] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, EXAMPLES + 1)
    .map(([key]) => key);
}
