/**
 * Reports made up for tests: small ones from a few record-id lists, and large seeded ones (10,000
 * findings) shaped like detection's, to measure the HTML page.
 */
import { D, moneyString } from '../../src/_lib/decimal.js';
import { fingerprint } from '../../src/report/fingerprint.js';
import { REASON_CODES, type ReasonCode } from '../../src/options/reasons.js';
import type { ReportFinding, ScanReport } from '../../src/io/write/scanReport.js';
import { Rng } from '../../src/simulate/_prng.js';

const REPORT_SCHEMA = 'splitscan/report@1' as const;

/** What a made-up finding needs; the rest is filled in. */
export interface FindingSpec {
  readonly id?: string;
  readonly recordIds: readonly string[];
  readonly buyer?: string;
  readonly vendor?: string;
  readonly threshold?: string;
  readonly amount?: string;
  readonly score?: number;
  readonly currency?: string;
}

const REASONS: readonly ReasonCode[] = REASON_CODES;

/** One finding: parts of `amount` each (default 100.00) on consecutive days from 2015-01-01. */
export function makeFinding(spec: FindingSpec, rank: number): ReportFinding {
  const amount = spec.amount ?? '100.00';
  const currency = spec.currency ?? 'CNY';
  const threshold = spec.threshold ?? 't1';
  const day = (i: number) => `2015-01-${String(1 + (i % 28)).padStart(2, '0')}`;
  const parts = spec.recordIds.map((id, i) => ({
    id,
    index: i,
    date: day(i),
    vendor: spec.vendor ?? 'Vendor Co',
    amount,
    currency,
    converted: amount,
    subject: 'signs',
  }));
  const total = moneyString(new D(amount).times(parts.length));
  return {
    id: spec.id ?? fingerprint(threshold, spec.recordIds),
    rank,
    buyer: spec.buyer ?? 'City Hall',
    recordIds: [...spec.recordIds],
    parts,
    vendors: [spec.vendor ?? 'Vendor Co'],
    total,
    currency,
    threshold: { id: threshold, amount: moneyString(new D(amount).times(parts.length).times('0.9')), currency, procedure: 'quotation', comparison: 'atOrAbove' },
    start: day(0),
    end: day(parts.length - 1),
    spanDays: Math.min(parts.length - 1, 27),
    score: spec.score ?? 0.5,
    reasons: REASONS.map((code, i) => ({ code, value: i / 10, strength: (i % 5) / 4, weight: 1 + (i % 3), message: `${code} measured ${i / 10}.` })),
    explanation: `Together these ${parts.length} purchases by ${spec.buyer ?? 'City Hall'} reach the limit.`,
  };
}

/** A report of the given findings, ranked in the order given. */
export function makeReport(specs: readonly FindingSpec[], extra: Partial<ScanReport> = {}): ScanReport {
  const findings = specs.map((s, i) => makeFinding(s, i + 1));
  return {
    schema: REPORT_SCHEMA,
    summary: { rows: 1000, analysed: 990, rejected: 10, blank: 0, merged: 0, netted: 0, largeRuns: 0, findings: findings.length, shown: findings.length },
    warnings: [],
    findings,
    largeRuns: [],
    rejects: [],
    ...extra,
  };
}

/** A deterministic pseudo-random generator: the simulator's (mulberry32), uniform in [0, 1). */
export function prng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

const SUBJECTS = ['道路指示标牌制作安装', 'office chairs and desks', '展示牌亮化工程', 'laptop computers', '宣传画册设计印刷', 'road maintenance works'];
const BUYERS = ['杭州城西科创产业集聚区管委会', 'Water Board', 'City Hall', 'Ministry of Roads', '市政园林局'];

/**
 * A large report like detection's: `n` findings of 2–6 parts over 200 buyers, with explanations and
 * reasons of realistic length. Seeded: the same `n` and `seed` give the same report.
 */
export function largeReport(n: number, seed = 20240501): ScanReport {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const findings: ReportFinding[] = [];
  let record = 0;
  for (let i = 0; i < n; i++) {
    const k = 2 + Math.floor(rand() * 5);
    const buyer = `${pick(BUYERS)} ${Math.floor(rand() * 40)}`;
    const limit = pick(['300000', '1000000', '50000']);
    const parts = Array.from({ length: k }, (_, j) => {
      const amount = moneyString(new D(limit).times(0.5 + rand() * 0.49).toDecimalPlaces(2));
      return {
        id: `R${record++}`,
        index: record,
        date: `2024-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + j * 3).padStart(2, '0')}`,
        vendor: `Vendor ${Math.floor(rand() * 500)} 有限公司`,
        amount,
        currency: 'CNY',
        converted: amount,
        subject: pick(SUBJECTS),
        category: `C${1000 + Math.floor(rand() * 50)}`,
        project: `P-${Math.floor(rand() * 100)}`,
        method: '询价',
        document: `DOC-${record}`,
        line: record + 1,
      };
    });
    parts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let total = new D(0);
    for (const p of parts) total = total.plus(p.amount);
    const recordIds = parts.map((p) => p.id);
    findings.push({
      id: fingerprint(`t${limit}`, recordIds),
      rank: 0,
      buyer,
      recordIds,
      parts,
      vendors: [...new Set(parts.map((p) => p.vendor))],
      total: moneyString(total),
      currency: 'CNY',
      threshold: { id: `t${limit}`, amount: `${limit}.00`, currency: 'CNY', procedure: 'public tender', comparison: 'atOrAbove' },
      start: (parts[0] as { date: string }).date,
      end: (parts[k - 1] as { date: string }).date,
      spanDays: Math.floor(rand() * 30),
      score: Math.round(rand() * 1000) / 1000,
      reasons: REASONS.map((code) => ({ code, value: Math.round(rand() * 100) / 100, strength: Math.round(rand() * 100) / 100, weight: 1 + Math.floor(rand() * 3), message: `The ${code} evidence measured ${Math.round(rand() * 100)}% of what a deliberate split shows.` })),
      explanation: `Together these ${k} purchases by ${buyer} (${recordIds.join(', ')}), ${moneyString(total)} CNY, reach the ${limit} CNY limit for public tender; each stayed below it. Why it looks deliberate: ${k} of ${k} parts lie within 10% below a limit in force. The amounts are similar.`,
    });
  }
  findings.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const ranked = findings.map((f, i) => ({ ...f, rank: i + 1 }));
  return {
    schema: REPORT_SCHEMA,
    source: 'synthetic-ledger.csv',
    summary: { rows: record * 10, analysed: record * 10, rejected: 0, blank: 0, merged: 0, netted: 0, largeRuns: 0, findings: n, shown: n },
    warnings: [],
    findings: ranked,
    largeRuns: [],
    rejects: [],
  };
}
