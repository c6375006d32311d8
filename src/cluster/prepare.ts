import type Decimal from 'decimal.js';
import type { Item } from './item.js';
import type { ResolvedOptions } from '../options.js';
import { recordAt, valueAt, type RecordTable } from '../records/table.js';
import { subjectTokens } from '../similarity/tokens.js';
import { rankTokens } from '../similarity/vocabulary.js';

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
 * Prepares a scanned ledger. Runs in O(n log n) (one sort).
 */
export function prepare(table: RecordTable, opts: ResolvedOptions): Prepared {
  const { subject, window } = opts;
  const n = table.size;
  const approx = table.approx;

  // Skipped records: a method in the skip list, or an exemption.
  const skipMethod = table.method.keys.map((m) => opts.skipMethods.has(m));
  const skipped = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const m = table.method.key[k] as number;
    if ((table.exemption.key[k] as number) >= 0 || (m >= 0 && skipMethod[m])) skipped[k] = 1;
  }

  // Category prefixes (interned), and projects too broad to link.
  const depth = subject.categoryPrefix;
  const prefixIds = new Map<string, number>();
  const prefixes: string[] = [];
  const prefixOfKey = table.category.keys.map((key) => {
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
    const c = table.category.key[k] as number;
    return c < 0 ? -1 : (prefixOfKey[c] as number);
  };
  const broad = broadProjects(table, prefixOf, subject.maxProjectCategories);

  // Subject tokens per distinct subject, ranked rarest first over the usable records.
  let ranked: number[][] = [];
  if (subject.minSimilarity > 0) {
    const uses = new Int32Array(table.subject.keys.length);
    for (let k = 0; k < n; k++) if ((table.subject.key[k] as number) >= 0) uses[table.subject.key[k] as number]! += 1;
    const lists = table.subject.keys.map((s, i) => (uses[i] ? subjectTokens(s) : []));
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
    let pid = table.buyer.key[k] as number;
    if (opts.vendor === 'same') pid = combine(pid, table.vendor.key[k] as number);
    if (subject.sameProject) {
      const p = table.project.key[k] as number;
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
  for (let k = 0; k < n; k++) ks.push(k);
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
      v = valueAt(table, k);
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
    usable: n,
    valueOf,
    itemOf(k) {
      let it = items[k];
      if (it === undefined) {
        const rec = recordAt(table, k);
        const p = prefixOf(k);
        const s = table.subject.key[k] as number;
        const proj = table.project.key[k] as number;
        it = {
          rec,
          value: valueOf(k),
          approx: approx[k] as number,
          tokens: s >= 0 && ranked.length > 0 ? (ranked[s] as number[]) : empty,
          categoryPrefix: depth > 0 && p >= 0 ? prefixes[p] : undefined,
          project: proj >= 0 && !broad.has(projectKey(table.buyer.key[k] as number, proj)) ? rec.projectKey : undefined,
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
function broadProjects(table: RecordTable, prefixOf: (k: number) => number, max: number): Set<number> {
  const spread = new Map<number, Set<number>>();
  for (let k = 0; k < table.size; k++) {
    const p = table.project.key[k] as number;
    const c = prefixOf(k);
    if (p < 0 || c < 0) continue;
    const key = projectKey(table.buyer.key[k] as number, p);
    let cats = spread.get(key);
    if (!cats) spread.set(key, (cats = new Set()));
    cats.add(c);
  }
  const out = new Set<number>();
  for (const [key, cats] of spread) if (cats.size > max) out.add(key);
  return out;
}
