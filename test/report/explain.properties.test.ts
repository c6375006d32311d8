/**
 * Every sentence of an explanation is true of the finding it explains: on generated ledgers and
 * policies, each claim — counts, "same day", "same vendor", which subject signals were compared,
 * the comparison word, totals, the buyer's other purchases — is checked against the finding's parts,
 * the input records and the options, recomputed here without the library's scoring code.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { detectSplits } from '../../src/detect.js';
import type { DetectSplitsOptions } from '../../src/options/options.js';
import type { PurchaseRecordInput } from '../../src/records/record.js';
import type { Finding } from '../../src/report/finding.js';
import type { ThresholdInput } from '../../src/thresholds/threshold.js';
import { categoryKey, normalizeText, vendorKey } from '../../src/records/normalize.js';
import { projectName } from '../../src/similarity/project.js';
import { subjectTokens } from '../../src/similarity/tokens.js';
import { getPreset } from '../../src/presets/index.js';
import { poissonAtLeast } from '../../src/_lib/stats.js';
import { BASELINE } from '../../src/score/baseline.js';
import { BUNCHING } from '../../src/score/bunching.js';
import { DEFAULT_WEIGHTS, isAgainst } from '../../src/options/reasons.js';
import { CATEGORIES, PROJECTS, SUBJECTS, VENDORS, ledgerArb, optionsArb } from '../helpers/arbitraries.js';
import { dayNumber, exactIn, recountBaseline, valueIn } from '../helpers/recount.js';
import { runs } from '../helpers/runs.js';
import { LEFT_OUT_IDS } from '../../src/report/leftOut.js';
import { resolveOptions } from '../../src/options/resolve.js';
import { sameWindow } from '../oracle.js';

const RATES = { CNY: 1, USD: 6.25 };
/** Money as sentences write it: grouped by thousands, at least two decimals, every decimal kept. */
const money = (d: Decimal) => {
  const [int, frac] = (d.decimalPlaces() >= 2 ? d.toFixed() : d.toFixed(2)).split('.');
  return `${(int as string).replace(/\B(?=(\d{3})+(?!\d))/gu, ',')}.${frac}`;
};
// A share in whole percent; a share strictly between none and all never reads as 0% or 100%.
const pct = (x: number) => {
  const whole = Math.round(x * 100);
  return `${x > 0 && x < 1 ? Math.min(99, Math.max(1, whole)) : whole}%`;
};
const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;
const probability = (p: number) => (p < 0.001 ? '< 0.001' : p < 0.01 ? p.toFixed(3) : p.toFixed(2));

/** A purchase in CNY by a buyer from a vendor, `day` days into 2014, of `cents` hundredths. */
const purchase = (id: string, r: { buyer: string; vendor: string; day: number; cents: number }): PurchaseRecordInput => ({
  id,
  buyer: r.buyer,
  vendor: r.vendor,
  date: new Date(Date.UTC(2014, 0, 1) + r.day * 86_400_000).toISOString().slice(0, 10),
  amount: (r.cents / 100).toFixed(2),
  currency: 'CNY',
});

/** A buyer with a history: 30 to 150 purchases over ten months, around the 1,000 and 2,500 CNY limits. */
const busyArb: fc.Arbitrary<PurchaseRecordInput[]> = fc
  .array(
    fc.record({
      buyer: fc.constantFrom('City Hall', 'City Hall', 'Water Board'),
      vendor: fc.constantFrom(...VENDORS),
      day: fc.integer({ min: 0, max: 300 }),
      cents: fc.oneof(fc.integer({ min: 5_000, max: 130_000 }), fc.integer({ min: 85_000, max: 100_000 })),
      category: fc.option(fc.constantFrom('3019', '30191', '4523', 'B0701'), { nil: undefined, freq: 6 }),
      subject: fc.option(fc.constantFrom(...SUBJECTS), { nil: undefined }),
      project: fc.option(fc.constantFrom(...PROJECTS), { nil: undefined, freq: 2 }),
      document: fc.option(fc.integer({ min: 1, max: 40 }).map((n) => `D-${n}`), { nil: undefined }),
    }),
    { minLength: 30, maxLength: 150 },
  )
  .map((rows) =>
    rows.map((r, i) => {
      const rec: PurchaseRecordInput = purchase(`B${String(i).padStart(3, '0')}`, r);
      if (r.category !== undefined) rec.category = r.category;
      if (r.subject !== undefined) rec.subject = r.subject;
      if (r.project !== undefined) rec.project = r.project;
      if (r.document !== undefined) rec.document = r.document;
      return rec;
    }),
  );

/**
 * Legitimate look-alikes among look-alike splits: travel charged per traveller (the same trip, another
 * name; some with a batch number or no name instead), lines of marketplace orders (`123456789-2`, the
 * order number in the subject or not) among invoices that count up, near the 1,000 limit.
 */
const legitArb: fc.Arbitrary<PurchaseRecordInput[]> = fc
  .array(
    fc.record({
      buyer: fc.constantFrom('City Hall', 'Water Board'),
      vendor: fc.constantFrom('Westgate Hotels', 'Amazon Business', 'Acme Ltd'),
      day: fc.integer({ min: 0, max: 20 }),
      cents: fc.oneof(fc.constantFrom(40_000, 40_000, 42_000, 45_000, 90_000), fc.integer({ min: 20_000, max: 99_999 })),
      trip: fc.constantFrom('Hotel, Lisbon conference', 'Study visit to Tokyo', '赴东京考察团费', 'Office chairs'),
      who: fc.constantFrom('A. Smith', 'B. Jones', 'C. Taylor', '王某', '李某', 'batch 2', ''),
      order: fc.option(fc.constantFrom('827903052', '594455226'), { nil: undefined }),
      line: fc.integer({ min: 1, max: 4 }),
      inSubject: fc.boolean(),
      invoice: fc.integer({ min: 100, max: 104 }),
    }),
    { minLength: 2, maxLength: 30 },
  )
  .map((rows) =>
    rows.map((r, i) => ({
      ...purchase(`T${String(i).padStart(3, '0')}`, r),
      subject: r.order !== undefined && r.inSubject ? `Toner – order ${r.order}` : r.who ? `${r.trip} – ${r.who}` : r.trip,
      document: r.order !== undefined ? `${r.order}-${r.line}` : `INV-${r.invoice}`,
    })),
  );

/**
 * Group bookings: one hotel's charges over three days at a few room rates, some naming a traveller
 * on one trip, others the trip alone, a batch number or "Services" (charged alongside the named ones
 * when the rate is theirs), beside another vendor's.
 */
const groupArb: fc.Arbitrary<PurchaseRecordInput[]> = fc
  .array(
    fc.record({
      vendor: fc.constantFrom('Westgate Hotels', 'Westgate Hotels', 'Acme Ltd'),
      day: fc.integer({ min: 0, max: 2 }),
      cents: fc.constantFrom(40_000, 41_500, 43_000, 90_000),
      // Besides names: a batch number, the trip alone, "Services", or an attendee's registration (one fee paid again per person).
      who: fc.constantFrom('A. Smith', 'B. Jones', 'C. Taylor', 'batch 2', '', 'Services', 'registration', 'registration'),
    }),
    { minLength: 4, maxLength: 14 },
  )
  .map((rows) =>
    rows.map((r, i) => ({
      ...purchase(`G${String(i).padStart(3, '0')}`, { buyer: 'City Hall', ...r }),
      subject: r.who === 'Services' ? 'Services' : r.who === 'registration' ? 'Lisbon conference registration' : r.who ? `Hotel, Lisbon conference – ${r.who}` : 'Hotel, Lisbon conference',
    })),
  );

/** Policies: the generated ones, and the pcard preset (no subject signal compared), with either comparison. */
const policyArb: fc.Arbitrary<DetectSplitsOptions> = fc.oneof(
  // Generated policies, with several bands and sometimes the project signal off.
  fc.tuple(optionsArb, fc.constantFrom(0.05, 0.1, 0.125, 0.3), fc.boolean()).map(([o, band, noProjects]) => ({ ...o, band, ...(noProjects ? { subject: { ...o.subject, maxProjectCategories: 0 } } : {}) })),
  fc.constantFrom('atOrAbove' as const, 'above' as const).map((comparison) => {
    const pcard = getPreset('pcard', { limit: '1000', currency: 'CNY' });
    return { ...pcard, thresholds: pcard.thresholds.map((t) => ({ ...t, comparison })), rates: { USD: '6.25' }, minScore: 0 };
  }),
);

/**
 * A standing supply: 10 to 40 purchases of one kind from one vendor within three weeks, each 105 to
 * 130 CNY (8 or more cross the 1,000 limit), beside a few other purchases: findings of more parts
 * than a requirement is cut into.
 */
const standingArb: fc.Arbitrary<PurchaseRecordInput[]> = fc
  .record({
    supply: fc.array(fc.record({ day: fc.integer({ min: 100, max: 120 }), cents: fc.integer({ min: 10_500, max: 13_000 }) }), { minLength: 10, maxLength: 40 }),
    others: fc.array(fc.record({ buyer: fc.constant('City Hall'), vendor: fc.constantFrom(...VENDORS), day: fc.integer({ min: 0, max: 300 }), cents: fc.integer({ min: 5_000, max: 99_000 }) }), { maxLength: 20 }),
  })
  .map(({ supply, others }) => [
    ...supply.map((r, i) => ({ ...purchase(`S${String(i).padStart(2, '0')}`, { buyer: 'City Hall', vendor: 'Acme Catering', ...r }), subject: 'meeting catering', category: '5552' })),
    ...others.map((r, i) => purchase(`O${String(i).padStart(2, '0')}`, r)),
  ]);

/**
 * Policies under which a standing supply makes findings of many parts: the 1,000 CNY limit, a window
 * of 30 days or a month, runs as requirements or whole windows, and every crossing run reported
 * (such findings score low: that is their point).
 */
const standingPolicyArb: fc.Arbitrary<DetectSplitsOptions> = fc.record({
  thresholds: fc.constant([{ id: 'low', amount: '1000', currency: 'CNY', procedure: 'quotation' }]),
  window: fc.constantFrom({ days: 30 }, { period: 'month' as const }),
  runs: fc.constantFrom('requirement' as const, 'window' as const),
  subject: fc.constant({ categoryPrefix: 4 }),
  minScore: fc.constant(0),
});

/**
 * A buyer large enough for its bunching test: 200 to 320 purchases spread evenly on the log scale
 * from 400 to 4,000 CNY over a year (so both sides of the 1,000 and 2,500 limits hold some), and
 * up to 40 more just under 1,000, some of them on one day.
 */
const largeArb: fc.Arbitrary<PurchaseRecordInput[]> = fc
  .record({
    spread: fc.array(fc.record({ u: fc.integer({ min: 0, max: 10_000 }), day: fc.integer({ min: 0, max: 364 }), vendor: fc.constantFrom(...VENDORS) }), { minLength: 200, maxLength: 320 }),
    bump: fc.array(fc.record({ cents: fc.integer({ min: 90_000, max: 99_999 }), day: fc.constantFrom(40, 40, 41, 200), vendor: fc.constantFrom(...VENDORS) }), { maxLength: 40 }),
    category: fc.option(fc.constantFrom('3019', '4523'), { nil: undefined }),
  })
  .map(({ spread, bump, category }) => {
    const date = (day: number) => new Date(Date.UTC(2014, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const rows = [
      ...spread.map((r) => ({ ...r, amount: (400 * 10 ** (r.u / 10_000)).toFixed(2) })),
      ...bump.map((r) => ({ ...r, amount: (r.cents / 100).toFixed(2) })),
    ];
    return rows.map((r, i) => ({ id: `L${String(i).padStart(3, '0')}`, buyer: 'Large Office', vendor: r.vendor, date: date(r.day), amount: r.amount, currency: 'CNY', ...(category ? { category } : {}) }));
  });

/** The options' subject rule with its defaults (0 turns a signal off). */
function subjectRule(o: DetectSplitsOptions) {
  return { categoryPrefix: o.subject?.categoryPrefix ?? 4, minSimilarity: o.subject?.minSimilarity ?? 0.3, maxProjectCategories: o.subject?.maxProjectCategories ?? 4 };
}

/**
 * The purchases (exact values) in the comparison range of a bunching test at limit L, below the band
 * [L(1 − h)^(K+1), L(1 − h)) and above it [L, L(1 − h)^−K) — (L, …) for `above`, whose band holds
 * L — as a least and a most: the outer edges are counted a hair inside and a hair outside, where
 * rounding may decide.
 */
function comparisonRange(values: readonly Decimal[], limit: Decimal, above: boolean) {
  const h = BUNCHING.band;
  const K = BUNCHING.sideBins;
  const L = limit.toNumber();
  const lowest = L * (1 - h) ** (K + 1);
  const highest = L * (1 - h) ** -K;
  const eps = 1e-9;
  const below = (lo: number) => values.filter((v) => v.lt(limit.times(1 - h)) && v.toNumber() >= lo).length;
  const over = (hi: number) => values.filter((v) => (above ? v.gt(limit) : v.gte(limit)) && v.toNumber() < hi).length;
  return { below: [below(lowest * (1 + eps)), below(lowest * (1 - eps))] as const, above: [over(highest * (1 - eps)), over(highest * (1 + eps))] as const };
}

const inForce = (t: ThresholdInput, date: string) => (t.validFrom === undefined || date >= t.validFrom) && (t.validTo === undefined || date <= t.validTo);
const inScope = (t: ThresholdInput, category: string | undefined) => {
  const key = category === undefined ? undefined : categoryKey(category);
  if (t.categories && (key === undefined || !t.categories.some((c) => key.startsWith(c)))) return false;
  return !(t.excludeCategories && key !== undefined && t.excludeCategories.some((c) => key.startsWith(c)));
};

/** True when a specific project links: the buyer's records under it span at most `max` category divisions. */
function specificProject(records: readonly PurchaseRecordInput[], buyer: string, project: string, depth: number, max: number): boolean {
  // The category divisions of the buyer's records in the project: an all-digit code's first two
  // digits, another code at the prefix depth (whole at depth 0).
  const division = (c: string) => (/^[0-9]+$/.test(c) ? c.slice(0, 2) : depth > 0 ? c.slice(0, depth) : c);
  const divisions = new Set(
    records
      .filter((r) => normalizeText(r.buyer) === normalizeText(buyer) && r.project !== undefined && projectName(normalizeText(r.project)) === projectName(normalizeText(project)) && r.category !== undefined)
      .map((r) => division(categoryKey(r.category as string))),
  );
  return divisions.size <= max;
}

/** The integer and round test of the evidence, restated: a whole number that is a multiple of 1,000 or has at most two significant digits. */
function round(amount: string): boolean {
  const d = new Decimal(amount);
  if (!d.isInteger() || d.isZero()) return false;
  return d.mod(1000).isZero() || d.abs().toFixed(0).replace(/0+$/u, '').length <= 2;
}

/**
 * What a finding leaves out, against the records and every finding: purchases of its buyer in no
 * finding, within one window of its parts, their count, total and the sentence naming the first.
 */
function checkLeftOut(f: Finding, beside: string | undefined, records: readonly PurchaseRecordInput[], o: DetectSplitsOptions, result: ReturnType<typeof detectSplits>): void {
  const left = f.leftOut;
  if (left === undefined) {
    expect(beside).toBeUndefined();
    return;
  }
  leftOutSeen++;
  expect(left.count).toBeGreaterThan(0);
  expect(left.recordIds.length).toBe(Math.min(left.count, LEFT_OUT_IDS));
  const byId = new Map(records.map((r) => [r.id, r]));
  const inFindings = new Set(result.findings.flatMap((x) => x.recordIds));
  const resolved = resolveOptions(o);
  const [first, last] = [dayNumber(f.start), dayNumber(f.end)];
  const named = left.recordIds.map((id) => {
    const r = byId.get(id) as PurchaseRecordInput;
    expect(inFindings.has(id)).toBe(false);
    expect(normalizeText(r.buyer)).toBe(normalizeText(f.buyer));
    // Within one window of the parts: with the first and with the last.
    const day = dayNumber(r.date as string);
    expect(sameWindow(resolved, Math.min(day, first), Math.max(day, last))).toBe(true);
    return { id, date: r.date as string, value: exactIn(r, RATES) };
  });
  if (left.count <= LEFT_OUT_IDS) expect(new Decimal(left.total).eq(named.reduce((a, p) => a.plus(p.value), new Decimal(0)))).toBe(true);
  const one = left.count === 1;
  const list = named.slice(0, 3).map((p) => `${p.id} on ${p.date}, ${money(p.value)} CNY`).join('; ');
  expect(beside).toBe(
    `${left.count} more ${one ? 'purchase' : 'purchases'} of the buyer linked to them by the rule ${one ? 'falls' : 'fall'} in the same window and ${one ? 'is' : 'are'} in no finding` +
      `${one ? '' : ` (${money(new Decimal(left.total))} CNY in all)`}: ${list}${left.count > 3 ? `; and ${left.count - 3} more` : ''}. The total crosses the limit without ${one ? 'it' : 'them'}.`,
  );
}
let leftOutSeen = 0;

/** Checks every sentence of a finding against its parts, the records and the options. */
function checkFinding(f: Finding, records: readonly PurchaseRecordInput[], o: DetectSplitsOptions, result: ReturnType<typeof detectSplits>): void {
  const k = f.parts.length;
  const tier = o.thresholds.find((t) => t.id === f.threshold.id) as ThresholdInput;
  const above = tier.comparison === 'above';
  // How the total crosses: the threshold's cumulative comparison, its own comparison unless it words the total apart.
  const crossAbove = (tier.cumulative ?? tier.comparison) === 'above';
  const limit = new Decimal(String(tier.amount));
  const values = f.parts.map((p) => new Decimal(p.converted));
  const total = values.reduce((a, b) => a.plus(b), new Decimal(0));
  const dates = f.parts.map((p) => p.date);
  const band = o.band ?? 0.1;
  const rule = subjectRule(o);
  const message = (code: string) => f.reasons.find((r) => r.code === code)?.message as string;

  // The counterfactual: counts, total, dates, the limit, the comparison word and the margin.
  const [main, against] = f.explanation.split(' What speaks against it: ');
  const [whole, why] = (main as string).split(' Why it looks deliberate: ');
  const [head, beside] = (whole as string).split(' Beside them, ');
  checkLeftOut(f, beside, records, o, result);
  const shownIds = k <= 6 ? f.recordIds.join(', ') : `${f.recordIds.slice(0, 5).join(', ')} and ${k - 5} more`;
  const when = dates[0] === dates[k - 1] ? `on ${dates[0]}` : `from ${dates[0]} to ${dates[k - 1]}`;
  const by = total.minus(limit).isZero() ? 'exactly' : `by ${money(total.minus(limit))} CNY`;
  expect(head).toBe(
    `Together these ${k} purchases by ${f.buyer} (${shownIds}), ${money(total)} CNY ${when}, ${crossAbove ? 'exceed' : 'reach'} the ${money(limit)} CNY limit for ${tier.procedure} ` +
      `(threshold ${tier.id}${tier.label ? `, ${tier.label}` : ''}) ${by}; ${above ? 'none exceeded it.' : 'each stayed below it.'}`,
  );
  expect(crossAbove ? total.gt(limit) : total.gte(limit)).toBe(true);
  for (const v of values) expect(above ? v.lte(limit) : v.lt(limit)).toBe(true);
  // The reasons listed after it are reasons of the finding.
  for (const sentence of why ? why.split(/(?<=\.) (?=[A-Z0-9])/u) : []) expect(f.reasons.filter((r) => !isAgainst(r.code)).map((r) => r.message)).toContain(sentence);
  // What speaks against it: exactly the evidence against splitting that was found.
  const foundAgainst = f.reasons.filter((r) => isAgainst(r.code) && r.strength > 0 && r.weight > 0).map((r) => r.message);
  expect(against ? against.split(/(?<=\.) (?=[A-Z0-9])/u) : []).toEqual(foundAgainst);
  if (foundAgainst.length > 0) againstChecked++;

  // Parts just below a limit in force, each named by the finding's own limit when near it, else by
  // the most serious (largest; ties by id) it is near; and the word for an `above` limit among those.
  let near = 0;
  const nearBy = new Set<ThresholdInput>();
  const serious = [...o.thresholds].sort((a, b) => new Decimal(String(b.amount)).cmp(new Decimal(String(a.amount))) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of f.parts) {
    const hits = serious.filter((t) => {
      const L = new Decimal(String(t.amount));
      const v = new Decimal(p.converted);
      return inForce(t, p.date) && inScope(t, p.category) && v.gte(L.times(1 - band)) && (t.comparison === 'above' ? v.lte(L) : v.lt(L));
    });
    if (hits.length === 0) continue;
    near++;
    nearBy.add(hits.includes(tier) ? tier : (hits[0] as ThresholdInput));
  }
  const limits = [tier, ...serious.filter((t) => t !== tier)].filter((t) => nearBy.has(t));
  const atOrBelow = limits.some((t) => t.comparison === 'above');
  const bandText = `${+(band * 100).toFixed(2)}%`;
  const where = `within ${bandText} ${atOrBelow ? 'at or below' : 'below'}`;
  const within =
    limits.length === 1 && limits[0] === tier
      ? `${where} the limit`
      : `${where} ${((names) => (names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`))(limits.map((t) => `the ${money(new Decimal(String(t.amount)))} CNY limit of threshold ${t.id}`))}`;
  expect(message('justBelow')).toBe(
    near > 1 ? `${near} of ${k} parts lie ${within}.` : near === 1 ? `1 of ${k} parts lies ${within}; one part alone near a limit is no sign of splitting.` : `No part lies in the ${bandText} band under a limit in force.`,
  );
  // Its strength counts the parts beyond one: a message of one part goes with no strength.
  if (near <= 1) expect(f.reasons.find((r) => r.code === 'justBelow')?.strength ?? 0).toBe(0);
  expect(message('parts')).toBe(
    k < 10
      ? `Bought in ${k} parts: the fewer the parts, the more they look like one requirement cut to fit under a limit, which is most often cut in two or three.`
      : `Bought in ${k} parts: too many for their number to count (a requirement cut to fit under a limit is most often cut in two or three).`,
  );
  // More parts than the 8 a requirement is commonly cut into (score/evidence FEW_PARTS): the share beyond them.
  const many = f.reasons.find((r) => r.code === 'manyParts');
  expect(many?.value).toBe(k > 8 ? (k - 8) / k : 0);
  expect(message('manyParts')).toBe(
    k > 8
      ? `${k} parts, ${k - 8} more than the 8 a requirement is commonly cut into: this many purchases in one window are as much the shape of a standing supply or a busy supplier as of one requirement cut up.`
      : 'No more parts than the 8 a requirement is commonly cut into.',
  );
  if (k > 8) manyPartsSeen++;

  // Days, same day, vendors.
  const span = dayNumber(dates[k - 1] as string) - dayNumber(dates[0] as string);
  const window = o.window && 'days' in o.window ? (o.window.days === 1 ? 'the same day' : `a ${o.window.days}-day window`) : undefined;
  // What the rule requires of every finding (one day, one vendor) is not weighed, and said so.
  const oneDay = o.window !== undefined && ('days' in o.window ? o.window.days === 1 : o.window.period === 'day');
  const sameDay = dates.filter((d) => dates.indexOf(d) !== dates.lastIndexOf(d)).length;
  if (oneDay) {
    expect(span).toBe(0);
    expect(message('span')).toBe("Dates not weighed: the policy's window is one day, so the parts of every finding share their date.");
    expect(message('sameDay')).toBe("Shared dates not weighed: the policy's window is one day, so the parts of every finding share their date.");
    for (const code of ['span', 'sameDay'] as const) expect(f.reasons.find((r) => r.code === code)?.weight).toBe(0);
  } else {
    if (span === 0) expect(message('span')).toBe('All parts were bought on the same day.');
    else expect(message('span')).toMatch(new RegExp(`^The first and last parts were bought ${plural(span, 'day')} apart \\(the policy allows ${window ?? '(one|the same day)'}.*\\)\\.$`, 'u'));
    expect(message('sameDay')).toBe(sameDay ? `${sameDay} of ${k} parts share their date with another part.` : 'No two parts share a date.');
  }
  const byVendor = new Map<string, number>();
  for (const p of f.parts) byVendor.set(vendorKey(p.vendor), (byVendor.get(vendorKey(p.vendor)) ?? 0) + 1);
  const top = Math.max(...byVendor.values());
  // No vendor with two parts is no concentration: never a reason it looks deliberate, whatever the share.
  if (top === 1) expect(why ?? '').not.toContain(message('vendorConcentration'));
  if (o.vendor === 'same') {
    expect(byVendor.size).toBe(1);
    expect(message('vendorConcentration')).toBe("Vendors not weighed: the policy groups one vendor's purchases only, so the parts of every finding share their vendor.");
    expect(f.reasons.find((r) => r.code === 'vendorConcentration')?.weight).toBe(0);
  } else expect(message('vendorConcentration')).toBe(top === k ? 'All parts went to the same vendor.' : `The most frequent vendor received ${top} of ${k} parts; ${byVendor.size} vendors in all.`);
  // Parts from another vendor than a part bought the same day: per date, its vendors less one.
  const vendorsOn = new Map<string, Set<string>>();
  for (const p of f.parts) vendorsOn.set(p.date, (vendorsOn.get(p.date) ?? new Set<string>()).add(vendorKey(p.vendor)));
  const otherVendors = [...vendorsOn.values()].reduce((n, v) => n + v.size - 1, 0);
  if (otherVendors > 0) otherVendorsSeen++;
  expect(message('sameDayVendors')).toBe(
    otherVendors
      ? `${otherVendors} of ${k} parts came from another vendor than a part bought the same day: the same-day test of card programmes and audit offices asks for one merchant, since one order cut into invoices comes from one supplier, and purchases from different suppliers on one day are most often separate orders.`
      : 'No two parts bought on the same day came from different vendors.',
  );

  // Subjects: only the signals the policy compares and both parts of a pair carry.
  const text = { pairs: 0, sum: 0 };
  const category = { pairs: 0, sum: 0 };
  const project = { pairs: 0, same: 0, beside: 0 };
  let none = 0;
  let best = 0;
  for (let i = 1; i < k; i++) {
    const a = f.parts[i - 1]!;
    const b = f.parts[i]!;
    let pair = 0;
    let compared = false;
    const ta = rule.minSimilarity > 0 && a.subject !== undefined ? new Set(subjectTokens(a.subject)) : new Set<string>();
    const tb = rule.minSimilarity > 0 && b.subject !== undefined ? new Set(subjectTokens(b.subject)) : new Set<string>();
    if (ta.size && tb.size) {
      const shared = [...ta].filter((t) => tb.has(t)).length;
      const j = shared / (ta.size + tb.size - shared);
      text.pairs++;
      text.sum += j;
      pair = Math.max(pair, j);
      compared = true;
    }
    if (rule.categoryPrefix > 0 && a.category !== undefined && b.category !== undefined) {
      const ca = categoryKey(a.category);
      const cb = categoryKey(b.category);
      let n = 0;
      while (n < ca.length && n < cb.length && ca[n] === cb[n]) n++;
      category.pairs++;
      category.sum += n / Math.max(ca.length, cb.length);
      pair = Math.max(pair, n / Math.max(ca.length, cb.length));
      compared = true;
    }
    const specific = (p: typeof a) => rule.maxProjectCategories > 0 && p.project !== undefined && specificProject(records, f.buyer, p.project, rule.categoryPrefix, rule.maxProjectCategories);
    if (specific(a) && specific(b)) {
      project.pairs++;
      if (projectName(normalizeText(a.project as string)) === projectName(normalizeText(b.project as string))) {
        project.same++;
        // Beside texts or codes compared, a shared project lifts the pair halfway to 1; alone it is 1.
        if (compared) project.beside++;
        pair = compared ? (1 + pair) / 2 : 1;
      }
      compared = true;
    }
    if (!compared) none++;
    best += pair;
  }
  if (text.pairs + category.pairs + project.pairs === 0) {
    // Nothing compared: the reason says why, naming only the signals the policy compares, and weighs nothing.
    const signals = [
      ...(rule.minSimilarity > 0 ? ['a subject text with words to compare'] : []),
      ...(rule.categoryPrefix > 0 ? ['a category code'] : []),
      ...(rule.maxProjectCategories > 0 ? ['a specific project'] : []),
    ];
    expect(message('subjectSimilarity')).toBe(
      signals.length === 0
        ? 'Subjects not compared: the policy compares no subject text, category code or project.'
        : `Subjects not compared: no two consecutive parts both carry ${signals.length === 1 ? signals[0] : `${signals.slice(0, -1).join(', ')} or ${signals.at(-1)}`}.`,
    );
    expect(f.reasons.find((r) => r.code === 'subjectSimilarity')).toMatchObject({ value: 0, strength: 0, weight: 0 });
  } else {
    const signals = [
      ...(text.pairs ? [`texts ${pct(text.sum / text.pairs)} (${plural(text.pairs, 'pair')})`] : []),
      ...(category.pairs ? [`category codes ${pct(category.sum / category.pairs)} (${plural(category.pairs, 'pair')})`] : []),
      ...(project.pairs
        ? [
            `the same project in ${project.same} of ${plural(project.pairs, 'pair')}` +
              (project.beside ? `, which counts${project.beside === project.same ? '' : ` for ${project.beside} of them`} halfway from what the texts or codes show to full agreement (a budget line holds many requirements)` : ''),
          ]
        : []),
      ...(none ? [`${plural(none, 'pair')} with nothing to compare`] : []),
    ];
    expect(message('subjectSimilarity')).toBe(`Consecutive parts' subjects agree ${pct(best / (k - 1))} on average, each pair by its closest signal: ${signals.join('; ')}.`);
    if (project.beside > 0) projectBesideSeen++;
  }

  // Amounts: equality, round figures, documents, the total against the limit.
  const nums = values.map((v) => v.toNumber());
  const mean = nums.reduce((a, b) => a + b, 0) / k;
  const cv = mean > 0 ? Math.sqrt(nums.reduce((a, b) => a + (b - mean) ** 2, 0) / k) / mean : 0;
  const cvReason = f.reasons.find((r) => r.code === 'equalAmounts')!;
  expect(cvReason.value).toBeCloseTo(cv, 9);
  // Parts whose converted amount another part has too, counted pair by pair, and the strength they give.
  const repeated = values.filter((v, i) => values.some((w, j) => j !== i && w.eq(v))).length;
  const repeats = repeated ? `; ${repeated} of ${k} parts have the same amount as another part, to the cent` : '';
  // Parts all just below a limit: their spread is that evidence again and counts for nothing; repeats still count.
  const allNear = k > 1 && near === k;
  const smallest = values.reduce((a, b) => (b.lt(a) ? b : a));
  const largest = values.reduce((a, b) => (b.gt(a) ? b : a));
  const amountRange = smallest.eq(largest) ? `all ${money(smallest)} CNY` : `${money(smallest)} to ${money(largest)} CNY`;
  const spread = `(${amountRange}; coefficient of variation ${cvReason.value.toFixed(2)})`;
  if (allNear) {
    expect(cvReason.message).toBe(`All parts lie ${within}, so the spread of their amounts ${spread} is not counted as evidence of its own${repeated ? `; ${repeated} of ${k} parts have the same amount as another part, to the cent, which counts` : ''}.`);
    allNearSeen++;
  } else expect(cvReason.message).toBe(`The amounts ${cvReason.value <= 0.1 ? 'are nearly equal' : cvReason.value <= 0.3 ? 'are similar' : 'vary'} ${spread}${repeats}.`);
  expect(cvReason.strength).toBeCloseTo(Math.max(allNear ? 0 : Math.min(1, Math.max(0, 1 - (cv - 0.1) / 0.4)), repeated / k), 9);
  if (repeated > 0 && cv > 0.3) repeatsBesideSpread++;
  const rounds = f.parts.filter((p) => round(p.amount)).length;
  expect(message('roundAmounts')).toBe(rounds ? `${rounds} of ${k} amounts are round figures.` : 'No amount is a round figure.');
  // Lines of one order (the ledgers below name orders of nine digits, as `123456789-2` or "order 123456789").
  const orders = f.parts.map((p) => new Set([...(p.document?.match(/^(\d{9})-\d$/u)?.slice(1) ?? []), ...(p.subject?.match(/order (\d{9})/u)?.slice(1) ?? [])]));
  const lines = orders.map((o, i) => [...o].some((id) => orders.some((x, j) => j !== i && x.has(id))));
  const nLines = lines.filter(Boolean).length;
  expect(message('documentLines')).toBe(
    nLines
      ? `${nLines} of ${k} parts are lines or stages of an order or contract another part also names (one document number, with or without line suffixes, or the order number in the subject): one document is one purchase, visible as such.`
      : 'No two parts name the same order or contract.',
  );
  // The buyer's accepted records, less those the policy excludes from the analysis.
  const excluded = (r: PurchaseRecordInput) =>
    (o.exclude?.vendors ?? []).some((v) => vendorKey(v) === vendorKey(r.vendor)) ||
    (r.category !== undefined && (o.exclude?.categories ?? []).some((c) => categoryKey(String(r.category)).startsWith(categoryKey(c))));
  const accepted = records.filter((r, i) => !result.rejects.some((x) => x.index === i) && !excluded(r));
  const docs = f.parts.map((p, i) => (p.document === undefined || lines[i] ? undefined : /^(.*?)(\d+)(\D*)$/u.exec(p.document.trim())));
  const partners = docs.map((m, i) => (m ? docs.flatMap((n, j) => (j !== i && n && n[1] === m[1] && n[3] === m[3] && Math.abs(Number(n[2]) - Number(m[2])) === 1 ? [j] : [])) : []));
  const next = partners.filter((js) => js.length > 0).length;
  const left = nLines ? ' (lines of one order or contract left out)' : '';
  // What numbers one apart count for: each part 1 − the chance that the buyer's numbering gave it
  // (recounted from the buyer's accepted records in the pair's series: the share of its distinct
  // numbers that follow the one before, times the chance that numbering in date order puts the two
  // side by side), at its least discounted partner; not measured under 12 documents in the series.
  const buyerRecords = accepted.filter((r) => normalizeText(r.buyer) === normalizeText(f.buyer));
  const chanceOf = (i: number, j: number): { chance: number; sequential: number } | undefined => {
    const m = docs[i] as RegExpExecArray;
    const series = buyerRecords.flatMap((r) => {
      const d = r.document === undefined ? null : /^(.*?)(\d+)(\D*)$/u.exec(r.document.trim());
      return d && d[1] === m[1] && d[3] === m[3] && (d[2] as string).length <= 15 ? [{ day: r.date, n: Number(d[2]) }] : [];
    });
    if (series.length - 2 < 10) return undefined;
    const numbers = [...new Set(series.map((x) => x.n))].sort((a, b) => a - b);
    const sequential = numbers.filter((n, x) => x > 0 && numbers[x - 1] === n - 1).length / (numbers.length - 1);
    const [a, b] = [f.parts[i]!.date, f.parts[j]!.date].sort();
    const on = (d: string | undefined) => series.filter((x) => x.day === d).length;
    const inDateOrder = a === b ? 2 / on(a) : series.some((x) => x.day > a! && x.day < b!) ? 0 : 1 / (on(a) * on(b));
    return { chance: sequential * inDateOrder, sequential };
  };
  let weight = 0;
  let most: { chance: number; sequential: number } | undefined;
  partners.forEach((js, i) => {
    if (js.length === 0) return;
    weight += Math.max(...js.map((j) => {
      const c = chanceOf(i, j);
      if (c && (!most || c.chance > most.chance)) most = c;
      return 1 - (c?.chance ?? 0);
    }));
  });
  const discounted = most !== undefined && next - weight >= 0.05;
  if (discounted) numberingSeen++;
  const documented = f.parts.filter((p) => p.document !== undefined).length;
  expect(message('consecutiveDocuments')).toBe(
    documented < 2
      ? `No consecutive document numbers: ${documented === 0 ? 'no part carries one' : 'only 1 part carries one'}.`
      : !next
      ? `No consecutive document numbers${nLines ? ' besides lines of one order or contract' : ''}.`
      : discounted
        ? `${next} of ${k} parts have a document number one apart from another part's${left}, but ${pct(most!.sequential)} of the buyer's own numbers in that series follow the one before, so numbers one apart on purchases dated this close are partly what its numbering gives: they count as ${weight.toFixed(1)} of ${next}.`
        : `${next} of ${k} parts have a document number one apart from another part's${left}.`,
  );
  expect(f.reasons.find((r) => r.code === 'consecutiveDocuments')?.value).toBeCloseTo(weight / k, 9);
  // Charges per person (the ledgers below write them as "<trip> – <name>"): one vendor, amounts within 10%, two names (on one trip, or on two trips, each naming its traveller at the end).
  const trip = (p: (typeof f.parts)[number]) => p.subject?.match(/^(Hotel, Lisbon conference|Study visit to Tokyo|赴东京考察团费) – (\D+)$/u)?.slice(1);
  const sameRate = (p: (typeof f.parts)[number], q: (typeof f.parts)[number]) => {
    const [x, y] = [Number(p.converted), Number(q.converted)];
    return vendorKey(p.vendor) === vendorKey(q.vendor) && Math.abs(x - y) <= 0.1 * Math.max(x, y);
  };
  const named = f.parts.map((p, i) =>
    f.parts.some((q, j) => {
      const [a, b] = [trip(p), trip(q)];
      return j !== i && a !== undefined && b !== undefined && a[1] !== b[1] && sameRate(p, q);
    }),
  );
  // One fee paid again for each person: one vendor, one amount to the cent and one subject (case
  // and spacing aside) that names a fee paid per person, with no person named at its end.
  const feeKey = (p: (typeof f.parts)[number]) => {
    const text = p.subject?.replace(/\s+/gu, ' ').trim().toLowerCase();
    if (text === undefined || trip(p) !== undefined || !FEE.test(text)) return undefined;
    return `${vendorKey(p.vendor)}|${p.converted}|${text}`;
  };
  const fee = f.parts.map((p, i) => feeKey(p) !== undefined && f.parts.some((q, j) => j !== i && feeKey(q) === feeKey(p)));
  const perPersonOnes = named.map((x, i) => x || (fee[i] as boolean));
  const fees = fee.filter((x, i) => x && !named[i]).length;
  // Charged alongside: not read per person, but the vendor and (within 10%) the amount of a part that is.
  const alongside = f.parts.filter((p, i) => !perPersonOnes[i] && f.parts.some((q, j) => perPersonOnes[j] && sameRate(p, q))).length;
  const perPerson = perPersonOnes.filter(Boolean).length + alongside;
  if (alongside > 0) alongsideChecked++;
  if (fees > 0) feesChecked++;
  const feeClause = 'charges of one amount to the cent to one vendor, each under the same subject as another, a subject that names a fee paid per person (a registration, membership, course or conference, say)';
  const clauses = [
    ...(perPerson - fees - alongside > 0 ? [`${perPerson - fees - alongside} to one vendor, in amounts within 10% of each other, each a travel, lodging, registration or event subject naming another person`] : []),
    `${fees} ${feeClause}`,
    ...(alongside > 0 ? [`${alongside} more charged by the vendor of one of those, within 10% of its amount, whose subjects alone do not show it`] : []),
  ];
  expect(message('perPersonCharges')).toBe(
    perPerson === 0
      ? 'No part looks charged per person.'
      : fees > 0
        ? `${perPerson} of ${k} parts look charged per person: ${clauses.length === 1 ? feeClause : `${clauses.slice(0, -1).join(', ')}, and ${clauses.at(-1)}`}; each person's charge is a purchase of its own.`
        : alongside === 0
        ? `${perPerson} of ${k} parts look charged per person: to one vendor, in amounts within 10% of each other, each a travel, lodging, registration or event subject naming another person; each person's charge is a purchase of its own.`
        : `${perPerson} of ${k} parts look charged per person: ${perPerson - alongside} to one vendor, in amounts within 10% of each other, each a travel, lodging, registration or event subject naming another person, and ${alongside} more charged by the vendor of one of those, within 10% of its amount, whose subjects alone do not show it; each person's charge is a purchase of its own.`,
  );
  expect(message('totalOverThreshold')).toBe(`Together they come to ${total.div(limit).toNumber().toFixed(2)} times the limit.`);

  // The buyer: its other purchases, recounted from the records.
  const ledger = records.filter((_, i) => !result.rejects.some((x) => x.index === i));
  const policy = { depth: rule.categoryPrefix, minPartShare: o.minPartShare ?? 0.1, rates: RATES, ledger };
  const want = recountBaseline(accepted, new Set(f.recordIds), limit.toNumber(), above ? 'above' : 'atOrAbove', policy);
  const subject = want.subject === undefined ? '' : ` with category codes starting ${want.subject.length === 1 ? want.subject[0] : want.subject.length <= 4 ? `${want.subject.slice(0, -1).join(', ')} or ${want.subject.at(-1)}` : `${want.subject.slice(0, 3).join(', ')} or ${want.subject.length - 3} more`}`;
  // Days the ledger covers: its gaps (more than 31 days without any record) are left out and said so.
  const covered = want.uncovered > 0 ? ' that the ledger covers' : '';
  if (want.uncovered > 0) gapsSeen++;
  if (want.buyerOthers >= BASELINE.minRecords && want.days >= BASELINE.minDays) {
    const expected = ((want.sized + BASELINE.pseudoCount) / want.days) * want.window;
    const inDays = want.uncovered > 0
      ? `in the ${want.days.toLocaleString('en-US')} days that the ledger covers from its first purchase to its last (${plural(want.uncovered, 'day')} between them hold no record of any buyer and are left out)`
      : `in ${want.days.toLocaleString('en-US')} days`;
    expect(message('buyerRate')).toBe(
      `Besides these parts, the buyer made ${want.sized === 0 ? 'no purchase' : plural(want.sized, 'purchase')} of a part's size (${policy.minPartShare === 0 ? 'up to' : `${money(limit.times(policy.minPartShare))} to`} ${money(limit)} CNY)${subject} ${inDays}: ` +
        `at that rate${want.sized === 0 ? ' (counted as half a purchase, so that it is not zero)' : ''} about ${expected.toPrecision(2)} fall within ${plural(want.window, 'day')}, and ${k} or more with probability ${probability(poissonAtLeast(k, expected))}; ` +
        `some span of ${plural(want.window, 'day')} in its ${want.days.toLocaleString('en-US')} days holds ${k} or more with probability ${probability(1 - Math.pow(1 - poissonAtLeast(k, expected), want.days / want.window))}.`,
    );
  } else {
    const few = want.buyerOthers < BASELINE.minRecords;
    const short = want.days < BASELINE.minDays;
    const why = few && short
      ? `it has only ${plural(want.buyerOthers, 'other purchase')}, over ${plural(want.days, 'day')}${covered}`
      : few
        ? `it has only ${plural(want.buyerOthers, 'other purchase')}`
        : `its purchases span only ${plural(want.days, 'day')}${covered}`;
    expect(message('buyerRate')).toBe(`Not compared with the buyer's own purchase rate: ${why} (a rate needs at least ${BASELINE.minRecords} other purchases over at least ${BASELINE.minDays} days).`);
  }
  if (want.others >= BASELINE.minSubject) {
    expect(message('buyerSize')).toBe(
      want.percentile === 1
        ? `By amount, each part is larger than every one of the buyer's ${plural(want.others, 'other purchase')}${subject}.`
        : `By amount, the parts rank on average above ${pct(want.percentile)} of the buyer's ${plural(want.others, 'other purchase')}${subject} (ties count half).`,
    );
    const to = want.vendors === 0 ? "these parts' vendors" : want.vendors === 1 ? 'this vendor' : `these ${want.vendors} vendors`;
    const unnamed = want.placeholders === 0 ? '' : `; ${want.placeholders === k ? 'every part carries' : `${want.placeholders} of ${k} parts carry`} a placeholder vendor name (a redacted one, "Various"), which no other purchase is counted as going to`;
    expect(message('buyerVendor')).toBe(`${want.fromVendors.toLocaleString('en-US')} of the buyer's ${plural(want.others, 'other purchase')}${subject} went to ${to}${unnamed}.`);
  } else {
    expect(message('buyerSize')).toBe(`Part sizes not compared with the buyer's other purchases: it has ${plural(want.others, 'other purchase')}${subject} (at least ${BASELINE.minSubject} are needed).`);
    expect(message('buyerVendor')).toBe(`Vendors not compared with the buyer's other purchases: it has ${plural(want.others, 'other purchase')}${subject} (at least ${BASELINE.minSubject} are needed).`);
  }
  // Bunching: the buyer's purchases in force for the threshold, and never a claim without the test.
  const ofBuyer = accepted.filter((r) => normalizeText(r.buyer) === normalizeText(f.buyer) && inForce(tier, String(r.date)) && inScope(tier, r.category) && valueIn(r, RATES) > 0);
  const test = result.buyers.find((b) => normalizeText(b.buyer) === normalizeText(f.buyer))?.bunching.find((t) => t.threshold === tier.id);
  expect(test?.sample).toBe(ofBuyer.length);
  const inBand = ofBuyer.filter((r) => exactIn(r, RATES).gte(limit.times(1 - BUNCHING.band)) && (above ? exactIn(r, RATES).lte(limit) : exactIn(r, RATES).lt(limit)));
  expect(test?.observed).toBe(inBand.length);
  const range = comparisonRange(ofBuyer.map((r) => exactIn(r, RATES)), limit, above);
  expect(test?.below).toBeGreaterThanOrEqual(range.below[0]);
  expect(test?.below).toBeLessThanOrEqual(range.below[1]);
  expect(test?.above).toBeGreaterThanOrEqual(range.above[0]);
  expect(test?.above).toBeLessThanOrEqual(range.above[1]);
  const bunching = f.reasons.find((r) => r.code === 'buyerBunching')!;
  const purchases = (n: number) => plural(n, 'purchase');
  if (test && !test.applicable) {
    // The first condition that fails, in the order the test checks them.
    const why =
      test.sample < BUNCHING.minSample
        ? `the buyer has ${purchases(test.sample)} in force for this threshold; the test needs at least ${BUNCHING.minSample}`
        : test.below < BUNCHING.minSide || test.above < BUNCHING.minSide
          ? `the buyer has ${purchases(test.below)} in the comparison range below the band and ${test.above} above it; the test needs at least ${BUNCHING.minSide} on each side`
          : test.below + test.above < BUNCHING.minSides
            ? `the buyer has ${purchases(test.below + test.above)} in the comparison range; the test needs at least ${BUNCHING.minSides}`
            : 'other thresholds lie too close to this one to compare both sides';
    expect(message('buyerBunching')).toBe(`Bunching under this limit not tested: ${why}.`);
  } else if (test) {
    bunchingChecked++;
    const where = `${test.observed.toLocaleString('en-US')} of its ${test.sample.toLocaleString('en-US')} purchases in force for the limit lie within ${+(BUNCHING.band * 100).toFixed(2)}% ${above ? 'at or below' : 'below'} it, where the rest of its amounts predict ${test.expected.toFixed(1)} (z = ${test.z.toFixed(1)}, one-sided p ${probability(test.p)})`;
    expect(message('buyerBunching')).toBe(test.z >= 2 ? `Across its ledger, the buyer's purchases bunch under this limit: ${where}.` : `Across its ledger, the buyer's purchases show no clear bunching under this limit: ${where}.`);
    expect([bunching.value, bunching.weight]).toEqual([test.z, o.weights?.buyerBunching ?? DEFAULT_WEIGHTS.buyerBunching]);
    expect(bunching.strength).toBeCloseTo(Math.min(1, Math.max(0, (test.z - 1) / 2)), 12);
  } else {
    expect(message('buyerBunching')).toBe('Bunching under this limit not tested: the buyer has no purchase in force for it.');
  }
  // A reason that was not measured weighs nothing.
  for (const r of f.reasons) if (/^(Not compared|Part sizes not compared|Vendors not compared|Bunching under this limit not tested|Subjects not compared)/u.test(r.message)) expect([r.weight, r.strength, r.value]).toEqual([0, 0, 0]);
}

/** Findings whose buyer's bunching test was applicable, checked in the current property. */
let bunchingChecked = 0;
/** Findings with evidence against splitting, checked in the current property. */
let againstChecked = 0;
/** Findings with parts charged alongside named per-person charges (the second form of the sentence). */
let alongsideChecked = 0;
/** Findings with parts read as one fee paid again for each person (unnamed "Lisbon conference registration" charges at one rate). */
let feesChecked = 0;
/** A subject naming a fee paid per person, as the sentence's independent reading knows it. */
const FEE = /\b(?:registrations?|memberships?|dues|tuition|enrolment|enrollment|exams?|examinations?|certifications?)\b|\bfees?\b.*\b(?:courses?|training|conferences?|seminars?|webinars?|workshops?)\b|\b(?:courses?|training|conferences?|seminars?|webinars?|workshops?)\b.*\bfees?\b|报名费|注册费|会费(?!用)|学费|考试费/u;
/** Findings whose amounts vary (CV over 0.3) yet repeat one amount to the cent: the strength comes from the repeats. */
let repeatsBesideSpread = 0;
/** Findings whose parts all lie just below a limit (the spread of their amounts not counted). */
let allNearSeen = 0;
/** Findings with a shared project beside texts or codes (the halfway sentence). */
let projectBesideSeen = 0;
/** Findings whose consecutive document numbers the buyer's own numbering partly explains (the sentence says so). */
let numberingSeen = 0;
/** Findings with parts of different vendors on one day (the sameDayVendors sentence that counts them). */
let otherVendorsSeen = 0;
/** Findings of more than 8 parts (the manyParts sentence that counts them). */
let manyPartsSeen = 0;
/** Findings whose buyer's days span a gap of the ledger (the rate sentence leaves it out and says so). */
let gapsSeen = 0;

describe('every sentence of an explanation is true of its finding', () => {
  it.each([
    ['small adversarial ledgers', ledgerArb(40), 600],
    ['legitimate look-alikes: charges per person, lines of one order', legitArb, 500],
    ['group bookings: named and unnamed charges at one rate', groupArb, 200],
    // 300 runs: the discounted numbering sentence comes up about 7 times in 150, and once or never on 1 seed in 25.
    ['buyers with a history', busyArb, 300],
    ['a buyer large enough for its bunching test', largeArb, 40],
    ['a standing supply: many purchases of one kind from one vendor', standingArb, 100],
  ] as const)('%s', (name, ledger, numRuns) => {
    bunchingChecked = 0;
    againstChecked = 0;
    alongsideChecked = 0;
    feesChecked = 0;
    repeatsBesideSpread = 0;
    allNearSeen = 0;
    projectBesideSeen = 0;
    numberingSeen = 0;
    otherVendorsSeen = 0;
    manyPartsSeen = 0;
    gapsSeen = 0;
    leftOutSeen = 0;
    let checked = 0;
    fc.assert(
      fc.property(ledger, name.startsWith('a standing') ? standingPolicyArb : policyArb, (records, options) => {
        const result = detectSplits(records, options);
        for (const f of result.findings) {
          checkFinding(f, records, options, result);
          checked++;
        }
      }),
      { numRuns: runs(numRuns) },
    );
    expect(checked).toBeGreaterThan(20);
    // Findings that leave purchases out, whose sentence was checked: 14–118 a case on one seed.
    expect(leftOutSeen).toBeGreaterThan(3);
    // Buyers whose days span a gap of the ledger, left out of the rate and said so: 99 on one seed.
    if (name.startsWith('buyers with')) expect(gapsSeen).toBeGreaterThan(10);
    // Findings of more than 8 parts, whose manyParts sentence counts them: 103–107 on six seeds.
    if (name.startsWith('a standing')) expect(manyPartsSeen).toBeGreaterThan(50);
    if (name.startsWith('a buyer large')) expect(bunchingChecked).toBeGreaterThan(20);
    // Parts of different vendors on one day, counted by the sentence: seen 10 or more on each of 16
    // seeds in buyers with a history (1–77 in the large buyer since the default cut is 0.3).
    if (name.startsWith('buyers with')) expect(otherVendorsSeen).toBeGreaterThan(4);
    if (name.startsWith('legitimate')) expect(againstChecked).toBeGreaterThan(20);
    if (name.startsWith('group')) expect(alongsideChecked).toBeGreaterThan(10);
    // Registrations at one rate read as one fee paid per person: seen 8–16 on 12 seeds (alongside: 16–35).
    if (name.startsWith('group')) expect(feesChecked).toBeGreaterThan(3);
    if (name.startsWith('group')) expect(repeatsBesideSpread).toBeGreaterThan(10);
    // Seen 16–32 over three seeds: both forms of the equal-amounts sentence are checked.
    if (name.startsWith('buyers with')) expect(allNearSeen).toBeGreaterThan(4);
    // Seen 23–39 over three seeds: the sentence of a project beside texts or codes.
    if (name.startsWith('buyers with')) expect(projectBesideSeen).toBeGreaterThan(10);
    // Numbers one apart that the buyer's own numbering partly explains are said so (seen 4 or more on six seeds).
    if (name.startsWith('buyers with')) expect(numberingSeen).toBeGreaterThan(1);
  });
});
