import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, StreamDecoder } from '../../../src/io/read/decode.js';

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

  it('fixes the encoding at the first high byte, even far into a stream', () => {
    const d = new StreamDecoder();
    const a = d.push(enc('a'.repeat(100000)));
    const b = d.push(new Uint8Array([0x4d, 0x96, 0x20]));
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
