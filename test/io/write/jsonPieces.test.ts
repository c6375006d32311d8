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

  it('opens the levels down to depth, one piece per deeper value', () => {
    const pieces = [...safeJsonPieces({ findings: [{ a: 1 }, { b: [2] }] }, 2)];
    expect(pieces).toContain('{\n    "a": 1\n  }'.replaceAll('\n', '\n  '));
    expect(pieces.length).toBeGreaterThan(4);
  });
});
