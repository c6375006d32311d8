/**
 * Whether to colour output: only on a terminal, and as the conventions of https://no-color.org
 * and FORCE_COLOR say.
 */

/**
 * True when output to `stream` may carry colour: `NO_COLOR` set to anything but the empty string
 * turns it off; `FORCE_COLOR` turns it on (unless `0` or `false`); otherwise a terminal (that is
 * not `TERM=dumb`) gets colour and a pipe or file does not.
 *
 * @example
 * colorEnabled({ isTTY: true }, { NO_COLOR: '1' }) //=> false
 */
export function colorEnabled(stream: { readonly isTTY?: boolean | undefined }, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}
