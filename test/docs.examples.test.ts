/**
 * The examples in doc comments and the README, run: a doc example that stops being true fails here.
 * Each case quotes its example; the expected value is the one the comment shows after `//=>`.
 */
import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { readFileSync } from 'node:fs';
import { dayOf } from '../src/_lib/days.js';
import { exactDecimal, exactDecimalText } from '../src/_lib/decimal.js';
import { validateRecords } from '../src/records/validate.js';
import { purchaseRecordSchema } from '../src/records/schema.js';
import { categoryKey, normalizeText, vendorKey } from '../src/records/normalize.js';
import { detectSplits } from '../src/detect.js';
import { fingerprint } from '../src/report/fingerprint.js';
import { jaccard, textSimilarity } from '../src/similarity/jaccard.js';
import { subjectTokens } from '../src/similarity/tokens.js';
import { parseThresholds } from '../src/thresholds/schema.js';
import { isRound } from '../src/score/evidence.js';
import { scoreOf } from '../src/score/score.js';
import { isSplitscanError } from '../src/errors.js';
import { readLedger } from '../src/index.js';
import { z } from 'zod';
import { closest, editDistance } from '../src/_lib/closest.js';
import { optionIssues } from '../src/_lib/issues.js';
import { compareText } from '../src/_lib/order.js';
import { resolveOptions } from '../src/options/resolve.js';
import { below, clearOrder, crosses } from '../src/thresholds/compare.js';
import { resolveWindow } from '../src/cluster/window.js';
import { strengthOf } from '../src/score/score.js';
import { SlotHeap } from '../src/_lib/heap.js';
import { extractRuns } from '../src/cluster/runs.js';
import type { Item } from '../src/cluster/item.js';
import type { PurchaseRecord } from '../src/records/record.js';

describe('doc-comment examples', () => {
  it('_lib', () => {
    expect(dayOf('1970-01-02')).toBe(1);
    expect(dayOf('2014-02-29')).toBeUndefined();
    expect(exactDecimalText(' 1234.50 ')).toBe('1234.50');
    expect(exactDecimalText(1234.5)).toBe('1234.5');
    expect(exactDecimalText(0.1 + 0.2)).toBeUndefined();
    expect(exactDecimal('1234.50')?.toString()).toBe('1234.5');
    expect(exactDecimal(0.1 + 0.2)).toBeUndefined();
  });

  it('records', () => {
    const { records, rejects } = validateRecords([
      { id: 'A1', buyer: 'City', vendor: 'Acme Ltd', date: '2014-11-03', amount: '120000', currency: 'CNY' },
      { id: 'A2', buyer: 'City', vendor: 'Acme Ltd', date: '2014-11-31', amount: '1', currency: 'CNY' },
    ]);
    expect(records.length).toBe(1);
    expect(rejects[0]?.code).toBe('invalid_date');
    expect(rejects[0]?.path).toEqual([1, 'date']);
    const parsed = purchaseRecordSchema.safeParse({ id: 1, buyer: 'B', vendor: 'V', date: '2014-11-03', amount: '-1', currency: 'CNY' });
    expect((parsed.error?.issues[0] as { params?: unknown } | undefined)?.params).toEqual({ code: 'negative_amount' });
    expect(normalizeText('  Ｏｆｆｉｃｅ   Chairs ')).toBe('office chairs');
    expect(vendorKey('Acme Co., Ltd.')).toBe('acme');
    expect(vendorKey('杭州某某广告有限公司')).toBe('杭州某某广告');
    expect(categoryKey('a02.01.01')).toBe('A020101');
  });

  it('detectSplits', () => {
    const { findings } = detectSplits(
      [
        { id: 'S1', buyer: 'Zone Admin', vendor: 'Sign Co', date: '2014-11-03', amount: '280000', currency: 'CNY', category: 'B0701', subject: '道路指示标牌' },
        { id: 'S2', buyer: 'Zone Admin', vendor: 'Light Co', date: '2014-11-12', amount: '290000', currency: 'CNY', category: 'B0702', subject: '展示牌亮化及字体' },
      ],
      { thresholds: [{ id: 'hz-decent', amount: '300000', currency: 'CNY', procedure: 'decentralised procurement' }], subject: { categoryPrefix: 3 } },
    );
    expect(findings[0]?.total).toBe('570000.00');
  });

  it('similarity, scoring, fingerprints, thresholds, errors', () => {
    expect(fingerprint('hz-open', ['b', 'a']) === fingerprint('hz-open', ['a', 'b'])).toBe(true);
    expect(jaccard(Int32Array.of(1, 2, 3), Int32Array.of(2, 3, 4))).toBe(0.5);
    expect(textSimilarity(['office', 'chairs'], ['office', 'desks'])).toBe(0.3333333333333333);
    expect(subjectTokens('Office chairs for the 3rd floor, 2014')).toEqual(['office', 'chairs', 'floor']);
    expect(subjectTokens('道路指示标牌采购（一期）')).toEqual(['道路', '路指', '指示', '示标', '标牌']);
    expect([500, 2400, 295000, 2450, 999.5].map((x) => isRound(new Decimal(x)))).toEqual([true, true, true, false, false]);
    expect(scoreOf({ justBelow: 1, span: 1 } as never, { justBelow: 3, span: 1 } as never)).toBe(1);
    expect(parseThresholds([{ id: 'a', amount: '300000', currency: 'CNY', procedure: 'quotation' }])[0]?.amount.toString()).toBe('300000');
    let caught: unknown;
    try {
      detectSplits([], { thresholds: [] });
    } catch (e) {
      caught = e;
    }
    expect(isSplitscanError(caught) && [(caught as { code: string }).code, (caught as { path: unknown }).path]).toEqual(['invalid_options', ['thresholds']]);
  });
});

describe('doc-comment examples of the core stages', () => {
  it('_lib, options, thresholds, cluster, score', () => {
    expect(editDistance('windw', 'window')).toBe(1);
    expect(editDistance('minSocre', 'minScore')).toBe(1);
    expect(closest('minscore', ['minParts', 'minScore'])).toBe('minScore');
    expect(closest('minSim', ['minScore', 'minSimilarity'])).toBe('minSimilarity');
    expect(closest('colour', ['window', 'vendor'])).toBeUndefined();
    const schema = z.strictObject({ window: z.number().optional() });
    expect(optionIssues(schema.safeParse({ windw: 1 }).error as z.ZodError, schema)).toEqual([{ path: ['windw'], message: 'unknown key "windw"; did you mean "window"?' }]);
    expect(['b', 'B', 'a'].sort(compareText)).toEqual(['B', 'a', 'b']);
    expect(resolveOptions({ thresholds: [{ id: 'q', amount: '300000', currency: 'CNY', procedure: 'quotation' }] }).subject.minSimilarity).toBe(0.3);
    expect(clearOrder(299_999.99, 300_000, 1e-3)).toBe(-1);
    expect(clearOrder(300_000, 300_000, 1e-3)).toBe(0);
    expect(crosses(new Decimal(300000), new Decimal(300000), 'above')).toBe(false);
    expect(below(new Decimal(300000), new Decimal(300000), 'above')).toBe(true);
    expect(resolveWindow({ days: 30 })).toEqual({ kind: 'rolling', days: 30, reach: 29, label: 'a 30-day window' });
    expect(strengthOf('parts', 6, 30)).toBe(0.5);
  });

  it('heap', () => {
    const h = new SlotHeap<number>(3, (a, b) => a > b);
    h.set(0, 3);
    h.set(1, 5);
    h.set(2, 4);
    h.set(1, 1);
    expect([h.pop(), h.pop(), h.pop(), h.pop()]).toEqual([4, 3, 1, undefined]);
  });

  it('runs and large runs', () => {
    const part = (k: number, day: number, amount: string): Item => ({ k, rec: { day } as PurchaseRecord, value: new Decimal(amount), approx: Number(amount), tokens: [], categoryPrefix: undefined, project: undefined });
    const parts = [part(0, 0, '100'), part(1, 1, '600'), part(2, 2, '500')];
    const cut = extractRuns(parts, { value: new Decimal(1000), approx: 1000, comparison: 'atOrAbove', toDay: Infinity }, { reach: 29, minParts: 2, maxParts: 50, taken: new Uint8Array(3), rank: (run) => -run.length });
    expect(cut.runs.map((r) => r.map((it) => it.k))).toEqual([[1, 2]]);

    const { stats } = detectSplits(
      ['L1', 'L2', 'L3'].map((id) => ({ id, buyer: 'City Works', vendor: 'Road Co', date: '2024-03-14', amount: '400', currency: 'CNY', subject: 'road repairs' })),
      { thresholds: [{ id: 'q', amount: '1000', currency: 'CNY', procedure: 'quotation' }], maxParts: 2 },
    );
    expect(stats.largeRuns[0]?.explanation).toBe(
      'The rule (a 30-day window) grouped 3 purchases by City Works on 2024-03-14, 1,200.00 CNY together, into one cluster: they reach the 1,000.00 CNY limit for quotation (threshold q). ' +
        "More than 2 linked purchases in one window are not the shape of one requirement cut into pieces but of a rule that groups too much: narrow it (a shorter window, vendor 'same', a longer categoryPrefix or a higher minSimilarity), or check whether these are call-offs of one contract. " +
        'They are not reported as findings; the first 2 record ids are listed.',
    );
  });
});

describe('README', () => {
  it('the quickstart on the Chinese seed gives the explanation it shows', () => {
    const ledger = readLedger(readFileSync(new URL('../seeds/chengxi-2014.csv', import.meta.url)), { currency: 'CNY' });
    const { findings } = detectSplits(ledger.records, {
      thresholds: [{ id: 'hz-open', amount: '1000000', currency: 'CNY', procedure: 'public tender', comparison: 'atOrAbove' }],
      window: { days: 30 },
      vendor: 'any',
      subject: { categoryPrefix: 4, minSimilarity: 0.3, sameProject: false },
    });
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    // The README shows the start of findings[0].explanation over several comment lines.
    const shown = /findings\[0\]\.explanation\n\/\/=> '([^]*?)…'/u.exec(readme)?.[1];
    expect(shown).toBeDefined();
    const text = (shown as string).replace(/\n\/\/ {4}/gu, ' ');
    expect(findings[0]?.explanation.startsWith(text)).toBe(true);
  });
});
