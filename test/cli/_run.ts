/** Running the command in-process, as the tests of test/cli do. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** A path in the repository. */
export const repo = (...parts: string[]): string => join(root, ...parts);

/** What a run printed and returned. */
export interface Ran {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * Runs `splitscan ARGV` with captured output; `tty` makes stdout and stderr terminals, `env` is
 * the environment the command sees (empty by default: no NO_COLOR, no FORCE_COLOR).
 */
export async function cli(argv: readonly string[], { tty = false, env = {} }: { tty?: boolean; env?: Record<string, string> } = {}): Promise<Ran> {
  let out = '';
  let err = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (out += s), isTTY: tty },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    env,
  });
  return { code, out, err };
}
