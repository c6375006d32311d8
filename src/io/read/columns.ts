/**
 * Which source column feeds which record field: explicit mappings, plus recognition of common
 * header names in English and Chinese.
 */
import { OptionsError } from '../../errors.js';
import { RECORD_FIELDS, REQUIRED_FIELDS, type RecordField } from '../../records/record.js';

/** Record fields a column can feed: every field of a record ({@link RECORD_FIELDS}, in its order). */
export const LEDGER_FIELDS = RECORD_FIELDS;

/** One of {@link LEDGER_FIELDS}. */
export type LedgerField = RecordField;

/**
 * An explicit mapping: field → header. `'Directorate+CARD NUMBER'` joins several columns with
 * `' / '` (useful to make a card's buyer its department and card).
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
export const HEADER_ALIASES: Readonly<Record<LedgerField, readonly string[]>> = {
  id: ['id', 'recordid', 'transactionid', 'batchtransactionid', 'transno', 'transactionno', 'transactionnumber', 'reference', 'ref', 'no', '序号', '编号', '流水号', '记录号'],
  buyer: ['buyer', 'buyername', 'purchaser', 'procuringentity', 'contractingauthority', 'cardholder', 'cardnumber', 'cardno', 'card', 'agency', 'division', 'directorate', 'department', 'organisationalunit', 'organizationalunit', 'servicearea', 'bodyname', 'body', '采购单位', '采购人', '采购单位名称', '采购人名称', '预算单位', '单位名称', '部门'],
  vendor: ['vendor', 'vendorname', 'supplier', 'suppliername', 'merchant', 'merchantname', 'payee', 'contractor', '供应商', '供应商名称', '中标供应商', '成交供应商', '中标单位', '成交单位', '承包商', '施工单位', '收款单位', '收款人'],
  date: ['date', 'transactiondate', 'transdate', 'purchasedate', 'orderdate', 'invoicedate', 'contractdate', 'awarddate', 'paiddate', 'paymentdate', 'posteddate', 'cardpostingdt', '签订日期', '合同签订日期', '签约日期', '采购日期', '成交日期', '日期', '支付日期', '付款日期'],
  amount: ['amount', 'transactionamt', 'transactionamount', 'billinggrossamt', 'grossamount', 'amt', 'value', 'netamount', 'totalamount', 'originalgrossamt', 'originalamount', '合同金额', '金额', '成交金额', '中标金额', '采购金额', '支付金额', '合同价款', '价款'],
  currency: ['currency', 'currencycode', 'trxcurrency', 'billingcurcode', 'billingcurrency', 'cur', 'originalcurrency', 'originalcur', '币种', '货币', '币别'],
  subject: ['subject', 'description', 'purpose', 'title', 'item', 'itemdescription', 'contractname', 'contracttitle', 'projectname', '合同名称', '项目名称', '采购项目名称', '采购内容', '采购项目', '摘要', '用途', '事由'],
  category: ['category', 'categorycode', 'cpv', 'cpvcode', 'mcc', 'merchanttype', 'merchantcategorycode', 'expenditurecode', 'transcaccode1', 'glaccount', 'expenditurecategory', '品目编码', '品目', '品目代码', '采购品目', '采购目录', '品目编号'],
  project: ['project', 'projectcode', 'budgetproject', 'budgetline', 'costcentrewbselement', 'costcenterwbselementorder', 'costcentre', 'costcenter', '预算项目', '预算项目编码', '项目编码', '预算科目'],
  method: ['method', 'procurementmethod', 'procedure', 'procurementprocedure', '采购方式', '采购形式', '组织形式'],
  document: ['document', 'documentnumber', 'documentno', 'invoice', 'invoicenumber', 'invoiceno', 'contractnumber', 'contractno', 'contractid', '合同编号', '合同号', '发票号', '发票号码', '凭证号'],
  exemption: ['exemption', 'exception', 'justification', '豁免', '例外', '豁免理由'],
};

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

/** A field's resolved source: one or more column indexes. */
export interface ColumnSource {
  readonly headers: readonly string[];
  readonly indexes: readonly number[];
}

/** What {@link resolveColumns} returns. */
export type ResolvedColumns = Partial<Record<LedgerField, ColumnSource>>;

/** Options of {@link resolveColumns}. */
export interface ResolveColumnsOptions {
  /** Explicit mapping; wins over recognition. */
  map?: ColumnMap | undefined;
  /** Fields that may be absent because the caller supplies a constant (e.g. `currency`). */
  optional?: readonly LedgerField[] | undefined;
  /** Name of the calling function, for error messages. @defaultValue `'readLedger'` */
  fn?: string | undefined;
}

/** Fields that need a column: the required record fields but `id` (rows without one are named by line). */
const REQUIRED_COLUMNS = REQUIRED_FIELDS.filter((f) => f !== 'id');

/**
 * Maps headers to fields: explicit `map` entries first, then recognised names; each header feeds at
 * most one recognised field. `id` is optional (rows are then numbered by line).
 *
 * @throws OptionsError listing every required field without a column, with the headers found, or
 *   naming a mapped header that is not in the file.
 * @example
 * resolveColumns(['采购单位', '供应商', '合同金额(元)', '签订日期'], { optional: ['currency'] }).amount
 * //=> { headers: ['合同金额(元)'], indexes: [2] }
 */
export function resolveColumns(headers: readonly string[], options: ResolveColumnsOptions = {}): ResolvedColumns {
  const fn = options.fn ?? 'readLedger';
  const out: ResolvedColumns = {};
  const used = new Set<number>();
  const issues: { path: (string | number)[]; message: string }[] = [];
  const exact = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!exact.has(h.trim())) exact.set(h.trim(), i);
  });
  const byKey = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = headerKey(h);
    if (k !== '' && !byKey.has(k)) byKey.set(k, i);
  });
  const map = options.map ?? {};
  for (const field of Object.keys(map) as LedgerField[]) {
    if (!(LEDGER_FIELDS as readonly string[]).includes(field)) {
      issues.push({ path: ['map', field], message: `unknown field "${field}" (fields: ${LEDGER_FIELDS.join(', ')})` });
      continue;
    }
    const spec = map[field];
    if (spec === undefined) continue;
    const names = spec.split('+').map((s) => s.trim());
    const indexes: number[] = [];
    for (const name of names) {
      const i = exact.get(name) ?? byKey.get(headerKey(name));
      if (i === undefined) {
        issues.push({ path: ['map', field], message: `column "${name}" is not in the file (headers found: ${list(headers)})` });
      } else indexes.push(i);
    }
    if (indexes.length === names.length) {
      out[field] = { headers: indexes.map((i) => headers[i] ?? ''), indexes };
      indexes.forEach((i) => used.add(i));
    }
  }
  if (issues.length) throw new OptionsError(fn, issues);
  for (const field of LEDGER_FIELDS) {
    if (out[field]) continue;
    for (const alias of HEADER_ALIASES[field]) {
      const i = byKey.get(alias);
      if (i !== undefined && !used.has(i)) {
        out[field] = { headers: [headers[i] ?? ''], indexes: [i] };
        used.add(i);
        break;
      }
    }
  }
  const optional = new Set(options.optional ?? []);
  const missing = REQUIRED_COLUMNS.filter((f) => !out[f] && !optional.has(f));
  if (missing.length) {
    throw new OptionsError(fn, [
      {
        path: ['map'],
        message: `no column for ${missing.join(', ')} (headers found: ${list(headers)}); map them, e.g. map: { ${missing[0]}: '<header>' }${missing.includes('currency') ? ', or give currency' : ''}`,
      },
    ]);
  }
  return out;
}

function list(headers: readonly string[]): string {
  const shown = headers.filter((h) => h.trim() !== '').map((h) => JSON.stringify(h));
  return shown.length ? shown.join(', ') : '(none)';
}

/**
 * Reads `field=Header,field=Header` (the CLI's `--map`) into a {@link ColumnMap}. Headers may
 * contain spaces; a header containing `,` or `=` needs a JSON mapping file instead.
 *
 * @throws OptionsError on an entry without `=`.
 * @example
 * parseColumnMap('buyer=Division,vendor=Merchant Name') //=> { buyer: 'Division', vendor: 'Merchant Name' }
 */
export function parseColumnMap(spec: string): ColumnMap {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new OptionsError('parseColumnMap', [{ path: ['map'], message: `"${part}" is not field=Header` }]);
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out as ColumnMap;
}
