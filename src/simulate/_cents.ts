/**
 * Amounts in integer cents: the simulator adds and splits whole cents, so every label it writes is
 * exact, and turns them into decimal strings only when it writes a record.
 */
import type { Rng } from './_prng.js';
import type { Tier } from './options.js';

/** Integer cents → `'1234.56'`. */
export function money(cents: number): string {
  const c = cents % 100;
  return `${(cents - c) / 100}.${c < 10 ? '0' : ''}${c}`;
}

/** Smallest total that crosses a tier. */
export const crossing = (t: Tier): number => t.cents + (t.above ? 1 : 0);

/** Largest total that stays under every tier above `t` (Infinity when `t` is the highest). */
export function capOf(tiers: readonly Tier[], t: Tier): number {
  let cap = Infinity;
  for (const u of tiers) if (u.cents > t.cents) cap = Math.min(cap, u.cents - 1);
  return cap;
}

/** Splits `total` cents into k random parts, each in [1, maxPart]; undefined when it cannot. */
export function splitCents(total: number, k: number, maxPart: number, r: Rng): number[] | undefined {
  if (total > k * maxPart || total < k) return undefined;
  for (let attempt = 0; attempt < 50; attempt++) {
    const w = Array.from({ length: k }, () => r.uniform(0.5, 1.5));
    const ws = w.reduce((a, x) => a + x, 0);
    const parts = w.map((x) => Math.max(1, Math.floor((total * x) / ws)));
    parts[k - 1]! += total - parts.reduce((a, x) => a + x, 0);
    if (parts.every((p) => p >= 1 && p <= maxPart)) return parts;
  }
  const even = Math.floor(total / k);
  const parts = Array.from({ length: k }, () => even);
  parts[k - 1]! += total - even * k;
  return parts.every((p) => p <= maxPart) ? parts : undefined;
}
