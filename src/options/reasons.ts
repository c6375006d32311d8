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
 *   purchases from different suppliers on one day are separate orders far more often.
 */
export const AGAINST_CODES = ['perPersonCharges', 'documentLines', 'sameDayVendors'] as const satisfies readonly ReasonCode[];

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
 * Default weights. Parts just under a limit and parts of nearly equal amounts weigh most (3 each):
 * the first is the classic sign; equal amounts — one requirement cut into like pieces, where
 * unrelated purchases that happen to meet have amounts of their own — were raised from 1.5 to 3 by
 * `npm run tune` on the FIT ledgers alone (bench/tune.ts). Consecutive document numbers come next;
 * the rest support. Subject similarity weighs little: the parts were already linked by their
 * subjects.
 *
 * Closeness in time: the buyer's own rate (`buyerRate`, corrected for looking at every span of the
 * buyer's ledger) weighs 2.5, the plain span 0.25, and `sameDay` 0 (measured and explained, not
 * weighed: a one-day finding already has the shortest span, and two purchases on one day are what
 * chance brings most often). A burst is only unusual against the buyer's own habits, and the rate
 * is what sets a split apart from a busy buyer's routine buying of like amounts. `npm run tune`
 * chose these weights, with `sameDayVendors` below, on the FIT ledgers alone, ranking grid points
 * first by how many FIT ledgers miss one of issue 11's targets (recall in reach, AP, rotated
 * vendors, and at most two false positives of one decoy kind in the top K) and then by the mean of
 * recall in reach and AP: 0 of 24 missed, objective 0.987, against 0.982 at `buyerRate` 1 with no
 * `sameDayVendors`; on seeds 9–16 of the same regimes, which tuning never saw, 0.984 against 0.977.
 * A heavy rate alone lifts same-day coincidences (two purchases on one day in a category the buyer
 * rarely buys are as rare at its own rate whether they are a split or chance): at `buyerRate` 2.5
 * without `sameDayVendors`, 7 of those 24 ledgers missed a target, with up to 5 of one decoy kind in
 * the top K.
 *
 * The other evidence relative to the buyer supports: parts larger than the buyer's usual purchases
 * (`buyerSize`); vendors the buyer rarely uses in the subject (`buyerVendor`), weakly, since splits
 * also go to regular suppliers; the buyer's bunching under the limit (`buyerBunching`), evidence
 * about the buyer, not the finding, as one supporting sign. These are principled defaults, not
 * fitted values; a measure that is not applicable (too little history) weighs nothing in that
 * finding's score.
 *
 * Evidence against splitting: charges per person and lines of one document weigh 1 (a finding whose
 * parts all are charges per person, or all lines of one named order or contract, scores 0; one with
 * half of its parts so scores half as much); parts of different vendors on one day weigh 0.35 (two
 * parts on one day from two vendors score 0.5^0.35 ≈ 0.78 of what they would from one vendor; three
 * from three, (1/3)^0.35 ≈ 0.68): practitioners' same-day test asks for one merchant, and a
 * requirement cut on one day is mostly invoiced by one supplier, yet rotated vendors exist, so it
 * lowers such a finding without ruling it out.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
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
});
