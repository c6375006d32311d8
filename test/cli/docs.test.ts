/**
 * The command-line examples of docs/cli.md and docs/review.md, run: every `$ splitscan …` line of
 * a `console` block runs in-process, and the lines shown after it must appear in its output (stdout
 * then stderr), in order, `…` standing for any text; `[exit N]` is its exit code (else 0). Files
 * the examples write go to a fresh folder; `seeds/` and `test/` are the repository's. A
 * `$ sed -i 's/A/B/' FILE` line edits a file as the reviewer would.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repo, root } from './_run.js';

/** One `$` line of a console block and what must follow it. */
interface Example {
  readonly command: string;
  readonly expected: readonly string[];
  readonly exit: number;
}

/** The console blocks of a Markdown file, each as its examples. */
function consoleBlocks(markdown: string): Example[][] {
  return [...markdown.matchAll(/```console\n([^]*?)```/gu)].map((m) => {
    const examples: { command: string; expected: string[]; exit: number }[] = [];
    for (const line of (m[1] as string).split('\n')) {
      if (line.startsWith('$ ')) examples.push({ command: line.slice(2), expected: [], exit: 0 });
      else if (line.trim() === '') continue;
      else {
        const current = examples.at(-1);
        if (!current) throw new Error(`output before a command: ${line}`);
        const exit = /^\[exit (\d+)\]$/u.exec(line);
        if (exit) current.exit = Number(exit[1]);
        else current.expected.push(line);
      }
    }
    return examples;
  });
}

/** Splits a command line as a POSIX shell would for these examples: spaces, '…' and "…" quotes. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/gu)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

/** A pattern line as a regular expression: `…` is any text, the rest literal. */
const pattern = (line: string) => new RegExp(`^${line.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('.*')}$`, 'u');

/** The expected lines appear in `actual`, in order (lines of `…` alone skip any number of lines). */
function expectLines(actual: readonly string[], expected: readonly string[], command: string): void {
  let at = 0;
  for (const line of expected) {
    if (line === '…') continue;
    const re = pattern(line);
    const found = actual.findIndex((a, i) => i >= at && re.test(a));
    expect(found, `${command}\nexpected the line\n  ${line}\nin the output (after line ${at}):\n${actual.join('\n')}`).toBeGreaterThanOrEqual(0);
    at = found + 1;
  }
}

async function runExamples(examples: readonly Example[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'splitscan-docs-'));
  // Paths in the repository stay there; any other file an example names is in the fresh folder.
  const path = (w: string) => (/^(seeds|test|docs)\//u.test(w) ? repo(w) : /^[\w.-]+\.(csv|json|md|html)$/u.test(w) ? join(dir, w) : w);
  const shown = (text: string) => text.split(`${dir}/`).join('').split(root).join('');
  for (const { command, expected, exit } of examples) {
    const [program, ...argv] = words(command);
    if (program === 'sed') {
      const [, script = '', file = ''] = argv;
      const [, from = '', to = ''] = /^s\/(.*?)\/(.*?)\/$/u.exec(script) ?? [];
      writeFileSync(path(file), readFileSync(path(file), 'utf8').split(from).join(to));
      continue;
    }
    expect(program, command).toBe('splitscan');
    const r = await cli(argv.map(path));
    expect(r.code, `${command}\n${r.err}`).toBe(exit);
    expectLines(shown(`${r.out}${r.err}`).split('\n'), expected, command);
  }
}

describe.each(['docs/cli.md', 'docs/review.md'])('the console examples of %s', (doc) => {
  const blocks = consoleBlocks(readFileSync(repo(doc), 'utf8'));

  it('has examples', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((b, i) => [i + 1, b] as const))('block %i runs as shown', async (_n, examples) => {
    await runExamples(examples);
  });
});
