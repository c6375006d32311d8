/**
 * Finding ids must survive what a month-over-month rerun does to a ledger: the rows come in another
 * order, and records that have nothing to do with a finding are added. Decisions and diffs rely on it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSplits } from '../../src/detect.js';
import type { PurchaseRecordInput } from '../../src/records/record.js';
import { ledgerArb, optionsArb } from '../helpers/arbitraries.js';
import { runs } from '../helpers/runs.js';

const idsByBuyer = (records: readonly PurchaseRecordInput[], options: Parameters<typeof detectSplits>[1]) =>
  detectSplits(records, options)
    .findings.map((f) => `${f.buyer}|${f.id}|${f.recordIds.join(',')}`)
    .sort();

describe('finding ids (fingerprints) with detectSplits', () => {
  it('do not change when the ledger is reordered', () => {
    fc.assert(
      fc.property(ledgerArb(50), optionsArb, fc.infiniteStream(fc.nat()), (ledger, options, seeds) => {
        const shuffled = [...ledger];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seeds.next().value as number) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as PurchaseRecordInput, shuffled[i] as PurchaseRecordInput];
        }
        expect(idsByBuyer(shuffled, options)).toEqual(idsByBuyer(ledger, options));
      }),
      { numRuns: runs(150) },
    );
  });

  it('do not change when records of another buyer are added anywhere', () => {
    let withFindings = 0;
    fc.assert(
      fc.property(ledgerArb(40), ledgerArb(30), optionsArb, fc.infiniteStream(fc.nat()), (ledger, other, options, seeds) => {
        const unrelated = other.map((r, i) => ({ ...r, id: `U${i}`, buyer: 'Unrelated Agency' }));
        const grown = [...ledger];
        for (const r of unrelated) grown.splice((seeds.next().value as number) % (grown.length + 1), 0, r);
        const before = idsByBuyer(ledger, options);
        const after = idsByBuyer(grown, options).filter((s) => !s.startsWith('Unrelated Agency|'));
        expect(after).toEqual(before);
        if (before.length > 0) withFindings++;
      }),
      { numRuns: runs(150) },
    );
    // The property said something: enough runs had findings whose ids could have moved.
    expect(withFindings).toBeGreaterThan(10);
  });
});
