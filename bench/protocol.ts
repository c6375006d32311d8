/**
 * The evaluation protocol: the simulated ledgers quality is measured on, and which of them tuned
 * numbers (weights, band, minScore, similarity cut …) may be fitted on.
 *
 * - `FIT`: the regimes and seeds `npm run tune` (bench/tune.ts) searches on. Besides them, only the
 *   blind ledger's inspected seeds 1–4 (bench/blind/weights.ts: the score weights and `minScore`)
 *   may be used to choose an option value; no simulated ledger outside `FIT` ever is.
 * - `HELD_OUT`: the regimes and seeds nothing was fitted on. `npm run evaluate` (bench/evaluate.ts)
 *   reports every regime on the held-out seeds only, and marks which regimes were fitted on: the
 *   held-out regimes on held-out seeds are the honest figures, and the README quotes them.
 *
 * A ledger is named by its regime and seed: 40 buyers of about 350 routine purchases each over two
 * years (some 14,500 records), 8 schemes of each kind (no `twoTiers` under a single threshold) and 6
 * decoys of each kind, under the threshold set the seed picks (seed mod 4), so every regime meets a
 * CNY pair, a single 50,000 EUR limit, a GBP pair and a USD pair with `above` comparisons.
 */
import { DECOY_KINDS, SCHEME_KINDS, SIMULATION_THRESHOLDS, simulate, type SimulateOptions, type SimulateResult, type SimulatedRegime } from '../src/simulate.js';
import type { ThresholdInput } from '../src/thresholds/threshold.js';
import { madeIn } from '../src/simulate/options.js';
import type { DetectSplitsOptions } from '../src/options/options.js';
import { resolveOptions } from '../src/options/resolve.js';
import { dayOf } from '../src/_lib/days.js';
import { sameWindow } from '../test/oracle.js';

/** A set of thresholds and the languages its ledgers are written in. */
export interface ThresholdSet {
  readonly name: string;
  readonly thresholds: readonly ThresholdInput[];
  readonly languages: readonly ('zh' | 'en')[];
}

/** The threshold sets, picked by seed mod 4. */
export const THRESHOLD_SETS: readonly ThresholdSet[] = [
  { name: 'CNY 300k / 1M', thresholds: SIMULATION_THRESHOLDS, languages: ['zh', 'en'] },
  {
    name: 'EUR 50k',
    thresholds: [{ id: 'eur-50k', amount: '50000', currency: 'EUR', procedure: 'competitive tender', comparison: 'atOrAbove', label: 'a single 50,000 EUR limit (simulation)' }],
    languages: ['en'],
  },
  {
    name: 'GBP 25k / 138,760',
    thresholds: [
      { id: 'gbp-25k', amount: '25000', currency: 'GBP', procedure: 'advertised quotation', comparison: 'atOrAbove', label: 'UK-like contract notice limit (simulation)' },
      { id: 'gbp-138760', amount: '138760', currency: 'GBP', procedure: 'open procedure', comparison: 'atOrAbove', label: 'UK-like central supplies threshold 2022–23 (simulation)' },
    ],
    languages: ['en'],
  },
  {
    name: 'USD 10k / 250k (above)',
    thresholds: [
      { id: 'usd-10k', amount: '10000', currency: 'USD', procedure: 'simplified acquisition', comparison: 'above', label: 'US-like micro-purchase threshold (simulation)' },
      { id: 'usd-250k', amount: '250000', currency: 'USD', procedure: 'full and open competition', comparison: 'above', label: 'US-like simplified acquisition threshold (simulation)' },
    ],
    languages: ['en'],
  },
];

/** Regimes and seeds of one side of the protocol. */
export interface ProtocolSide {
  readonly regimes: readonly SimulatedRegime[];
  readonly seeds: readonly number[];
}

/**
 * What tuning may fit on. Seeds 5–8 joined 1–4 when ranking by the targets first: with four seeds
 * a point that meets every target on every FIT ledger can owe it to those four seeds alone.
 */
export const FIT: ProtocolSide = { regimes: ['classic', 'dense', 'heavyTail'], seeds: [1, 2, 3, 4, 5, 6, 7, 8] };

/** What nothing was fitted on: the regimes and seeds quality is reported on. */
export const HELD_OUT: ProtocolSide = { regimes: ['sparseFields', 'messy', 'uneven', 'mixed'], seeds: [101, 102, 103, 104, 105] };

/**
 * Fresh held-out seeds, set aside when a change was inspired by looking at the `HELD_OUT` ledgers (a
 * budget project compared by its words came from their misses): nobody looked at these before the
 * change was made, and `npm run evaluate -- --fresh` reports them once, beside `HELD_OUT`, whatever
 * they show. The regimes are `HELD_OUT`'s.
 */
export const FRESH: ProtocolSide = { regimes: HELD_OUT.regimes, seeds: [201, 202, 203, 204, 205] };

/**
 * Issue 11's done-when targets: per ledger, recall in reach at least `recall`, ranking AP at least
 * `averagePrecision`, rotated-vendor recall in reach at least `rotatedRecall`, and no decoy kind
 * more than `decoysInTopK` times in the top K. `npm run evaluate` checks them per regime on the worst
 * held-out seed; `npm run tune` ranks grid points by the FIT ledgers that miss them.
 */
export const TARGETS = Object.freeze({ recall: 0.95, averagePrecision: 0.9, rotatedRecall: 0.85, decoysInTopK: 2 });

/** Ledger size and injections. */
export const LEDGER = { buyers: 40, recordsPerBuyer: 350, schemesPerKind: 8, decoysPerKind: 6 } as const;

/** The threshold set of a seed. */
export const thresholdSetOf = (seed: number): ThresholdSet => THRESHOLD_SETS[((seed % 4) + 4) % 4]!;

/** The options of the ledger named by a regime and a seed. */
export function ledgerOptions(regime: SimulatedRegime, seed: number): SimulateOptions {
  const set = thresholdSetOf(seed);
  return {
    seed,
    regime,
    buyers: LEDGER.buyers,
    recordsPerBuyer: LEDGER.recordsPerBuyer,
    thresholds: set.thresholds,
    languages: set.languages,
    schemes: Object.fromEntries(SCHEME_KINDS.map((k) => [k, k === 'twoTiers' && set.thresholds.length < 2 ? 0 : LEDGER.schemesPerKind])),
    // Every kind in every regime: near-limit neighbours (which fill held-out top Ks) in the FIT
    // ledgers too, so that tuning sees them.
    decoys: Object.fromEntries(DECOY_KINDS.map((k) => [k, madeIn(regime).decoys.includes(k) ? LEDGER.decoysPerKind : 0])),
  };
}

/** One ledger of the protocol. */
export interface ProtocolLedger extends SimulateResult {
  readonly regime: SimulatedRegime;
  readonly seed: number;
  readonly set: ThresholdSet;
}

/** The ledger named by a regime and a seed. */
export function ledgerOf(regime: SimulatedRegime, seed: number): ProtocolLedger {
  return { ...simulate(ledgerOptions(regime, seed)), regime, seed, set: thresholdSetOf(seed) };
}

/**
 * The schemes in reach of a configuration: linkable by some field (the simulator's label) and with
 * every pair of parts inside one window of the configuration (test/oracle.ts \`sameWindow\`).
 */
export function schemesInReach(ledger: ProtocolLedger, options: DetectSplitsOptions): Set<string> {
  const o = resolveOptions(options);
  const dayOfId = new Map(ledger.records.map((r) => [r.id, dayOf(r.date)!]));
  const out = new Set<string>();
  for (const s of ledger.truth.schemes) {
    const days = s.recordIds.map((id) => dayOfId.get(id)!);
    if (s.linkable && days.every((a) => days.every((b) => sameWindow(o, a, b)))) out.add(s.id);
  }
  return out;
}

/**
 * Throws unless FIT shares no regime and no seed with a held-out side (tuning must never see held-out
 * ledgers), and the fresh seeds are none of FIT's or HELD_OUT's.
 */
export function checkProtocol(fit: ProtocolSide = FIT, heldOut: ProtocolSide = HELD_OUT, fresh: ProtocolSide = FRESH): void {
  for (const [name, side] of [['HELD_OUT', heldOut], ['FRESH', fresh]] as const) {
    const regimes = fit.regimes.filter((r) => side.regimes.includes(r));
    const seeds = fit.seeds.filter((s) => side.seeds.includes(s));
    if (regimes.length > 0 || seeds.length > 0) throw new Error(`protocol: FIT and ${name} share ${[...regimes, ...seeds].join(', ')}`);
  }
  const reused = fresh.seeds.filter((s) => heldOut.seeds.includes(s));
  if (reused.length > 0) throw new Error(`protocol: FRESH seeds ${reused.join(', ')} are HELD_OUT seeds`);
}
