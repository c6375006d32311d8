/** Running the command in-process, as the tests of test/cli do. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Readable } from 'node:stream';
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

/** How {@link cli} runs the command. */
export interface CliRunOptions {
  /** stdout is a terminal. @defaultValue false */
  readonly tty?: boolean;
  /** The environment the command sees. @defaultValue `{}` (no NO_COLOR, no FORCE_COLOR) */
  readonly env?: Record<string, string>;
  /** Bytes the command reads as its standard input (`-`). @defaultValue none: the process's own */
  readonly stdin?: Uint8Array;
}

/** Runs the command with `stdin` as the process's standard input, restoring it afterwards. */
async function withStdin<T>(stdin: Uint8Array | undefined, f: () => Promise<T>): Promise<T> {
  if (stdin === undefined) return f();
  const saved = Object.getOwnPropertyDescriptor(process, 'stdin') as PropertyDescriptor;
  Object.defineProperty(process, 'stdin', { value: Readable.from([stdin]), configurable: true });
  try {
    return await f();
  } finally {
    Object.defineProperty(process, 'stdin', saved);
  }
}

/** Runs `splitscan ARGV` with captured output (stdout and stderr are not terminals unless `tty`). */
export async function cli(argv: readonly string[], { tty = false, env = {}, stdin }: CliRunOptions = {}): Promise<Ran> {
  let out = '';
  let err = '';
  const code = await withStdin(stdin, () =>
    run(argv, {
      stdout: { write: (s: string) => (out += s), isTTY: tty },
      stderr: { write: (s: string) => (err += s), isTTY: false },
      env,
    }),
  );
  return { code, out, err };
}
