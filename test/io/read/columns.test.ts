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

  it('splits pairs only at a comma before a field name and =, so a header may hold commas and =', () => {
    expect(parseColumnMap('amount=Amount, CAD')).toEqual({ amount: 'Amount, CAD' });
    expect(parseColumnMap('amount=Amount, CAD, buyer = Dept,vendor=A=B,')).toEqual({ amount: 'Amount, CAD', buyer: 'Dept', vendor: 'A=B' });
    expect(parseColumnMap('id=,document=Transaction ID')).toEqual({ id: '', document: 'Transaction ID' });
    expect(() => parseColumnMap('Amount, CAD')).toThrow(/"Amount, CAD" is not field=Header/u);
  });

  it('reads a header that holds + whole when it is written as in the file; + joins other headers', () => {
    const headers = ['Buyer', 'Vendor', 'Date', 'Amount+VAT', 'Amount', 'VAT'];
    expect(resolveColumns(headers, { map: { amount: 'Amount+VAT' }, optional: ['currency'] }).amount?.indexes).toEqual([3]);
    expect(resolveColumns(headers, { map: { amount: ' Amount+VAT#1 ' }, optional: ['currency'] }).amount?.indexes).toEqual([3]);
    expect(resolveColumns(headers, { map: { buyer: 'Buyer+VAT', amount: 'Amount' }, optional: ['currency'] }).buyer?.indexes).toEqual([0, 5]);
    // An empty header does not make every name with a + whole.
    expect(resolveColumns(['Dir', 'Card', 'Vendor', 'Date', 'Amount', ''], { map: { buyer: 'Dir+Card' }, optional: ['currency'] }).buyer?.indexes).toEqual([0, 1]);
  });

  it('reads the first of A|B the file has, names both when it has neither, and reads a header holding | whole', () => {
    // Toronto's months: "G/L Account Description" in most, "Exp Type Desc" in December 2015.
    const map = { method: 'G/L Account Description|Exp Type Desc' };
    const month = (method: string) => ['Division', 'Merchant Name', 'Transaction Date', 'Transaction Amt.', 'Trx Currency', method];
    expect(resolveColumns(month('G/L Account Description'), { map }).method).toMatchObject({ indexes: [5], how: 'map' });
    expect(resolveColumns(month('Exp Type Desc'), { map }).method).toMatchObject({ indexes: [5], headers: ['Exp Type Desc'] });
    expect(resolveColumns([...month('Exp Type Desc'), 'G/L Account Description'], { map }).method?.headers).toEqual(['G/L Account Description']);
    // Neither: an error naming both, or (reading several files) a call for the file's warning.
    expect(() => resolveColumns(month('Expense'), { map })).toThrow('none of the columns "G/L Account Description", "Exp Type Desc" is in the file');
    const missing: string[] = [];
    resolveColumns(month('Expense'), { map, onUnknownHeader: (field, header) => void missing.push(`${field}: ${header}`) });
    expect(missing).toEqual(['method: G/L Account Description | Exp Type Desc']);
    // Each alternative may join columns; a header holding | itself is read whole.
    expect(resolveColumns([...month('Exp Type Desc'), 'Card'], { map: { buyer: 'Dept+Card|Division+Card' } }).buyer?.indexes).toEqual([0, 6]);
    expect(resolveColumns([...month('x'), 'Cost|Centre'], { map: { project: 'Cost|Centre' } }).project?.indexes).toEqual([6]);
  });
});

describe('Toronto\'s cost-centre column, however a year spells it', () => {
  it.each([
    'Cost Centre / WBS Element',
    'Cost Centre/WBS Element',
    'Cost Centre / WBS Element / Order',
    'Cost Centre/ WBS Element / Order',
    'Cost Centre / WBS Element / Order #',
    'Cost Centre / WBS Element / Order No.',
    'Cost Centre / WBS Element / Work Order Number',
    'Cost Center / WBS Element / Order',
    'Cost Center / WBS Element',
  ])('reads %j as the project, not its description beside it', (header) => {
    const c = resolveColumns(['Division', 'Merchant Name', 'Transaction Date', 'Transaction Amt.', 'Trx Currency', header, `${header} Description`]);
    expect(c.project?.headers).toEqual([header]);
  });
});

describe('other publishers\' headers, read without a map', () => {
  // Headers of public spending files nobody here wrote (first rows read from the public repositories
  // named; the councils' files as the ODI Leeds council-spending-data collection republishes them).
  const mapped = (headers: string[]) => Object.fromEntries(Object.entries(resolveColumns(headers, { optional: ['currency'] })).map(([f, c]) => [f, c?.headers.join('+')]));
  it.each([
    [
      'Leeds City Council, payments (odileeds/council-spending-data leeds/2013-12.csv)',
      ['Body', 'BodyName', 'ServiceLabel', 'ServiceDivisionLabel', 'ExpenditureCategory', 'DetailedExpenditureType', 'DetailedExpenditureCode', 'DatePaid', 'TransactionNumber', 'NetAmount', 'CapitalOrRevenue', 'SupplierName'],
      { id: 'TransactionNumber', buyer: 'ServiceLabel', vendor: 'SupplierName', date: 'DatePaid', amount: 'NetAmount', category: 'DetailedExpenditureCode' },
    ],
    [
      'Calderdale, purchase cards (calderdale/2014-12_a_clean.csv)',
      ['Body', 'Body Name', 'Transaction Date', 'Transaction number', 'Supplier Name', 'Net Amount', 'Merchant Category', 'Merchant Category Group', 'Expense Area', 'Expense Type', 'Expense Code'],
      { id: 'Transaction number', buyer: 'Expense Area', vendor: 'Supplier Name', date: 'Transaction Date', amount: 'Net Amount', category: 'Expense Code' },
    ],
    [
      'Lambeth, invoices (zenlan/lambethdatastore payments-to-suppliers/2012-06-payments.csv)',
      ['Body', 'Department', 'Supplier Name', 'Invoice Creation Date', 'Invoice Nett Amount', 'Subj Description'],
      { buyer: 'Department', vendor: 'Supplier Name', date: 'Invoice Creation Date', amount: 'Invoice Nett Amount', subject: 'Subj Description' },
    ],
    [
      'Sheffield, payments (sheffield/clean/2017-01.csv)',
      ['Body Name', 'Organisational Unit', 'Business Unit No.', 'Business Unit Description', 'Expense Code', 'Expense Code Description', 'GL Date', 'Document No.', 'Invoice No.', 'Invoiced Value', 'Supplier Name', 'Address Book No.', 'Proclass Details Level 1', 'Thomson Classification Description'],
      { buyer: 'Organisational Unit', vendor: 'Supplier Name', date: 'GL Date', amount: 'Invoiced Value', category: 'Expense Code', document: 'Document No.' },
    ],
    [
      'Philadelphia, commodity contracts (CityOfPhiladelphia/contracts commodities/data/FY2016Q1.csv)',
      ['Bid_Number', 'Contract_Number', 'Contract_Description', 'Start_Date', 'End_Date', 'Contract_Type', 'Vendor_Name', 'Department_Name', 'Contract_Amount', 'Total_Contract_Months', 'Remaining_Contract_Months', 'Total_Transactions'],
      { buyer: 'Department_Name', vendor: 'Vendor_Name', date: 'Start_Date', amount: 'Contract_Amount', subject: 'Contract_Description', document: 'Contract_Number' },
    ],
    [
      'City of Phoenix, vendor payments (mrkjhsn/City-of-Phoenix-Vendor-Payments data/2017/december-2017.csv)',
      ['Check/Payment Date', 'Dept. Descrptn', 'Vendor Name', 'Commitmt Item Name', 'Invoice Net Amt'],
      { buyer: 'Dept. Descrptn', vendor: 'Vendor Name', date: 'Check/Payment Date', amount: 'Invoice Net Amt' },
    ],
    [
      'UK central government, spend over £25,000 (Department for Education\'s layout)',
      ['Department Family', 'Entity', 'Date', 'Expense Type', 'Expense Area', 'Supplier', 'Transaction Number', 'Amount', 'Description'],
      { id: 'Transaction Number', buyer: 'Expense Area', vendor: 'Supplier', date: 'Date', amount: 'Amount', subject: 'Description' },
    ],
  ])('%s', (_, headers, expected) => {
    expect(mapped(headers)).toEqual(expected);
  });
});

describe('amount and currency as a pair', () => {
  const cols = (headers: string[], map?: Record<string, string>) => {
    const c = resolveColumns(headers, map ? { map } : {});
    return { amount: c.amount?.headers[0], currency: c.currency?.headers[0], warning: c.currency?.warning ?? c.amount?.warning };
  };
  const toronto = (amount: string, currency: string) => ['Division', 'Batch-Transaction ID', 'Transaction Date', 'Merchant Name', amount, currency, 'Original Amount', 'Original Currency'];

  it.each([
    ['Transaction Amt.', 'Trx Currency'],
    ['Transaction Amt.', 'Trx. Currency'],
    ['Transaction Amt.', 'Trx.Currency'],
    ['Transaction Amount', 'Transaction Currency'],
    ['Transaction Amt.', 'Tr Currency'],
  ])('reads Toronto\'s %j with %j, not the original currency', (amount, currency) => {
    expect(cols(toronto(amount, currency))).toEqual({ amount, currency, warning: undefined });
  });

  it('pairs Birmingham\'s billing amount with the billing currency', () => {
    expect(cols(['TRANS DATE', 'ORIGINAL GROSS AMT', 'ORIGINAL CUR', 'BILLING GROSS AMT', 'BILLING CUR CODE', 'MERCHANT NAME', 'CARD NUMBER'])).toEqual({ amount: 'BILLING GROSS AMT', currency: 'BILLING CUR CODE', warning: undefined });
  });

  it('follows a mapped amount to its currency, and a mapped currency to its amount', () => {
    expect(cols(toronto('Transaction Amt.', 'Trx Currency'), { amount: 'Original Amount' })).toMatchObject({ amount: 'Original Amount', currency: 'Original Currency' });
    expect(cols(toronto('Transaction Amt.', 'Trx Currency'), { currency: 'Original Currency' })).toMatchObject({ amount: 'Original Amount', currency: 'Original Currency' });
  });

  it('reads the currency beside the amount when its header heads two columns (Toronto, March 2012), and says so', () => {
    // The publisher's March 2012 header: the transaction amount's currency column is named like the original one.
    const march2012 = ['Division', 'Batch-Transaction ID', 'Transaction Date', 'Card Posting Dt', 'Merchant Name', 'Transaction Amt.', 'Original Currency', 'Original Amount', 'Original Currency'];
    const c = resolveColumns(march2012);
    expect(c.amount).toMatchObject({ headers: ['Transaction Amt.'], indexes: [5] });
    expect(c.currency).toMatchObject({ headers: ['Original Currency'], indexes: [6], how: 'beside' });
    expect(c.currency?.warning).toMatch(/"Original Currency" heads columns 7 and 9; currencies are read from column 7, the one beside "Transaction Amt\." \(column 6\).*currency=Original Currency#2/u);
    // A mapped currency finds its amount the same way: the one right before it.
    expect(resolveColumns(march2012, { map: { currency: 'Original Currency#2' } }).amount).toMatchObject({ headers: ['Original Amount'], indexes: [7] });
  });

  it('says which columns it used when the currency column belongs to another amount', () => {
    const c = cols(['Division', 'Merchant Name', 'Transaction Date', 'Transaction Amt.', 'Original Currency']);
    expect(c).toMatchObject({ amount: 'Transaction Amt.', currency: 'Original Currency' });
    expect(c.warning).toMatch(/"Transaction Amt\." .*"Original Currency"/u);
  });
});

describe('ambiguous and unmapped columns', () => {
  it('refuses a field whose header appears twice, and reads Name#2 as the second', () => {
    const headers = ['buyer', 'vendor', 'date', 'Amount', 'amount', 'currency'];
    expect(() => resolveColumns(headers)).toThrow(/amount: columns 4 and 5 are both "Amount".*amount=Amount#2/u);
    expect(resolveColumns(headers, { map: { amount: 'Amount#2' } }).amount).toMatchObject({ headers: ['amount'], indexes: [4] });
    // A duplicated header no field uses is no problem.
    expect(() => resolveColumns(['buyer', 'vendor', 'date', 'amount', 'currency', 'Note', 'Note'])).not.toThrow();
  });

  it('says a header twice once, and leaves it unchosen when no amount stands beside it', () => {
    let message = '';
    try {
      resolveColumns(['buyer', 'vendor', 'date', 'amount', 'note', 'Currency', 'currency']);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.match(/are both "Currency"/gu)).toHaveLength(1);
  });

  it('names a misspelt header as the likely column of a field it cannot find, and takes none by it', () => {
    // The publisher's May 2016 header spells its buyer column "Divison".
    const may2016 = ['Divison', 'Batch Transaction ID', 'Transaction Date', 'Card Posting Dt', 'Merchant Name', 'Transaction Amt.', 'Trx Currency'];
    expect(() => resolveColumns(may2016)).toThrow(/no column for buyer \(headers found: .*\); perhaps map buyer=Divison \(a header like a name the field is known by\)$/u);
    expect(resolveColumns(may2016, { map: { buyer: 'Divison' } }).buyer).toMatchObject({ headers: ['Divison'], how: 'map' });
    // Without a look-alike, the message says how to map one.
    expect(() => resolveColumns(['Foo', 'Bar'])).toThrow(/map each to the column that holds it \(option map; the command: --map buyer=COLUMN\), and give the currency of every row if no column holds it \(option currency; the command: --currency CODE\)$/u);
  });

  it('leaves a field unread with an empty mapping', () => {
    const c = resolveColumns(['buyer', 'vendor', 'date', 'amount', 'currency', 'invoice', ''], { map: parseColumnMap('document=,project=') });
    expect(c.document).toBeUndefined();
    expect(c.project).toBeUndefined();
    expect(() => resolveColumns(['buyer', 'vendor', 'date', 'amount'], { map: { currency: '' } })).toThrow(/no column for currency/u);
  });

  it('lists at most a few headers, each cut short, when columns are missing', () => {
    const headers = Array.from({ length: 500 }, (_, i) => `${'h'.repeat(100)}${i}`);
    let message = '';
    try {
      resolveColumns(headers);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/and 470 more/u);
    expect(message.length).toBeLessThan(3000);
  });
});
