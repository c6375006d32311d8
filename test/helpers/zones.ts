/**
 * Time zones for date tests. Node re-reads `process.env.TZ` whenever it is assigned, so a test can
 * switch the zone of the running process; {@link inZone} restores the previous one afterwards.
 */

/**
 * Zones that differ as much as zones do: UTC; a western zone with DST (a local midnight that does
 * not exist on some days); China; a half-hour offset with half-hour DST; Newfoundland (−3:30); and
 * two zones that skipped a whole calendar day when they crossed the date line (Kiritimati skipped
 * 1994-12-31, Apia 2011-12-30).
 */
export const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Kiritimati', 'Pacific/Apia'] as const;

/** Runs `f` with `TZ` set to `tz`, then restores the zone the process had. */
export function inZone<T>(tz: string, f: () => T): T {
  const before = process.env['TZ'];
  process.env['TZ'] = tz;
  try {
    return f();
  } finally {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  }
}
