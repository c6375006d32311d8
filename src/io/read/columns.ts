/**
 * Which source column feeds which record field: explicit mappings, plus recognition of common
 * header names in English and Chinese.
 */
import { OptionsError } from '../../errors.js';
import { RECORD_FIELDS, REQUIRED_FIELDS, type RecordField } from '../../records/record.js';
import { editDistance } from '../../_lib/closest.js';
import { excerpt } from './_excerpt.js';
import { badArgument, checkArray, checkOptions } from '../../_lib/args.js';

/** The object and each of its lists frozen: exported tables no caller can change under detection. */
function frozenLists<K extends string>(table: Record<K, string[]>): Readonly<Record<K, readonly string[]>> {
  for (const list of Object.values<string[]>(table)) Object.freeze(list);
  return Object.freeze(table);
}

/** Record fields a column can feed: every field of a record ({@link RECORD_FIELDS}, in its order). */
export const LEDGER_FIELDS = RECORD_FIELDS;

/** One of {@link LEDGER_FIELDS}. */
export type LedgerField = RecordField;

/**
 * An explicit mapping: field → header. `'Directorate+CARD NUMBER'` joins several columns with
 * `' / '` (useful to make a card's buyer its department and card); `'G/L Account Description|Exp
 * Type Desc'` reads the first of them the file has (files of one publisher that name a column two
 * ways); a header written as in the file is read whole, `+` and `|` and all (`'Amount+VAT'`).
 */
export type ColumnMap = Partial<Record<LedgerField, string>>;

/**
 * Header names recognised per field, in order of preference, compared after NFKC, lower-casing and
 * removal of everything but letters and digits (so `Transaction Amt.` is `transactionamt`) and of a
 * trailing unit in brackets (`合同金额(元)`).
 *
 * Card data: a card or cardholder column is preferred as buyer over a department, because on card
 * data the buyer that matters is the card (a department-level rule mixes many people's purchases).
 */
export const HEADER_ALIASES: Readonly<Record<LedgerField, readonly string[]>> = frozenLists({
  id: ['id', 'recordid', 'transactionid', 'batchtransactionid', 'transno', 'transactionno', 'transactionnumber', 'reference', 'ref', 'no', '序号', '编号', '流水号', '记录号'],
  buyer: ['buyer', 'buyername', 'purchaser', 'procuringentity', 'contractingauthority', 'cardholder', 'cardnumber', 'cardno', 'card', 'agency', 'division', 'directorate', 'department', 'departmentname', 'deptname', 'dept', 'departmentdescription', 'deptdescription', 'deptdescrptn', 'organisationalunit', 'organizationalunit', 'servicearea', 'servicelabel', 'servicedivisionlabel', 'expensearea', 'expenditurearea', 'entity', 'bodyname', 'body', '采购单位', '采购人', '采购单位名称', '采购人名称', '预算单位', '单位名称', '部门'],
  vendor: ['vendor', 'vendorname', 'supplier', 'suppliername', 'merchant', 'merchantname', 'payee', 'contractor', '供应商', '供应商名称', '中标供应商', '成交供应商', '中标单位', '成交单位', '承包商', '施工单位', '收款单位', '收款人'],
  date: ['date', 'transactiondate', 'transdate', 'purchasedate', 'orderdate', 'invoicedate', 'invoicecreationdate', 'contractdate', 'awarddate', 'paiddate', 'datepaid', 'paymentdate', 'checkdate', 'checkpaymentdate', 'posteddate', 'cardpostingdt', 'gldate', 'startdate', 'startdt', '签订日期', '合同签订日期', '签约日期', '采购日期', '成交日期', '日期', '支付日期', '付款日期'],
  amount: ['amount', 'transactionamt', 'transactionamount', 'billinggrossamt', 'grossamount', 'amt', 'value', 'netamount', 'nettamount', 'netamt', 'totalamount', 'invoiceamount', 'invoicenetamount', 'invoicenettamount', 'invoicenetamt', 'invoicevalue', 'invoicedvalue', 'invoicelinevalue', 'paymentamount', 'amountpaid', 'checkamount', 'contractamount', 'contractvalue', 'originalgrossamt', 'originalamount', '合同金额', '金额', '成交金额', '中标金额', '采购金额', '支付金额', '合同价款', '价款'],
  currency: ['currency', 'currencycode', 'trxcurrency', 'transactioncurrency', 'trcurrency', 'txncurrency', 'billingcurcode', 'billingcurrency', 'cur', 'ccy', 'originalcurrency', 'originalcur', '币种', '货币', '币别'],
  subject: ['subject', 'description', 'purpose', 'title', 'item', 'itemdescription', 'purposeofspend', 'extendeddescription', 'contractdescription', 'shortdescription', 'shortdesc', 'subjdescription', 'subjectdescription', 'transactiondescription', 'contractname', 'contracttitle', 'projectname', '合同名称', '项目名称', '采购项目名称', '采购内容', '采购项目', '摘要', '用途', '事由'],
  category: ['category', 'categorycode', 'cpv', 'cpvcode', 'mcc', 'merchanttype', 'merchantcategorycode', 'expenditurecode', 'expensecode', 'detailedexpenditurecode', 'transcaccode1', 'glaccount', 'expenditurecategory', '品目编码', '品目', '品目代码', '采购品目', '采购目录', '品目编号'],
  project: ['project', 'projectcode', 'budgetproject', 'budgetline', 'costcentrewbselement', 'costcenterwbselement', 'costcentrewbselementorder', 'costcenterwbselementorder', 'costcentrewbselementorderno', 'costcentrewbselementordernumber', 'costcentrewbselementworkordernumber', 'costcentre', 'costcenter', '预算项目', '预算项目编码', '项目编码', '预算科目'],
  method: ['method', 'procurementmethod', 'procedure', 'procurementprocedure', '采购方式', '采购形式', '组织形式'],
  document: ['document', 'documentnumber', 'documentno', 'invoice', 'invoicenumber', 'invoiceno', 'contractnumber', 'contractno', 'contractid', '合同编号', '合同号', '发票号', '发票号码', '凭证号'],
  exemption: ['exemption', 'exception', 'justification', '豁免', '例外', '豁免理由'],
});

const UNIT_SUFFIX = /\s*[(（\[【]\s*([^)）\]】]*)\s*[)）\]】]\s*$/u;

/** Unit multipliers recognised in a header's brackets: `金额(万元)` means × 10000. */
const UNIT_WORDS: Readonly<Record<string, string>> = { 元: '1', 万元: '10000', 千元: '1000', 亿元: '100000000' };

/** A header compared as {@link HEADER_ALIASES} describes. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(UNIT_SUFFIX, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Unit multiplier written in a header's brackets (`合同金额(万元)` → `'10000'`), if any. */
export function headerUnit(header: string): string | undefined {
  const m = UNIT_SUFFIX.exec(header.normalize('NFKC'));
  return m ? UNIT_WORDS[(m[1] ?? '').trim()] : undefined;
}

/** A field's resolved source: one or more column indexes, and how they were chosen. */
export interface ColumnSource {
  readonly headers: readonly string[];
  readonly indexes: readonly number[];
  /**
   * `'map'`: named by the caller; `'alias'`: a recognised header name ({@link HEADER_ALIASES});
   * `'pair'`: the currency column of the amount column (or the amount of the currency), by the
   * prefix they share (`Transaction Amt.` / `Trx Currency`); `'beside'`: the column of that name
   * next to it, its header heading two columns (with a `warning`); `'id'`: the id column read as
   * the document number, its line suffix stripped (`lineSuffix` given and no document column).
   */
  readonly how: 'map' | 'alias' | 'pair' | 'beside' | 'id';
  /** Set when the choice is not certain (a currency column that seems to belong to another amount). */
  readonly warning?: string;
}

/** What {@link resolveColumns} returns. */
export type ResolvedColumns = Partial<Record<LedgerField, ColumnSource>>;

/** Options of {@link resolveColumns}. */
export interface ResolveColumnsOptions {
  /** Explicit mapping; wins over recognition. An empty header (`{ document: '' }`) leaves the field unread. */
  map?: ColumnMap | undefined;
  /** Fields that may be absent because the caller supplies a constant (e.g. `currency`). */
  optional?: readonly LedgerField[] | undefined;
  /** Name of the calling function, for error messages. @defaultValue `'readLedger'` */
  fn?: string | undefined;
  /**
   * Called for a mapped header that is not in the file, instead of throwing: the field is then
   * recognised as if unmapped (several files read with one mapping use it where it resolves).
   * @defaultValue none: such a header is an error
   */
  onUnknownHeader?: ((field: LedgerField, header: string) => void) | undefined;
}

/** Fields that need a column: the required record fields but `id` (rows without one are named by line). */
const REQUIRED_COLUMNS = REQUIRED_FIELDS.filter((f) => f !== 'id');

/** What an amount or currency header says after its prefix (`transaction|amt`, `billing|curcode`). */
const AMOUNT_WORD = /(?:gross)?(?:amount|amt|value)$/u;
const CURRENCY_WORD = /(?:currencycode|currency|curcode|cur|ccy)$/u;
/** Prefixes that name the same amount. */
const PREFIXES: Readonly<Record<string, string>> = { trx: 'transaction', tr: 'transaction', trans: 'transaction', txn: 'transaction', bill: 'billing', orig: 'original' };

/** The prefix of an amount or currency header key (`''` for a bare `Amount`), or undefined for another kind of header. */
function prefixOf(key: string, word: RegExp): string | undefined {
  const m = word.exec(key);
  if (!m) return undefined;
  const p = key.slice(0, m.index);
  return PREFIXES[p] ?? p;
}

/**
 * Maps headers to fields: explicit `map` entries first, then recognised names; each header feeds at
 * most one field. `id` is optional (rows are then numbered by line).
 *
 * The amount and its currency are chosen as a pair: the currency column is the one whose prefix
 * matches the amount's (`Transaction Amt.` → `Trx Currency`, not `Original Currency`), else a bare
 * `Currency`, else the first recognised one with a `warning` naming both columns. A currency header
 * that heads two columns pairs the amount with the one right after it (and a currency with the
 * amount right before it), with a `warning`. A mapped amount takes its own currency column, and a
 * mapped currency its amount.
 *
 * A header that appears twice (compared as {@link HEADER_ALIASES} describes) cannot feed a field
 * unchosen: `Amount#2` names the second.
 *
 * @throws OptionsError listing every required field without a column, with the headers found;
 *   naming a mapped header that is not in the file; or naming a field whose header appears twice.
 * @example
 * resolveColumns(['采购单位', '供应商', '合同金额(元)', '签订日期'], { optional: ['currency'] }).amount
 * //=> { headers: ['合同金额(元)'], indexes: [2], how: 'alias' }
 */
export function resolveColumns(headers: readonly string[], options: ResolveColumnsOptions = {}): ResolvedColumns {
  checkArray(headers, 'resolveColumns', 'headers', 'an array of header names');
  checkOptions(options, 'resolveColumns');
  const fn = options.fn ?? 'readLedger';
  const out: Partial<Record<LedgerField, ColumnSource>> = {};
  const used = new Set<number>();
  const issues: { path: (string | number)[]; message: string }[] = [];
  const exact = indexBy(headers, (h) => h.trim());
  const byKey = indexBy(headers, headerKey);
  const keys = headers.map(headerKey);
  const map = options.map ?? {};
  const unmapped = new Set<LedgerField>();
  const take = (field: LedgerField, indexes: number[], how: ColumnSource['how'], warning?: string): void => {
    out[field] = { headers: indexes.map((i) => headers[i] ?? ''), indexes, how, ...(warning !== undefined ? { warning } : {}) };
    indexes.forEach((i) => used.add(i));
  };
  /** Whether a mapped name is a header as written in the file (`Amount+VAT`, `Amount+VAT#2`): then no `+` in it joins columns. */
  const isHeader = (name: string): boolean => {
    const nth = /^(.*)#\d+$/u.exec(name.trim());
    return exact.has(name.trim()) || (nth !== null && exact.has((nth[1] as string).trim()));
  };
  /** Whether the file has a column a name means (as {@link find} looks for it), without an issue. */
  const present = (name: string): boolean => {
    const nth = /^(.*)#(\d+)$/u.exec(name);
    return exact.has(name) || byKey.has(headerKey(name)) || (nth !== null && byKey.has(headerKey(nth[1] as string)));
  };
  /** The one column a name means (`Name#2`: the second), or an issue. */
  const find = (field: LedgerField, name: string): number | undefined => {
    const nth = /^(.*)#(\d+)$/u.exec(name);
    const list = exact.get(name) ?? byKey.get(headerKey(name)) ?? (nth ? byKey.get(headerKey(nth[1] as string)) : undefined);
    if (list === undefined) {
      if (options.onUnknownHeader) options.onUnknownHeader(field, name);
      else issues.push({ path: ['map', field], message: `column "${excerpt(name, 40)}" is not in the file (headers found: ${list_(headers)})` });
      return undefined;
    }
    if (nth && !(exact.has(name) || byKey.has(headerKey(name)))) {
      const i = list[Number(nth[2]) - 1];
      if (i === undefined) issues.push({ path: ['map', field], message: `there is no column #${nth[2]} named "${excerpt(nth[1] as string, 40)}" (${list.length} found)` });
      return i;
    }
    if (list.length > 1) {
      issues.push({ path: ['map', field], message: twice(field, list, headers) });
      return undefined;
    }
    return list[0];
  };
  for (const field of Object.keys(map) as LedgerField[]) {
    if (!(LEDGER_FIELDS as readonly string[]).includes(field)) {
      issues.push({ path: ['map', field], message: `unknown field "${field}" (fields: ${LEDGER_FIELDS.join(', ')})` });
      continue;
    }
    const spec = map[field];
    if (spec === undefined) continue;
    if (spec.trim() === '') {
      unmapped.add(field);
      continue;
    }
    // `A|B`: the first of the headers the file has (months of one publisher that name a column two
    // ways), unless the whole text is a header of the file.
    const alternatives = isHeader(spec) ? [spec.trim()] : spec.split('|').map((x) => x.trim()).filter((x) => x !== '');
    const namesOf = (alt: string) => (isHeader(alt) ? [alt.trim()] : alt.split('+').map((x) => x.trim()));
    const chosen = alternatives.find((alt) => namesOf(alt).every(present));
    if (chosen === undefined && alternatives.length > 1) {
      if (options.onUnknownHeader) options.onUnknownHeader(field, alternatives.join(' | '));
      else issues.push({ path: ['map', field], message: `none of the columns ${alternatives.map((a) => `"${excerpt(a, 40)}"`).join(', ')} is in the file (headers found: ${list_(headers)})` });
      continue;
    }
    const indexes = namesOf(chosen ?? alternatives[0] ?? spec).map((name) => find(field, name));
    if (indexes.every((i): i is number => i !== undefined)) take(field, indexes, 'map');
  }
  if (issues.length) throw new OptionsError(fn, issues);
  /** Recognised, unused columns for a field, in alias order. */
  const candidates = (field: LedgerField): number[][] =>
    HEADER_ALIASES[field].flatMap((alias) => {
      const list = byKey.get(alias);
      return list && !list.some((i) => used.has(i)) ? [list] : [];
    });
  /** Fields refused because their header appears twice: reported once, not recognised again. */
  const refused = new Set<LedgerField>();
  const recognise = (field: LedgerField, list: number[], how: ColumnSource['how'], warning?: string): void => {
    if (list.length === 1) return take(field, list, how, warning);
    issues.push({ path: ['map', field], message: twice(field, list, headers) });
    refused.add(field);
  };
  // The amount and its currency, as a pair.
  const pair = (a: 'amount' | 'currency', b: 'amount' | 'currency'): void => {
    const given = out[a];
    if (given === undefined || out[b] !== undefined || unmapped.has(b)) return;
    const word = (f: 'amount' | 'currency') => (f === 'amount' ? AMOUNT_WORD : CURRENCY_WORD);
    const prefix = prefixOf(keys[given.indexes[0] as number] ?? '', word(a));
    const found = candidates(b);
    const same = found.find((list) => prefixOf(keys[list[0] as number] ?? '', word(b)) === prefix);
    const bare = found.find((list) => prefixOf(keys[list[0] as number] ?? '', word(b)) === '');
    // A currency header written twice (Toronto's March 2012: "Transaction Amt.", "Original
    // Currency", "Original Amount", "Original Currency"): the column right after the amount, or the
    // amount right before the currency, is the pair, said in a warning.
    const at = given.indexes[0] as number;
    const beside = a === 'amount' ? at + 1 : at - 1;
    const twin = given.indexes.length === 1 ? found.find((list) => list.length > 1 && list.includes(beside)) : undefined;
    if (same && prefix !== undefined && prefix !== '') recognise(b, same, 'pair');
    else if (twin) {
      const name = excerpt(headers[beside] ?? '', 40);
      const other = twin.indexOf(beside) === 0 ? 2 : 1;
      const warning = `"${name}" heads columns ${twin.map((i) => i + 1).join(' and ')}; ${b === 'currency' ? 'currencies' : 'amounts'} are read from column ${beside + 1}, the one beside "${excerpt(given.headers[0] ?? '', 40)}" (column ${at + 1}): check them, or map ${b}=${name}#${other} for the other`;
      take(b, [beside], 'beside', warning);
    } else if (bare) recognise(b, bare, 'alias');
    else if (found[0]) {
      const other = found[0];
      const [amount, currency] = a === 'amount' ? [given.headers[0], headers[other[0] as number]] : [headers[other[0] as number], given.headers[0]];
      const warning = prefix === undefined || prefix === '' ? undefined : `amounts are read from "${amount}" and their currency from "${currency}", which may belong to another amount column: check them, or map currency (and amount)`;
      recognise(b, other, 'alias', warning);
    }
  };
  if (out.amount === undefined && !unmapped.has('amount') && out.currency === undefined) {
    const first = candidates('amount')[0];
    if (first) recognise('amount', first, 'alias');
  }
  pair('amount', 'currency');
  pair('currency', 'amount');
  if (out.amount && out.currency && out.amount.how === 'map' && out.currency.how === 'map') {
    const pa = prefixOf(keys[out.amount.indexes[0] as number] ?? '', AMOUNT_WORD);
    const pc = prefixOf(keys[out.currency.indexes[0] as number] ?? '', CURRENCY_WORD);
    if (pa && pc && pa !== pc) out.currency = { ...out.currency, warning: `amounts are read from "${out.amount.headers[0]}" and their currency from "${out.currency.headers[0]}", which look like different pairs` };
  }
  for (const field of LEDGER_FIELDS) {
    if (out[field] || unmapped.has(field) || refused.has(field)) continue;
    const first = candidates(field)[0];
    if (first) recognise(field, first, 'alias');
  }
  if (issues.length) throw new OptionsError(fn, issues);
  const optional = new Set(options.optional ?? []);
  const missing = REQUIRED_COLUMNS.filter((f) => !out[f] && !optional.has(f));
  if (missing.length) {
    const guesses = missing.flatMap((f) => {
      const i = lookalike(f, keys, used);
      return i === undefined ? [] : [`${f}=${excerpt(headers[i] ?? '', 40)}`];
    });
    // A JSON object read as a table has "{" for its first header: say what it is, not what to map.
    const object = (headers[0] ?? '').trimStart().startsWith('{');
    const mapIt = `(option map; the command: --map ${missing[0]}=COLUMN)`;
    const currency = '(option currency; the command: --currency CODE)';
    const currencyToo = missing.includes('currency') ? `, and give the currency of every row if no column holds it ${currency}` : '';
    const hint = object
      ? 'the text opens a JSON object, no table: an OCDS package is read as OCDS (loadOcds; the command: --input-format ocds)'
      : guesses.length
        ? `perhaps map ${guesses.join(', ')} (a header like a name the field is known by)${currencyToo}`
        : missing.length === 1 && missing[0] === 'currency'
          ? `give the currency of every row ${currency}, or map the column that holds it ${mapIt}`
          : `map each to the column that holds it ${mapIt}${currencyToo}`;
    // No path: the file lacks the columns, whatever the options (the fixes are named in the message).
    throw new OptionsError(fn, [{ path: [], message: `no column for ${missing.join(', ')} (headers found: ${list_(headers)}); ${hint}` }]);
  }
  return out;
}

/**
 * An unused column whose header reads like one of `field`'s names misspelt (`Divison` for
 * `Division`): its key at most one edit from a name of 5 to 8 characters, two from a longer one. A
 * guess for the message only: a column is never taken for a field by it.
 */
function lookalike(field: LedgerField, keys: readonly string[], used: ReadonlySet<number>): number | undefined {
  const names = HEADER_ALIASES[field].filter((name) => name.length >= 5);
  const i = keys.findIndex((key, i) => !used.has(i) && key !== '' && names.some((name) => editDistance(key, name) <= (name.length > 8 ? 2 : 1)));
  return i < 0 ? undefined : i;
}

/** Indexes of the headers with each value of `key` (empty ones left out). */
function indexBy(headers: readonly string[], key: (h: string) => string): Map<string, number[]> {
  const m = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const k = key(h);
    if (k === '') return;
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  });
  return m;
}

function twice(field: string, list: readonly number[], headers: readonly string[]): string {
  const name = excerpt(headers[list[0] as number] ?? '', 40);
  const at = list.map((i) => i + 1);
  return `${field}: columns ${at.slice(0, -1).join(', ')} and ${at[at.length - 1]} are both "${name}"; choose one, e.g. map ${field}=${name}#2 for the second`;
}

/** The headers for a message: at most 30, each cut to 40 characters. */
function list_(headers: readonly string[]): string {
  const shown = headers.filter((h) => h.trim() !== '');
  if (!shown.length) return '(none)';
  const listed = shown.slice(0, 30).map((h) => JSON.stringify(excerpt(h, 40)));
  return shown.length > 30 ? `${listed.join(', ')} and ${shown.length - 30} more` : listed.join(', ');
}

/** A comma that starts a new pair: before a field name and `=`, or at the end. */
const PAIR_COMMA = new RegExp(`,(?=\\s*(?:${LEDGER_FIELDS.join('|')})\\s*=|\\s*$)`, 'u');

/**
 * Reads `field=Header,field=Header` (the CLI's `--map`) into a {@link ColumnMap}. A comma starts a
 * new pair only before a field name and `=`, so headers may contain spaces, commas and `=`
 * (`amount=Amount, CAD`).
 *
 * @throws OptionsError on an entry without `=`.
 * @example
 * parseColumnMap('buyer=Division,vendor=Merchant Name') //=> { buyer: 'Division', vendor: 'Merchant Name' }
 * parseColumnMap('amount=Amount, CAD,buyer=Dept') //=> { amount: 'Amount, CAD', buyer: 'Dept' }
 */
export function parseColumnMap(spec: string): ColumnMap {
  if (typeof spec !== 'string') badArgument('parseColumnMap', 'spec', 'text such as date=Posted,amount=Net', spec);
  const out: Record<string, string> = {};
  for (const part of spec.split(PAIR_COMMA)) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new OptionsError('parseColumnMap', [{ path: ['map'], message: `"${part}" is not field=Header` }]);
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out as ColumnMap;
}
