/**
 * The rules the presets encode, one table row per case: Art. 28 "exceeds" against the single-purchase
 * "at or above", a cluster straddling a change of thresholds (judged by the rule in force at its
 * first purchase), the grouping of each policy, and the gaps of the sourced table.
 */
import { describe, expect, it } from 'vitest';
import { detectSplits } from '../../src/detect.js';
import { getPreset } from '../../src/presets/index.js';

type Rec = { id: string; date: string; amount: string; buyer?: string; vendor?: string; category?: string; project?: string; method?: string; exemption?: string; subject?: string };

function run(preset: string, currency: string, recs: Rec[], overrides = {}) {
  const records = recs.map((r) => ({ buyer: 'Buyer', vendor: 'Vendor', currency, subject: 'office equipment', ...r }));
  return detectSplits(records, getPreset(preset, overrides));
}
const cited = (r: ReturnType<typeof run>) => r.findings.map((f) => f.threshold.id);

describe('China Art. 28: cumulative amount must exceed (超过) the public-tender limit', () => {
  const goods = { category: 'A02010104', project: '2020-IT' };
  it.each([
    // preset, total split as two parts, expected threshold ids
    ['cn-central', '1000000', '1000000', ['CN-CENTRAL-2020-OPEN-GS']], // at or above: exactly 2,000,000 is caught
    ['cn-gpl-art28', '1000000', '1000000', []], // exceeds: exactly 2,000,000 is not
    ['cn-gpl-art28', '1000000', '1000000.01', ['CN-CENTRAL-2020-OPEN-GS-ART28']],
    ['cn-central', '999999.99', '1000000', []], // one cent under 2,000,000; a 1,000,000 part is not below the decentralised limit either
  ] as const)('%s with parts %s + %s → %j', (preset, a, b, ids) => {
    const r = run(preset, 'CNY', [
      { id: 'g1', date: '2020-03-02', amount: a, ...goods, vendor: 'Alpha' },
      { id: 'g2', date: '2020-09-15', amount: b, ...goods, vendor: 'Beta' },
    ], preset === 'cn-central' ? { window: { period: 'year' } } : {});
    expect(cited(r)).toEqual(ids);
  });

  it.each([
    ['public tender is not a part', { method: '公开招标' }, []],
    ['invited tender is a non-tender method and counts', { method: '邀请招标' }, ['CN-CENTRAL-2020-OPEN-GS-ART28']],
    ['an approved exception is never a part', { exemption: '经批准采用非公开招标方式' }, []],
    ['another budget project is another requirement', { project: '2020-OTHER' }, []],
    ['another 品目 class is another requirement', { category: 'A0301' }, []],
    ['works (品目 B) are outside Art. 28', { category: 'B0201', project: 'W' }, []],
    ['next fiscal year is another year', { date: '2021-01-04' }, []],
  ] as const)('%s', (_what, change, ids) => {
    const base = { amount: '1500000', category: 'A02010104', project: '2020-IT' };
    const second = { id: 'g2', date: '2020-12-30', ...base, ...change };
    const first = { id: 'g1', date: '2020-03-02', ...base, ...('category' in change && change.category.startsWith('B') ? change : {}) };
    expect(cited(run('cn-gpl-art28', 'CNY', [first, second]))).toEqual(ids);
  });

  it('names the rule it cites', () => {
    const r = run('cn-gpl-art28', 'CNY', [
      { id: 'g1', date: '2020-03-02', amount: '1500000', category: 'A0201', project: 'P' },
      { id: 'g2', date: '2020-05-02', amount: '1500000', category: 'A0201', project: 'P' },
    ]);
    expect(r.findings[0]?.rule).toEqual({ name: 'cn-gpl-art28', citation: '中华人民共和国政府采购法实施条例 (国务院令第658号) 第二十八条' });
    expect(r.findings[0]?.threshold).toMatchObject({ comparison: 'atOrAbove', cumulative: 'above' });
  });
});

describe('a cluster straddling a change of thresholds is judged by the rule in force at its first purchase', () => {
  it.each([
    // EU works 2022–2023: 5,382,000; 2024–2025: 5,538,000. Total 5,450,000 crosses only the older one.
    ['eu-2014-24', 'EUR', '45210000', '2023-12-20', '2024-01-05', '2725000', ['EU-2022-W']],
    ['eu-2014-24', 'EUR', '45210000', '2024-01-02', '2024-01-05', '2725000', []],
    // US micro-purchase 10,000 until 2025-09-30, then 15,000.
    ['us-far-13', 'USD', '43211500', '2025-09-25', '2025-10-06', '6000', ['US-MPT-4']],
    ['us-far-13', 'USD', '43211500', '2025-10-01', '2025-10-06', '6000', []],
    // Ukraine: the original law to 2020-04-18, the revised one from 2020-04-19 (same amount, new id).
    ['ua-922', 'UAH', '30190000', '2020-04-10', '2020-04-25', '110000', ['UA-2016-OPEN-GS']],
  ] as const)('%s %s→%s', (preset, currency, category, d1, d2, amount, ids) => {
    const r = run(preset, currency, [
      { id: 'a', date: d1, amount, category },
      { id: 'b', date: d2, amount, category },
    ]);
    expect(cited(r)).toEqual(ids);
    for (const f of r.findings) {
      expect(f.threshold.validTo !== undefined && f.threshold.validTo < d2).toBe(true);
      expect(f.explanation.length).toBeGreaterThan(0);
    }
  });
});

describe('policy grouping', () => {
  it.each([
    // pcard: same cardholder, same merchant, same day
    ['same day, same merchant', [{ date: '2018-02-05', vendor: 'Staples' }, { date: '2018-02-05', vendor: 'Staples' }], 1],
    ['next day', [{ date: '2018-02-05', vendor: 'Staples' }, { date: '2018-02-06', vendor: 'Staples' }], 0],
    ['another merchant', [{ date: '2018-02-05', vendor: 'Staples' }, { date: '2018-02-05', vendor: 'Grand & Toy' }], 0],
    ['another cardholder', [{ date: '2018-02-05', vendor: 'Staples' }, { date: '2018-02-05', vendor: 'Staples', buyer: 'J. Smith' }], 0],
  ] as const)('pcard: %s', (_what, parts, n) => {
    const recs = parts.map((p, i) => ({ id: `t${i}`, amount: '1600.00', ...p }));
    const r = run('pcard', 'CAD', recs, { limit: '3000', currency: 'CAD' });
    expect(r.findings).toHaveLength(n);
    if (n) expect(r.findings[0]?.threshold.id).toBe('PCARD-LIMIT');
  });

  it.each([
    ['eu-2014-24: same CPV group within 365 days', 'eu-2014-24', 'EUR', ['30192000', '30197000'], ['2024-02-01', '2025-01-30'], '80000', 1],
    ['eu-2014-24: another CPV group', 'eu-2014-24', 'EUR', ['30192000', '39100000'], ['2024-02-01', '2024-03-01'], '80000', 0],
    ['eu-2014-24: no CPV code, no grouping (CPV required)', 'eu-2014-24', 'EUR', [undefined, undefined], ['2024-02-01', '2024-03-01'], '80000', 0],
    ['ua-922: same ДК 021 class (4 digits), one calendar year', 'ua-922', 'UAH', ['30192000', '30197000'], ['2023-01-10', '2023-12-20'], '60000', 1],
    ['ua-922: different class', 'ua-922', 'UAH', ['30192000', '30210000'], ['2023-01-10', '2023-02-20'], '60000', 0],
    ['ua-922: across the calendar year', 'ua-922', 'UAH', ['30192000', '30197000'], ['2023-12-20', '2024-01-10'], '60000', 0],
    ['br-14133: one fiscal year', 'br-14133', 'BRL', ['4410', '4410'], ['2024-02-01', '2024-11-20'], '31000', 1],
    ['br-14133: across fiscal years', 'br-14133', 'BRL', ['4410', '4410'], ['2024-12-20', '2025-01-10'], '31000', 0],
    ['us-far-13: same vendor within 30 days', 'us-far-13', 'USD', ['43211500', '43211500'], ['2024-03-01', '2024-03-30'], '5500', 1],
    ['us-far-13: 31 days apart', 'us-far-13', 'USD', ['43211500', '43211500'], ['2024-03-01', '2024-03-31'], '5500', 0],
  ] as const)('%s', (_what, preset, currency, cats, dates, amount, n) => {
    const recs = cats.map((c, i) => ({ id: `r${i}`, date: dates[i] as string, amount, ...(c ? { category: c } : {}) }));
    expect(run(preset, currency, recs).findings).toHaveLength(n);
  });

  it('us-far-13 needs the same vendor', () => {
    const r = run('us-far-13', 'USD', [
      { id: 'a', date: '2024-03-01', amount: '5500', vendor: 'A Corp' },
      { id: 'b', date: '2024-03-02', amount: '5500', vendor: 'B Corp' },
    ]);
    expect(r.findings).toHaveLength(0);
  });
});

describe('gaps in the sourced table are not papered over', () => {
  it.each([
    ['cn-hangzhou', 'CNY', '2014-11-03', []], // the Chengxi case year: no Hangzhou row for 2014
    ['cn-hangzhou', 'CNY', '2018-11-03', ['CN-HZ-2018-DECENT']],
    ['cn-central', 'CNY', '2014-06-01', []], // central rows start in 2015
    ['ua', 'UAH', '2016-07-31', []], // Law 922-VIII for all entities from 2016-08-01
    ['br', 'BRL', '2021-03-31', []], // Lei 14.133 limits from 2021-04-01
    ['eu-concessions', 'EUR', '2023-06-01', []], // concessions sourced only from 2024
  ] as const)('%s on %s', (preset, currency, date, ids) => {
    const r = run(preset, currency, [
      { id: 'a', date, amount: '160000', category: 'A0201' },
      { id: 'b', date, amount: '160000', category: 'A0201' },
    ]);
    expect(cited(r)).toEqual(ids);
  });
});

describe('rules that sum every purchase of a period count purchases of any size (Art. 28, Ukraine, Brazil)', () => {
  const months = (n: number, amount: string, year: number, extra: Partial<Rec>): Rec[] =>
    Array.from({ length: n }, (_, i) => ({ id: `m${i}`, date: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`, amount, ...extra }));
  it.each([
    // 12 monthly purchases of 180,000 CNY (9% of the limit) in one project and 品目: 2,160,000 > 2,000,000.
    ['cn-gpl-art28', 'CNY', months(12, '180000', 2021, { category: 'A0201', project: 'P' }), 'CN-CENTRAL-2020-OPEN-GS-ART28', 12],
    // 12 × 4,500 UAH of one ДК 021 class in a year: 54,000 ≥ 50,000.
    ['ua-922', 'UAH', months(12, '4500', 2021, { category: '30190000' }), 'UA-2020-SIMPL', 12],
    // 15 × 4,500 BRL of one nature in 2025: 67,500 ≥ 62,725.59 (inciso II).
    ['br-14133', 'BRL', months(15, '4500', 2025, { category: '3019' }), 'BR-2025-II', 15],
  ] as const)('%s: %#', (preset, currency, recs, id, parts) => {
    const r = run(preset, currency, [...recs]);
    expect(r.findings.map((f) => [f.threshold.id, f.recordIds.length])).toEqual([[id, parts]]);
    expect(r.stats.largeRuns).toEqual([]);
  });
});

describe('Art. 28 and Ukraine total the whole year of one subject, as their laws do', () => {
  const year = (n: number, amount: string, extra: Partial<Rec>, prefix: string, day: number): Rec[] =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, date: `2021-${String((i % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`, amount, ...extra }));
  it.each([
    // 12 × 180,000 CNY and, beside them, 10 × 20,000 that add nothing to the crossing but are the
    // year's purchases all the same: the year's total is 2,360,000 in 22 purchases.
    ['cn-gpl-art28', 'CNY', [...year(12, '180000', { category: 'A0201', project: 'P' }, 'a', 1), ...year(10, '20000', { category: 'A0201', project: 'P' }, 'b', 20)], 'CN-CENTRAL-2020-OPEN-GS-ART28', 22, '2360000.00'],
    // Four of 30,000 UAH in January and February and four of 1,000 in the autumn: one total of 124,000
    // against the 50,000 of simplified procurement (the 200,000 of an open tender is not reached).
    ['ua-922', 'UAH', [...year(2, '30000', { category: '30190000' }, 'a', 3), ...year(2, '30000', { category: '30190000' }, 'b', 17), ...year(4, '1000', { category: '30190000' }, 'c', 9).map((r, i) => ({ ...r, date: `2021-${String(9 + i).padStart(2, '0')}-09` }))], 'UA-2020-SIMPL', 8, '124000.00'],
  ] as const)('%s: one finding of the year', (preset, currency, recs, id, parts, total) => {
    const r = run(preset, currency, [...recs]);
    expect(r.findings.map((f) => [f.threshold.id, f.recordIds.length, f.total])).toEqual([[id, parts, total]]);
  });
  it('a year of more purchases than maxParts is a large run, named in stats', () => {
    const recs = Array.from({ length: 30 }, (_, i) => ({ id: `m${i}`, date: `2021-${String((i % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}`, amount: '90000', category: 'A0201', project: 'P' }));
    const r = run('cn-gpl-art28', 'CNY', recs, { maxParts: 20 });
    expect(r.findings).toEqual([]);
    expect(r.stats.largeRuns.map((l) => l.parts)).toEqual([30]);
  });
});

describe('a rolling 12-month window holds 12 months across a 29 February', () => {
  it.each([
    ['eu-2014-24', 'EUR', '2024-01-01', '2024-12-31', '30190000'],
    ['eu-2014-24', 'EUR', '2023-03-01', '2024-02-29', '30190000'],
    ['uk-pa2023', 'GBP', '2024-01-01', '2024-12-31', '30190000'],
  ] as const)('%s: %s and %s are one window', (preset, currency, d1, d2, category) => {
    const r = run(preset, currency, [
      { id: 'a', date: d1, amount: '120000', category },
      { id: 'b', date: d2, amount: '120000', category },
    ], { minScore: 0 });
    expect(r.findings.length).toBe(1);
  });
});

describe('what a finding says of the rule it cites', () => {
  it.each([
    ['2021-03-01', 'net', 'net of VAT'],
    ['2023-03-01', 'gross', 'including VAT'],
  ] as const)('a UK limit of %s is %s of VAT, and the explanation says so', (date, vat, words) => {
    const r = run('uk-pa2023', 'GBP', [
      { id: 'a', date, amount: '110000', category: '30190000' },
      { id: 'b', date, amount: '110000', category: '30190000' },
    ], { minScore: 0, tier: 'sub-central' });
    expect(r.findings[0]?.threshold.vat).toBe(vat);
    expect(r.findings[0]?.explanation).toContain(`GBP (${words}) limit`);
  });

  it('the micro-purchase limit names the procedures above it (FAR 13.1), not the micro-purchase subpart (13.2)', () => {
    const r = run('us-far-13', 'USD', [
      { id: 'a', date: '2024-03-01', amount: '6000', category: '43211500' },
      { id: 'b', date: '2024-03-02', amount: '6000', category: '43211500' },
    ], { minScore: 0 });
    expect(r.findings[0]?.explanation).toContain('FAR 13.104 and 13.106-1');
    expect(r.findings[0]?.explanation).not.toContain('FAR 13.2');
  });
});

describe('the vat option puts a limit on the ledger\'s VAT basis', () => {
  // Sub-central supplies/services: 213,477 GBP including VAT in 2023 (177,897.50 net at 20%); 189,330 net in 2021.
  const pair = (date: string, amount: string) => [
    { id: 'a', date, amount, category: '30190000' },
    { id: 'b', date, amount, category: '30190000' },
  ];
  it.each([
    ['net amounts against a limit including VAT', '2023-03-01', '95000', undefined, []],
    ['net amounts against a limit including VAT', '2023-03-01', '95000', { amounts: 'net', rate: '0.2' }, ['UK-2022-sub-central']],
    ['gross amounts against a net limit', '2021-03-01', '100000', undefined, ['UK-2020-sub-central']],
    ['gross amounts against a net limit', '2021-03-01', '100000', { amounts: 'gross', rate: '0.2' }, []],
    ['net amounts against a net limit', '2021-03-01', '100000', { amounts: 'net', rate: '0.2' }, ['UK-2020-sub-central']],
  ] as const)('%s (%s, 2 × %s, vat %o)', (_what, date, amount, vat, ids) => {
    const r = run('uk-pa2023', 'GBP', pair(date, amount), { minScore: 0, tier: 'sub-central', ...(vat ? { vat } : {}) });
    expect(r.findings.map((f) => f.threshold.id)).toEqual(ids);
  });

  it('says both figures and the basis of the amount it reports', () => {
    const r = run('uk-pa2023', 'GBP', pair('2023-03-01', '95000'), { minScore: 0, tier: 'sub-central', vat: { amounts: 'net', rate: '0.2' } });
    const f = r.findings[0];
    expect(f?.threshold).toMatchObject({ amount: '177897.50', vat: 'net' });
    expect(f?.explanation).toContain('reach the 177,897.50 GBP (213,477.00 GBP, including VAT; compared with net amounts at 20% VAT) limit for');
  });

  it.each([
    [{ amounts: 'net', rate: '1.2' }, ['vat', 'rate']],
    [{ amounts: 'nett', rate: '0.2' }, ['vat', 'amounts']],
    [{ amounts: 'net' }, ['vat', 'rate']],
  ])('refuses %o at its path', (vat, path) => {
    let caught: unknown;
    try {
      run('uk-pa2023', 'GBP', pair('2023-03-01', '95000'), { vat });
    } catch (e) {
      caught = e;
    }
    expect((caught as { issues?: { path: unknown }[] }).issues?.[0]?.path).toEqual(path);
  });
});

describe('a limit put on the ledger\'s VAT basis', () => {
  it('is shown to the cent, rounded up, and decides as the exact limit for amounts in cents', () => {
    // 2024 sub-central limit 214,904 GBP including VAT: 179,086.666… net at 20%.
    const at = (a: string, b: string) => run('uk-pa2023', 'GBP', [
      { id: 'a', date: '2024-03-01', amount: a, category: '30190000' },
      { id: 'b', date: '2024-03-01', amount: b, category: '30190000' },
    ], { minScore: 0, tier: 'sub-central', vat: { amounts: 'net', rate: '0.2' } });
    expect(at('89543.33', '89543.33').findings).toEqual([]);
    const f = at('89543.34', '89543.33').findings[0];
    expect(f?.threshold.amount).toBe('179086.67');
    expect(f?.explanation).toContain('reach the 179,086.67 GBP (214,904.00 GBP, including VAT; compared with net amounts at 20% VAT) limit');
  });
});
