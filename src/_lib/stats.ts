/**
 * Distribution tails the evidence measures need: the Poisson upper tail (how surprising k events
 * are at an expected count) and the standard normal upper tail (a z-score's one-sided p-value), both
 * from the regularised incomplete gamma function. Written for this project from the textbook
 * definitions; accurate to about 1e-13 relative where the results are not below 1e-300.
 */

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0: the Stirling series with four correction terms for x ≥ 15, shifted up by the
 * recurrence Γ(x + 1) = x Γ(x) below that. Runs in O(1).
 *
 * @example
 * Math.exp(logGamma(5)).toFixed(9) //=> '24.000000000'
 */
export function logGamma(x: number): number {
  let shift = 0;
  while (x < 15) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series - shift;
}

const EPS = 1e-15;
const TINY = 1e-300;

/**
 * The regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a) and its complement Q = 1 − P,
 * each computed directly (never as 1 − the other where that would lose digits): by its power
 * series when x < a + 1, else by the continued fraction of Q (modified Lentz). a > 0, x ≥ 0.
 */
function incompleteGamma(a: number, x: number): { p: number; q: number } {
  if (x <= 0) return { p: 0, q: 1 };
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // P = e^{−x} x^a / Γ(a + 1) · Σ x^n / ((a + 1)…(a + n)).
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * EPS) break;
    }
    const p = Math.min(1, sum * Math.exp(logPrefix));
    return { p, q: 1 - p };
  }
  // Q = e^{−x} x^a / Γ(a) · 1 / (x + 1 − a − 1·(1 − a) / (x + 3 − a − 2·(2 − a) / (x + 5 − a − …))).
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 100_000; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  const q = Math.min(1, Math.exp(logPrefix) * h);
  return { p: 1 - q, q };
}

/**
 * P(N ≥ k) for N Poisson with mean `mean`: 1 for k ≤ 0, else P(k, mean) (the regularised lower
 * incomplete gamma). Runs in O(√k) iterations at most for the sizes a finding has.
 *
 * @example
 * // 1 − 2/e: one minus the chances of none and of one
 * poissonAtLeast(2, 1).toFixed(12) //=> '0.264241117657'
 */
export function poissonAtLeast(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  return incompleteGamma(k, mean).p;
}

/**
 * The chance that at least one of `n` independent trials, each with chance `p`, succeeds:
 * 1 − (1 − p)^n (the Šidák correction of a p-value for `n` looks), computed without cancellation
 * for small p. `n` may be fractional (a ledger of 45 days holds 1.5 spans of 30); at most one look
 * (`n` ≤ 1) leaves p as it is.
 *
 * @example
 * lookElsewhere(0.01, 100).toFixed(6) //=> '0.633968'
 */
export function lookElsewhere(p: number, n: number): number {
  if (!(n > 1) || p >= 1) return p;
  if (p <= 0) return 0;
  return -Math.expm1(n * Math.log1p(-p));
}

/**
 * The standard normal upper tail P(Z ≥ z): a z-score's one-sided p-value.
 *
 * @example
 * normalAbove(1.959963984540054).toFixed(12) //=> '0.025000000000'
 */
export function normalAbove(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const { q } = incompleteGamma(0.5, (z * z) / 2);
  return z >= 0 ? q / 2 : 1 - q / 2;
}
