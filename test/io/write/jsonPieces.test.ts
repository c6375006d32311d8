import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeJson, safeJsonPieces } from '../../../src/io/write/escape.js';

/** Values as reports hold them, and what JSON.stringify treats specially: undefined, holes' nulls, toJSON, unsafe characters. */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u2028', '\u202e', '\u0085', '\u007f', 'É', '’', '😀') }),
    fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined),
    fc.constant({ toJSON: () => 'as json' }), fc.constant({ toJSON: () => undefined }), fc.constant(() => 1),
  ),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ unit: fc.constantFrom('k', '\u2028', '"', '1') }), tie('node'), { maxKeys: 4 })),
})).node;

describe('safeJsonPieces', () => {
  it('joins to exactly safeJson(value, 2) at every depth (JSON.stringify is the oracle)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value), fc.nat(4), (v, depth) => {
        expect([...safeJsonPieces(v, depth)].join('')).toBe(safeJson(v, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('joins to exactly safeJson(value, 2) when long arrays are cut into batches, at every nesting', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 100, maxLength: 300 }), fc.nat(3), fc.nat(3), (list, nesting, depth) => {
        let v: unknown = list;
        for (let i = 0; i < nesting; i++) v = { k: v };
        expect([...safeJsonPieces(v, depth)].join('')).toBe(safeJson(v, 2));
      }),
      { numRuns: 100 },
    );
  });

  it('joins to exactly safeJson(value, 2) when batches shrink and grow with the length of their elements', () => {
    // Elements from a few characters to past a piece's length, in runs: the batch size changes along the array.
    const element = fc.oneof(
      fc.record({ a: fc.string({ maxLength: 5 }) }),
      fc.record({ long: fc.string({ unit: fc.constantFrom('x', '’', '\u2028'), minLength: 2000, maxLength: 20000 }) }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(element, fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 6 }), fc.nat(2), (runs, nesting) => {
        const list = runs.flatMap(([e, n]) => Array.from({ length: n }, () => e));
        let v: unknown = list;
        for (let i = 0; i < nesting; i++) v = { k: v };
        const pieces = [...safeJsonPieces(v, nesting + 1)];
        expect(pieces.join('')).toBe(safeJson(v, 2));
      }),
      { numRuns: 30 },
    );
  });

  it('opens the levels down to depth, and writes a long array of the last level in pieces of many elements', () => {
    const findings = Array.from({ length: 300 }, (_, i) => ({ a: i }));
    const pieces = [...safeJsonPieces({ summary: { n: 300 }, findings }, 2)];
    expect(pieces.slice(0, 3)).toEqual(['{', '\n  "summary": ', '{']);
    // The array's elements: in a few pieces, not one each, and none holding all of them.
    const held = pieces.filter((p) => p.includes('"a": '));
    expect(held.length).toBeGreaterThan(1);
    expect(held.length).toBeLessThan(10);
    // Each batch's text is a piece of its own, after the line break and indent before it.
    expect(pieces[pieces.indexOf(held[0] as string) - 1]).toBe('\n    ');
    expect(held[0]).toMatch(/^\{\n {6}"a": 0\n {4}\},/u);
  });
});
