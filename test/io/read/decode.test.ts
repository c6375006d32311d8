import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText, detectEncoding, narrowRuns, sameAsLatin1, sniffEncoding, StreamDecoder } from '../../../src/io/read/decode.js';
import { InputError } from '../../../src/errors.js';
import { runs } from '../../helpers/runs.js';

describe('decode', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it('detects BOMs, UTF-16 without BOM, UTF-8, GB18030 and Windows-1252', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toBe('utf-16le');
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x41]))).toBe('utf-16be');
    expect(detectEncoding(new Uint8Array([0x41, 0, 0x42, 0, 0x43, 0, 0x44, 0]))).toBe('utf-16le');
    expect(detectEncoding(enc('采购单位,金额'))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xb2, 0xc9, 0xb9, 0xba, 0xb5, 0xa5, 0xce, 0xbb]))).toBe('gb18030');
    expect(detectEncoding(new Uint8Array([0x4d, 0x20, 0x96, 0x20, 0x48]))).toBe('windows-1252');
    expect(detectEncoding(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2c]))).toBe('windows-1252');
  });

  it('honours an override and strips the BOM', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xe9]), 'windows-1252').text).toBe('é');
  });

  it('decides the encoding on the bytes from the first high byte, even far into a stream', () => {
    const d = new StreamDecoder();
    const a = d.push(enc('a'.repeat(100000)));
    const b = d.push(new Uint8Array([0x4d, 0x96, 0x20])) + d.end();
    expect(a.length + b.length).toBe(100003);
    expect(b).toBe('M– ');
    expect(d.encoding).toBe('windows-1252');
  });

  it('keeps a UTF-8 character cut between chunks', () => {
    const bytes = enc('标牌');
    const d = new StreamDecoder();
    expect(d.push(bytes.subarray(0, 2)) + d.push(bytes.subarray(2)) + d.end()).toBe('标牌');
  });

  it('throws an InputError on invalid UTF-8 when UTF-8 is forced', () => {
    expect(() => decodeText(new Uint8Array([0x61, 0xff, 0x62]), 'utf-8')).toThrow(/not valid utf-8/);
  });
});

describe('encoding evidence from the whole sample', () => {
  const ascii = (n: number) => new TextEncoder().encode('TORONTO WATER,ESSO,2021-01-12,100.00\r\n'.repeat(n));
  const cat = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) (out.set(p, at), (at += p.length));
    return out;
  };
  const decodeChunked = (bytes: Uint8Array, size = 1 << 16) => {
    const d = new StreamDecoder();
    let text = '';
    for (let i = 0; i < bytes.length; i += size) text += d.push(bytes.subarray(i, i + size));
    return { text: text + d.end(), encoding: d.encoding };
  };

  it('reads a no-break space before a letter as Windows-1252, not a GBK pair', () => {
    // Toronto 2011-12 and 2020-05: "CORP.\xa0INFO", "\xa0ENV" — the first high bytes form GBK pairs.
    const bytes = cat(ascii(4000), new Uint8Array([0x50, 0x2e, 0xa0, 0x49, 0x4e, 0x46]), ascii(10), new Uint8Array([0x0d, 0x0a, 0xa0, 0x45, 0x4e, 0x56]), ascii(4000), new Uint8Array([0x4c, 0x20, 0x34, 0x92, 0x20]));
    expect(detectEncoding(bytes)).toBe('windows-1252');
    const r = decodeChunked(bytes);
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('P.\u00a0INF');
    expect(r.text).toContain('L 4\u2019 ');
  });

  it('reads accented letters of a Latin word as Windows-1252, though two of them make a common GB pair', () => {
    // The fuzzer's short Portuguese ledger: "Educação" is 45 64 75 63 61 E7 E3 6F, and E7 E3 is a
    // common GB2312 character; so is "öß" of "Größe" (F6 DF).
    const latin1 = (s: string) => Uint8Array.from([...s], (c) => c.charCodeAt(0));
    const pt = latin1('buyer;vendor;date;amount;currency;subject\nSecretaria de Educa\u00e7\u00e3o;Papelaria Central;2020-01-02;100,00;BRL;Aquisi\u00e7\u00e3o de material\nSecretaria de Educa\u00e7\u00e3o;Gr\u00f6\u00dfe GmbH;2020-01-03;200,00;BRL;Aquisi\u00e7\u00e3o de papel\n');
    const guess = sniffEncoding(pt);
    expect(guess.encoding).toBe('windows-1252');
    expect(guess.evidence).toContain('5 of 5 double-byte characters would stand alone inside Latin words');
    expect(decodeChunked(pt).text).toContain('Secretaria de Educação;Größe GmbH');
    // Chinese beside Latin letters (a model number, a building letter) is still Chinese.
    const gb = new Uint8Array([0x41, 0xc7, 0xf8, 0x42, 0xb6, 0xb0, 0x2c, 0xb2, 0xc9, 0xb9, 0xba, 0xb5, 0xa5, 0xce, 0xbb]); // A区B栋,采购单位
    expect(sniffEncoding(cat(ascii(3), gb)).encoding).toBe('gb18030');
  });

  it('still reads Chinese GB18030 text as GB18030', () => {
    const gb = new Uint8Array([0xb2, 0xc9, 0xb9, 0xba, 0xb5, 0xa5, 0xce, 0xbb, 0x2c, 0xb9, 0xa9, 0xd3, 0xa6, 0xc9, 0xcc]); // 采购单位,供应商
    expect(decodeChunked(cat(ascii(3000), gb, ascii(2))).encoding).toBe('gb18030');
  });

  it('reports the true byte offset and line of an undecodable byte, and names the fix', () => {
    const bytes = cat(ascii(5000), new Uint8Array([0x43, 0x41, 0x46, 0xc9, 0x2c]), ascii(3));
    const at = 5000 * 38 + 3;
    let message = '';
    try {
      // The reader of the text counts its line breaks; the decoder adds those of the bytes it stopped in.
      let text = '';
      const d = new StreamDecoder('utf-8', () => text.split('\n').length - 1);
      for (let i = 0; i < bytes.length; i += 1 << 16) text += d.push(bytes.subarray(i, i + (1 << 16)));
      d.end();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(new RegExp(`byte 0xC9 at offset ${at.toLocaleString('en')} \\(line 5,001\\)`, 'u'));
    expect(message).toMatch(/windows-1252/u);
  });

  it('says a file that ends inside a character looks truncated, and names no encoding that would garble it', () => {
    const message = (bytes: Uint8Array, encoding: 'auto' | 'utf-8' = 'auto') => {
      try {
        decodeText(bytes, encoding);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      return '';
    };
    // Café Müller, then a row cut inside its é.
    const cut = cat(new TextEncoder().encode('buyer,vendor,date,amount,currency\nCity,Café Müller,2020-01-02,100,EUR\nCity,Caf'), new Uint8Array([0xc3]));
    expect(message(cut)).toBe(
      'the input ends inside a character: its last byte, 0xC3, at offset 80 (line 3), starts a utf-8 character that never ends (detected: 2 valid UTF-8 multi-byte characters in 39 bytes from byte 42, the first non-ASCII one); the file looks truncated (cut short in a copy or a download?)',
    );
    expect(message(new TextEncoder().encode('a,采购').subarray(0, 7))).toMatch(/its last 2 bytes, 0xE8 0xB4, at offset 5 \(line 1\), start a utf-8 character that never ends .*; the file looks truncated \(cut short in a copy or a download\?\)$/u);
    // UTF-16 with a byte-order mark and an odd byte at the end: no encoding given would read it, the mark wins.
    expect(message(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x0a, 0, 0x43]))).toBe(
      'the input ends inside a character: its last byte, 0x43, at offset 6 (line 2), starts a utf-16le character that never ends (detected: byte-order mark FF FE); the file looks truncated (cut short in a copy or a download?)',
    );
    // Nothing but ASCII before: a lone é of Windows-1252 ends the file as well as a cut one, so both are said.
    expect(message(cat(ascii(2), new Uint8Array([0x43, 0x61, 0x66, 0xe9])))).toMatch(/ends inside a character: its last byte, 0xE9, .*looks truncated \(cut short in a copy or a download\?\), or it is not utf-8: give the encoding windows-1252 \(option encoding; the command: --encoding windows-1252\)$/u);
    expect(message(cat(ascii(2), new Uint8Array([0xe9])), 'utf-8')).toMatch(/, or it is not utf-8: give the encoding windows-1252/u);
    // A byte that is invalid before the end is still named as such.
    expect(message(cat(new Uint8Array([0x61, 0xff, 0x62, 0xc3])), 'utf-8')).toMatch(/^byte 0xFF at offset 1 \(line 1\) is not valid utf-8; the bytes there look like windows-1252: give the encoding windows-1252 \(option encoding; the command: --encoding windows-1252\)$/u);
  });

  it('says so whatever the chunks, for any UTF-8 text cut inside its last character (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ',', '\n', 'é', '标', '😀'), { maxLength: 40 }), fc.constantFrom('é', '标', '😀'), fc.integer({ min: 1, max: 3 }), fc.array(fc.nat(30), { maxLength: 4 }), (text, last, keep, cuts) => {
        const bytes = new TextEncoder().encode(text.join('') + last);
        const cut = bytes.subarray(0, bytes.length - (new TextEncoder().encode(last).length - Math.min(keep, new TextEncoder().encode(last).length - 1)));
        const d = new StreamDecoder();
        let error = '';
        try {
          let at = 0;
          for (const c of [...cuts, cut.length]) {
            const next = Math.min(cut.length, at + c);
            d.push(cut.subarray(at, next));
            at = next;
          }
          d.end();
        } catch (e) {
          error = (e as Error).message;
        }
        expect(error).toMatch(/^the input ends inside a character: .* the file looks truncated/u);
        if (/[^\x00-\x7f]/u.test(text.join(''))) expect(error).not.toMatch(/--encoding/u);
      }),
      { numRuns: runs(300) },
    );
  });

  it('gives the evidence it decided on', () => {
    expect(sniffEncoding(new TextEncoder().encode('a,b\nCafé,1\n')).evidence).toMatch(/UTF-8/u);
    expect(sniffEncoding(new Uint8Array([0x4c, 0x20, 0x34, 0x92, 0x20])).evidence).toMatch(/Windows-1252/u);
  });
});

describe('Windows-1252', () => {
  it('reads bytes 80–9F as the characters Windows-1252 has there, not C1 controls', () => {
    // WHATWG windows-1252 index; Node ≥ 20.18.3 decodes these as ISO-8859-1 (nodejs/node#60888).
    const expected = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeText(bytes, 'windows-1252').text).toBe(expected);
    expect(decodeText(Uint8Array.of(0x41, 0xff, 0xfe, 0x41), 'windows-1252').text).toBe('AÿþA');
  });
});

describe('a native ISO-8859-1 decoder (Node: Buffer latin1), where it reads the bytes the same', () => {
  const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
  /** Bytes of each kind the encodings treat apart: ASCII, 80–9F, Latin-1 letters, UTF-8 leads and continuations, line feeds. */
  const byteArb = fc.constantFrom(0x41, 0x0a, 0x2c, 0x80, 0x92, 0x9f, 0xa0, 0xc3, 0xa9, 0xe2, 0x80, 0xc9, 0xff, 0x00);
  const utf8Arb = fc.array(fc.constantFrom('a', ',', '\n', 'é', '’', '标', '€', 'É'), { maxLength: 80 }).map((cs) => new TextEncoder().encode(cs.join('')));

  it('gives the text TextDecoder gives, whatever the encoding, the chunks and the marks given', () => {
    const encodingArb = fc.constantFrom('windows-1252', 'utf-8', 'gb18030', 'utf-16le', 'auto') as fc.Arbitrary<'windows-1252' | 'utf-8' | 'gb18030' | 'utf-16le' | 'auto'>;
    fc.assert(
      fc.property(fc.oneof(fc.array(byteArb, { maxLength: 200 }).map((b) => new Uint8Array(b)), utf8Arb), encodingArb, fc.array(fc.nat(64), { maxLength: 6 }), fc.boolean(), (bytes, encoding, cuts, mark) => {
        const decode = (d: StreamDecoder): string | Error => {
          try {
            let text = '';
            let at = 0;
            for (const c of [...cuts, bytes.length]) {
              const next = Math.min(bytes.length, at + c);
              const chunk = bytes.subarray(at, next);
              // A caller may mark only bytes it knows read the same: Windows-1252 without 80–9F.
              const same = mark && d.encoding === 'windows-1252' && d.decoding && !chunk.some((b) => b >= 0x80 && b <= 0x9f);
              text += d.push(chunk, same);
              at = next;
            }
            return text + d.end();
          } catch (e) {
            return e as Error;
          }
        };
        const plain = decode(new StreamDecoder(encoding));
        const fast = decode(new StreamDecoder(encoding, () => 0, latin1));
        if (plain instanceof Error) expect(fast instanceof Error ? fast.message : fast).toBe(plain.message);
        else expect(fast).toBe(plain);
      }),
      { numRuns: runs(500) },
    );
  });

  it('tells bytes that read the same as ISO-8859-1 from those that do not', () => {
    fc.assert(
      fc.property(fc.array(byteArb, { maxLength: 40 }), fc.nat(3), (given, offset) => {
        const bytes = new Uint8Array(given.length + offset).subarray(offset);
        bytes.set(given);
        expect(sameAsLatin1(bytes, 'windows-1252')).toBe(!given.some((b) => b >= 0x80 && b <= 0x9f));
        expect(sameAsLatin1(bytes, 'utf-8')).toBe(!given.some((b) => b >= 0x80));
        expect(sameAsLatin1(bytes, 'utf-16le')).toBe(false);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('sameAsLatin1 over long ASCII stretches', () => {
  it('finds a byte of 80–9F (or any non-ASCII byte, for UTF-8) wherever it stands among whole ASCII words, at any alignment', () => {
    // Mostly ASCII, so that whole words are skipped, with a few high bytes anywhere.
    const high = fc.constantFrom(0x80, 0x92, 0x9f, 0xa0, 0xc9, 0xff);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.array(fc.tuple(fc.nat(), high), { maxLength: 3 }), fc.nat(3), (length, marks, offset) => {
        const given = new Uint8Array(length).fill(0x41);
        for (const [at, b] of marks) if (length > 0) given[at % length] = b;
        const bytes = new Uint8Array(length + offset).subarray(offset);
        bytes.set(given);
        expect(sameAsLatin1(bytes, 'windows-1252')).toBe(!given.some((b) => b >= 0x80 && b <= 0x9f));
        expect(sameAsLatin1(bytes, 'utf-8')).toBe(!given.some((b) => b >= 0x80));
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('narrowRuns', () => {
  const WIDE_1252 = (b: number) => b >= 0x80 && b <= 0x9f;
  /** Lines of ASCII, Latin-1 letters (É, no-break space) and Windows-1252's wide characters (’ –). */
  const lineArb = fc.array(fc.constantFrom(0x41, 0x20, 0x2c, 0xc9, 0xa0, 0x92, 0x96, 0x0d), { maxLength: 40 }).map((b) => [...b, 0x0a]);
  const bytesArb = fc.tuple(fc.array(lineArb, { maxLength: 60 }), fc.array(fc.constantFrom(0x41, 0x92), { maxLength: 5 })).map(([lines, tail]) => new Uint8Array([...lines.flat(), ...tail]));

  it('cuts only after line feeds, loses no byte, and leaves no wide byte in a long narrow stretch', () => {
    fc.assert(
      fc.property(bytesArb, fc.nat(3), (given, offset) => {
        // At any alignment: the bytes are read four at a time where they can be.
        const bytes = new Uint8Array(given.length + offset).subarray(offset);
        bytes.set(given);
        const parts: Uint8Array[] = [];
        const narrow: boolean[] = [];
        narrowRuns(bytes, 'windows-1252', (p, n) => (parts.push(p), narrow.push(n)));
        // A part is called narrow when it holds no wide byte; a wide part holds one.
        parts.forEach((p, i) => expect(narrow[i]).toBe(!p.some(WIDE_1252)));
        // Together the parts are the bytes, in order, and none is empty (unless the input is).
        expect(Buffer.concat(parts).equals(Buffer.from(bytes))).toBe(true);
        if (bytes.length > 0) for (const p of parts) expect(p.length).toBeGreaterThan(0);
        // Every cut follows a line feed.
        let at = 0;
        for (const p of parts.slice(0, -1)) {
          at += p.length;
          expect(bytes[at - 1]).toBe(0x0a);
        }
        // A line with a wide byte never shares a part with a line of a part that has none, and a
        // narrow stretch of 256 bytes or more between wide lines is a part of its own.
        for (const p of parts) {
          const lines = Buffer.from(p).toString('latin1').split(/(?<=\n)/u);
          const wide = lines.map((l) => [...l].some((c) => WIDE_1252(c.charCodeAt(0))));
          if (!wide.some(Boolean)) continue;
          let run = 0;
          for (let i = 0; i < lines.length; i++) {
            if (wide[i]) run = 0;
            else run += (lines[i] as string).length;
            if (wide[i] && i > 0) expect(run).toBeLessThan(256);
          }
          // A part with a wide line starts and ends with one (its narrow neighbours are cut away).
          expect(wide[0]).toBe(true);
          expect(wide[wide.length - 1] || !(lines[lines.length - 1] as string).endsWith('\n')).toBe(true);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('passes other encodings, and text without a wide character, whole', () => {
    const bytes = new TextEncoder().encode('采购\n办公\n');
    const parts: Uint8Array[] = [];
    narrowRuns(bytes, 'gb18030', (p) => parts.push(p));
    narrowRuns(new Uint8Array([0x41, 0x0a, 0xc9, 0x0a]), 'windows-1252', (p) => parts.push(p));
    expect(parts.map((p) => p.length)).toEqual([bytes.length, 4]);
  });

  it('keeps the lines of a UTF-8 character beyond U+00FF apart (É is not one of them)', () => {
    const parts: string[] = [];
    narrowRuns(new TextEncoder().encode('Café\nb’\nÉ\n'), 'utf-8', (b) => parts.push(new TextDecoder().decode(b)));
    expect(parts).toEqual(['Café\n', 'b’\n', 'É\n']);
  });
});
