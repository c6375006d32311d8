/** StringIds: numbers strings as a Map that counts first sightings would. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { StringIds } from '../../src/records/stringIds.js';
import { runs } from '../helpers/runs.js';

describe('StringIds', () => {
  // Few characters, so strings repeat; lone surrogates and long strings included.
  const stringArb = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'b', 'é', '’', '\ud800', ' '), maxLength: 6 }),
    fc.string({ minLength: 20, maxLength: 300 }),
    // Long strings of few units (they repeat), lone surrogates and U+FFFD among them.
    fc.string({ unit: fc.constantFrom('a', '\ud800', '\udc00', '\ufffd', '😀'), minLength: 24, maxLength: 28 }),
    fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 4090, maxLength: 4100 }),
  );

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

  it("keeps copies a batch at a time ('copy') without changing a number or a text", () => {
    // Cells cut from a long text, as a loader keeps them: enough of them to copy several batches.
    const cellArb = fc.oneof(stringArb, fc.string({ unit: fc.constantFrom('a', 'b', 'é'), minLength: 13, maxLength: 40 }));
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 400 }), fc.integer({ min: 0, max: 400 }), (cells, settleAt) => {
        const text = cells.join('|');
        let at = 0;
        const cut = cells.map((c) => {
          const s = text.slice(at, at + c.length);
          at += c.length + 1;
          return s;
        });
        const plain = new StringIds();
        const copied = new StringIds('copy');
        cut.forEach((s, i) => {
          if (i === settleAt) copied.settle();
          expect(copied.id(s)).toBe(plain.id(s));
        });
        copied.settle();
        expect(copied.texts).toEqual(plain.texts);
        for (const s of cut) expect(copied.get(s)).toBe(plain.get(s));
      }),
      { numRuns: runs(100) },
    );
    // Past a batch's worth of characters (256 Ki): copies made while numbering goes on.
    const long = (i: number): string => `${i} ${'x'.repeat(3000)}`;
    const ids = new StringIds('copy');
    for (let i = 0; i < 300; i++) expect(ids.id(long(i).slice(0))).toBe(i);
    for (let i = 0; i < 300; i++) expect([ids.id(long(i)), ids.texts[i]]).toEqual([i, long(i)]);
  });

  it("keeps each text as it was when a batch mixes texts of one byte a character and texts with wider ones ('copy', append)", () => {
    // Cells cut from lines holding a wide character (two bytes a character in V8 however narrow the
    // cell), beside cells with characters up to U+00FF, wide ones, surrogate pairs and lone ones.
    const unit = fc.constantFrom('a', 'Z', ' ', 'é', 'ÿ', '\u0080', '\u0100', '’', '😀', '\ud800', '\udc00', '\ufffd', '\ufeff');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, minLength: 13, maxLength: 60 }), { maxLength: 200 }), fc.boolean(), (cells, wideLine) => {
        const text = `${wideLine ? '’' : ''}${cells.join('|')}`;
        let at = wideLine ? 1 : 0;
        const ids = new StringIds('copy');
        for (const c of cells) {
          ids.append(text.slice(at, at + c.length));
          at += c.length + 1;
        }
        ids.settle();
        expect(ids.texts).toEqual(cells);
      }),
      { numRuns: runs(100) },
    );
    // Past a batch's worth of characters (256 Ki): narrow cuts of a wide text, and wide ones.
    const line = (i: number): string => `${i}’ ${'x'.repeat(3000)}${i % 7 === 0 ? '€' : ''}`;
    const ids = new StringIds('copy');
    for (let i = 0; i < 300; i++) ids.append(line(i).slice(i.toString().length + 1));
    for (let i = 0; i < 300; i++) expect(ids.texts[i]).toBe(line(i).slice(i.toString().length + 1));
  });

  it('tells apart long strings whose UTF-8 bytes are the same (a lone surrogate and U+FFFD)', () => {
    // Long strings are hashed from their UTF-8 bytes, where a lone surrogate is written as U+FFFD.
    const head = 'subject of a purchase, long enough ';
    const ids = new StringIds();
    const a = `${head}\ud800 end`;
    const b = `${head}\ufffd end`;
    expect([ids.id(a), ids.id(b), ids.id(a), ids.id(b)]).toEqual([0, 1, 0, 1]);
    expect([ids.get(a), ids.get(b), ids.get(`${head}\udfff end`)]).toEqual([0, 1, -1]);
  });

  it('tells apart many long strings that differ in one character, across several growths', () => {
    const ids = new StringIds();
    const n = 20000;
    const long = (i: number): string => `${'purchase order for the parks department '.repeat(2)}${i} of the year`;
    for (let i = 0; i < n; i++) expect(ids.id(long(i))).toBe(i);
    for (let i = 0; i < n; i++) expect(ids.get(long(i))).toBe(i);
    expect(ids.size).toBe(n);
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
