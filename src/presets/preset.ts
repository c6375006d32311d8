import type { DetectSplitsOptions } from '../options/options.js';
import type { ThresholdInput } from '../thresholds/threshold.js';

/**
 * A ready-made set of `detectSplits` options: a threshold table, and for policy presets the grouping
 * a law or practice uses. Pass it as is (`detectSplits(records, getPreset('eu-2014-24'))`) or change
 * any part first: {@link getPreset} returns a fresh deep copy every time.
 */
export interface Preset extends DetectSplitsOptions {
  /** The preset's name (`'eu-2014-24'`); findings cite it as `rule.name`. */
  name: string;
  /** One paragraph: what the rule is, how records are grouped, which thresholds and years. */
  description: string;
  /** The law or practice the preset encodes; findings cite it as `rule.citation`. */
  citation: string;
  /** The threshold objects, with their validity dates, exactly as the `thresholds` option takes them. */
  thresholds: ThresholdInput[];
}

/** `'policy'`: thresholds plus a jurisdiction's grouping rule. `'thresholds'`: a threshold table only (default grouping). */
export type PresetKind = 'policy' | 'thresholds';

/** One line of {@link listPresets}. */
export interface PresetInfo {
  /** Name for `getPreset` and `--preset`, e.g. `'cn-gpl-art28'`. */
  readonly name: string;
  /** Key in the `presets` object, e.g. `'cnGplArt28'`. */
  readonly key: string;
  readonly kind: PresetKind;
  readonly description: string;
  readonly citation: string;
  /** Overrides the preset cannot do without (`['limit', 'currency']` for `pcard`). */
  readonly requires: readonly string[];
  /** Buyer-type tiers `getPreset(name, { tier })` takes (`['central', 'sub-central']`); empty when none. */
  readonly tiers: readonly string[];
  /** First day any of its thresholds is in force, when all have a start. */
  readonly from?: string;
  /** Last day any of its thresholds is in force; absent when one is still in force. */
  readonly to?: string;
  /** Number of thresholds (0 for `pcard`, whose one threshold is the user's limit). */
  readonly thresholdCount: number;
}

/**
 * What {@link getPreset} accepts besides the name: any `detectSplits` option, replacing the preset's
 * (`subject`, `weights` and `exclude` are merged field by field; `undefined` fields are ignored), plus `limit`
 * for `pcard` and `tier` for presets that mix buyer types.
 */
export interface PresetOverrides extends Partial<DetectSplitsOptions> {
  /** `pcard` only: the card programme's single-transaction limit, a decimal string such as `'3000'`. */
  limit?: string | number | undefined;
  /**
   * Presets whose table mixes buyer types (`eu-2014-24`, `uk-pa2023`, `eu`, `uk`): the one tier to
   * judge by, `'central'` or `'sub-central'` (a city council is sub-central). `thresholds` given as
   * well replace it. @defaultValue every tier: a set is reported at the largest tier it crosses
   */
  tier?: string | undefined;
}
