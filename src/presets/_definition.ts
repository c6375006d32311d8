import type { ThresholdInput } from '../thresholds/threshold.js';
import type { Preset, PresetKind } from './preset.js';

/** How a preset is declared in the source tree (internal). */
export interface _PresetDefinition {
  readonly name: string;
  readonly kind: PresetKind;
  readonly description: string;
  readonly citation: string;
  /** Overrides that must be given (`pcard`: limit and currency). */
  readonly requires?: readonly string[];
  /**
   * Threshold tables by buyer type (`central`, `sub-central`), when the preset's default table mixes
   * several: `getPreset(name, { tier })` uses one of them instead.
   */
  readonly tiers?: Readonly<Record<string, readonly ThresholdInput[]>>;
  /** The options besides name, description and citation. Never handed out without a deep copy. */
  readonly options: Omit<Preset, 'name' | 'description' | 'citation'>;
}
