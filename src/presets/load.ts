import { InputError, OptionsError } from '../errors.js';
import { thresholdListSchema } from '../thresholds/schema.js';
import { optionIssues } from '../_lib/issues.js';
import type { ThresholdInput } from '../thresholds/threshold.js';
import { _deepCopy } from './_clone.js';

/**
 * Validates custom thresholds (the content of a `--thresholds` JSON file: an array of the objects
 * the `thresholds` option takes) against the published {@link thresholdListSchema}, and returns them
 * as a fresh array of {@link ThresholdInput}s. A string is parsed as JSON first.
 *
 * Every problem is reported at once, each naming the entry's index, its id when it has one, and the
 * field, e.g. `options.thresholds.1.amount: threshold "hz-open": must be a positive decimal …`.
 * Runs in O(n).
 *
 * @throws {InputError} when a string is not JSON (code `invalid_json`).
 * @throws {OptionsError} when the thresholds are invalid (paths `['thresholds', index, field]`).
 * @example
 * loadThresholds('[{"id":"hz-open","amount":"1000000","currency":"CNY","procedure":"public tender"}]')[0]?.id
 * //=> 'hz-open'
 * loadThresholds([{ id: 'x', amount: -1, currency: 'CNY', procedure: 'p' }])
 * //=> throws OptionsError 'loadThresholds: options.thresholds.0.amount: threshold "x": must be a positive decimal …'
 */
export function loadThresholds(json: unknown): ThresholdInput[] {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch (e) {
      throw new InputError('invalid_json', `loadThresholds: the thresholds are not valid JSON (${(e as Error).message})`);
    }
  }
  const parsed = thresholdListSchema.safeParse(value);
  if (!parsed.success) {
    const issues = optionIssues(parsed.error, thresholdListSchema, ['thresholds']).map((issue) => {
      const index = issue.path[1];
      const entry = typeof index === 'number' && Array.isArray(value) ? (value[index] as unknown) : undefined;
      const id = entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? (entry as { id: string }).id : undefined;
      return id ? { path: issue.path, message: `threshold "${id}": ${issue.message}` } : issue;
    });
    throw new OptionsError('loadThresholds', issues);
  }
  return _deepCopy(parsed.data as ThresholdInput[]);
}
