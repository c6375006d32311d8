/**
 * A 64-bit hash of texts (two 32-bit FNV-1a variants over their UTF-16 code units, U+0000 between
 * two texts; `undefined` hashes as `''`): the same texts give the same hash on every run and
 * platform. Not cryptographic: it names things (findings, records without an id) stably, it does
 * not guard them. The texts are hashed where they are, not joined first.
 *
 * @example
 * hash64(['a', 'b']).join() === hash64(['a', 'b']).join() //=> true
 * hash64(['a', 'b']).join() === hash64(['ab']).join() //=> false
 */
export function hash64(texts: readonly (string | undefined)[]): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let t = 0; t < texts.length; t++) {
    if (t > 0) {
      h1 = Math.imul(h1, 0x01000193);
      h2 = Math.imul(h2, 0x5bd1e995) ^ (h2 >>> 15);
    }
    const text = texts[t];
    if (text === undefined) continue;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
  }
  return [h1 >>> 0, h2 >>> 0];
}

/**
 * {@link hash64} as 16 hex digits.
 *
 * @example
 * hex64(['a']).length //=> 16
 */
export function hex64(texts: readonly (string | undefined)[]): string {
  const [h1, h2] = hash64(texts);
  return `${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
