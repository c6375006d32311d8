import { isoOf, partsOf } from '../_lib/days.js';
import { money } from './_cents.js';
import type { Rng } from './_prng.js';
import type { Buyer } from './buyers.js';
import type { SimulationConfig } from './options.js';
import { keepRecord } from './recording.js';
import type { SimulatedRecord } from './truth.js';

/** The optional fields a simulated purchase may carry. */
export type RecordDetails = Partial<Pick<SimulatedRecord, 'category' | 'project' | 'method' | 'document'>>;

/**
 * The ledger being made: records in the order they are made, with their days, before date order and
 * ids (see `assemble`). Dates are day numbers until a record is written.
 */
export class DraftLedger {
  readonly records: SimulatedRecord[] = [];
  /** Day of each record, counted from the ledger's first day. */
  readonly offsets: number[] = [];
  private readonly isoDates: string[] = [];
  private readonly years: Int32Array;

  /** @param recording - the generator of record-keeping habits (regimes only): see `keepRecord`. */
  constructor(readonly config: SimulationConfig, private readonly recording?: Rng) {
    this.years = new Int32Array(config.end - config.start + 1);
    for (let d = config.start; d <= config.end; d++) this.years[d - config.start] = partsOf(d)[0];
  }

  /** `YYYY-MM-DD` of a day of the ledger. */
  iso(day: number): string {
    return (this.isoDates[day - this.config.start] ??= isoOf(day));
  }

  /** Calendar year of a day of the ledger. */
  yearOf(day: number): number {
    return this.years[day - this.config.start]!;
  }

  /** Writes a purchase (id to come) as the buyer keeps its records, and returns it. */
  add(b: Buyer, day: number, vendor: string, cents: number, subject: string, details: RecordDetails): SimulatedRecord {
    const r: SimulatedRecord = { id: '', buyer: b.name, vendor, date: this.iso(day), amount: money(cents), currency: this.config.currency, subject };
    if (details.category !== undefined) r.category = details.category;
    if (details.project !== undefined) r.project = details.project;
    if (details.method !== undefined) r.method = details.method;
    if (details.document !== undefined) r.document = details.document;
    if (this.recording) keepRecord(r, b, this.recording);
    this.records.push(r);
    this.offsets.push(day - this.config.start);
    return r;
  }
}

/** What injecting schemes and decoys works on: the draft, its buyers, and the injection's generator. */
export interface Injection {
  readonly ledger: DraftLedger;
  readonly buyers: readonly Buyer[];
  readonly rng: Rng;
  /** The number of routine purchases: the draft's first records, before any injection. */
  readonly routine: number;
}
