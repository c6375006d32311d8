import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldError, readAmountText } from '../../src/records/fields.js';
import { runs } from '../helpers/runs.js';

describe('readAmountText', () => {
  it('reads a bare amount as it reads the same amount padded with spaces (its full reading) (property)', () => {
    const text = fc.oneof(
      fc.stringMatching(/^[0-9.]{0,20}$/u),
      fc.string({ unit: fc.constantFrom('0', '1', '9', '.', '-', '+', 'e', 'E', ' ', ','), maxLength: 24 }),
      fc.tuple(fc.stringMatching(/^[0-9]{1,18}$/u), fc.stringMatching(/^[0-9]{0,12}$/u)).map(([a, b]) => `${a}.${b}`),
    );
    fc.assert(
      fc.property(text, (s) => {
        fc.pre(s !== ''); // '' is missing, '  ' is no number: both refused, under two codes
        const bare = readAmountText(s);
        const padded = readAmountText(` ${s} `);
        if (typeof padded === 'string') expect(bare).toBe(padded);
        else {
          expect(bare).toBeInstanceOf(FieldError);
          expect((bare as FieldError).code).toBe(padded.code);
        }
      }),
      { numRuns: runs(3000) },
    );
  });

  it('takes amounts at the bounds as before', () => {
    expect(readAmountText('12345678901234567')).toBe('12345678901234567');
    expect(readAmountText('1.0000000001')).toBe('1.0000000001');
    expect(readAmountText('1.00000000001')).toBeInstanceOf(FieldError);
    expect(readAmountText('.')).toBeInstanceOf(FieldError);
    expect(readAmountText('5.')).toBe('5.');
    expect(readAmountText('.5')).toBe('.5');
    expect(readAmountText('1.2.3')).toBeInstanceOf(FieldError);
  });
});
