/** StringIds: numbers strings as a Map that counts first sightings would. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StringIds } from '../../src/records/stringIds.js';
import { runs } from '../helpers/runs.js';

describe('StringIds', () => {
  // Few characters, so strings repeat; lone surrogates and long strings included.
  const stringArb = fc.oneof(fc.string({ unit: fc.constantFrom('a', 'b', 'é', '’', '\ud800', ' '), maxLength: 6 }), fc.string({ minLength: 20, maxLength: 300 }));

  it('gives each string the number of its first sighting, as a Map oracle does', () => {
    fc.assert(
      fc.property(fc.array(stringArb, { maxLength: 600 }), fc.array(stringArb, { maxLength: 50 }), (seen, asked) => {
        const ids = new StringIds();
        const oracle = new Map<string, number>();
        for (const s of seen) {
          if (!oracle.has(s)) oracle.set(s, oracle.size);
          expect(ids.id(s)).toBe(oracle.get(s));
        }
        expect(ids.size).toBe(oracle.size);
        expect(ids.texts).toEqual([...oracle.keys()]);
        for (const s of asked) expect(ids.get(s)).toBe(oracle.get(s) ?? -1);
      }),
      { numRuns: runs(200) },
    );
  });

  it('tells apart many strings that differ in one character, across several growths', () => {
    const ids = new StringIds();
    const n = 20000;
    for (let i = 0; i < n; i++) expect(ids.id(`id-${i}`)).toBe(i);
    for (let i = 0; i < n; i++) expect(ids.get(`id-${i}`)).toBe(i);
    expect(ids.get('id-')).toBe(-1);
    expect(ids.size).toBe(n);
  });
});
