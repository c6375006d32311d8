import { describe, expect, it } from 'vitest';
import { headerKey, headerUnit, parseColumnMap, resolveColumns } from '../../../src/io/read/columns.js';
import { OptionsError } from '../../../src/errors.js';

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
