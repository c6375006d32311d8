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
] as const;

/** One of {@link REASON_CODES}. */
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * The reasons that are evidence *against* splitting: shapes of legitimate purchases that look like
 * splits by amount and date alone. Their strength is how clearly the finding shows the shape; they
 * lower the score (see `scoreOf`) and are listed apart from the reasons a finding looks deliberate.
 * - `perPersonCharges`: equal charges to one vendor, each the same travel, lodging or registration
 *   text with another person's name — card programmes and travel rules treat each traveller's or
 *   attendee's charge as a purchase of its own;
 * - `documentLines`: lines or stages of one named order or contract — one document, visible as
 *   such, is one purchase whatever the number of its lines or payments.
 */
export const AGAINST_CODES = ['perPersonCharges', 'documentLines'] as const satisfies readonly ReasonCode[];

/** True for the reasons that speak against splitting ({@link AGAINST_CODES}). */
export const isAgainst = (code: ReasonCode): boolean => (AGAINST_CODES as readonly ReasonCode[]).includes(code);

/**
 * Weight of each kind of evidence in a finding's score: for the evidence of splitting, its share of
 * the weighted mean of strengths; for the evidence against ({@link AGAINST_CODES}), the exponent of
 * the factor (1 − strength) the mean is multiplied by.
 */
export type ScoreWeights = Record<ReasonCode, number>;

/**
 * Default weights. Parts just under a limit, parts bought close together and parts of nearly equal
 * amounts weigh most: the first two are the classic signs, and equal amounts — one requirement cut
 * into like pieces, where unrelated purchases that happen to meet have amounts of their own — were
 * raised from 1.5 to 3 by `npm run tune` on the FIT ledgers alone (bench/tune.ts: objective 0.977
 * → 0.981, flat from 3 to 6; the one weight fitted). Consecutive document numbers come next; the
 * rest support. Subject similarity weighs little: the parts were already linked by their subjects.
 *
 * Evidence relative to the buyer: a burst of sizeable purchases that the buyer's own rate in the
 * subject makes unlikely (`buyerRate`) is what separates a split from routine buying or a
 * coincidence, and weighs as much as consecutive documents; parts larger than the buyer's usual
 * purchases (`buyerSize`) support; vendors the buyer rarely uses in the subject (`buyerVendor`)
 * support weakly, since splits also go to regular suppliers; the buyer's bunching under the limit
 * (`buyerBunching`) is evidence about the buyer, not the finding, and weighs as one supporting
 * sign. These are principled defaults, not fitted values; a measure that is not applicable (too
 * little history) weighs nothing in that finding's score.
 *
 * Evidence against splitting weighs 1: a finding whose parts all are charges per person, or all lines
 * of one named order or contract, scores 0; one with half of its parts so scores half as much.
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  justBelow: 3,
  parts: 1,
  span: 3,
  sameDay: 1,
  vendorConcentration: 1,
  subjectSimilarity: 1,
  equalAmounts: 3,
  roundAmounts: 1,
  consecutiveDocuments: 2,
  totalOverThreshold: 1,
  buyerRate: 2,
  buyerSize: 1,
  buyerVendor: 0.5,
  buyerBunching: 1,
  perPersonCharges: 1,
  documentLines: 1,
});
