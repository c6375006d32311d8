/** Texts located in the input (src/io/read/located.ts): each read again from its row when read, the last ones read kept. */
import { describe, expect, it } from 'vitest';
import { LocatedTexts, locatedTexts } from '../../../src/io/read/located.js';

describe('locatedTexts', () => {
  const texts = new LocatedTexts();
  const rows = 5000;
  for (let i = 0; i < rows; i++) texts.push(`row ${i}`, 100 * i, 100 * i + 10);
  texts.push('kept:\u00e9', -1, -1);

  it('reads a text again from its row once while it is among the last 4096 read', () => {
    const reads: number[] = [];
    const deferred = locatedTexts(texts.field(), (from) => {
      reads.push(from);
      return `row ${from / 100}`;
    });
    expect(deferred.textAt(3)).toBe('row 3');
    expect(deferred.textAt(3)).toBe('row 3');
    expect(deferred.textAt(rows)).toBe('kept:\u00e9');
    expect(reads).toEqual([300]);
    // 4096 others read since: the oldest is dropped, read again.
    for (let i = 4; i < 4 + 4096; i++) deferred.textAt(i);
    expect(deferred.textAt(3)).toBe('row 3');
    expect(reads.filter((f) => f === 300)).toHaveLength(2);
    expect(deferred.textAt(4 + 4095)).toBe('row 4099');
    expect(reads).toHaveLength(4098);
  });

  it('throws when the row no longer holds its text', () => {
    const deferred = locatedTexts(texts.field(), () => undefined);
    expect(() => deferred.textAt(0)).toThrow(/changed/u);
  });
});
