/**
 * Run count of a property: its own default, raised to FC_NUM_RUNS when that is larger (to run every
 * property longer without editing tests; some properties also check they saw enough cases, so the
 * count is never lowered). The seed comes from FC_SEED (test/setup.ts).
 */
export function runs(n: number): number {
  const env = Number(process.env['FC_NUM_RUNS'] ?? 0);
  return Number.isFinite(env) && env > n ? env : n;
}
