/**
 * The simulator's output, pinned. A seed names a ledger: bench/QUALITY.md and the README quote
 * figures measured on simulated ledgers, and a user who reports a finding on seed 7 expects others to
 * see the same records. Two SHA-256 hashes per case:
 * - `classic`: of `JSON.stringify(result)` with the `linkable` label of each scheme left out, taken
 *   before simulate.ts was split into modules (commit 16b91ec). They prove that neither the split nor
 *   anything since (regimes are new options) changed a record, a truth label or a key order of a
 *   ledger made without a regime.
 * - `full`: of `JSON.stringify(result)` as it is, `linkable` included (added after 42d7bf8; changed
 *   when the label came to count a vendor's trade, with the `classic` hashes unchanged).
 * A deliberate change of the simulator's output must update them, and re-run `npm run evaluate` so the
 * quoted figures follow.
 *
 * The last case pins a regime ledger (`uneven`, added with the regime; its `classic` hash is taken the
 * same way, without `linkable`). Adding `uneven` and its habits changed no other regime's ledgers but
 * `mixed`'s, which draws the new habits per buyer: `classic`, `heavyTail`, `dense`, `sparseFields`
 * and `messy` ledgers are record for record what they were. Its hashes changed again when every
 * regime's `justBelow` schemes became phases at one price half of the time (the classic ones did not),
 * and again when busy-category purchases past their cap were reflected under it instead of clamped
 * to it (only those amounts changed, in `uneven` and `mixed` ledgers; every other record and label is as before).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { simulate, type SimulateOptions, type SimulateResult } from '../../src/simulate.js';

const EUR_SCOPED: SimulateOptions['thresholds'] = [
  { id: 'works', amount: '50000', currency: 'EUR', procedure: 'tender', categories: ['45'], validFrom: '2024-01-01' },
  { id: 'supplies', amount: '20000', currency: 'EUR', procedure: 'tender', excludeCategories: ['45'] },
];
const THREE_TIERS: SimulateOptions['thresholds'] = [
  { id: 'quote', amount: '5000.50', currency: 'USD', procedure: 'three quotes', comparison: 'above' },
  { id: 'simplified', amount: '20000', currency: 'USD', procedure: 'simplified acquisition' },
  { id: 'open', amount: '140000', currency: 'USD', procedure: 'open competition', comparison: 'above', validTo: '2024-06-30' },
];

/** [name, options, records, schemes, decoys, classic sha256, full sha256]. */
const GOLDEN: [string, SimulateOptions, number, number, number, string, string][] = [
  [
    'the classic standard ledger (seed 20240501, 40 buyers)', { seed: 20240501, buyers: 40 }, 21_270, 120, 80,
    '1eb963e950503dcd2ba56fc73c3c0a8ceceb281920be2c2edfeec7236610424e',
    '1a47fcb12e2ec79666abfc19db2a78c5096cf177e0ef05a6c04fad68877d2de7',
  ],
  [
    'the defaults', {}, 10_609, 60, 40,
    'b0af72bde622c53d8e5e29830a79e60294dfa2c11315b98187a9948a274abfaf',
    '2093ab62be505bec041ee5e0ccf8e3ea647f6ae25f651b0f8c5ccbe9a06d6335',
  ],
  [
    'the doc-comment example', { seed: 7, buyers: 4, recordsPerBuyer: 100 }, 531, 12, 8,
    'e4a9d48e8076d45d389c4178a6fcf14c0d65b1253e3c55f0ae7ae77bbbd54b03',
    '45353cdc8f42dde290e7477aab5c2b4ecfc45d56ce3726866195f8d33ff795e4',
  ],
  [
    'English ledgers by size, fiscal year from April, counts asked for, an id prefix',
    { seed: 99, size: 3000, fiscalYearStart: 4, languages: ['en'], idPrefix: 'X-', schemes: { sameVendor: 7, twoTiers: 0 }, decoys: { singleJustBelow: 4 } },
    3_192, 19, 13,
    '6f2e7c7af226d51f7b0012d6414859756dd554c1f1ebb83e1efc0e70a8b37cff',
    'efe220402e79bdd091d9223865242eff7b8938170e9f5be7a3996c0fc03ccacd',
  ],
  [
    'tiers scoped by category and validity, another ledger period',
    { seed: 5, buyers: 6, recordsPerBuyer: 100, schemes: { twoTiers: 0 }, start: '2022-07-01', end: '2024-06-30', thresholds: EUR_SCOPED },
    772, 15, 12,
    '7b7f9ab0224f98bec29f2f459d3915e2cf6eb157bf0b9e0a3514238ea9e4d1a1',
    'f79b2fa5518358ac8221106a97c75bcd8a94edf67fe3ef4ca291b1543d561fbc',
  ],
  [
    'three tiers, `above` comparisons, a decimal amount, fiscal year from October',
    { seed: 3, buyers: 8, recordsPerBuyer: 50, languages: ['zh'], fiscalYearStart: 10, thresholds: THREE_TIERS },
    647, 24, 16,
    '245fa27776c81454a13a547cd1953bfef12ce7648c7c4654e0a12d054385c320',
    '058cfa378906d8acc67067a48a10931dd8852a2a08239679af8c3cc981ecac53',
  ],
  [
    'the uneven regime', { seed: 11, regime: 'uneven', buyers: 12, recordsPerBuyer: 200 }, 2_933, 48, 54,
    'd6e121bd8e6be40b7aa0c54884591ae76d0976484ec0c8da74616a1d95b0447b',
    '92686839b02bd5fe5d6857285b2ac89488c5dd47a9b29a19391309cf5a874bee',
  ],
  // One buyer, no routine purchases, 60 days: no whole fiscal year fits, so no fiscalYear scheme.
  [
    'the smallest ledger', { seed: 0, buyers: 1, recordsPerBuyer: 0, start: '2023-03-01', end: '2023-04-29' }, 43, 5, 3,
    '6362665a035dc8518048457020595090c3f12b32cc0790a70796ac31d00ec84d',
    '0e53ebd173a67b2471c7cec81afef655bafbdb0bec05d9b6aba99c763cb0f52f',
  ],
];

const sha256 = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex');

/** The result as it was before schemes carried `linkable`: same keys, same order. */
function withoutLinkable(result: SimulateResult): unknown {
  const schemes = result.truth.schemes.map(({ linkable: _, ...rest }) => rest);
  return { records: result.records, truth: { ...result.truth, schemes } };
}

describe('simulate output is pinned', () => {
  it.each(GOLDEN)('%s', (_name, options, records, schemes, decoys, classic, full) => {
    const result = simulate(options);
    expect([result.records.length, result.truth.schemes.length, result.truth.decoys.length]).toEqual([records, schemes, decoys]);
    expect(sha256(withoutLinkable(result))).toBe(classic);
    expect(sha256(result)).toBe(full);
  });
});
