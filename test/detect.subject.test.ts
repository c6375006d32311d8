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
    expect(groups({ categoryPrefix: 5, minSimilarity: 0 })).toEqual([['O1', 'O2', 'O3']]);
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
   * that two clerks spelt two ways; the subjects share no word and carry no category code.
   */
  const FILM: PurchaseRecordInput[] = [
    { id: 'F1', buyer: 'City Office', vendor: 'Brightway Film Inc.', date: '2023-03-05', amount: '30000', currency: 'EUR', project: '2023 City image campaign project', subject: 'Promotional film production' },
    { id: 'F2', buyer: 'City Office', vendor: 'Goldcrest Film LLC', date: '2023-03-18', amount: '28000', currency: 'EUR', project: 'City Image Campaign (2023)', subject: 'Video shooting and editing' },
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
