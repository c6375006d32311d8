import type { Decimal } from 'decimal.js';
import type { Item } from './item.js';
import type { ResolvedOptions } from '../options/resolve.js';
import { linkPolicy, type LinkPolicy } from './link.js';
import { resolveWindow, type Window } from './window.js';
import { compareText } from '../_lib/order.js';
import { amountAt, keyAt, valueAt, type RecordTable, type TextColumn } from '../records/table.js';
import { vocabularies } from '../similarity/vocabulary.js';
import { excludedRecords } from './excluded.js';
import { projectName } from '../similarity/project.js';
import { vendorTrade } from '../records/normalize.js';
import { PairIds } from '../_lib/pairIds.js';

/**
 * A ledger made ready for clustering: the records in partition order — buyer, then vendor / project
 * / category / period where the policy requires them equal, then date, then id — with the window and
 * link policy resolved. Items (the records the clustering handles) are built only for records that
 * become candidate parts of some threshold.
 */
export interface Prepared {
  readonly table: RecordTable;
  readonly window: Window;
  readonly links: LinkPolicy;
  /** Table index (k) of each position, in partition order. */
  readonly order: Int32Array;
  /** Partition number of each position. */
  readonly partition: Int32Array;
  /** Day of each position (the table's `day` of `order[i]`, read in order). */
  readonly days: Int32Array;
  /** 1 when a position can never link (a required project or category is missing). */
  readonly unlinkable: Uint8Array;
  /** 1 when a record (by table index) is already part of a finding. */
  readonly assigned: Uint8Array;
  /** Exact value in the report currency of table index k (computed once). */
  valueOf(k: number): Decimal;
  /** The item of table index k (built once). */
  itemOf(k: number): Item;
  /** Marks the records of a run as part of a finding: they are no candidates for later tiers. */
  assign(run: readonly Item[]): void;
}

/**
 * Prepares a record table for clustering: resolves the window and the link policy, interns
 * category prefixes, finds broad projects, weighs subject tokens per buyer and sorts the records into
 * partitions. Runs in O(n) plus the sorting of records sharing a partition and a day by id
 * (`partitionOrder`; O(n log n) at most) and the tokenising of distinct subjects.
 */
export function prepare(table: RecordTable, opts: ResolvedOptions): Prepared {
  const { subject } = opts;
  const window = resolveWindow(opts.window);
  const n = table.size;

  // Category prefixes and projects by the words that name them (projectName), interned; and
  // projects too broad to link (none to look for when projects do not link, or no record has one).
  const depth = subject.categoryPrefix;
  const { names: prefixes, of: prefixOf } = coarseKeys(table.category, (key) => (depth > 0 ? key.slice(0, depth) : key));
  const { names: projectNames, of: projectOf } = coarseKeys(table.project, projectName);
  // How widely a project or a vendor's trade spreads is counted in category divisions (see spreadKey).
  const { of: divisionOf } = coarseKeys(table.category, (key) => spreadKey(key, depth));
  const broad = subject.maxProjectCategories > 0 && projectNames.length > 0 ? broadKeys(table, projectOf, divisionOf, subject.maxProjectCategories) : new Set<number>();
  const placeholder = table.vendor.keys.map((v) => opts.placeholderVendors.has(v));
  // Vendors' trades (vendorTrade), where the policy relates different vendors' records by them:
  // the trades specific to the buyer (see maxProjectCategories); placeholders state none.
  const links = linkPolicy(opts, window);
  const trades = links.vendorLinks && subject.maxProjectCategories > 0 ? vendorTrades(table, opts.placeholderVendors, divisionOf, subject.maxProjectCategories) : undefined;

  // Subject tokens, numbered rarest first and weighed by rarity in each buyer's ledger, without
  // the excluded records (as if they were not there).
  const text = subject.minSimilarity > 0 ? vocabularies(table.buyer.key, subjectsKept(table, opts.exclude), (s) => table.subject.keys[s] as string) : undefined;

  // Partitions: buyer, then whatever the policy requires to be equal.
  const parts = new PairIds();
  const partOf = new Int32Array(n);
  const unlinkableOf = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    let pid = table.buyer.key[k] as number;
    if (opts.vendor === 'same') {
      // A placeholder vendor stands for many suppliers: no other record shares it.
      if (placeholder[table.vendor.key[k] as number]) unlinkableOf[k] = 1;
      pid = parts.id(pid, table.vendor.key[k] as number);
    }
    if (subject.sameProject) {
      const p = projectOf(k);
      if (p < 0) unlinkableOf[k] = 1;
      pid = parts.id(pid, p + 1);
    }
    if (subject.sameCategory) {
      const c = prefixOf(k);
      if (c < 0) unlinkableOf[k] = 1;
      pid = parts.id(pid, c + 1);
    }
    if (window.kind === 'period') pid = parts.id(pid, window.periodOf(table.day[k] as number) + 4_194_304);
    partOf[k] = pid;
  }
  const { order: ks, partition, days } = partitionOrder(partOf, table.day, table.id);

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
  const noWeights = new Int32Array(0);
  const assigned = new Uint8Array(n);
  const source: ItemSource = { table, valueOf };
  return {
    table,
    window,
    links,
    order: ks,
    partition,
    days,
    unlinkable: byPosition(ks, unlinkableOf),
    assigned,
    valueOf,
    assign(run) {
      for (const it of run) assigned[it.k] = 1;
    },
    itemOf(k) {
      let it = items[k];
      if (it === undefined) {
        const p = prefixOf(k);
        const proj = projectOf(k);
        const pair = text ? (text.pairOf[k] as number) : -1;
        it = new TableItem(
          k,
          source,
          text && pair >= 0 ? text.tokensOf(pair) : empty,
          text && pair >= 0 ? text.weightsOf(pair) : noWeights,
          text && pair >= 0 ? text.sharedFrom(pair) : 0,
          depth > 0 && p >= 0 ? prefixes[p] : undefined,
          proj >= 0 && subject.maxProjectCategories > 0 && !broad.has(pairKey(table.buyer.key[k] as number, proj)) ? projectNames[proj] : undefined,
          placeholder[table.vendor.key[k] as number] === true,
          trades?.of(k),
        );
        items[k] = it;
      }
      return it;
    },
  };
}

/** Where a {@link TableItem} reads its record: the table, and the values computed once per table index. */
interface ItemSource {
  readonly table: RecordTable;
  valueOf(k: number): Decimal;
}

/**
 * An item as a view of the record table: it holds its index, subject signals and the table, and
 * reads the record's date, amounts, vendor, category, document and subject from the table's columns when
 * asked (a few words per candidate part instead of a record object).
 */
class TableItem implements Item {
  constructor(
    readonly k: number,
    private readonly source: ItemSource,
    readonly tokens: readonly number[],
    readonly weights: ArrayLike<number>,
    readonly sharedFrom: number,
    readonly categoryPrefix: string | undefined,
    readonly project: string | undefined,
    readonly placeholderVendor: boolean,
    readonly trade: string | undefined,
  ) {}

  get day(): number {
    return this.source.table.day[this.k] as number;
  }

  get value(): Decimal {
    return this.source.valueOf(this.k);
  }

  get approx(): number {
    return this.source.table.approx[this.k] as number;
  }

  get amount(): Decimal {
    return amountAt(this.source.table, this.k);
  }

  get vendorKey(): string {
    return keyAt(this.source.table.vendor, this.k) as string;
  }

  get categoryKey(): string | undefined {
    return keyAt(this.source.table.category, this.k);
  }

  get document(): string | undefined {
    return this.source.table.document[this.k];
  }

  get subject(): string | undefined {
    return keyAt(this.source.table.subject, this.k);
  }
}

/**
 * Table indexes sorted by partition, then day, then id (UTF-16 order; ids are unique, so the order
 * is total and does not depend on input order), and the partition and day of each position: a stable
 * counting sort by day, then one by partition, then a sort by id of each run of one partition and
 * day (mostly a record or a few). Each counting sort carries the keys along with the indexes, so
 * that the second sort and the search for runs read them in order, not through the indexes at
 * random (on the Toronto-shaped bench file's 447,912 records in 600 partitions, 5 alternating
 * runs in one process: 41-77 ms against 75-106 ms reading `partOf[order[j]]` and `day[order[j]]`,
 * and the partitions by position then still to gather). Runs in O(n + partitions + days spanned)
 * plus the sorts of the runs; falls back to one comparison sort when the dates span far more days
 * than there are records.
 */
function partitionOrder(partOf: Int32Array, day: Int32Array, ids: readonly string[]): { order: Int32Array; partition: Int32Array; days: Int32Array } {
  const n = partOf.length;
  const byId = (a: number, b: number) => compareText(ids[a] as string, ids[b] as string);
  let minDay = Infinity;
  let maxDay = -Infinity;
  let parts = 0;
  for (let k = 0; k < n; k++) {
    const d = day[k] as number;
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
    if ((partOf[k] as number) >= parts) parts = (partOf[k] as number) + 1;
  }
  if (n === 0 || maxDay - minDay > 8 * n + 4096) {
    const order = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => (partOf[a] as number) - (partOf[b] as number) || (day[a] as number) - (day[b] as number) || byId(a, b));
    return { order, partition: byPosition(order, partOf), days: byPosition(order, day) };
  }
  // By day (table indexes in order: the keys read in order), the partition and day carried along.
  const days = maxDay - minDay + 1;
  const dayStart = new Int32Array(days + 1);
  for (let k = 0; k < n; k++) dayStart[(day[k] as number) - minDay + 1]! += 1;
  for (let i = 0; i < days; i++) dayStart[i + 1]! += dayStart[i] as number;
  const byDay = new Int32Array(n);
  const partByDay = new Int32Array(n);
  const dayByDay = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const d = day[k] as number;
    const at = dayStart[d - minDay]!++;
    byDay[at] = k;
    partByDay[at] = partOf[k] as number;
    dayByDay[at] = d;
  }
  // Then by partition, stably (the keys carried, read in order).
  const partStart = new Int32Array(parts + 1);
  for (let i = 0; i < n; i++) partStart[(partByDay[i] as number) + 1]! += 1;
  for (let i = 0; i < parts; i++) partStart[i + 1]! += partStart[i] as number;
  const order = new Int32Array(n);
  const partition = new Int32Array(n);
  const dayAt = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = partByDay[i] as number;
    const at = partStart[p]!++;
    order[at] = byDay[i] as number;
    partition[at] = p;
    dayAt[at] = dayByDay[i] as number;
  }
  for (let i = 0, j = 1; i < n; i = j++) {
    const p = partition[i] as number;
    const d = dayAt[i] as number;
    while (j < n && partition[j] === p && dayAt[j] === d) j++;
    if (j - i > SMALL_RUN) order.subarray(i, j).sort(byId);
    else if (j - i > 1) insertionSort(order, i, j, ids);
  }
  return { order, partition, days: dayAt };
}

/** Runs of one partition and day up to this many records are sorted in place, without a typed array's sort (a view and a call per run). */
const SMALL_RUN = 16;

/** Sorts `order[from, to)` by id (UTF-16 order), in place: insertion sort, for the short runs of {@link partitionOrder}. */
function insertionSort(order: Int32Array, from: number, to: number, ids: readonly string[]): void {
  for (let i = from + 1; i < to; i++) {
    const k = order[i] as number;
    const id = ids[k] as string;
    let j = i - 1;
    while (j >= from && (ids[order[j] as number] as string) > id) {
      order[j + 1] = order[j] as number;
      j--;
    }
    order[j + 1] = k;
  }
}

/** `of[k]` for each k of `ks`, in their order (a loop: a typed array's `map` calls a function per entry). */
function byPosition<A extends Uint8Array | Int32Array>(ks: Int32Array, of: A): A {
  const out = new (of.constructor as new (n: number) => A)(ks.length);
  for (let i = 0; i < ks.length; i++) out[i] = of[ks[i] as number] as number;
  return out;
}

/**
 * A coarser key of a text column — `coarse` of each of its distinct keys — interned: the distinct
 * coarse keys, and the id among them of table index k's (−1 without a value). O(n + distinct keys).
 */
function coarseKeys(column: TextColumn, coarse: (key: string) => string): { names: string[]; of: (k: number) => number } {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const ofKey = column.keys.map((key) => {
    const name = coarse(key);
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = names.push(name) - 1));
    return id;
  });
  return {
    names,
    of: (k) => {
      const c = column.key[k] as number;
      return c < 0 ? -1 : (ofKey[c] as number);
    },
  };
}

const pairKey = (buyer: number, key: number) => buyer * 8_388_608 + key;

/**
 * The unit a project's or a trade's spread is counted in: an all-digit code's first two digits (a
 * CPV division, a UNSPSC segment, an MCC range: 48820000 servers, 48821000 storage and 48000000
 * software are one division), any other code cut to the prefix depth (`C1801`, a 品目 code, at
 * depth 3: `C18`), or whole when the depth is 0.
 *
 * @example
 * ['48821000', 'C1801', 'B07'].map((c) => spreadKey(c, 3)) //=> ['48', 'C18', 'B07']
 */
export function spreadKey(code: string, depth: number): string {
  if (/^\d+$/u.test(code)) return code.slice(0, 2);
  return depth > 0 ? code.slice(0, depth) : code;
}

/**
 * Broad keys: a buyer's projects (by `keyOf`: the words that name them) or vendor trades whose
 * records span more than `max` category divisions (`divisionOf`: see {@link spreadKey}).
 * A broad budget line such as "general running costs", or a trade such as "services" that vendors of
 * every kind state, says nothing about the requirement, so it does not link records (a project can
 * still be required by `sameProject`); a project of servers, storage and software licences stays in
 * one or two divisions however many category groups it spans. Runs in O(n).
 */
function broadKeys(table: RecordTable, keyOf: (k: number) => number, divisionOf: (k: number) => number, max: number): Set<number> {
  const spread = new Map<number, Set<number>>();
  for (let k = 0; k < table.size; k++) {
    const p = keyOf(k);
    const c = divisionOf(k);
    if (p < 0 || c < 0) continue;
    const key = pairKey(table.buyer.key[k] as number, p);
    let cats = spread.get(key);
    if (!cats) spread.set(key, (cats = new Set()));
    cats.add(c);
  }
  const out = new Set<number>();
  for (const [key, cats] of spread) if (cats.size > max) out.add(key);
  return out;
}

/**
 * The trade (see `vendorTrade`) of table index k's vendor, when the vendor states one, is no
 * placeholder, and the trade is not broad for the record's buyer (see {@link broadKeys}). O(n).
 */
function vendorTrades(table: RecordTable, placeholders: ReadonlySet<string>, divisionOf: (k: number) => number, max: number): { of: (k: number) => string | undefined } {
  // '' stands for no trade: a placeholder's, or a name that states none.
  const { names, of } = coarseKeys(table.vendor, (key) => (placeholders.has(key) ? '' : (vendorTrade(key) ?? '')));
  const tradeOf = (k: number): number => {
    const t = of(k);
    return t < 0 || names[t] === '' ? -1 : t;
  };
  const broad = broadKeys(table, tradeOf, divisionOf, max);
  return {
    of: (k) => {
      const t = tradeOf(k);
      return t < 0 || broad.has(pairKey(table.buyer.key[k] as number, t)) ? undefined : names[t];
    },
  };
}

/** Each record's subject key, or -1 for a record `exclude` takes out. */
function subjectsKept(table: RecordTable, exclude: ResolvedOptions['exclude']): Int32Array {
  const excluded = excludedRecords(table, exclude);
  if (!excluded.includes(1)) return table.subject.key;
  return Int32Array.from(table.subject.key, (s, k) => (excluded[k] ? -1 : s));
}
