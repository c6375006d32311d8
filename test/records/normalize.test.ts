import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categoryKey, isBlank, normalizeText, vendorKey, vendorTrade } from '../../src/records/normalize.js';
import { runs } from '../helpers/runs.js';

describe('vendorKey', () => {
  it.each([
    ['Acme Ltd', 'acme'],
    ['ACME LIMITED', 'acme'],
    ['Acme Co., Ltd.', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Acme, Inc.', 'acme'],
    ['acme plc', 'acme'],
    ['  Acme   Ltd  ', 'acme'],
    ['ＡＣＭＥ　Ｌｔｄ', 'acme'], // full-width letters and ideographic space
    ['Ａｃｍｅ Ｃｏ．，Ｌｔｄ．', 'acme'],
    ['Acme Widgets Ltd', 'acme widgets'],
    ['杭州某某广告有限公司', '杭州某某广告'],
    ['某某股份有限公司', '某某'],
    ['某某有限责任公司', '某某'],
    ['杭州某某广告公司', '杭州某某广告'],
    // Suffixes of both kinds at the end: all are stripped.
    ['Acme Ltd 有限公司', 'acme'],
    // A name that is nothing but a legal form keeps it.
    ['Ltd', 'ltd'],
    // Invisible characters are not part of a name; punctuation alone names no one.
    ['Ac\u00ADme\u200B Ltd', 'acme'],
    ['...', ''],
    ['（）', ''],
    ['有限公司', '有限公司'],
  ])('%s → %s', (name, key) => {
    expect(vendorKey(name)).toBe(key);
  });

  it('gives the same key to the spellings of one vendor and different keys to different vendors', () => {
    const acme = ['Acme Ltd', 'ACME LIMITED', 'Acme Co., Ltd.', 'Acme GmbH', 'ＡＣＭＥ　Ｌｔｄ'].map(vendorKey);
    expect(new Set(acme).size).toBe(1);
    expect(vendorKey('Acme Ltd')).not.toBe(vendorKey('Acne Ltd'));
    expect(vendorKey('杭州某某广告有限公司')).not.toBe(vendorKey('杭州某某标识有限公司'));
  });

  // Names assembled from pieces that matter: words, legal forms (English, European, Chinese),
  // punctuation, full-width forms and spacing, each letter in random case.
  const piece = fc.constantFrom(
    'acme', 'beta', 'widgets', 'signs', 'hangzhou', 'ltd', 'limited', 'co', 'company', 'gmbh', 'inc', 'plc', 'sa', 'ag',
    '杭州', '某某', '广告', '标识', '有限公司', '股份有限公司', '公司', '集团公司',
    ',', '.', '&', '-', '(', ')', ' ', '  ', '\t', 'Ｌｔｄ', 'ＡＣＭＥ', '　', '１２３',
  );
  const randomCase = (s: string, flips: readonly boolean[]) =>
    [...s].map((c, i) => (flips[i % Math.max(1, flips.length)] ? c.toUpperCase() : c)).join('');
  const nameArb = fc
    .tuple(fc.array(piece, { minLength: 1, maxLength: 7 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }))
    .map(([pieces, flips]) => randomCase(pieces.join(' '), flips))
    .filter((s) => s.trim() !== '');

  it('is idempotent: the key of a key is the key', () => {
    fc.assert(
      fc.property(nameArb, (name) => {
        const k = vendorKey(name);
        expect(vendorKey(k)).toBe(k);
      }),
      { numRuns: runs(300) },
    );
  });

  it('is case-insensitive', () => {
    fc.assert(
      fc.property(nameArb, (name) => {
        expect(vendorKey(name.toUpperCase())).toBe(vendorKey(name));
        expect(vendorKey(name.toLowerCase())).toBe(vendorKey(name));
      }),
      { numRuns: runs(300) },
    );
  });

  it('is idempotent and case-insensitive on arbitrary ASCII text too', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 30 }), (name) => {
        const k = vendorKey(name);
        expect(vendorKey(k)).toBe(k);
        expect(vendorKey(name.toUpperCase())).toBe(k);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('normalizeText', () => {
  it.each([
    ['  Ｏｆｆｉｃｅ   Chairs ', 'office chairs'],
    ['City\tHall\n', 'city hall'],
    ['city  hall', 'city hall'],
    ['ＣＩＴＹ　ＨＡＬＬ', 'city hall'],
    ['City\u200BHall', 'cityhall'],
    ['Ci\u00ADty \u2060Hall\uFEFF', 'city hall'],
    ['\u202ECity Hall\u202C', 'city hall'],
    ['\u200B\u00AD', ''],
  ])('%j → %j', (input, out) => {
    expect(normalizeText(input)).toBe(out);
  });

  it('ignores invisible characters wherever they are inserted', () => {
    const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF', '\u202A', '\u202E', '\u2066', '\u2069', '\uFE0F', '\u180E');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 5 }), (text, inserts) => {
        let spiked = text;
        for (const [at, c] of inserts) {
          const i = at % (spiked.length + 1);
          spiked = spiked.slice(0, i) + c + spiked.slice(i);
        }
        fc.pre(!/[\uD800-\uDFFF]/u.test(text)); // an insert could split a surrogate pair
        expect(normalizeText(spiked)).toBe(normalizeText(text));
        expect(vendorKey(spiked)).toBe(vendorKey(text));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('isBlank', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['\u200B\u00AD', true],
    [' \u2060\uFEFF\t', true],
    ['\u202E\u2066', true],
    ['a', false],
    ['\u200Ba', false],
    ['杭州', false],
    ['...', false],
  ])('%j → %s', (s, blank) => {
    expect(isBlank(s)).toBe(blank);
  });

  it('is true exactly when normalizeText leaves nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\t', '\u200B', '\u00AD', '\u2060', 'a', '.', '\u3000', '\uFEFF'), maxLength: 8 }), (s) => {
        expect(isBlank(s)).toBe(normalizeText(s) === '');
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('categoryKey', () => {
  it.each([
    ['45233130-9', '452331309'],
    ['4523 3130 9', '452331309'],
    ['a02.01.01', 'A020101'],
    ['b_07-01', 'B0701'],
    ['Ｂ０７０１', 'B0701'], // full-width
    ['B0701', 'B0701'],
    ['  4523 ', '4523'],
    ['45\u200B23', '4523'],
    ['-', ''],
  ])('%j → %j', (code, key) => {
    expect(categoryKey(code)).toBe(key);
  });

  it('keeps the parent relation: a parent code is a prefix of its child after normalising', () => {
    expect(categoryKey('45233130-9').startsWith(categoryKey('45.23'))).toBe(true);
    expect(categoryKey('A02.01.01').startsWith(categoryKey('a02-01'))).toBe(true);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (code) => {
        const k = categoryKey(code);
        expect(categoryKey(k)).toBe(k);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('vendorTrade', () => {
  it.each([
    // [place] + own name + trade + legal form: the trade is what follows the own name.
    ['Keystone Interiors Ltd', 'interiors'],
    ['GOLDCREST INTERIORS, INC.', 'interiors'],
    ['Apex IT Solutions Co., Ltd.', 'it'],
    ['Northwind Network Services', 'network'],
    ['杭州卫安保安服务有限公司', '保安'],
    ['兴业机电工程有限责任公司', '机电'],
    ['浙江天明律师事务所', '律师'],
    ['Harbor Group Holdings', undefined],
    ['杭州科技有限公司', undefined],
    ['上海远航标识股份有限公司', '标识'],
    ['宁波恒达标识有限公司', '标识'],
    ['东方电脑股份有限公司', '电脑'],
    // Too short to state a trade beside a name.
    ['Acme Ltd', undefined],
    ['永和有限公司', undefined],
    ['有限公司', undefined],
  ])('%s → %s', (name, trade) => {
    expect(vendorTrade(vendorKey(name))).toBe(trade);
  });

  it('is the same for every spelling vendorKey makes one vendor', () => {
    fc.assert(
      fc.property(fc.constantFrom('Keystone Interiors', 'Apex IT Solutions', '上海远航标识'), fc.constantFrom('', ' Ltd', ' Co., Ltd.', ' LIMITED', '股份有限公司', '有限公司'), fc.boolean(), (name, form, upper) => {
        const spelt = upper ? (name + form).toUpperCase() : name + form;
        expect(vendorTrade(vendorKey(spelt))).toBe(vendorTrade(vendorKey(name)));
      }),
      { numRuns: runs(100) },
    );
  });
});
