/**
 * Entry of the `splitscan` command (built to dist/cli.js with a shebang). See docs/cli.md.
 */
import { run } from './run.js';

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`splitscan: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 4;
  },
);
