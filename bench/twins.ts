/**
 * Which missed splits no rule over the ledger's fields can tell from routine buying (issue 11):
 * `npm run bench:twins` (`npx tsx bench/twins.ts`).
 *
 * For each ledger — the held-out regimes `uneven`, `mixed`, `sparseFields` and `messy` on seeds
 * 101–105 (bench/protocol.ts), and the blind ledger on seeds 1–8 (bench/blind/ledger.ts) — runs the
 * detector at its defaults (`detectSplits(records, { thresholds })`), matches its findings to the
 * injected splits as bench/blind/match.ts does, and for every split missed that is in reach
 * (`schemesInReach`; on the blind ledger every split) searches the buyer's routine records (in no
 * split and no decoy) for a twin (bench/_twins.ts): as many parts, each below the threshold the split
 * avoided, crossing it together, and at least as split-like on every feature. A twin found is checked
 * again from the records (`isTwin`), so each one listed is real; a split without one listed may still
 * have one the search missed, so the counts are lower bounds.
 *
 * Writes Markdown to stdout and to bench/TWINS.md (`--out PATH`; `--out -` prints only).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectSplits } from '../src/index.js';
import { SCHEME_KINDS } from '../src/simulate.js';
import { ledgerOf, schemesInReach } from './protocol.js';
import { blindLedger, SPLIT_KINDS } from './blind/ledger.js';
import { matchFindings } from './blind/match.js';
import { cvOf, decoySets, featuresOf, imitates, inDateOrder, searchTwin, fractionValue, isTwin, limitOf, type Features, type TwinLimit, type TwinRecord } from './_twins.js';

const REGIMES_SHOWN = ['uneven', 'mixed', 'sparseFields', 'messy'] as const;
const SIM_SEEDS = [101, 102, 103, 104, 105];
const BLIND_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

interface LedgerRecord extends TwinRecord {
  readonly buyer: string;
  readonly currency: string;
}

/** A split as the search needs it. */
interface Split {
  readonly id: string;
  readonly kind: string;
  readonly buyer: string;
  readonly recordIds: readonly string[];
  readonly limit: TwinLimit;
  readonly thresholdId: string;
}

/** A decoy as the imitation check needs it. */
interface Decoy {
  readonly id: string;
  readonly kind: string;
  readonly buyer: string;
  readonly recordIds: readonly string[];
  readonly limit: TwinLimit;
}

/** A decoy, and a split in reach it imitates (see `imitates`): of its own buyer, of any buyer, one the detector recalls. */
interface DecoyCheck {
  readonly kind: string;
  readonly id: string;
  readonly sameBuyer: string | undefined;
  readonly anyBuyer: string | undefined;
  readonly recalled: string | undefined;
}

interface Miss {
  readonly kind: string;
  readonly id: string;
  readonly thresholdId: string;
  readonly limit: TwinLimit;
  readonly parts: readonly LedgerRecord[];
  readonly features: Features;
  readonly twin: readonly LedgerRecord[] | undefined;
  readonly nearest: { readonly records: readonly LedgerRecord[]; readonly worse: readonly string[] } | undefined;
  readonly candidates: number;
  readonly crossingSearchedAll: boolean;
  readonly searchedAll: boolean;
}

interface LedgerRun {
  readonly family: string;
  readonly seed: number;
  readonly splits: number;
  readonly inReach: number;
  readonly misses: readonly Miss[];
  readonly decoys: readonly DecoyCheck[];
  readonly detectMs: number;
  readonly searchMs: number;
}

/** Detects, matches and searches twins for the missed splits in reach of one ledger. */
function runLedger(family: string, seed: number, records: readonly LedgerRecord[], thresholds: unknown, splits: readonly Split[], inReach: ReadonlySet<string>, labelled: ReadonlySet<string>, decoys: readonly Decoy[]): LedgerRun {
  const t0 = performance.now();
  const result = detectSplits(records as LedgerRecord[], { thresholds } as Parameters<typeof detectSplits>[1]);
  const detectMs = performance.now() - t0;
  const m = matchFindings(result.findings, splits);
  const t1 = performance.now();
  const byId = new Map(records.map((r) => [r.id, r]));
  const routineOf = new Map<string, LedgerRecord[]>();
  for (const r of records) {
    if (labelled.has(r.id)) continue;
    const key = `${r.buyer}\u0000${r.currency}`;
    const list = routineOf.get(key);
    if (list === undefined) routineOf.set(key, [r]); else list.push(r);
  }
  const misses: Miss[] = [];
  splits.forEach((s, i) => {
    if (m.recalled[i] === true || !inReach.has(s.id)) return;
    const parts = s.recordIds.map((id) => byId.get(id)!);
    const routine = routineOf.get(`${s.buyer}\u0000${parts[0]!.currency}`) ?? [];
    const { twin, nearest, candidates, crossingSearchedAll, searchedAll } = searchTwin(parts, routine, s.limit);
    if (twin !== undefined && !isTwin(twin, parts, s.limit)) throw new Error(`twins: ${family} ${seed} ${s.id}: the search returned a set that is not a twin`);
    if (twin !== undefined && twin.some((r) => labelled.has(r.id) || r.buyer !== s.buyer)) throw new Error(`twins: ${family} ${seed} ${s.id}: a twin outside the buyer's routine records`);
    misses.push({ kind: s.kind, id: s.id, thresholdId: s.thresholdId, limit: s.limit, parts, features: featuresOf(parts, s.limit), twin, nearest, candidates, crossingSearchedAll, searchedAll });
  });
  // Every decoy against every split in reach, set sizes as the splits' part counts.
  const targets = splits.flatMap((s, i) => (inReach.has(s.id) ? [{ s, recalled: m.recalled[i] === true, features: featuresOf(s.recordIds.map((id) => byId.get(id)!), s.limit) }] : []));
  const checks: DecoyCheck[] = decoys.map((d) => {
    const parts = d.recordIds.map((id) => byId.get(id)!);
    const bySize = new Map<number, ReturnType<typeof decoySets>>();
    const setsOf = (size: number) => {
      let sets = bySize.get(size);
      if (sets === undefined) bySize.set(size, (sets = decoySets(parts, d.limit, size)));
      return sets;
    };
    const hits = targets.filter((t) => t.s.recordIds.length <= parts.length && imitates(setsOf(t.s.recordIds.length), t.features));
    return { kind: d.kind, id: d.id, sameBuyer: hits.find((t) => t.s.buyer === d.buyer)?.s.id, anyBuyer: hits[0]?.s.id, recalled: hits.find((t) => t.recalled)?.s.id };
  });
  return { family, seed, splits: splits.length, inReach: inReach.size, misses, decoys: checks, detectMs, searchMs: performance.now() - t1 };
}

function simulatedRun(regime: (typeof REGIMES_SHOWN)[number], seed: number): LedgerRun {
  const ledger = ledgerOf(regime, seed);
  const thresholds = ledger.set.thresholds;
  const limits = new Map(thresholds.map((t) => [t.id, limitOf(String(t.amount), t.comparison ?? 'atOrAbove')]));
  const splits: Split[] = ledger.truth.schemes.map((s) => ({ id: s.id, kind: s.kind, buyer: s.buyer, recordIds: s.recordIds, limit: limits.get(s.thresholdId)!, thresholdId: s.thresholdId }));
  const labelled = new Set([...ledger.truth.schemes, ...ledger.truth.decoys].flatMap((x) => x.recordIds));
  const decoys: Decoy[] = ledger.truth.decoys.map((d) => ({ id: d.id, kind: d.kind, buyer: d.buyer, recordIds: d.recordIds, limit: limits.get(d.thresholdId)! }));
  return runLedger(regime, seed, ledger.records as LedgerRecord[], thresholds, splits, schemesInReach(ledger, { thresholds }), labelled, decoys);
}

function blindRun(seed: number): LedgerRun {
  const ledger = blindLedger(seed);
  const limits = new Map(ledger.thresholds.map((t) => [t.id, limitOf(t.amount, t.comparison)]));
  const splits: Split[] = ledger.splits.map((s) => ({ id: s.id, kind: s.kind, buyer: s.buyer, recordIds: s.recordIds, limit: limits.get(s.threshold.id)!, thresholdId: s.threshold.id }));
  const labelled = new Set([...ledger.splits, ...ledger.decoys].flatMap((x) => x.recordIds));
  const decoys: Decoy[] = ledger.decoys.map((d) => ({ id: d.id, kind: d.kind, buyer: d.buyer, recordIds: d.recordIds, limit: limits.get(d.threshold.id)! }));
  return runLedger('blind', seed, ledger.records as LedgerRecord[], ledger.thresholds, splits, new Set(ledger.splits.map((s) => s.id)), labelled, decoys);
}

// ---------------------------------------------------------------------------------------------- report

const f2 = (x: number): string => x.toFixed(2);
const featureLine = (f: Features): string =>
  `span ${f.span} d, vendors ${f.vendors}, categories ${f.categories}, projects ${f.projects}, CV ${f2(cvOf(f))}, near ${f.near}, subject J ${f2(fractionValue(f.jaccard))}, round ${f.round}, doc pairs ${f.documentPairs}`;
const cell = (missed: number, twins: number): string => (missed === 0 ? '–' : `${twins} / ${missed}`);
const esc = (s: string | undefined): string => (s ?? '').replace(/\|/gu, '\\|');

function kindTable(push: (...l: string[]) => void, runs: readonly LedgerRun[], families: readonly string[], kinds: readonly string[], head: string, label: (family: string) => string): void {
  push(`| ${head} | ${kinds.join(' | ')} | all |`, `|---|${kinds.map(() => '---|').join('')}---|`);
  const totals = new Map<string, [number, number]>();
  for (const family of families) {
    const ms = runs.filter((r) => r.family === family).flatMap((r) => r.misses);
    const row = kinds.map((k) => {
      const of = ms.filter((x) => x.kind === k);
      const twins = of.filter((x) => x.twin !== undefined).length;
      const t = totals.get(k) ?? [0, 0];
      totals.set(k, [t[0] + of.length, t[1] + twins]);
      return cell(of.length, twins);
    });
    push(`| ${label(family)} | ${row.join(' | ')} | **${cell(ms.length, ms.filter((x) => x.twin !== undefined).length)}** |`);
  }
  if (families.length > 1) {
    const all = runs.filter((r) => families.includes(r.family)).flatMap((r) => r.misses);
    push(`| all | ${kinds.map((k) => { const t = totals.get(k)!; return cell(t[0], t[1]); }).join(' | ')} | **${cell(all.length, all.filter((x) => x.twin !== undefined).length)}** |`);
  }
}

/** A feature's value, for display. */
function valueOf(f: Features, name: string): string {
  switch (name) {
    case 'cv': return f2(cvOf(f));
    case 'jaccard': return f2(fractionValue(f.jaccard));
    default: return String(f[name as keyof Features]);
  }
}
/** The features X falls short on, with X's value against S's. */
const shortfall = (x: Features, s: Features, worse: readonly string[]): string => worse.map((w) => `${w} ${valueOf(x, w)} against ${valueOf(s, w)}`).join(', ');

/** A miss no routine set of its shape can imitate: not one crosses the threshold. */
const apart = (x: Miss): boolean => x.twin === undefined && x.nearest === undefined && x.crossingSearchedAll;
const shapeOf = (x: Miss): string => `no ${x.parts.length} routine records of the buyer below the threshold, within ${x.features.span} days, from at most ${x.features.vendors} vendor${x.features.vendors === 1 ? '' : 's'}, cross it`;

/** No twin, and every routine set of its shape was checked. */
const provedNone = (x: Miss): boolean => x.twin === undefined && x.nearest !== undefined && x.searchedAll;

/** Per family: misses, with a twin, apart (no routine set of the shape crosses), none (all checked), and undecided by what the nearest candidate fell short on. */
function outcomeTable(push: (...l: string[]) => void, runs: readonly LedgerRun[], families: readonly string[]): void {
  push('| ledgers | missed in reach | with a twin | apart: no routine set of its shape crosses | no twin: every crossing set of its shape checked (nearest less split-like on …) | undecided: some sets unchecked (nearest less split-like on …) |', '|---|---:|---:|---:|---|---|');
  const blockers = (ms: readonly Miss[]): string => {
    const count = new Map<string, number>();
    for (const x of ms) for (const w of x.nearest?.worse ?? ['(vendor sets capped)']) count.set(w, (count.get(w) ?? 0) + 1);
    const list = [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w, n]) => `${w} ${n}`).join(', ');
    return `${ms.length}${list === '' ? '' : ` (${list})`}`;
  };
  for (const family of families) {
    const ms = runs.filter((r) => r.family === family).flatMap((r) => r.misses);
    const none = ms.filter(provedNone);
    const undecided = ms.filter((x) => x.twin === undefined && !apart(x) && !provedNone(x));
    push(`| ${family} | ${ms.length} | ${ms.filter((x) => x.twin !== undefined).length} | ${ms.filter(apart).length} | ${blockers(none)} | ${blockers(undecided)} |`);
  }
}

function recordTable(push: (...l: string[]) => void, parts: readonly LedgerRecord[]): void {
  push('| id | date | vendor | amount | category | project | document | subject |', '|---|---|---|---:|---|---|---|---|');
  for (const r of inDateOrder(parts)) push(`| ${r.id} | ${r.date} | ${esc(r.vendor)} | ${r.amount} | ${esc(r.category)} | ${esc(r.project)} | ${esc(r.document)} | ${esc(r.subject)} |`);
}

function report(runs: readonly LedgerRun[], ms: number): string {
  const lines: string[] = [];
  const push = (...l: string[]): void => { lines.push(...l); };
  const sim = runs.filter((r) => r.family !== 'blind');
  const blind = runs.filter((r) => r.family === 'blind');
  const count = (rs: readonly LedgerRun[]): [number, number] => { const m = rs.flatMap((r) => r.misses); return [m.length, m.filter((x) => x.twin !== undefined).length]; };
  const [simMissed, simTwins] = count(sim);
  const [blindMissed, blindTwins] = count(blind);
  push(
    '# Missed splits with a routine twin (issue 11)',
    '',
    'Written by `npm run bench:twins` (bench/twins.ts, bench/_twins.ts). The detector runs at its defaults (`detectSplits(records, { thresholds })`); a split is recalled as bench/blind/match.ts matches findings. For every split **missed and in reach** (simulated: `schemesInReach`; blind: every split) the buyer\'s **routine** records (in no split and no decoy) are searched for a **twin** X:',
    '',
    '- as many parts as the split S, each below the threshold S avoided, their total crossing it (exact, in integer cents; `atOrAbove` / `above` respected);',
    '- at least as split-like as S on every feature: span in days ≤; distinct vendors ≤ (exact name, and again by `vendorKey`); distinct category codes ≤ (exact and by `categoryKey`; absent counts as its own); distinct budget projects ≤ (exact and normalised; absent counts as its own); coefficient of variation of the amounts ≤; parts within 10% under the threshold ≥; mean Jaccard similarity of consecutive parts\' subject words (date order, ties by id; Chinese as character bigrams) ≥; parts of round amounts (multiples of 1,000) ≥; pairs of consecutive documents (same prefix, numbers one apart) ≥. Ratios are compared exactly, as fractions.',
    '',
    'A twin means no rule over these features that never scores a set lower for being more split-like can rank S above X: S is not recalled without a routine set ranked at least as high. Each twin listed was checked again from its records. The search is a heuristic (per first routine record: its records within span(S) days, from at most vendors(S) vendors, optionally narrowed to its category, project or subject, every run of |S| records consecutive in amount), so **the counts are lower bounds**: "at least N of M misses have a twin".',
    '',
    `**Simulated (held-out regimes, seeds ${SIM_SEEDS.join(', ')}): at least ${simTwins} of ${simMissed} missed splits in reach have a twin. Blind ledger (seeds ${BLIND_SEEDS[0]}–${BLIND_SEEDS[BLIND_SEEDS.length - 1]}): at least ${blindTwins} of ${blindMissed}.**`,
    '',
    '## Simulated regimes: misses in reach with a twin / misses in reach, per scheme kind (seeds summed)',
    '',
  );
  const kinds = SCHEME_KINDS.filter((k) => sim.some((r) => r.misses.some((x) => x.kind === k)));
  kindTable(push, sim, REGIMES_SHOWN, kinds, 'regime', String);
  push('', '### Outcomes', '', 'A miss is **apart** when the search proves that no routine set of its shape (as many records of the buyer, each below the threshold, within its span in days, from at most as many vendors) crosses the threshold: the split stands out by its total alone, so its miss is not for want of fields. **No twin**: routine sets of its shape cross, and the search checked every one of them (pools small enough to enumerate): none is at least as split-like. **Undecided**: some sets of its shape went unchecked (large pools: runs consecutive in amount only; several vendors: at most 64 vendor sets per first record). For the last two, the features the nearest candidate (fewest features short) fell short on are counted; a candidate may fall short on several, and another candidate may fall short on others.', '');
  outcomeTable(push, runs, [...REGIMES_SHOWN, 'blind']);
  push('', '### Per seed', '', '| regime | seed | splits | in reach | missed in reach | with a twin | detect (s) | search (s) |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of sim) push(`| ${r.family} | ${r.seed} | ${r.splits} | ${r.inReach} | ${r.misses.length} | ${r.misses.filter((x) => x.twin !== undefined).length} | ${f2(r.detectMs / 1000)} | ${f2(r.searchMs / 1000)} |`);
  push('', '## Blind ledger: misses with a twin / misses, per split kind', '');
  const blindKinds = SPLIT_KINDS.filter((k) => blind.some((r) => r.misses.some((x) => x.kind === k)));
  kindTable(push, blind, ['blind'], blindKinds, 'ledger', () => `blind, seeds ${BLIND_SEEDS[0]}–${BLIND_SEEDS[BLIND_SEEDS.length - 1]}`);
  push('', '| seed | splits | missed | with a twin | detect (s) | search (s) |', '|---:|---:|---:|---:|---:|---:|');
  for (const r of blind) push(`| ${r.seed} | ${r.splits} | ${r.misses.length} | ${r.misses.filter((x) => x.twin !== undefined).length} | ${f2(r.detectMs / 1000)} | ${f2(r.searchMs / 1000)} |`);

  decoySection(push, runs);

  const examples = pickExamples(runs);
  if (examples.length > 0) {
    push('', '## Examples', '');
    for (const [run, miss] of examples) {
      push(`### ${run.family} ${run.seed}: ${miss.kind} ${miss.id} (threshold ${miss.thresholdId})`, '', `The split S — ${featureLine(miss.features)}:`, '');
      recordTable(push, miss.parts);
      const twin = miss.twin!;
      push('', `Its twin X, routine purchases — ${featureLine(featuresOf(twin, miss.limit))}:`, '');
      recordTable(push, twin);
      push('');
    }
  }

  push('', '## Every miss', '', 'Per ledger: kind, split id, its parts, its features, and the twin\'s record ids (or none found).', '');
  for (const r of runs) {
    if (r.misses.length === 0) continue;
    push(`### ${r.family} ${r.seed}`, '');
    for (const x of r.misses) {
      const twin = x.twin !== undefined ? `**twin** ${inDateOrder(x.twin).map((t) => t.id).join(', ')}`
        : x.nearest === undefined ? (x.crossingSearchedAll ? `no twin: ${shapeOf(x)}` : 'no twin found (no crossing set among the vendor sets tried)')
        : `${x.searchedAll ? 'no twin (every set of its shape checked' : 'no twin found ('}${x.searchedAll ? `: ${x.candidates} cross` : `${x.candidates} crossing sets tried`}; nearest ${inDateOrder(x.nearest.records).map((t) => t.id).join(', ')}, less split-like on ${shortfall(featuresOf(x.nearest.records, x.limit), x.features, x.nearest.worse)})`;
      push(`- ${x.kind} ${x.id} (${x.parts.map((p) => p.id).join(', ')}; ${featureLine(x.features)}): ${twin}`);
    }
    push('');
  }
  const detect = runs.reduce((s, r) => s + r.detectMs, 0);
  const search = runs.reduce((s, r) => s + r.searchMs, 0);
  push(`Run time: ${f2(ms / 1000)} s in all; detection ${f2(detect / 1000)} s, twin search ${f2(search / 1000)} s (${runs.length} ledgers).`, '');
  return lines.join('\n');
}

/**
 * Decoy kinds (simulated and blind) that nothing the detector weighs against splitting describes:
 * the others carry an order number with line suffixes, a framework or tender method, or a charge
 * per person, which the features here leave out and the evidence against splitting reads.
 */
const PLAIN_DECOYS: readonly string[] = ['nearLimitNeighbours', 'sameDayCoincidence', 'singleJustBelow', 'justUnder'];

/** Per ledger family and plain decoy kind, per seed: decoys, and those imitating a split in reach (of their buyer, of any, one recalled). */
function decoySection(push: (...l: string[]) => void, runs: readonly LedgerRun[]): void {
  const families = [...new Set(runs.map((r) => r.family))];
  push(
    '## Decoys that imitate a split',
    '',
    `The converse check, for the target "no decoy kind more than twice in the top K". A decoy **imitates** a split S in reach of the same ledger when some set of |S| of its records — each below the decoy's own threshold, together crossing it, so a finding the detector could make — is at least as split-like as S on every feature above (S against its own threshold; bench/_twins.ts \`imitates\`; at most 64 sets per size). No rule over these features that never scores a set lower for being more split-like ranks S above such a decoy. So in a ledger where more than two decoys of one kind imitate splits the detector finds, those splits cannot all rank in the top K unless more than two decoys of that kind rank there with them (or above them): the target and the splits' ranks exclude each other for every such rule. The features leave out what is relative to the buyer (its rate, sizes and vendors) and the total's excess over the limit, so a decoy that imitates only other buyers' splits can still be told apart by its buyer's habits: "of their buyer" is the firmest column, "of any buyer" says what a rule over the records' own fields cannot do. Only the decoy kinds nothing in the evidence against splitting describes are listed (${PLAIN_DECOYS.join(', ')}); the others carry order numbers with line suffixes, a framework or tender method, or charges per person, which these features leave out.`,
    '',
    'Cells: mean (worst) per seed.',
    '',
    '| ledgers | decoy kind | decoys | imitating a split in reach of their buyer | of any buyer | of any buyer, a split the detector finds |',
    '|---|---|---:|---:|---:|---:|',
  );
  const cellOf = (xs: readonly number[]): string => `${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)} (${Math.max(...xs)})`;
  for (const family of families) {
    const rs = runs.filter((r) => r.family === family);
    const kinds = [...new Set(rs.flatMap((r) => r.decoys.map((d) => d.kind)))].filter((k) => PLAIN_DECOYS.includes(k)).sort();
    for (const kind of kinds) {
      const per = (pick: (d: DecoyCheck) => boolean): number[] => rs.map((r) => r.decoys.filter((d) => d.kind === kind && pick(d)).length);
      push(`| ${family} | ${kind} | ${cellOf(per(() => true))} | ${cellOf(per((d) => d.sameBuyer !== undefined))} | ${cellOf(per((d) => d.anyBuyer !== undefined))} | ${cellOf(per((d) => d.recalled !== undefined))} |`);
    }
  }
  push('', 'Per ledger, the kinds with more than two decoys imitating a split the detector finds (the target cannot hold there with those splits in the top K):', '');
  for (const r of runs) {
    const over = [...new Set(r.decoys.map((d) => d.kind))].filter((k) => PLAIN_DECOYS.includes(k)).sort().map((k) => [k, r.decoys.filter((d) => d.kind === k && d.recalled !== undefined).length] as const).filter(([, n]) => n > 2);
    push(`- ${r.family} ${r.seed}: ${over.length === 0 ? 'none' : over.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  push('');
}

/** Up to two examples with a twin: the first `busyCategory` and the first `sameVendor` (or any other). */
function pickExamples(runs: readonly LedgerRun[]): [LedgerRun, Miss][] {
  const withTwin = runs.flatMap((r) => r.misses.filter((x) => x.twin !== undefined).map((x) => [r, x] as [LedgerRun, Miss]));
  const out: [LedgerRun, Miss][] = [];
  for (const kind of ['busyCategory', 'sameVendor']) {
    const hit = withTwin.find(([, x]) => x.kind === kind);
    if (hit !== undefined) out.push(hit);
  }
  for (const hit of withTwin) if (out.length < 2 && !out.includes(hit)) out.push(hit);
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const out = at >= 0 ? (args[at + 1] ?? '-') : fileURLToPath(new URL('./TWINS.md', import.meta.url));
  const t0 = performance.now();
  // `--only uneven:101,blind:5` runs those ledgers alone (for a quick look).
  const only = args.includes('--only') ? new Set((args[args.indexOf('--only') + 1] ?? '').split(',')) : undefined;
  const wanted = (family: string, seed: number): boolean => only === undefined || only.has(`${family}:${seed}`);
  const runs: LedgerRun[] = [];
  for (const regime of REGIMES_SHOWN) {
    for (const seed of SIM_SEEDS) {
      if (!wanted(regime, seed)) continue;
      runs.push(simulatedRun(regime, seed));
      process.stderr.write(`${regime} ${seed}\n`);
    }
  }
  for (const seed of BLIND_SEEDS) {
    if (!wanted('blind', seed)) continue;
    runs.push(blindRun(seed));
    process.stderr.write(`blind ${seed}\n`);
  }
  const md = report(runs, performance.now() - t0);
  process.stdout.write(md);
  if (out !== '-') writeFileSync(out, md);
}

main();
