/** True where a double's high 32 bits are its second word (every platform JS runs on, in practice). */
const LITTLE_ENDIAN = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;

/** Below this length a typed array's own sort costs less than the radix sort's set-up. */
const RADIX_FROM = 256;

const BITS = 11;
const BUCKETS = 1 << BITS;
const MASK = BUCKETS - 1;

/**
 * Sorts an array of amounts ascending, in place, as `Float64Array.prototype.sort` does, except that
 * −0 becomes +0 (equal as numbers: every comparison reads them alike). Amounts are never negative,
 * and the bit patterns of non-negative doubles are in the order of their values (NaN last, as the
 * typed array's sort puts it), so the array is radix-sorted on them: six passes of 11 bits over the
 * two 32-bit words of each double, a pass skipped when all share its digit. A negative entry (or a
 * short array) falls back to the typed array's sort, whose comparisons cost several times more.
 *
 * Runs in O(n) for n amounts (O(n log n) in the fall-back).
 *
 * @example
 * Array.from(sortAmounts(Float64Array.of(2977.3, 0.5, 1000, 0.5))) //=> [0.5, 0.5, 1000, 2977.3]
 */
export function sortAmounts(a: Float64Array): Float64Array {
  const n = a.length;
  if (n < RADIX_FROM || !LITTLE_ENDIAN) return a.sort();
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    if (x < 0) return a.sort();
    if (x === 0) a[i] = 0;
  }
  const words = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  const counts = new Int32Array(6 * BUCKETS);
  for (let i = 0; i < n; i++) {
    const l = words[2 * i] as number;
    const h = words[2 * i + 1] as number;
    lo[i] = l;
    hi[i] = h;
    counts[l & MASK]! += 1;
    counts[BUCKETS + ((l >>> BITS) & MASK)]! += 1;
    counts[2 * BUCKETS + (l >>> (2 * BITS))]! += 1;
    counts[3 * BUCKETS + (h & MASK)]! += 1;
    counts[4 * BUCKETS + ((h >>> BITS) & MASK)]! += 1;
    counts[5 * BUCKETS + (h >>> (2 * BITS))]! += 1;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  for (let pass = 0; pass < 6; pass++) {
    const base = pass * BUCKETS;
    const shift = (pass % 3) * BITS;
    // Bucket starts; a pass whose digit all share moves nothing.
    let sum = 0;
    let single = false;
    for (let d = 0; d < BUCKETS; d++) {
      const c = counts[base + d] as number;
      if (c === n) {
        single = true;
        break;
      }
      counts[base + d] = sum;
      sum += c;
    }
    if (single) continue;
    const keys = pass < 3 ? lo : hi;
    for (let i = 0; i < n; i++) {
      const at = counts[base + (((keys[i] as number) >>> shift) & MASK)]!++;
      lo2[at] = lo[i] as number;
      hi2[at] = hi[i] as number;
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
  }
  for (let i = 0; i < n; i++) {
    words[2 * i] = lo[i] as number;
    words[2 * i + 1] = hi[i] as number;
  }
  return a;
}
