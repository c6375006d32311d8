import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchRecordSets, sameBuyer, type RecordSet } from '../../src/review/_match.js';
import { runs } from '../helpers/runs.js';

const setArb = (ids: readonly string[]) =>
  fc.uniqueArray(
    fc.record(
      { id: fc.constantFrom(...ids), recordIds: fc.uniqueArray(fc.integer({ min: 1, max: 14 }).map(String), { minLength: 1, maxLength: 5 }), buyer: fc.constantFrom('Parks', 'PARKS', 'Roads') },
      { requiredKeys: ['id', 'recordIds'] },
    ),
    { selector: (s) => s.id, maxLength: 7 },
  );
const ID = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

const shares = (x: RecordSet, y: RecordSet) => x.recordIds.some((r) => y.recordIds.includes(r));
const summary = (m: ReturnType<typeof matchRecordSets<RecordSet, RecordSet>>) => ({
  pairs: m.pairs.map((p) => `${p.a.id}>${p.b.id}:${p.link}`).sort(),
  onlyA: m.onlyA.map((x) => x.id).sort(),
  onlyB: m.onlyB.map((x) => x.id).sort(),
});

describe('matchRecordSets', () => {
  it('pairs equal ids, then overlapping sets one to one, and leaves no overlap unpaired', () => {
    fc.assert(
      fc.property(setArb(ID), setArb(ID), (a, b) => {
        const m = matchRecordSets(a, b);
        // Every item is in exactly one place.
        expect([...m.pairs.map((p) => p.a), ...m.onlyA].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual([...a].sort((x, y) => (x.id < y.id ? -1 : 1)));
        expect([...m.pairs.map((p) => p.b), ...m.onlyB].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual([...b].sort((x, y) => (x.id < y.id ? -1 : 1)));
        for (const p of m.pairs) {
          expect(sameBuyer(p.a, p.b)).toBe(true);
          if (p.link === 'id') expect(p.a.id).toBe(p.b.id);
          else {
            expect(shares(p.a, p.b)).toBe(true);
            expect(b.some((y) => y.id === p.a.id && sameBuyer(p.a, y))).toBe(false);
          }
          expect(p.added).toEqual(p.b.recordIds.filter((r) => !p.a.recordIds.includes(r)).sort());
          expect(p.removed).toEqual(p.a.recordIds.filter((r) => !p.b.recordIds.includes(r)).sort());
        }
        // Equal ids of one buyer always pair by id.
        for (const x of a) if (b.some((y) => y.id === x.id && sameBuyer(x, y))) expect(m.pairs.some((p) => p.a === x && p.link === 'id')).toBe(true);
        // Nothing left over on one side shares a record with something of its buyer left over on the other.
        for (const x of m.onlyA) for (const y of m.onlyB) if (sameBuyer(x, y)) expect(shares(x, y)).toBe(false);
      }),
      { numRuns: runs(500) },
    );
  });

  it('does not depend on the order of either list', () => {
    fc.assert(
      fc.property(setArb(ID), setArb(ID), fc.integer(), fc.integer(), (a, b, s1, s2) => {
        const shuffle = <T>(xs: readonly T[], seed: number): T[] => {
          const out = [...xs];
          let x = seed >>> 0 || 1;
          for (let i = out.length - 1; i > 0; i--) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            const j = (x >>> 0) % (i + 1);
            [out[i], out[j]] = [out[j] as T, out[i] as T];
          }
          return out;
        };
        expect(summary(matchRecordSets(shuffle(a, s1), shuffle(b, s2)))).toEqual(summary(matchRecordSets(a, b)));
      }),
      { numRuns: runs(300) },
    );
  });

  it('never pairs sets of different buyers (buyers compared as detection compares them), by id or by records', () => {
    const m = matchRecordSets(
      [
        { id: 'x', buyer: 'Parks', recordIds: ['1', '2'] },
        { id: 'y', buyer: 'Roads', recordIds: ['3', '4'] },
        { id: 'z', recordIds: ['5'] },
      ],
      [
        { id: 'x', buyer: 'Roads', recordIds: ['1', '2'] },
        { id: 'q', buyer: ' roads ', recordIds: ['3'] },
        { id: 'r', buyer: 'Parks', recordIds: ['4', '5'] },
      ],
    );
    // x is no pair (another buyer's finding has its id and records); y finds its buyer's q; z, with no buyer, any.
    expect(summary(m)).toEqual({ pairs: ['y>q:overlap', 'z>r:overlap'], onlyA: ['x'], onlyB: ['x'] });
  });

  it('prefers the pair sharing most records, then the larger share of their union', () => {
    const m = matchRecordSets(
      [
        { id: 'x', recordIds: ['1', '2', '3'] },
        { id: 'y', recordIds: ['4'] },
      ],
      [
        { id: 'p', recordIds: ['1', '4'] },
        { id: 'q', recordIds: ['1', '2', '9'] },
        { id: 'r', recordIds: ['4', '5', '6'] },
      ],
    );
    expect(summary(m)).toEqual({ pairs: ['x>q:overlap', 'y>p:overlap'], onlyA: [], onlyB: ['r'] });
  });
});
