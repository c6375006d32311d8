/**
 * The kinds of evidence a finding is scored on, its reasons: the one list of reason codes (the
 * score's weights, the evidence measured and the reasons reported all derive from it), in the order
 * the score sums them.
 */
export const REASON_CODES = [
  'justBelow',
  'parts',
  'span',
  'sameDay',
  'vendorConcentration',
  'subjectSimilarity',
  'equalAmounts',
  'roundAmounts',
  'consecutiveDocuments',
  'totalOverThreshold',
  'buyerRate',
  'buyerSize',
  'buyerVendor',
  'buyerBunching',
  'perPersonCharges',
  'documentLines',
  'sameDayVendors',
  'manyParts',
] as const;

/** One of {@link REASON_CODES}. */
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * The reasons that are evidence *against* splitting: shapes of legitimate purchases that look like
 * splits by amount and date alone. Their strength is how clearly the finding shows the shape; they
 * lower the score (see `scoreOf`) and are listed apart from the reasons a finding looks deliberate.
 * - `perPersonCharges`: equal charges to one vendor, each a travel, lodging, registration or event
 *   text with another person's name — card programmes and travel rules treat each traveller's or
 *   attendee's charge as a purchase of its own;
 * - `documentLines`: lines or stages of one named order or contract — one document, visible as
 *   such, is one purchase whatever the number of its lines or payments;
 * - `sameDayVendors`: parts bought on one day from different vendors — practitioners' same-day
 *   test asks for one merchant (one order cut into invoices comes from one supplier), and
 *   purchases from different suppliers on one day are separate orders far more often;
 * - `manyParts`: more parts than a requirement is cut into — many purchases of one kind in a few
 *   weeks are a buying habit (a standing supply, a busy supplier) more than one requirement in pieces.
 */
export const AGAINST_CODES = Object.freeze(['perPersonCharges', 'documentLines', 'sameDayVendors', 'manyParts'] as const) satisfies readonly ReasonCode[];

/** Whether each code is one of {@link AGAINST_CODES}, looked up: a score asks it of every code twice. */
const AGAINST: Readonly<Record<ReasonCode, boolean>> = Object.freeze(Object.fromEntries(REASON_CODES.map((code) => [code, (AGAINST_CODES as readonly ReasonCode[]).includes(code)])) as Record<ReasonCode, boolean>);

/** True for the reasons that speak against splitting ({@link AGAINST_CODES}). */
export const isAgainst = (code: ReasonCode): boolean => AGAINST[code];

/**
 * Weight of each kind of evidence in a finding's score: for the evidence of splitting, its share of
 * the weighted mean of strengths; for the evidence against ({@link AGAINST_CODES}), the exponent of
 * the factor (1 − strength) the mean is multiplied by.
 */
export type ScoreWeights = Record<ReasonCode, number>;

/**
 * Default weights, fitted on the one ledger nobody here shaped to the detector: the blind ledger's
 * seeds 1–4 (`npm run fit:weights`, bench/blind/weights.ts: three passes of a search one weight at a
 * time, keeping each value that raises the mean ranking AP plus half the worst seed's, less 0.02
 * per false positive of one decoy kind beyond two in a seed's top K), and judged
 * on what the fit never read: the blind ledger's seeds 5–8 and every regime of the simulator
 * (`npm run evaluate:blind`, `npm run evaluate`). Weights fitted on the simulator's FIT regimes, as
 * before, taught the detector its own simulator (docs/quality-history.md).
 *
 * What the fit gave: the buyer's own rate (`buyerRate`: a burst of parts of a size the buyer's
 * rate makes unlikely, corrected for looking at every span of its ledger — what sets a split apart
 * from a busy buyer's routine buying of like amounts) and round amounts (made-up figures) weigh
 * most, 3; nearly equal parts 2; few parts and vendors the buyer seldom uses 1.5; the rest
 * support. Held, not fitted: `sameDay` 0 (measured and explained, not weighed: a one-day finding
 * already has the shortest span, and two purchases on one day are what chance brings most often);
 * consecutive document numbers 1 (a classic sign the blind ledger does not plant: it numbers every
 * buyer's documents in date order); charges per person and lines of one document 1 (a finding
 * whose parts all are charges per person, or all lines of one named order or contract, scores 0;
 * one with half of its parts so scores half as much). Parts of different vendors on one day weigh
 * 0.25 (two parts on one day from two vendors score 0.5^0.25 ≈ 0.84 of what they would from one
 * vendor): practitioners' same-day test asks for one merchant, yet rotated vendors exist. A
 * measure that is not applicable (too little history, nothing to compare) weighs nothing in that
 * finding's score.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  justBelow: 1,
  parts: 1.5,
  span: 0.5,
  sameDay: 0,
  vendorConcentration: 1,
  subjectSimilarity: 1,
  equalAmounts: 2,
  roundAmounts: 3,
  consecutiveDocuments: 1,
  totalOverThreshold: 1,
  buyerRate: 3,
  buyerSize: 1,
  buyerVendor: 1.5,
  buyerBunching: 1,
  perPersonCharges: 1,
  documentLines: 1,
  sameDayVendors: 0.25,
  manyParts: 1,
});

/**
 * The weights that choose a run among a window's proposals (`src/cluster/runs.ts`), whatever the
 * `weights` option: they decide which parts make a finding, `weights` only how findings rank. The
 * ranking weights ({@link DEFAULT_WEIGHTS}) were fitted to put splits above routine purchases, and a
 * finding that holds half of a split already counts as finding it there; ranked by them, a split
 * of 197,000 + 198,500 + 196,000 would lose its middle part to the two round amounts, which show
 * one sign more purely. These favour the whole requirement: nearly equal parts and parts just under
 * a limit weigh most, and how far the total passes the limit counts in full (the weights before the
 * ranking weights were fitted on the blind ledger: bench/blind/weights.ts `START`).
 */
export const RUN_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  justBelow: 3,
  parts: 1,
  span: 0.25,
  sameDay: 0,
  vendorConcentration: 1,
  subjectSimilarity: 1,
  equalAmounts: 3,
  roundAmounts: 1,
  consecutiveDocuments: 2,
  totalOverThreshold: 1,
  buyerRate: 2.5,
  buyerSize: 1,
  buyerVendor: 0.5,
  buyerBunching: 1,
  perPersonCharges: 1,
  documentLines: 1,
  sameDayVendors: 0.35,
  manyParts: 0,
});
