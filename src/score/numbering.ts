import type { RecordTable } from '../records/table.js';
import { countAtMost as upper, countBelow as lower } from '../_lib/sorted.js';

/**
 * How a buyer numbers its documents, so that document numbers one apart weigh what they show.
 *
 * Most buyers number their orders in one series as they raise them: two purchases dated one after
 * the other, with nothing else raised between them, get numbers one apart whether or not they are
 * one requirement. Numbers one apart show parts raised together only where the buyer's own
 * numbering would not have put them side by side. So a pair of parts with numbers one apart is
 * weighed by 1 − its *chance*: the share of the buyer's numbers in that series that the next number
 * follows (`sequential`: near 1 for an order book numbered in turn, near 0 for invoice numbers of
 * many vendors or numbers drawn at random) times the chance that numbering in date order alone
 * puts the two next to each other (`inDateOrder`):
 * - both dated one day, with c documents of the series that day: 2 / c (two of c documents, in any
 *   order within the day, are next to each other that often);
 * - on different days, with a document of the series dated between them: 0 (date order would have
 *   put it between their numbers);
 * - on different days with nothing between them, c₁ documents on the first day and c₂ on the
 *   second: 1 / (c₁ · c₂) (the first part must be the last of its day, the second the first of its).
 *
 * Fewer than {@link NUMBERING}`.minDocuments` other documents in the series say nothing about the
 * buyer's habits: the chance is then 0 and numbers one apart count in full.
 */
export const NUMBERING = Object.freeze({
  /** Fewest documents of the buyer in the series, besides the two parts, to measure its numbering on. */
  minDocuments: 10,
});

/** The chance that two documents of a buyer carry numbers one apart through its numbering alone. */
export interface Adjacency {
  /** Whether the buyer's series holds enough other documents to measure (see {@link NUMBERING}). */
  readonly applicable: boolean;
  /** Of the series' distinct numbers (the two records' own among them) after the first, the share that follow the one before. */
  readonly sequential: number;
  /** The chance that numbering in date order puts the two next to each other. */
  readonly inDateOrder: number;
  /** `sequential × inDateOrder` when applicable, else 0. */
  readonly chance: number;
}

/** A document number read as a series (the text around its last run of digits) and a number in it. */
export interface DocumentNumber {
  readonly series: string;
  readonly number: number;
}

const DOC_NUMBER = /^(.*?)(\d+)(\D*)$/u;

/**
 * A document number split into its series (the text around its last run of digits, trimmed) and
 * those digits, as evidence and numbering both read it; undefined when it has no digit.
 *
 * @example
 * documentDigits('PO-2018-00412') //=> { series: 'PO-2018-\u0000', digits: '00412' }
 */
export function documentDigits(document: string | undefined): { readonly series: string; readonly digits: string } | undefined {
  const m = document === undefined ? null : DOC_NUMBER.exec(document.trim());
  return m ? { series: `${m[1]}\u0000${m[3]}`, digits: m[2] as string } : undefined;
}

/**
 * The series and number of a document number: its last run of digits (at most 15, so that it is
 * exact as a JS number) and the text around it; undefined when it has none.
 *
 * @example
 * documentNumber('PO-2018-00412') //=> { series: 'PO-2018-\u0000', number: 412 }
 * documentNumber('N/A') //=> undefined
 */
export function documentNumber(document: string | undefined): DocumentNumber | undefined {
  const d = documentDigits(document);
  return d && d.digits.length <= 15 ? { series: d.series, number: Number(d.digits) } : undefined;
}

/** One series of one buyer: its documents' days (ascending), how many, and the share of its numbers that follow the one before. */
interface Series {
  readonly days: Int32Array;
  readonly documents: number;
  readonly sequential: number;
}

/** The buyers' numbering of a run, asked about pairs of records with numbers one apart. */
export interface DocumentNumbering {
  /**
   * The chance that records `a` and `b` (table indices of one buyer's records whose document
   * numbers are one apart in one series) carry such numbers through the buyer's numbering alone.
   * Runs in O(log m) for a series of m documents, after O(m log m) the first time the buyer is asked
   * about.
   */
  adjacency(a: number, b: number): Adjacency;
}

/**
 * The buyers' document numbering of a record table. `recordsOf(b)`: the table indices of buyer key
 * `b`'s records that the analysis keeps (those the policy excludes left out). A buyer's series are
 * read the first time one of its pairs is asked about.
 */
export function documentNumbering(table: RecordTable, recordsOf: (buyer: number) => ArrayLike<number>): DocumentNumbering {
  const read = new Map<number, Map<string, Series>>();
  const seriesOf = (buyer: number): Map<string, Series> => {
    let mine = read.get(buyer);
    if (mine) return mine;
    const gathered = new Map<string, { days: number[]; numbers: number[] }>();
    const records = recordsOf(buyer);
    for (let i = 0; i < records.length; i++) {
      const k = records[i] as number;
      const doc = documentNumber(table.document[k]);
      if (!doc) continue;
      let s = gathered.get(doc.series);
      if (!s) gathered.set(doc.series, (s = { days: [], numbers: [] }));
      s.days.push(table.day[k] as number);
      s.numbers.push(doc.number);
    }
    mine = new Map();
    for (const [name, s] of gathered) {
      const numbers = Float64Array.from(s.numbers).sort();
      let distinct = 0;
      let followed = 0;
      for (let i = 0; i < numbers.length; i++) {
        if (i > 0 && numbers[i] === numbers[i - 1]) continue;
        distinct++;
        if (i > 0 && numbers[i] === (numbers[i - 1] as number) + 1) followed++;
      }
      mine.set(name, { days: Int32Array.from(s.days).sort(), documents: s.days.length, sequential: distinct > 1 ? followed / (distinct - 1) : 0 });
    }
    read.set(buyer, mine);
    return mine;
  };
  return {
    adjacency(ka, kb) {
      const doc = documentNumber(table.document[ka]);
      const s = doc ? seriesOf(table.buyer.key[ka] as number).get(doc.series) : undefined;
      if (!s || s.documents - 2 < NUMBERING.minDocuments) return { applicable: false, sequential: s?.sequential ?? 0, inDateOrder: 0, chance: 0 };
      const da = table.day[ka] as number;
      const db = table.day[kb] as number;
      const [a, b] = da <= db ? [da, db] : [db, da];
      const on = (d: number) => Math.max(1, upper(s.days, d) - lower(s.days, d));
      let inDateOrder: number;
      if (a === b) inDateOrder = 2 / Math.max(2, on(a));
      else if (lower(s.days, b) - upper(s.days, a) > 0) inDateOrder = 0;
      else inDateOrder = 1 / (on(a) * on(b));
      return { applicable: true, sequential: s.sequential, inDateOrder, chance: s.sequential * inDateOrder };
    },
  };
}
