import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Base64 } from '../../src/review/_sha256.js';
import { runs } from '../helpers/runs.js';

describe('sha256Base64', () => {
  it('gives the FIPS 180-4 digest of "abc" (the doc example)', () => {
    expect(sha256Base64('abc')).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
  });

  it('agrees with node:crypto on any text, across block boundaries', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 50, max: 130 }).map((n) => 'a'.repeat(n))), (s) => {
        expect(sha256Base64(s)).toBe(createHash('sha256').update(s, 'utf8').digest('base64'));
      }),
      { numRuns: runs(300) },
    );
  });
});
