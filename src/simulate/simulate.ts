import { assemble } from './assemble.js';
import { buyRoutine } from './background.js';
import { makeBuyers } from './buyers.js';
import { injectDecoy } from './decoys.js';
import { DraftLedger } from './ledger.js';
import { resolveSimulateOptions, type SimulateOptions } from './options.js';
import { Rng } from './_prng.js';
import { injectScheme } from './schemes.js';
import { keepOrderBooks } from './orderBooks.js';
import { DECOY_KINDS, SCHEME_KINDS, type SimulateResult } from './truth.js';

/**
 * Simulates a procurement ledger with ground-truth labels: routine purchases per buyer plus injected
 * split schemes and legitimate decoys.
 *
 * Routine purchases (the background): each buyer prefers some of 38 CPV-like category groups and
 * buys from a pool of 2–6 vendors per group (Zipf-like loyalty), with log-normal amounts around each
 * group's median (σ = 1) kept to about half the lowest tier or less, except 0.3 % of large purchases
 * of 1–3 times the lowest tier, bought by public tender; with seasonality (Spring Festival lull,
 * December budget flush, few weekend purchases), subjects in Chinese or English with natural
 * variation, category codes (85 % of buyers record them), budget projects (70 % of buyers: a domain
 * project, the general running-costs project, or none), methods (quotation, direct award, framework
 * call-off, card, e-marketplace) and invoice numbers. Schemes and decoys, described at
 * {@link SchemeKind} and {@link DecoyKind}, are bought through the same buyers' vendors, projects
 * and record-keeping. Amounts are built from integer cents, so every label is exact.
 *
 * With a `regime` (see {@link SimulatedRegime}), each buyer also draws habits that real ledgers differ
 * by — heavy-tailed amounts, busy categories bought weekly from one vendor, monthly contracts, tiny
 * buys from one supplier, missing fields, vague or messy wording, buyers sized by rank, a year-end
 * rush, splits diluted among routine purchases, slow splits, cross-contractor bundles tied by a
 * site word, orders numbered in turn (see `ORDER_BOOK_SHARE`) — amounts follow the thresholds'
 * scale, and the scheme and decoy kinds added with regimes are made too. Without one, the ledger is
 * the classic simulation, record for record as it has always been for a given seed.
 *
 * Runs in O(n + d) time and O(n) memory for n records over d days (plus O(d) per buyer with a year-end
 * rush, whose days are weighed apart); 1M records take a few seconds.
 *
 * @throws {OptionsError} on bad options, each with its path: an unknown option, a negative count, a bad
 *   date, a threshold that is not valid, thresholds in several currencies or with one id.
 * @example
 * const { records, truth } = simulate({ seed: 7, buyers: 4, recordsPerBuyer: 100 });
 * records.length > 400           //=> true
 * truth.schemes[0]?.kind         //=> 'sameVendor'
 * simulate({ seed: 7, regime: 'messy', buyers: 4, recordsPerBuyer: 100, thresholds: [{ id: 'eu',
 *   amount: '50000', currency: 'EUR', procedure: 'tender' }] }).truth.schemes.some((s) => s.kind === 'busyCategory') //=> true
 */
export function simulate(options: SimulateOptions = {}): SimulateResult {
  const config = resolveSimulateOptions(options);
  // Routine buying, injection and ordering draw from their own generators.
  const rng = new Rng(config.seed);
  const routine = rng.fork(1);
  const injection = rng.fork(2);
  // A regime's habits and record-keeping draw from generators of their own: without a regime, the
  // draws are the classic simulator's, one for one.
  const regime = config.regime === undefined ? undefined : rng.fork(4);
  const ledger = new DraftLedger(config, regime?.fork(1));
  const buyers = makeBuyers(config, routine, regime?.fork(2));
  buyRoutine(ledger, buyers, routine);
  const injected = { ledger, buyers, rng: injection, routine: ledger.records.length };
  const schemes = injectEach(SCHEME_KINDS, config.schemes, (kind) => injectScheme(injected, kind));
  const decoys = injectEach(DECOY_KINDS, config.decoys, (kind) => injectDecoy(injected, kind));
  const result = assemble(ledger, schemes, decoys, rng.fork(3));
  // Buyers that number their orders in turn (some, in some regimes): see orderBooks.ts.
  if (regime && config.regime !== undefined) keepOrderBooks(result.records, buyers.map((b) => b.name), config.regime, regime.fork(3));
  return result;
}

/** `counts[kind]` injections of each kind, kind by kind; one that finds no room is left out. */
function injectEach<K extends string, T>(kinds: readonly K[], counts: Readonly<Record<K, number>>, inject: (kind: K) => T | undefined): T[] {
  const out: T[] = [];
  for (const kind of kinds) {
    for (let i = 0; i < counts[kind]; i++) {
      const x = inject(kind);
      if (x) out.push(x);
    }
  }
  return out;
}
