import { describe, expect, it } from 'vitest';
import { thrownText } from '../../src/_lib/thrown.js';

describe('thrownText', () => {
  it.each([
    ['an Error', new TypeError('no'), 'TypeError: no'],
    ['a string', 'lost', 'lost'],
    ['a number', 42, '42'],
    ['an object whose toString throws', { toString: () => { throw new Error('x'); } }, 'an error that cannot be shown'],
    ['a revoked Proxy', (() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })(), 'an error that cannot be shown'],
    ['an Error whose message getter throws', Object.defineProperty(new Error('m'), 'message', { get: () => { throw new Error('x'); } }), 'an error that cannot be shown'],
  ])('says what %s says, without throwing', (_name, error, text) => {
    expect(thrownText(error)).toBe(text);
  });

  it('cuts long messages to 200 characters', () => {
    expect(thrownText('x'.repeat(10_000))).toBe(`${'x'.repeat(200)}…`);
  });
});
