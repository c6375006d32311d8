/** The subject rule end to end: 0 turns a signal off, for category codes and texts alike. */
import { describe, expect, it } from 'vitest';
import { detectSplits } from '../src/detect.js';
import type { DetectSplitsOptions } from '../src/options/options.js';
import { isOptionsError } from '../src/errors.js';
import type { PurchaseRecordInput } from '../src/records/record.js';

/**
 * Three office-supply contracts (品目 A0201…, one requirement split three ways, 810,000 CNY in all)
 * and, in the same weeks, an unrelated advertising contract from another vendor (品目 C0801). Every
 * record has a subject text; the texts of the two requirements share nothing.
 */
const LEDGER: PurchaseRecordInput[] = [
  { id: 'O1', buyer: 'Zone Admin', vendor: 'Desk Co', date: '2014-11-03', amount: '270000', currency: 'CNY', category: 'A020101', subject: '办公桌椅' },
  { id: 'O2', buyer: 'Zone Admin', vendor: 'Paper Co', date: '2014-11-05', amount: '260000', currency: 'CNY', category: 'A020102', subject: '复印纸及文具' },
  { id: 'AD', buyer: 'Zone Admin', vendor: 'Media Co', date: '2014-11-06', amount: '250000', currency: 'CNY', category: 'C080101', subject: '城市形象广告投放' },
  { id: 'O3', buyer: 'Zone Admin', vendor: 'Desk Co', date: '2014-11-10', amount: '280000', currency: 'CNY', category: 'A020103', subject: '文件柜' },
];

const options = (subject: DetectSplitsOptions['subject']): DetectSplitsOptions => ({
  thresholds: [{ id: 'hz-open', amount: '1000000', currency: 'CNY', procedure: 'public tender' }, { id: 'hz-decent', amount: '300000', currency: 'CNY', procedure: 'decentralised procurement' }],
  subject,
  minScore: 0,
});

const groups = (subject: DetectSplitsOptions['subject']) => detectSplits(LEDGER, options(subject)).findings.map((f) => [...f.recordIds].sort());

describe('0 turns a subject signal off', () => {
  it('minSimilarity 0 compares category codes only: the advertising contract stays out of the office-supply split', () => {
    // O1, O2, O3 link by their codes (A0201…), AD by none. Desk Co's two contracts (550,000, the
    // window's main vendor) are proposed on their own too, but both lie just below the 300,000 limit,
    // so their near-equal amounts are that evidence again, counted once: the three parts outscore them.
    const found = groups({ categoryPrefix: 5, minSimilarity: 0 });
    expect(found).toEqual([['O1', 'O2', 'O3']]);
    // With three parts at least, the three are the only run; the advertising contract is in neither case.
    const { findings } = detectSplits(LEDGER, { ...options({ categoryPrefix: 5, minSimilarity: 0 }), minParts: 3 });
    expect(findings.map((f) => [...f.recordIds].sort())).toEqual([['O1', 'O2', 'O3']]);
  });

  it('categoryPrefix 0 compares texts only: no text is similar, so nothing links across requirements', () => {
    // Desk Co's two contracts link through the shared vendor (linkSameVendor) and cross 300,000.
    expect(groups({ categoryPrefix: 0, minSimilarity: 0.3 })).toEqual([['O1', 'O3']]);
  });

  it('both off: no signal is comparable, and missing evidence does not separate records', () => {
    expect(groups({ categoryPrefix: 0, minSimilarity: 0 })).toEqual([['AD', 'O1', 'O2', 'O3']]);
  });

  it.each([1.01, 2, Infinity])('minSimilarity %d is an OptionsError (0 is the one way to turn texts off)', (minSimilarity) => {
    try {
      detectSplits(LEDGER, options({ minSimilarity }));
      expect.unreachable();
    } catch (e) {
      expect(isOptionsError(e) && e.path).toEqual(['subject', 'minSimilarity']);
    }
  });
});

describe('a budget project is named by its words', () => {
  /**
   * One requirement (a promotional film) bought from two studios, charged to one budget project
   * that two clerks spelt two ways; the subjects share no word, carry no category code, and the
   * studios' names state other trades ("film", "video").
   */
  const FILM: PurchaseRecordInput[] = [
    { id: 'F1', buyer: 'City Office', vendor: 'Brightway Film Inc.', date: '2023-03-05', amount: '30000', currency: 'EUR', project: '2023 City image campaign project', subject: 'Promotional film production' },
    { id: 'F2', buyer: 'City Office', vendor: 'Goldcrest Video LLC', date: '2023-03-18', amount: '28000', currency: 'EUR', project: 'City Image Campaign (2023)', subject: 'Video shooting and editing' },
  ];
  const eur = { thresholds: [{ id: 'eur-50k', amount: '50000', currency: 'EUR', procedure: 'competitive tender' }], minScore: 0 };

  it('the project written with its year elsewhere, or with "project", links the parts', () => {
    expect(detectSplits(FILM, eur).findings.map((f) => [...f.recordIds].sort())).toEqual([['F1', 'F2']]);
  });

  it('two projects with other words do not', () => {
    const other = FILM.map((r, i) => ({ ...r, project: i === 0 ? 'City image campaign' : 'Staff training' }));
    expect(detectSplits(other, eur).findings).toEqual([]);
  });
});

describe('a project is broad when it spans many category divisions', () => {
  // Three parts from vendors of other trades, charged to one project, with no subject word in common
  // and category codes of other groups: only the project can tie them.
  const parts = (project: string): PurchaseRecordInput[] => [
    { id: 'P1', buyer: 'IT Office', vendor: 'Northwind Servers Ltd', date: '2024-05-09', amount: '41600', currency: 'EUR', category: '48820000', project, subject: 'rack units' },
    { id: 'P2', buyer: 'IT Office', vendor: 'Harbor Storage Inc.', date: '2024-05-25', amount: '34950', currency: 'EUR', category: '30233000', project, subject: 'disk arrays' },
    { id: 'P3', buyer: 'IT Office', vendor: 'Apex Licensing LLC', date: '2024-05-27', amount: '29700', currency: 'EUR', category: '72260000', project, subject: 'annual licence' },
  ];
  // Earlier purchases under the same project widen it: IT work spans five category groups (488,
  // 302, 722, 482, 726) in three divisions (48, 30, 72); a general budget line spans five divisions.
  const history = (project: string, categories: string[]): PurchaseRecordInput[] =>
    categories.map((category, i) => ({ id: `H${i}`, buyer: 'IT Office', vendor: `Vendor${i}`, date: `2023-0${i + 1}-15`, amount: '500', currency: 'EUR', category, project, subject: `item ${i}` }));
  const eur = { thresholds: [{ id: 'eur-100k', amount: '100000', currency: 'EUR', procedure: 'open tender' }], minScore: 0 };
  const groups = (records: PurchaseRecordInput[]) => detectSplits(records, eur).findings.map((f) => [...f.recordIds].sort());

  it('links its records while they stay in a few divisions, however many category groups', () => {
    expect(groups([...parts('2024 IT build'), ...history('2024 IT build', ['48200000', '72600000'])])).toEqual([['P1', 'P2', 'P3']]);
  });

  it('links nothing once they spread over more than maxProjectCategories (4) divisions', () => {
    expect(groups([...parts('General running costs'), ...history('General running costs', ['55520000', '90910000', '79710000'])])).toEqual([]);
  });
});

describe("a vendor's trade", () => {
  /** Two studios of one trade ("film"), subjects with no word in common, no category code, no project. */
  const STUDIOS: PurchaseRecordInput[] = [
    { id: 'T1', buyer: 'City Office', vendor: 'Brightway Film Inc.', date: '2023-03-05', amount: '30000', currency: 'EUR', subject: 'Promotional film production' },
    { id: 'T2', buyer: 'City Office', vendor: 'Goldcrest Film LLC', date: '2023-03-18', amount: '28000', currency: 'EUR', subject: 'Video shooting and editing' },
    // Something else the buyer bought between them, which nothing ties to the studios.
    { id: 'T3', buyer: 'City Office', vendor: 'Harbor Catering Ltd', date: '2023-03-10', amount: '26000', currency: 'EUR', category: '55520000', subject: 'Staff canteen' },
  ];
  const eur = { thresholds: [{ id: 'eur-50k', amount: '50000', currency: 'EUR', procedure: 'competitive tender' }], minScore: 0 };
  const groups = (records: PurchaseRecordInput[], over: object = {}) => detectSplits(records, { ...eur, ...over }).findings.map((f) => [...f.recordIds].sort());

  it('links two vendors that state it, whatever their subjects', () => {
    expect(groups(STUDIOS)).toEqual([['T1', 'T2']]);
  });

  it('does not link vendors of other trades (then nothing but missing data relates them)', () => {
    const other = STUDIOS.map((r) => (r.id === 'T2' ? { ...r, vendor: 'Goldcrest Video LLC', category: '79341000' } : r));
    expect(groups(other)).toEqual([]);
  });

  it('links nothing when the buyer buys every kind of thing from vendors of that trade (a broad trade)', () => {
    // "Supplies" vendors of this buyer supply five divisions: catering (55), cleaning (90), security
    // and printing (79), IT (72), and the two studios' film (92) and advertising (79).
    const broad: PurchaseRecordInput[] = [
      ...['55520000', '90910000', '79710000', '79820000', '72250000'].map((category, i) => ({ id: `B${i}`, buyer: 'City Office', vendor: `Vendor${i} Supplies`, date: `2023-0${i + 4}-01`, amount: '100', currency: 'EUR', category, subject: `item ${i}` })),
      ...STUDIOS.slice(0, 2).map((r, i) => ({ ...r, vendor: i === 0 ? 'Brightway Supplies Inc.' : 'Goldcrest Supplies LLC', category: i === 0 ? '92111000' : '79341000' })),
    ];
    expect(groups(broad)).toEqual([]);
    // Without the catering and cleaning: three divisions, no more than maxProjectCategories (4), so the trade links them.
    expect(groups(broad.filter((r) => r.id !== 'B0' && r.id !== 'B1'))).toEqual([['T1', 'T2']]);
  });

  it('is no link when one vendor does not link its own records either, or when vendors must be the same', () => {
    expect(groups(STUDIOS, { linkSameVendor: false })).toEqual([]);
    expect(groups(STUDIOS, { vendor: 'same' })).toEqual([]);
  });
});
