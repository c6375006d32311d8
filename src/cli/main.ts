/**
 * Entry of the `splitscan` command (built to dist/cli.js with a shebang). See docs/cli.md.
 */
import { EXIT } from './messages.js';
import { run } from './run.js';

// A reader that stops early (`splitscan presets | head`) closes the pipe: that is not an error. Any
// other failed write (a full disk: `> /dev/full`) is one line, as for `--out`, and exit 3.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`splitscan: cannot write standard output: ${e.message}\n`);
  process.exit(EXIT.input);
});

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`splitscan: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 4;
  },
);
