/**
 * The command-line examples of docs/cli.md and docs/review.md, run: every `$ splitscan …` line of
 * a `console` block runs in-process (`< FILE` is its standard input), and what it prints (stdout
 * then stderr) must be the lines shown after it: a line `…` alone stands for any number of lines,
 * `…` within a line for any text; `[exit N]` is its exit code (else 0). Files the examples write go
 * to a fresh folder; `seeds/`, `test/` and `docs/` are the repository's. A `$ sed -i 's/A/B/' FILE`
 * line edits a file as the reviewer would.
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
      else if (line.trim() === '' && examples.length === 0) continue;
      else {
        const current = examples.at(-1);
        if (!current) throw new Error(`output before a command: ${line}`);
        const exit = /^\[exit (\d+)\]$/u.exec(line);
        if (exit) current.exit = Number(exit[1]);
        else current.expected.push(line);
      }
    }
    // Blank lines between outputs belong to none.
    for (const e of examples) while (e.expected.length > 0 && (e.expected.at(-1) as string).trim() === '') e.expected.pop();
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

/** True when `actual` is `expected` line by line, a line `…` alone matching any number of lines. */
function matches(actual: readonly string[], expected: readonly string[]): boolean {
  const [line, ...rest] = expected;
  if (line === undefined) return actual.length === 0;
  if (line === '…') return actual.some((_, i) => matches(actual.slice(i), rest)) || matches([], rest);
  const [first, ...more] = actual;
  return first !== undefined && pattern(line).test(first) && matches(more, rest);
}

/** The output lines, without the blank lines at the end. */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  while (lines.length > 0 && (lines.at(-1) as string).trim() === '') lines.pop();
  return lines;
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
    const at = argv.indexOf('<');
    const stdin = at < 0 ? undefined : readFileSync(path(argv[at + 1] as string));
    const args = at < 0 ? argv : [...argv.slice(0, at), ...argv.slice(at + 2)];
    const r = await cli(args.map(path), stdin !== undefined ? { stdin } : {});
    expect(r.code, `${command}\n${r.err}`).toBe(exit);
    const actual = linesOf(shown(`${r.out}${r.err}`));
    expect(matches(actual, expected), `${command}\nprinted\n${actual.join('\n')}\ninstead of\n${expected.join('\n')}`).toBe(true);
  }
}

describe.each(['docs/cli.md', 'docs/review.md'])('the console examples of %s', (doc) => {
  const blocks = consoleBlocks(readFileSync(repo(doc), 'utf8'));

  it('has examples', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  if (doc === 'docs/cli.md') {
    it('shows inspect, several files, standard input, encodings, quotes and bounds', () => {
      const commands = blocks.flat().map((e) => e.command).join('\n');
      for (const shown of ['inspect test/fixtures/io/docs/cards.csv', 'docs/months', 'inspect -', '--encoding', 'long-cell']) expect(commands).toContain(shown);
    });
  }

  it.each(blocks.map((b, i) => [i + 1, b] as const))('block %i runs as shown', async (_n, examples) => {
    await runExamples(examples);
  });
});
