import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAmount } from '../../src/io/amount.js';
import { parseDate } from '../../src/io/date.js';
import { detectDelimiter, parseCsv } from '../../src/io/csv.js';
import { decodeText, detectEncoding, StreamDecoder } from '../../src/io/decode.js';
import { headerKey, headerUnit, parseColumnMap, resolveColumns } from '../../src/io/columns.js';
import { OptionsError } from '../../src/errors.js';
import { D } from '../../src/_lib/decimal.js';

describe('parseAmount', () => {
  it.each([
    ['1234.50', {}, '1234.5', false],
    ['$1,234.50', {}, '1234.5', false],
    ['¥1,234', {}, '1234', false],
    ['1,234元', {}, '1234', false],
    ['(12.34)', {}, '-12.34', true],
    ['-1,277.78', {}, '-1277.78', true],
    ['12.34-', {}, '-12.34', true],
    ['GBP 12.00', {}, '12', false],
    ['1 234,50', { decimalComma: true }, '1234.5', false],
    ['1.234,50', { decimalComma: true }, '1234.5', false],
    ['12,5', { decimalComma: true }, '12.5', false],
    ['28.65', { unit: 10000 }, '286500', false],
    ['0.1', { unit: '10000' }, '1000', false],
  ] as const)('%s %o → %s', (raw, options, amount, negative) => {
    const r = parseAmount(raw, options);
    expect(r).toMatchObject({ ok: true, amount, negative });
  });

  it.each(['', 'abc', '12,5', '1,23,4', '1.2.3', '$', '1 234,50'])('refuses %j without guessing', (raw) => {
    expect(parseAmount(raw).ok).toBe(false);
  });

  it('suggests the decimal comma', () => {
    const r = parseAmount('12,50');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/decimalComma/);
  });

  it('reads a currency from symbols and codes', () => {
    expect(parseAmount('£5')).toMatchObject({ currency: 'GBP' });
    expect(parseAmount('5 EUR')).toMatchObject({ currency: 'EUR' });
    expect(parseAmount('$5')).not.toHaveProperty('currency');
  });

  it('reads any grouped money string exactly (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const grouped = int.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        const r = parseAmount(`$${grouped}.${String(cents).padStart(2, '0')}`);
        expect(r.ok).toBe(true);
        if (r.ok) expect(new D(r.amount).eq(new D(`${int}.${String(cents).padStart(2, '0')}`))).toBe(true);
      }),
    );
  });
});

describe('parseDate', () => {
  it.each([
    ['2014-11-03', undefined, '2014-11-03'],
    ['2014-11-03T23:30:00-05:00', undefined, '2014-11-03'],
    ['2014-11-03 10:00', undefined, '2014-11-03'],
    ['2014/11/3', undefined, '2014-11-03'],
    ['2014.11.03', undefined, '2014-11-03'],
    ['2014年11月3日', undefined, '2014-11-03'],
    ['20141103', undefined, '2014-11-03'],
    ['03/04/2019', 'dd/MM/yyyy', '2019-04-03'],
    ['03/04/2019', 'MM/dd/yyyy', '2019-03-04'],
    ['01-08-2013', 'MM-dd-yyyy', '2013-01-08'],
    ['23/05/17', 'dd/MM/yy', '2017-05-23'],
    ['23/05/49', 'dd/MM/yy', '2049-05-23'],
    ['23/05/50', 'dd/MM/yy', '1950-05-23'],
    ['27/10/2015 00:00', 'dd/MM/yyyy', '2015-10-27'],
  ] as const)('%s with %s → %s', (raw, pattern, iso) => {
    expect(parseDate(raw, pattern)).toEqual({ ok: true, date: iso });
  });

  it('calls day/month-first dates ambiguous without a pattern', () => {
    const r = parseDate('03/04/2019');
    expect(r).toMatchObject({ ok: false, ambiguous: true });
    expect(parseDate('25/04/2019')).toMatchObject({ ok: false, ambiguous: true });
  });

  it.each(['2019-02-30', '2019-13-01', 'yesterday', ''])('refuses %j', (raw) => {
    expect(parseDate(raw)).toMatchObject({ ok: false, ambiguous: false });
  });

  it('refuses text that does not match the pattern', () => {
    expect(parseDate('2019-03-04', 'dd/MM/yyyy').ok).toBe(false);
  });
});

describe('detectDelimiter / parseCsv', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;"2,5";3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['"x,y";b\n1;2\n', ';'],
  ] as const)('%j → %j', (text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });

  it('numbers lines across embedded newlines and CRLF', () => {
    const { rows } = parseCsv('h1,h2\r\n"a\r\nb",1\r\nc,2\r\n');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(rows[1]?.fields).toEqual(['a\r\nb', '1']);
  });
});

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

describe('columns', () => {
  it('normalises headers and reads units', () => {
    expect(headerKey('Transaction Amt.')).toBe('transactionamt');
    expect(headerKey('合同金额(元)')).toBe('合同金额');
    expect(headerUnit('金额（万元）')).toBe('10000');
    expect(headerUnit('合同金额(元)')).toBe('1');
  });

  it('recognises Chinese headers', () => {
    const c = resolveColumns(['序号', '采购单位', '供应商', '合同名称', '品目编码', '预算项目', '采购方式', '合同金额(元)', '签订日期'], { optional: ['currency'] });
    expect(Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v?.headers[0]]))).toEqual({
      id: '序号', buyer: '采购单位', vendor: '供应商', subject: '合同名称', category: '品目编码', project: '预算项目', method: '采购方式', amount: '合同金额(元)', date: '签订日期',
    });
  });

  it('lists the headers found when required fields are unmapped', () => {
    expect(() => resolveColumns(['Foo', 'Bar'])).toThrow(OptionsError);
    expect(() => resolveColumns(['Foo', 'Bar'])).toThrow(/no column for buyer, vendor, date, amount, currency \(headers found: "Foo", "Bar"\)/);
  });

  it('applies explicit maps, joined columns and reports unknown headers', () => {
    const c = resolveColumns(['Dir', 'Card', 'Shop', 'When', 'Amt', 'Cur'], { map: parseColumnMap('buyer=Dir+Card,vendor=Shop,date=When,amount=Amt') });
    expect(c.buyer?.indexes).toEqual([0, 1]);
    expect(c.currency?.headers).toEqual(['Cur']);
    expect(() => resolveColumns(['A'], { map: { buyer: 'Nope' } })).toThrow(/column "Nope" is not in the file/);
    expect(() => parseColumnMap('buyer')).toThrow(OptionsError);
  });
});
