/**
 * A stable id for a finding: 16 hex digits hashed (two FNV-1a variants) from its threshold id and
 * its sorted record ids. The same records and threshold give the same id on every run and platform.
 *
 * @example
 * fingerprint('hz-open', ['b', 'a']) === fingerprint('hz-open', ['a', 'b']) //=> true
 */
export function fingerprint(thresholdId: string, recordIds: readonly string[]): string {
  const text = [thresholdId, ...[...recordIds].sort()].join('\u0000');
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `F${hex(h1)}${hex(h2)}`;
}
