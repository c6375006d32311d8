import { hex64 } from '../_lib/hash.js';
import { badArgument } from '../_lib/args.js';

/**
 * A stable id for a finding: `F` and 16 hex digits hashed ({@link hex64}) from its threshold id and
 * its sorted record ids. The same records and threshold give the same id on every run and platform.
 *
 * @example
 * fingerprint('hz-open', ['b', 'a']) === fingerprint('hz-open', ['a', 'b']) //=> true
 */
export function fingerprint(thresholdId: string, recordIds: readonly string[]): string {
  if (typeof thresholdId !== 'string') badArgument('fingerprint', 'thresholdId', 'a string', thresholdId);
  if (!Array.isArray(recordIds)) badArgument('fingerprint', 'recordIds', 'an array of record ids', recordIds);
  return `F${hex64([thresholdId, ...[...recordIds].sort()])}`;
}
