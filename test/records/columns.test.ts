/** TextFieldBuilder: numbers texts as a Map that counts first sightings would, however many distinct texts it meets. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type PackedTexts, TextFieldBuilder } from '../../src/records/columns.js';
import { readOptional } from '../../src/records/fields.js';
import { runs } from '../helpers/runs.js';

describe('TextFieldBuilder', () => {
  it('numbers texts as a Map oracle does, before and past the few it looks up in a Map first', () => {
    fc.assert(
      fc.property(
        // Distinct texts from a few to past 4,096 (where the Map is left), then texts met again.
        fc.integer({ min: 1, max: 6000 }),
        fc.array(fc.oneof(fc.nat({ max: 7000 }), fc.constant(-1)), { maxLength: 300 }),
        fc.boolean(),
        (distinct, again, copy) => {
          const text = (i: number): string | undefined => (i < 0 ? undefined : i % 3 === 0 ? `t${i}` : `a text long enough to be copied, number ${i}`);
          const pushed = [...Array.from({ length: distinct }, (_, i) => text(i)), ...again.map(text)];
          const b = new TextFieldBuilder(copy ? 'copy' : undefined);
          const oracle = new Map<string, number>();
          for (const t of pushed) {
            b.push(t === undefined ? undefined : t.slice(0));
            if (t !== undefined && !oracle.has(t)) oracle.set(t, oracle.size);
          }
          // Then another builder's records, numbered with its hashes (a reading thread's, as absorbed), and one more push.
          const other = new TextFieldBuilder();
          const theirs = [...again.map(text), text(distinct + 1)];
          for (const t of theirs) other.push(t);
          b.pushNumbered(other.numbers(), other.texts, other.hashes());
          b.push(text(distinct + 2));
          for (const t of [...theirs, text(distinct + 2)]) if (t !== undefined && !oracle.has(t)) oracle.set(t, oracle.size);
          pushed.push(...theirs, text(distinct + 2));
          expect([...b.numbers()]).toEqual(pushed.map((t) => (t === undefined ? -1 : (oracle.get(t) as number))));
          expect(b.texts).toEqual([...oracle.keys()]);
          pushed.forEach((t, i) => expect(b.get(i)).toBe(t));
        },
      ),
      { numRuns: runs(30) },
    );
  });

  it('numbered each (one entry per record, nothing looked up) gives every record the text a plain builder gives it (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('a', 'b', 'a text long enough to be copied', ''), { nil: undefined }), { maxLength: 60 }), fc.nat({ max: 60 }), (texts, cut) => {
        const plain = new TextFieldBuilder('copy');
        const each = new TextFieldBuilder('copy', true);
        // The first texts pushed one by one, the others as another (reading) thread's, absorbed.
        const stop = Math.min(cut, texts.length);
        for (const t of texts.slice(0, stop)) {
          plain.push(t);
          each.push(t);
        }
        const other = new TextFieldBuilder(undefined, true);
        for (const t of texts.slice(stop)) other.push(t);
        plain.pushNumbered(other.numbers(), other.texts);
        each.pushNumbered(other.numbers(), other.texts, other.hashes());
        const all = texts.map((_, i) => i);
        texts.forEach((t, i) => {
          expect(each.get(i)).toBe(t);
          expect(plain.get(i)).toBe(t);
        });
        // One entry per record that has a text, in order: numbers 0, 1, 2 … skipping the records without.
        let next = 0;
        expect([...each.numbers()]).toEqual(texts.map((t) => (t === undefined ? -1 : next++)));
        expect(each.pick(all).each).toBe(true);
        expect(plain.pick(all).each).toBeUndefined();
      }),
      { numRuns: runs(100) },
    );
  });

  it('marks a field of texts kept one per record plain only when validation reads every text as it is (property)', () => {
    const text = fc.oneof(fc.constantFrom('signs', 'a b', ' lights', 'lights ', '\u200B', '\u00A0x', 'x\u3000', '道路', ''), fc.string({ maxLength: 6 }), fc.constant(undefined));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), fc.array(text, { maxLength: 20 }), fc.boolean(), (first, second, plainSecond) => {
        const b = new TextFieldBuilder('copy', true);
        for (const t of first) b.push(t);
        const asRead = (ts: readonly (string | undefined)[]) => ts.every((t) => t === undefined || readOptional('subject', t) === t);
        expect(b.plainTexts).toBe(asRead(first));
        const field = b.pick(first.map((_, i) => i));
        expect(field.plain === true).toBe(asRead(first));
        // Texts numbered by another builder: plain only if that builder said so.
        const other = new TextFieldBuilder('copy', true);
        for (const t of second) other.push(t);
        b.pushNumbered(other.numbers(), other.texts, other.hashes(), plainSecond && other.plainTexts);
        const any = second.some((t) => t !== undefined);
        expect(b.plainTexts).toBe(asRead(first) && (!any || (plainSecond && asRead(second))));
      }),
      { numRuns: runs(300) },
    );
  });

  it('never marks plain a field whose texts are numbered as distinct', () => {
    const b = new TextFieldBuilder('copy');
    b.push('signs');
    expect(b.plainTexts).toBe(false);
    expect(b.pick([0]).plain).toBeUndefined();
  });

  it('keeps texts sent as bytes until read: each read alone, or all at once, as the texts pushed numbered (property)', () => {
    const text = fc.oneof(fc.constantFrom('signs', 'Café Ré', 'emoji 😀 and 𝄞', 'a\nb', ' padded '), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 }));
    fc.assert(
      fc.property(
        fc.array(fc.option(text, { nil: undefined }), { maxLength: 40 }),
        fc.array(fc.array(fc.option(text.filter((s) => (s as unknown as { isWellFormed(): boolean }).isWellFormed()), { nil: undefined }), { maxLength: 30 }), { maxLength: 3 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (first, parts, perChunk, readAll) => {
          const plain = new TextFieldBuilder('copy', true);
          const lazy = new TextFieldBuilder('copy', true);
          for (const t of first) {
            plain.push(t);
            lazy.push(t);
          }
          for (const part of parts) {
            const texts = part.filter((t): t is string => t !== undefined);
            // Numbered in order, each once (numbered each): the i-th text given is text i.
            let next = 0;
            const at = Int32Array.from(part, (t) => (t === undefined ? -1 : next++));
            plain.pushNumbered(at, texts, new Int32Array(0), false);
            lazy.pushPacked(at, packed(texts, perChunk), false);
          }
          const want = plain.pick();
          const got = lazy.pick();
          expect([...got.at]).toEqual([...want.at]);
          if (readAll) expect(got.texts).toEqual(want.texts);
          want.texts.forEach((t, i) => expect(got.textAt ? got.textAt(i) : got.texts[i]).toBe(t));
          expect(got.texts).toEqual(want.texts);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

/** `texts` as UTF-8 bytes, `perChunk` texts a chunk, as a reading thread sends them. */
function packed(texts: readonly string[], perChunk: number): PackedTexts {
  const bytes: Uint8Array[] = [];
  const counts: number[] = [];
  const ends: number[] = [];
  const byteEnds: number[] = [];
  for (let from = 0; from < texts.length; from += perChunk) {
    const chunk = texts.slice(from, from + perChunk);
    let units = 0;
    let used = 0;
    const parts = chunk.map((t) => new TextEncoder().encode(t));
    chunk.forEach((t, i) => {
      units += t.length;
      used += (parts[i] as Uint8Array).length;
      ends.push(units);
      byteEnds.push(used);
    });
    const all = new Uint8Array(used);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    bytes.push(all);
    counts.push(chunk.length);
  }
  return { bytes, counts: Int32Array.from(counts), ends: Int32Array.from(ends), byteEnds: Int32Array.from(byteEnds) };
}
