import type { Decimal } from 'decimal.js';
import { isAgainst, type ReasonCode } from '../options/reasons.js';
import type { ResolvedOptions } from '../options/resolve.js';
import type { ResolvedThreshold } from '../thresholds/threshold.js';
import { totalComparison } from '../thresholds/compare.js';
import { FEW_PARTS, type EvidenceFacts, type SubjectAgreement } from '../score/evidence.js';
import { BASELINE } from '../score/baseline.js';
import { BUNCHING } from '../score/bunching.js';
import { PER_PERSON_TOLERANCE } from '../score/legitimate.js';
import { groupMoneyText, groupedMoney, moneyString } from '../_lib/decimal.js';
import { groupedCount } from '../_lib/grouping.js';

/**
 * {@link groupedMoney} of a Decimal that many findings name (a limit, the rate's size range), written
 * once: Decimals never change, so the text of one is the text of it ever after.
 */
const SHARED_MONEY = new WeakMap<Decimal, string>();
function sharedMoney(d: Decimal): string {
  let text = SHARED_MONEY.get(d);
  if (text === undefined) SHARED_MONEY.set(d, (text = groupedMoney(d)));
  return text;
}

/**
 * A share as a whole percentage that reads as all or none only when it is: 0.996 → "99%", 0.004 →
 * "1%", 1 → "100%".
 */
const pct = (x: number) => `${x <= 0 ? 0 : x >= 1 ? 100 : Math.min(99, Math.max(1, Math.round(x * 100)))}%`;
/** A band as a percentage, exactly as given up to two decimals (0.125 → "12.5%"). */
const bandPct = (x: number) => `${+(x * 100).toFixed(2)}%`;
const grouped = groupedCount;
const plural = (n: number, one: string, many = `${one}s`) => `${grouped(n)} ${n === 1 ? one : many}`;
/** A probability in words a reviewer reads: two decimals, three under 0.01, "< 0.001" below that. */
const probability = (p: number) => (p < 0.001 ? '< 0.001' : p < 0.01 ? p.toFixed(3) : p.toFixed(2));

/** What a reason's sentence may refer to besides the evidence: the band, the window, the threshold crossed. */
export interface MessageContext {
  readonly band: number;
  /** The window in words, e.g. `'a 30-day window'`. */
  readonly windowLabel: string;
  readonly currency: string;
  readonly tier: ResolvedThreshold;
  /** The subject rule, for the signals it compares: texts, category codes, projects (each 0 = off). */
  readonly subject: Pick<ResolvedOptions['subject'], 'minSimilarity' | 'categoryPrefix' | 'maxProjectCategories'>;
}

/** "a", "a or b", "a, b or c". */
const either = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/** "with category codes starting 3019 or 4523", or nothing for all the buyer's purchases. */
function subjectPhrase(prefixes: readonly string[] | undefined): string {
  if (prefixes === undefined) return '';
  return ` with category codes starting ${either(prefixes.length <= 4 ? prefixes : [...prefixes.slice(0, 3), `${prefixes.length - 3} more`])}`;
}

/**
 * Where the parts near a limit lie: "within 10% below the limit" when each is near the finding's
 * own limit, else each limit they are near named ("within 10% below the 300,000.00 CNY limit of
 * threshold hz-decent"); "at or below" when one of those may be equalled (`above`).
 */
function nearLimits(facts: EvidenceFacts, ctx: MessageContext): string {
  const { limits, atLimitAllowed } = facts.justBelow;
  const where = `within ${bandPct(ctx.band)} ${atLimitAllowed ? 'at or below' : 'below'}`;
  if (limits.length === 1 && limits[0]!.threshold.id === ctx.tier.threshold.id) return `${where} the limit`;
  return `${where} ${either(limits.map((t) => `the ${sharedMoney(t.value)} ${ctx.currency} limit of threshold ${t.threshold.id}`))}`;
}

/** What a sentence says of parts read as one fee paid again for each person. */
const FEE_CLAUSE = 'charges of one amount to the cent to one vendor, each under the same subject as another, a subject that names a fee paid per person (a registration, membership, course or conference, say)';

/**
 * The `perPersonCharges` sentence of a finding with parts charged per person: those naming another
 * person each, those read as one fee paid again for each person (`facts.perPersonFees`) and those
 * charged alongside either, each kind with its count when more than one kind is present.
 */
function perPersonSentence(facts: EvidenceFacts, k: number): string {
  const fees = facts.perPersonFees;
  const alongside = facts.perPersonAlongside;
  const named = facts.perPerson - fees - alongside;
  const namedClause = `to one vendor, in amounts within ${pct(PER_PERSON_TOLERANCE)} of each other, each a travel, lodging, registration or event subject naming another person`;
  const clauses: [number, string][] = [
    ...(named > 0 ? [[named, namedClause] as [number, string]] : []),
    ...(fees > 0 ? [[fees, FEE_CLAUSE] as [number, string]] : []),
    ...(alongside > 0 ? [[alongside, `more charged by the vendor of one of those, within ${pct(PER_PERSON_TOLERANCE)} of its amount, whose subjects alone do not show it`] as [number, string]] : []),
  ];
  const counted = clauses.map(([n, clause]) => `${n} ${clause}`);
  const said = clauses.length === 1 ? (clauses[0] as [number, string])[1] : `${counted.slice(0, -1).join(', ')}, and ${counted[counted.length - 1]}`;
  return `${facts.perPerson} of ${k} parts look charged per person: ${said}; each person's charge is a purchase of its own.`;
}

/**
 * The sentence for one reason, in words a reviewer can paste into working papers. Every claim in it
 * is a count or a value measured on the finding (property-tested against the finding's parts and
 * the policy).
 */
export function reasonMessage(code: ReasonCode, value: number, k: number, facts: EvidenceFacts, ctx: MessageContext): string {
  const b = facts.baseline;
  switch (code) {
    case 'justBelow':
      // Of the parts beyond one (evidence.ts): one purchase near a limit is common, and counts for nothing.
      return facts.justBelow.count > 1
        ? `${facts.justBelow.count} of ${k} parts lie ${nearLimits(facts, ctx)}.`
        : facts.justBelow.count === 1
          ? `1 of ${k} parts lies ${nearLimits(facts, ctx)}; one part alone near a limit is no sign of splitting.`
          : `No part lies in the ${bandPct(ctx.band)} band under a limit in force.`;
    case 'parts':
      // Strength (10 − k) ÷ 8 (score/score.ts): full for two parts, nothing from ten.
      return k < 10
        ? `Bought in ${k} parts: the fewer the parts, the more they look like one requirement cut to fit under a limit, which is most often cut in two or three.`
        : `Bought in ${k} parts: too many for their number to count (a requirement cut to fit under a limit is most often cut in two or three).`;
    case 'span':
      if (Number.isNaN(value)) return "Dates not weighed: the policy's window is one day, so the parts of every finding share their date.";
      return value === 0 ? 'All parts were bought on the same day.' : `The first and last parts were bought ${plural(value, 'day')} apart (the policy allows ${ctx.windowLabel}).`;
    case 'sameDay':
      if (Number.isNaN(value)) return "Shared dates not weighed: the policy's window is one day, so the parts of every finding share their date.";
      return facts.sameDay > 0 ? `${facts.sameDay} of ${k} parts share their date with another part.` : 'No two parts share a date.';
    case 'vendorConcentration': {
      if (Number.isNaN(value)) return "Vendors not weighed: the policy groups one vendor's purchases only, so the parts of every finding share their vendor.";
      if (facts.topVendor === k) return 'All parts went to the same vendor.';
      const p = facts.placeholders;
      const placeholders = p === 0 ? '' : `, counting ${p === 1 ? 'the part' : `each of the ${p} parts`} with a placeholder vendor name as a vendor of its own: such a name (a redacted one, "Various") stands for suppliers that cannot be told apart`;
      return `The most frequent vendor received ${facts.topVendor} of ${k} parts; ${facts.vendors} vendors in all${placeholders}.`;
    }
    case 'subjectSimilarity':
      return subjectMessage(value, facts.subject, ctx.subject);
    case 'equalAmounts': {
      const { smallest, largest } = facts.amounts;
      const range = smallest.eq(largest) ? `all ${sharedMoney(smallest)} ${ctx.currency}` : `${sharedMoney(smallest)} to ${sharedMoney(largest)} ${ctx.currency}`;
      const spread = `(${range}; coefficient of variation ${value.toFixed(2)})`;
      const repeats = facts.repeated > 0 ? `; ${facts.repeated} of ${k} parts have the same amount as another part, to the cent` : '';
      if (k > 1 && facts.justBelow.count === k) {
        const counted = facts.repeated > 0 ? `; ${facts.repeated} of ${k} parts have the same amount as another part, to the cent, which counts` : '';
        return `All parts lie ${nearLimits(facts, ctx)}, so the spread of their amounts ${spread} is not counted as evidence of its own${counted}.`;
      }
      return value <= 0.1
        ? `The amounts are nearly equal ${spread}${repeats}.`
        : value <= 0.3
          ? `The amounts are similar ${spread}${repeats}.`
          : `The amounts vary ${spread}${repeats}.`;
    }
    case 'roundAmounts':
      return facts.round > 0 ? `${facts.round} of ${k} amounts are round figures.` : 'No amount is a round figure.';
    case 'consecutiveDocuments': {
      const lines = facts.documentLines > 0;
      if (facts.documented < 2) return `No consecutive document numbers: ${facts.documented === 0 ? 'no part carries one' : 'only 1 part carries one'}.`;
      if (facts.consecutive === 0) return `No consecutive document numbers${lines ? ' besides lines of one order or contract' : ''}.`;
      const said = `${facts.consecutive} of ${k} parts have a document number one apart from another part's${lines ? ' (lines of one order or contract left out)' : ''}`;
      const n = facts.numbering;
      // Said only where the buyer's own numbering explains a visible part of it (see score/numbering).
      if (!n || facts.consecutive - facts.consecutiveWeight < 0.05) return `${said}.`;
      return `${said}, but ${pct(n.sequential)} of the buyer's own numbers in that series follow the one before, so numbers one apart on purchases dated this close are partly what its numbering gives: they count as ${facts.consecutiveWeight.toFixed(1)} of ${facts.consecutive}.`;
    }
    case 'totalOverThreshold':
      return `Together they come to ${value.toFixed(2)} times the limit.`;
    case 'buyerRate': {
      if (!b) return "Not compared with the buyer's own purchase rate (no baseline).";
      const r = b.rate;
      // Days the ledger covers: a gap of the whole ledger (no record of any buyer) is left out.
      const covered = r.uncovered > 0 ? ' that the ledger covers' : '';
      if (!r.applicable) {
        const few = r.buyerOthers < BASELINE.minRecords;
        const short = r.days < BASELINE.minDays;
        const why = few && short ? `it has only ${plural(r.buyerOthers, 'other purchase')}, over ${plural(r.days, 'day')}${covered}` : few ? `it has only ${plural(r.buyerOthers, 'other purchase')}` : `its purchases span only ${plural(r.days, 'day')}${covered}`;
        return `Not compared with the buyer's own purchase rate: ${why} (a rate needs at least ${BASELINE.minRecords} other purchases over at least ${BASELINE.minDays} days).`;
      }
      const made = r.others === 0 ? 'no purchase' : plural(r.others, 'purchase');
      const gaps = r.uncovered > 0 ? ` (${plural(r.uncovered, 'day')} between them hold no record of any buyer and are left out)` : '';
      const days = `${grouped(r.days)} days${covered}${r.uncovered > 0 ? ' from its first purchase to its last' : ''}`;
      return (
        `Besides these parts, the buyer made ${made} of a part's size (${r.from.isZero() ? 'up to' : `${sharedMoney(r.from)} to`} ${sharedMoney(r.to)} ${ctx.currency})${subjectPhrase(b.subject)} in ${r.uncovered > 0 ? 'the ' : ''}${days}${gaps}: ` +
        `at that rate${r.others === 0 ? ' (counted as half a purchase, so that it is not zero)' : ''} about ${r.expected.toPrecision(2)} fall within ${plural(r.window, 'day')}, and ${k} or more with probability ${probability(r.pWindow)}; ` +
        `some span of ${plural(r.window, 'day')} in its ${grouped(r.days)} days holds ${k} or more with probability ${probability(r.p)}.`
      );
    }
    case 'buyerSize':
      if (!b) return "Part sizes not compared with the buyer's other purchases (no baseline).";
      return !b.size.applicable
        ? `Part sizes not compared with the buyer's other purchases: it has ${plural(b.size.others, 'other purchase')}${subjectPhrase(b.subject)} (at least ${BASELINE.minSubject} are needed).`
        : b.size.percentile >= 1
          ? `By amount, each part is larger than every one of the buyer's ${plural(b.size.others, 'other purchase')}${subjectPhrase(b.subject)}.`
          : `By amount, the parts rank on average above ${pct(b.size.percentile)} of the buyer's ${plural(b.size.others, 'other purchase')}${subjectPhrase(b.subject)} (ties count half).`;
    case 'buyerVendor':
      if (!b) return "Vendors not compared with the buyer's other purchases (no baseline).";
      if (b.vendor.applicable) {
        const { vendors, placeholders } = b.vendor;
        const to = vendors === 0 ? "these parts' vendors" : vendors === 1 ? 'this vendor' : `these ${vendors} vendors`;
        const unnamed = placeholders === 0 ? '' : `; ${placeholders === k ? 'every part carries' : `${placeholders} of ${k} parts carry`} a placeholder vendor name (a redacted one, "Various"), which no other purchase is counted as going to`;
        return `${grouped(b.vendor.fromVendors)} of the buyer's ${plural(b.vendor.others, 'other purchase')}${subjectPhrase(b.subject)} went to ${to}${unnamed}.`;
      }
      return `Vendors not compared with the buyer's other purchases: it has ${plural(b.vendor.others, 'other purchase')}${subjectPhrase(b.subject)} (at least ${BASELINE.minSubject} are needed).`;
    case 'perPersonCharges':
      return facts.perPerson === 0 ? 'No part looks charged per person.' : perPersonSentence(facts, k);
    case 'documentLines':
      return facts.documentLines > 0
        ? `${facts.documentLines} of ${k} parts are lines or stages of an order or contract another part also names (one document number, with or without line suffixes, or the order number in the subject): one document is one purchase, visible as such.`
        : 'No two parts name the same order or contract.';
    case 'sameDayVendors':
      return facts.sameDayVendors > 0
        ? `${facts.sameDayVendors} of ${k} parts came from another vendor than a part bought the same day${facts.placeholders > 0 ? ' (a part with a placeholder vendor name counted as a vendor of its own)' : ''}: the same-day test of card programmes and audit offices asks for one merchant, since one order cut into invoices comes from one supplier, and purchases from different suppliers on one day are most often separate orders.`
        : 'No two parts bought on the same day came from different vendors.';
    case 'manyParts':
      return k > FEW_PARTS
        ? `${k} parts, ${k - FEW_PARTS} more than the ${FEW_PARTS} a requirement is commonly cut into: this many purchases in one window are as much the shape of a standing supply or a busy supplier as of one requirement cut up.`
        : `No more parts than the ${FEW_PARTS} a requirement is commonly cut into.`;
    case 'buyerBunching': {
      const t = b?.bunching;
      if (!t) return 'Bunching under this limit not tested: the buyer has no purchase in force for it.';
      if (!t.applicable) return `Bunching under this limit not tested: ${t.why}.`;
      const where = `${grouped(t.observed)} of its ${grouped(t.sample)} purchases in force for the limit lie within ${bandPct(BUNCHING.band)} ${ctx.tier.comparison === 'above' ? 'at or below' : 'below'} it, where the rest of its amounts predict ${t.expected.toFixed(1)} (z = ${t.z.toFixed(1)}, one-sided p ${probability(t.p)})`;
      return t.z >= 2 ? `Across its ledger, the buyer's purchases bunch under this limit: ${where}.` : `Across its ledger, the buyer's purchases show no clear bunching under this limit: ${where}.`;
    }
  }
}

/**
 * The subject sentence: the mean closest agreement, and each signal compared with its pairs; or,
 * when no pair was compared, why: the policy compares no subject signal, or no two consecutive parts
 * both carry one it compares.
 */
function subjectMessage(value: number, s: SubjectAgreement, rule: MessageContext['subject']): string {
  if (s.text.pairs + s.category.pairs + s.project.pairs === 0) {
    const compared = [
      ...(rule.minSimilarity > 0 ? ['a subject text with words to compare'] : []),
      ...(rule.categoryPrefix > 0 ? ['a category code'] : []),
      ...(rule.maxProjectCategories > 0 ? ['a specific project'] : []),
    ];
    return compared.length === 0
      ? 'Subjects not compared: the policy compares no subject text, category code or project.'
      : `Subjects not compared: no two consecutive parts both carry ${either(compared)}.`;
  }
  const signals: string[] = [];
  if (s.text.pairs > 0) signals.push(`texts ${pct(s.text.sum / s.text.pairs)} (${plural(s.text.pairs, 'pair')})`);
  if (s.category.pairs > 0) signals.push(`category codes ${pct(s.category.sum / s.category.pairs)} (${plural(s.category.pairs, 'pair')})`);
  if (s.project.pairs > 0) {
    // Where texts or codes were compared too, a shared project lifts the pair only halfway (score/evidence).
    const which = s.project.beside === s.project.same ? '' : ` for ${s.project.beside} of them`;
    const beside = s.project.beside > 0 ? `, which counts${which} halfway from what the texts or codes show to full agreement (a budget line holds many requirements)` : '';
    signals.push(`the same project in ${s.project.same} of ${plural(s.project.pairs, 'pair')}${beside}`);
  }
  if (s.none > 0) signals.push(`${plural(s.none, 'pair')} with nothing to compare`);
  return `Consecutive parts' subjects agree ${pct(value)} on average, each pair by its closest signal: ${signals.join('; ')}.`;
}

/**
 * The counterfactual sentence: what the parts add up to, which limit and procedure that reaches
 * (`atOrAbove`) or exceeds (`above`), by how much, and that no part did so alone: "each stayed
 * below it", or for `above`, where a part may equal the limit, "none exceeded it".
 *
 * @example
 * const threshold = { id: 'hz-decent', amount: '300000', currency: 'CNY', procedure: 'decentralised procurement', comparison: 'atOrAbove' };
 * const tier = { threshold, value: new Decimal('300000') };
 * counterfactual({ buyer: 'Acme City', ids: ['A1', 'A2', 'A3'], total: new Decimal('591500'), currency: 'CNY', tier, start: '2014-11-03', end: '2014-11-20' })
 * //=> 'Together these 3 purchases by Acme City (A1, A2, A3), 591,500.00 CNY from 2014-11-03 to
 * //    2014-11-20, reach the 300,000.00 CNY limit for decentralised procurement (threshold hz-decent)
 * //    by 291,500.00 CNY; each stayed below it.'
 */
export function counterfactual(args: {
  buyer: string;
  ids: readonly string[];
  total: Decimal;
  /** `moneyString(total)`, when the caller has written it already. */
  totalText?: string;
  currency: string;
  tier: ResolvedThreshold;
  start: string;
  end: string;
}): string {
  const { buyer, ids, total, currency, tier, start, end } = args;
  const totalText = args.totalText ?? moneyString(total);
  const t = tier.threshold;
  const shown = ids.length <= 6 ? ids.join(', ') : `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more`;
  const when = start === end ? `on ${start}` : `from ${start} to ${end}`;
  const verb = totalComparison(t) === 'above' ? 'exceed' : 'reach';
  const over = total.minus(tier.value);
  const by = over.isZero() ? 'exactly' : `by ${groupedMoney(over)} ${currency}`;
  const basis = (v: 'net' | 'gross'): string => (v === 'net' ? 'net of VAT' : 'including VAT');
  // The limit as the ledger's amounts are compared with it, then as its source gives it where that differs.
  const onBasis = tier.vat ? `; compared with ${tier.vat.amounts} amounts at ${tier.vat.rate.times(100).toFixed()}% VAT` : '';
  const source = t.currency !== currency || tier.vat ? `${sharedMoney(t.amount)} ${t.currency}${t.vat ? `, ${basis(t.vat)}` : ''}${onBasis}` : t.vat ? basis(t.vat) : undefined;
  const limit = `${sharedMoney(tier.value)} ${currency}${source !== undefined ? ` (${source})` : ''}`;
  return (
    `Together these ${ids.length} purchases by ${buyer} (${shown}), ${groupMoneyText(totalText)} ${currency} ${when}, ` +
    `${verb} the ${limit} limit for ${t.procedure} (threshold ${t.id}${t.label ? `, ${t.label}` : ''}) ${by}; ` +
    (t.comparison === 'above' ? 'none exceeded it.' : 'each stayed below it.')
  );
}

/**
 * Whether a reason of a finding of `k` parts is one its explanation gives as why it looks
 * deliberate: evidence of splitting that weighs, at half strength or more — but not the vendor's
 * share when no vendor has two parts (1 of 2 parts is half, yet the least concentration there is).
 * The table's "why it looks deliberate" lists the same.
 *
 * @example
 * looksDeliberate({ code: 'vendorConcentration', value: 0.5, strength: 0.5, weight: 1 }, 2) //=> false
 * looksDeliberate({ code: 'vendorConcentration', value: 0.5, strength: 0.5, weight: 1 }, 4) //=> true
 */
export function looksDeliberate(r: { readonly code: ReasonCode; readonly value: number; readonly strength: number; readonly weight: number }, k: number): boolean {
  return r.weight > 0 && r.strength >= 0.5 && !isAgainst(r.code) && !(r.code === 'vendorConcentration' && Math.round(r.value * k) === 1);
}

/** Rank of each code among reasons of equal weighted strength: the more telling first. */
const LISTING_RANK: Readonly<Record<ReasonCode, number>> = {
  justBelow: 0,
  consecutiveDocuments: 1,
  span: 2,
  buyerRate: 3,
  sameDay: 4,
  buyerBunching: 5,
  subjectSimilarity: 6,
  vendorConcentration: 7,
  equalAmounts: 8,
  buyerSize: 9,
  roundAmounts: 10,
  buyerVendor: 11,
  parts: 12,
  totalOverThreshold: 13,
  perPersonCharges: 14,
  documentLines: 15,
  sameDayVendors: 16,
  manyParts: 17,
};

/**
 * Reasons ordered for the reviewer: the evidence of splitting, then the evidence against it; each by
 * weighted strength (strength × weight), strongest first; ties by how telling the kind of evidence
 * is (parts just below a limit first). Sorts in place and returns the array. Runs in O(r log r).
 */
export function orderReasons<R extends { readonly code: ReasonCode; readonly strength: number; readonly weight: number }>(reasons: R[]): R[] {
  return reasons.sort((a, b) => Number(isAgainst(a.code)) - Number(isAgainst(b.code)) || b.strength * b.weight - a.strength * a.weight || LISTING_RANK[a.code] - LISTING_RANK[b.code]);
}
