/**
 * Issue 11's case check: the November 2014 signage split of the Chengxi seed (seeds/README.md) is
 * found and ranked first by its budget project, by its category prefix, and by its subject texts
 * alone. The six contracts are taken from the seed by what its README says of them (category codes
 * under C210, signed in November 2014), not from detection's output.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectSplits, loadThresholds } from '../src/index.js';
import { loadLedger } from '../src/node.js';

const seed = (name: string) => fileURLToPath(new URL(`../seeds/${name}`, import.meta.url));

describe('the 2014 signage case of the Chengxi seed', async () => {
  const ledger = await loadLedger(seed('chengxi-2014.csv'), { currency: 'CNY' });
  const thresholds = loadThresholds(readFileSync(seed('chengxi-thresholds.json'), 'utf8'));
  const signage = ledger.records.filter((r) => String(r.category ?? '').startsWith('C210') && String(r.date).startsWith('2014-11')).map((r) => String(r.id));

  it('is six contracts in the seed (the README says so)', () => {
    expect(signage).toHaveLength(6);
  });

  it.each([
    ['every field', {}],
    ['no category code (the budget project and subjects link it)', { category: undefined }],
    ['no budget project (category prefix and subjects)', { project: undefined }],
    ['neither (subject texts alone)', { category: undefined, project: undefined }],
  ])('ranks first with %s, all six in the first finding', (_, without) => {
    const records = ledger.records.map((r) => ({ ...r, ...without }));
    const { findings } = detectSplits(records, { thresholds });
    const first = [...findings].sort((a, b) => b.score - a.score)[0];
    expect(first && [...first.recordIds].sort()).toEqual([...signage].sort());
  });
});
