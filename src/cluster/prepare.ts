import type Decimal from 'decimal.js';
import type { Item } from './item.js';
import type { ResolvedOptions } from '../options.js';
import type { RecordReject } from '../records/record.js';
import { recordAt, type RecordTable } from '../records/table.js';
import { subjectTokens } from '../similarity/tokens.js';
import { rankTokens } from '../similarity/vocabulary.js';
import { D } from '../_lib/decimal.js';

/**
 * A ledger made ready for detection: the usable records (those with an exchange rate) in partition
 * order — (buyer, then vendor / project / category / period where the policy requires them equal),
 * then date, then id — with their values in the report currency. Items (the records the clustering
 * handles) are built only for records that become eligible for some threshold.
 */
export interface Prepared {
  readonly table: RecordTable;
  /** Table index (k) of each position, in partition order. */
  readonly order: Int32Array;
  /** Partition number of each position. */
  readonly partition: Int32Array;
  /** 1 when a position can never link (a required project or category is missing). */
  readonly unlinkable: Uint8Array;
  /** 1 when a position is already part of a finding. */
  readonly assigned: Uint8Array;
  /** Value in the report currency as a JS number, per table index. */
  readonly approx: Float64Array;
  /** 1 when the record may never be a part (skipped method or exemption), per table index. */
  readonly skipped: Uint8Array;
  /** Number of usable records. */
  readonly usable: number;
  /** Exact value in the report currency of table index k. */
  valueOf(k: number): Decimal;
  /** The item of table index k. */
  itemOf(k: number): Item;
}

/**
 * Prepares a scanned ledger. Records in a currency without a rate are appended to `rejects`.
 * Runs in O(n log n) (one sort).
 */
export function prepare(table: RecordTable, opts: ResolvedOptions, rejects: RecordReject[]): Prepared {
  const { subject, window } = opts;
  const n = table.size;

  // Exchange rates per currency; records without one are rejected.
  const rates = table.currencies.map((c) => opts.rates.get(c));
  const rateApprox = rates.map((r) => (r === undefined ? NaN : r.toNumber()));
  const usable = new Uint8Array(n);
  const approx = new Float64Array(n);
  let usableCount = 0;
  for (let k = 0; k < n; k++) {
    const c = table.currency[k] as number;
    if (rates[c] === undefined) {
      const index = table.row[k] as number;
      const code = table.currencies[c] as string;
      rejects.push({
        index,
        id: table.id[k] as string,
        field: 'currency',
        path: [index, 'currency'],
        code: 'no_exchange_rate',
        message: `currency ${code} has no exchange rate to ${opts.currency}; pass rates: { ${code}: … }`,
        value: code,
      });
      continue;
    }
    usable[k] = 1;
    usableCount++;
    const rate = rateApprox[c] as number;
    approx[k] = rate === 1 ? (table.approx[k] as number) : (table.approx[k] as number) * rate;
  }

  // Skipped records: a method in the skip list, or an exemption.
  const skipMethod = table.methodKeys.map((m) => opts.skipMethods.has(m));
  const skipped = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const m = table.method[k] as number;
    if (table.exempt[k] || (m >= 0 && skipMethod[m])) skipped[k] = 1;
  }

  // Category prefixes (interned), and projects too broad to link.
  const depth = subject.categoryPrefix;
  const prefixIds = new Map<string, number>();
  const prefixes: string[] = [];
  const prefixOfKey = table.categoryKeys.map((key) => {
    const p = depth > 0 ? key.slice(0, depth) : key;
    let id = prefixIds.get(p);
    if (id === undefined) {
      id = prefixes.length;
      prefixes.push(p);
      prefixIds.set(p, id);
    }
    return id;
  });
  const prefixOf = (k: number) => {
    const c = table.category[k] as number;
    return c < 0 ? -1 : (prefixOfKey[c] as number);
  };
  const broad = broadProjects(table, usable, prefixOf, subject.maxProjectCategories);

  // Subject tokens per distinct subject, ranked rarest first over the usable records.
  let ranked: number[][] = [];
  if (subject.minSimilarity > 0) {
    const uses = new Int32Array(table.subjects.length);
    for (let k = 0; k < n; k++) if (usable[k] && (table.subject[k] as number) >= 0) uses[table.subject[k] as number]! += 1;
    const lists = table.subjects.map((s, i) => (uses[i] ? subjectTokens(s) : []));
    ranked = rankTokens(lists, uses);
  }

  // Partitions: buyer, then whatever the policy requires to be equal.
  const parts = new Map<number, number>();
  const combine = (pid: number, x: number): number => {
    const key = pid * 8_388_608 + x;
    let id = parts.get(key);
    if (id === undefined) {
      id = parts.size;
      parts.set(key, id);
    }
    return id;
  };
  const partOf = new Int32Array(n);
  const unlinkableOf = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    if (!usable[k]) continue;
    let pid = table.buyer[k] as number;
    if (opts.vendor === 'same') pid = combine(pid, table.vendor[k] as number);
    if (subject.sameProject) {
      const p = table.project[k] as number;
      if (p < 0) unlinkableOf[k] = 1;
      pid = combine(pid, p + 1);
    }
    if (subject.sameCategory) {
      const c = prefixOf(k);
      if (c < 0) unlinkableOf[k] = 1;
      pid = combine(pid, c + 1);
    }
    if (window.kind === 'period') pid = combine(pid, window.periodOf(table.day[k] as number) + 4_194_304);
    partOf[k] = pid;
  }
  const ks: number[] = [];
  for (let k = 0; k < n; k++) if (usable[k]) ks.push(k);
  const ids = table.id;
  const day = table.day;
  ks.sort((a, b) => {
    const d = (partOf[a] as number) - (partOf[b] as number) || (day[a] as number) - (day[b] as number);
    if (d !== 0) return d;
    const ia = ids[a] as string;
    const ib = ids[b] as string;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  const order = Int32Array.from(ks);

  const values: (Decimal | undefined)[] = new Array(n);
  const items: (Item | undefined)[] = new Array(n);
  const valueOf = (k: number): Decimal => {
    let v = values[k];
    if (v === undefined) {
      const c = table.currency[k] as number;
      const amount = new D(table.amount[k] as string);
      v = table.currencies[c] === opts.currency ? amount : amount.times(rates[c] as Decimal);
      values[k] = v;
    }
    return v;
  };
  const empty: number[] = [];
  return {
    table,
    order,
    partition: Int32Array.from(ks, (k) => partOf[k] as number),
    unlinkable: Uint8Array.from(ks, (k) => unlinkableOf[k] as number),
    assigned: new Uint8Array(ks.length),
    approx,
    skipped,
    usable: usableCount,
    valueOf,
    itemOf(k) {
      let it = items[k];
      if (it === undefined) {
        const rec = recordAt(table, k);
        const p = prefixOf(k);
        const s = table.subject[k] as number;
        const proj = table.project[k] as number;
        it = {
          rec,
          value: valueOf(k),
          approx: approx[k] as number,
          tokens: s >= 0 && ranked.length > 0 ? (ranked[s] as number[]) : empty,
          categoryPrefix: depth > 0 && p >= 0 ? prefixes[p] : undefined,
          project: proj >= 0 && !broad.has(projectKey(table.buyer[k] as number, proj)) ? rec.projectKey : undefined,
          skipped: skipped[k] === 1,
        };
        items[k] = it;
      }
      return it;
    },
  };
}

const projectKey = (buyer: number, project: number) => buyer * 8_388_608 + project;

/**
 * Broad projects: a buyer's projects whose records span more than `max` distinct category codes
 * (cut to the prefix depth, or whole when depth is 0). A broad budget line such as "general running
 * costs" says nothing about the requirement, so it does not link records (it can still be required
 * by `sameProject`). Runs in O(n).
 */
function broadProjects(table: RecordTable, usable: Uint8Array, prefixOf: (k: number) => number, max: number): Set<number> {
  const spread = new Map<number, Set<number>>();
  for (let k = 0; k < table.size; k++) {
    const p = table.project[k] as number;
    const c = prefixOf(k);
    if (!usable[k] || p < 0 || c < 0) continue;
    const key = projectKey(table.buyer[k] as number, p);
    let cats = spread.get(key);
    if (!cats) spread.set(key, (cats = new Set()));
    cats.add(c);
  }
  const out = new Set<number>();
  for (const [key, cats] of spread) if (cats.size > max) out.add(key);
  return out;
}
