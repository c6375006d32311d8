/**
 * Finds the examples of the documentation: every `@example` of a doc comment in src/**\/*.ts and
 * every fenced code block of README.md and docs/*.md, each with the file and line it starts on.
 * The conventions they follow are in docs/examples.md.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `(not run: reason)` after `@example` or after a code fence's language. */
const NOT_RUN = /^\(not run:\s*(.*)\)$/u;

/** The members a type declares, for an example that shows a value of that type. */
export interface DeclaredShape {
  /** The type's name. */
  readonly name: string;
  /** Members that must be present. */
  readonly required: readonly string[];
  /** Every member, required or optional. */
  readonly members: readonly string[];
  /** Why the members could not be read (an `extends` of a type from another file, an index signature …). */
  readonly unreadable?: string;
}

/** One example: code with the file and line it comes from. */
export interface Example {
  /** Path from the repository root, with `/`. */
  readonly file: string;
  /** 1-based line of the `@example` tag or of the opening fence. */
  readonly line: number;
  /** 1-based file line of the code's first line (the code's line k is file line `codeLine + k`). */
  readonly codeLine: number;
  /** `ts`, `js`, `sh` … (doc comments: `ts`). */
  readonly lang: string;
  readonly code: string;
  /** Set by a `(not run: …)` marker: the reason, possibly empty (which the runner reports as an error). */
  readonly notRun?: string;
  /** Text after `@example` or the fence's language that is neither empty nor a marker. */
  readonly badInfo?: string;
  /** The type the example sits on, when the doc comment documents an interface or type alias. */
  readonly shape?: DeclaredShape;
}

/** `file:line`, the name of an example's test. */
export const where = (e: Pick<Example, 'file' | 'line'>): string => `${e.file}:${e.line}`;

/** Every .ts file under a folder of the repository, sorted, as paths from the root. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && statSync(join(ROOT, dir, f)).isFile())
    .map((f) => `${dir}/${f.split(sep).join('/')}`)
    .sort();
}

/** README.md and docs/*.md, sorted. */
export function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  return ['README.md', ...docs.sort()];
}

function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function info(rest: string): { notRun?: string; badInfo?: string } {
  const t = rest.trim();
  if (t === '') return {};
  const m = NOT_RUN.exec(t);
  return m ? { notRun: (m[1] as string).trim() } : { badInfo: t };
}

/** The members of an interface or object type alias, with those of interfaces it extends in the same file. */
function shapeOf(node: ts.Node, file: ts.SourceFile): DeclaredShape | undefined {
  const declarations = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();
  for (const s of file.statements) if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) declarations.set(s.name.text, s);
  if (!ts.isInterfaceDeclaration(node) && !ts.isTypeAliasDeclaration(node)) return undefined;
  const name = node.name.text;
  const required = new Set<string>();
  const members = new Set<string>();
  const add = (decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): string | undefined => {
    const list = ts.isInterfaceDeclaration(decl) ? decl.members : ts.isTypeLiteralNode(decl.type) ? decl.type.members : undefined;
    if (list === undefined) return `${decl.name.text} is not an object type`;
    for (const m of list) {
      if (!ts.isPropertySignature(m) && !ts.isMethodSignature(m)) return `${decl.name.text} has a member that is not a named property`;
      const key = m.name.getText(file).replace(/^['"]|['"]$/gu, '');
      members.add(key);
      if (m.questionToken === undefined) required.add(key);
    }
    for (const clause of ts.isInterfaceDeclaration(decl) ? (decl.heritageClauses ?? []) : []) {
      for (const t of clause.types) {
        const parent = declarations.get(t.expression.getText(file));
        if (parent === undefined) return `${decl.name.text} extends ${t.expression.getText(file)}, declared in another file`;
        const why = add(parent);
        if (why !== undefined) return why;
      }
    }
    return undefined;
  };
  const unreadable = add(node);
  const shape = { name, required: [...required].sort(), members: [...members].sort() };
  return unreadable === undefined ? shape : { ...shape, unreadable };
}

/** The `@example` blocks of one TypeScript source. */
export function docExamples(file: string, text = readFileSync(join(ROOT, file), 'utf8')): Example[] {
  if (!text.includes('@example')) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  // Every JSDoc comment, found as a leading comment of the node it documents (strings and regular
  // expressions that happen to contain `/**` are never taken for comments). Function bodies hold
  // no API to document and are not searched.
  const comments = new Map<number, { end: number; node: ts.Node }>();
  const visit = (node: ts.Node): void => {
    for (const c of ts.getLeadingCommentRanges(text, node.pos) ?? []) {
      if (text.startsWith('/**', c.pos) && !comments.has(c.pos)) comments.set(c.pos, { end: c.end, node });
    }
    if (!ts.isBlock(node)) ts.forEachChild(node, visit);
  };
  visit(source);
  const out: Example[] = [];
  for (const [pos, { end, node }] of [...comments].sort((a, b) => a[0] - b[0])) {
    const first = lineOf(text, pos);
    const lines = text.slice(pos, end).split('\n').map((l, i, all) => {
      let s = i === 0 ? l.replace(/^\/\*\*\s?/u, '') : l.replace(/^\s*\*(?!\/) ?/u, '');
      if (i === all.length - 1) s = s.replace(/\s*\*\/$/u, '');
      return s;
    });
    for (let i = 0; i < lines.length; i++) {
      const tag = /^\s*@example\b(.*)$/u.exec(lines[i] as string);
      if (!tag) continue;
      let j = i + 1;
      while (j < lines.length && !/^\s*@\w/u.test(lines[j] as string)) j++;
      const body = lines.slice(i + 1, j);
      while (body.length > 0 && (body[body.length - 1] as string).trim() === '') body.pop();
      const shape = shapeOf(node, source);
      out.push({ file, line: first + i, codeLine: first + i + 1, lang: 'ts', code: body.join('\n'), ...info(tag[1] as string), ...(shape ? { shape } : {}) });
      i = j - 1;
    }
  }
  return out;
}

/** The fenced code blocks of one Markdown file (``` or ~~~ fences, any language). */
export function markdownBlocks(file: string, text = readFileSync(join(ROOT, file), 'utf8')): Example[] {
  const lines = text.split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)(.*)$/u.exec(lines[i] as string);
    if (!open) continue;
    const [, indent, fence, lang, rest] = open as unknown as [string, string, string, string, string];
    // A backtick fence's info has no backtick (CommonMark): ```` ```ts ```` is inline code.
    if (fence[0] === '`' && rest.includes('`')) continue;
    let j = i + 1;
    while (j < lines.length && !new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`, 'u').test(lines[j] as string)) j++;
    const code = lines.slice(i + 1, j).map((l) => l.slice(Math.min(indent.length, /^ */u.exec(l)?.[0].length ?? 0)));
    out.push({ file, line: i + 1, codeLine: i + 2, lang: lang.toLowerCase(), code: code.join('\n'), ...info(rest) });
    i = j;
  }
  return out;
}

/** Languages the unit runner runs; shell blocks are listed, and the smoke suite runs their `splitscan` commands. */
export const RUN_LANGS: ReadonlySet<string> = new Set(['ts', 'typescript', 'js', 'javascript']);
export const SHELL_LANGS: ReadonlySet<string> = new Set(['sh', 'bash', 'shell', 'console']);

/** Every example of the documentation: doc comments of src/, then the Markdown files' code blocks. */
export function allExamples(): Example[] {
  return [...sourceFiles('src').flatMap((f) => docExamples(f)), ...markdownFiles().flatMap((f) => markdownBlocks(f))];
}

/** One shell command of a shell block: continuation lines joined, comments removed. */
export interface ShellCommand {
  readonly file: string;
  /** 1-based line the command starts on. */
  readonly line: number;
  readonly text: string;
  /** The command's words (no shell expansion: quotes are removed, nothing else; `< FILE` is taken out). */
  readonly words: readonly string[];
  /** The file of `< FILE`, read as standard input. */
  readonly stdin?: string;
  /** In a `console` transcript, the output shown under the command (trailing blank lines and `[exit N]` dropped). */
  readonly shown?: string;
  /** In a `console` transcript, the exit status shown by a last line `[exit N]` (none shown: 0). */
  readonly exit?: number;
}

/** Splits a shell line into words: single and double quotes group, `#` outside quotes starts a comment. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      const end = close === -1 ? line.length : close;
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (/\s/u.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) break;
    else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** A `$ ` prompt: in a `console` transcript, the lines that are commands. */
const PROMPT = /^\s*\$\s/u;

/** The last line of a transcript's output when the command exits with a status other than 0. */
const EXIT_LINE = /\n?\[exit (\d+)\]$/u;

/**
 * The commands of a shell block, split at `&&`, `;` and new lines (a trailing `\` continues a
 * line). A `console` block is a transcript: only `$ ` lines are commands, and the lines under one
 * are its output (`shown`), then `[exit N]` when it exits with N (`exit`). `< FILE` gives the
 * command's standard input.
 */
export function shellCommands(block: Example): ShellCommand[] {
  const out: ShellCommand[] = [];
  const transcript = block.lang === 'console';
  const lines = block.code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i] as string;
    if (transcript && !PROMPT.test(text)) continue;
    while (/\\\s*$/u.test(text) && i + 1 < lines.length) text = `${text.replace(/\\\s*$/u, ' ')}${lines[++i] as string}`;
    const words = shellWords(text.replace(PROMPT, ''));
    let shown: string | undefined;
    let exit: number | undefined;
    if (transcript) {
      let end = i + 1;
      while (end < lines.length && !PROMPT.test(lines[end] as string)) end++;
      shown = lines.slice(i + 1, end).join('\n').trimEnd();
      const status = EXIT_LINE.exec(shown);
      if (status) {
        exit = Number(status[1]);
        shown = shown.slice(0, status.index).trimEnd();
      }
    }
    const commands: ShellCommand[] = [];
    let current: string[] = [];
    let all: string[] = [];
    let stdin: string | undefined;
    const flush = (): void => {
      if (current.length > 0) commands.push({ file: block.file, line: block.codeLine + start, text: all.join(' '), words: current, ...(stdin !== undefined ? { stdin } : {}) });
      current = [];
      all = [];
      stdin = undefined;
    };
    for (let k = 0; k < words.length; k++) {
      const w = words[k] as string;
      if (w === '&&' || w === ';' || w === '||') flush();
      else if (w === '<' && k + 1 < words.length) {
        stdin = words[++k] as string;
        all.push(w, stdin);
      } else {
        current.push(w);
        all.push(w);
      }
    }
    flush();
    // What a transcript shows is the output of the line's last command.
    const last = commands.pop();
    out.push(...commands, ...(last ? [shown !== undefined ? { ...last, shown, ...(exit !== undefined ? { exit } : {}) } : last] : []));
  }
  return out;
}

/** Path of a file relative to the root, with `/`. */
export const fromRoot = (path: string): string => relative(ROOT, path).split(sep).join('/');

/** A transcript line as a regular expression: `…` is any text, the rest literal. */
const linePattern = (line: string): RegExp => new RegExp(`^${line.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('.*')}$`, 'u');

/**
 * True when the lines a command printed are those a transcript shows: line by line, a line `…`
 * alone standing for any number of lines and `…` within a line for any text.
 *
 * @example
 * transcriptMatches(['read 3 rows', 'a', 'b', 'done'], 'read … rows\n…\ndone') //=> true
 */
export function transcriptMatches(actual: readonly string[], shown: string): boolean {
  const expected = shown === '' ? [] : shown.split('\n');
  const match = (a: number, e: number): boolean => {
    const line = expected[e];
    if (line === undefined) return a === actual.length;
    if (line === '…') return actual.slice(a).some((_, k) => match(a + k, e + 1)) || match(actual.length, e + 1);
    return a < actual.length && linePattern(line).test(actual[a] as string) && match(a + 1, e + 1);
  };
  return match(0, 0);
}

/**
 * True when the repository holds `path` (from its root): a file, a folder, or a pattern with `*` or
 * `?` in its last part that matches a file of its folder, as the command expands it.
 */
export function repoHas(path: string): boolean {
  const name = basename(path);
  if (!/[*?]/u.test(name)) return existsSync(join(ROOT, path));
  const re = new RegExp(`^${name.split('').map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/gu, '\\$&'))).join('')}$`, 'u');
  const dir = join(ROOT, dirname(path));
  return existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).some((f) => re.test(f));
}

/** Sub-commands of `splitscan` the smoke suite runs; other commands of the docs are listed only. */
export const RUN_COMMANDS: ReadonlySet<string> = new Set(['scan', 'inspect', 'presets', 'diff']);

/** Flags whose value is a file the command writes (it need not exist before). */
const OUTPUT_FLAGS: ReadonlySet<string> = new Set(['--out', '-o', '--rejects', '--decisions-template']);

/** A word that names a file or a folder: it ends in an extension of the files the command reads or writes, or in `/`. */
const FILE_WORD = /(\.(csv|tsv|txt|json|ndjson|md|html)|\/)$/iu;

/** A shell command and whether the smoke suite runs it: `skip` says why not. */
export interface PlannedCommand extends ShellCommand {
  readonly skip?: string;
  /** Files the command writes (values of --out, --rejects …), relative to its working directory. */
  readonly outputs: readonly string[];
}

/**
 * Which commands of a shell block the smoke suite runs: `splitscan scan|inspect|presets|diff …` on
 * files that exist in the repository or that an earlier command of the block writes.
 * @param exists Whether a path (relative to the repository root) exists.
 */
export function planCommands(block: Example, exists: (path: string) => boolean): PlannedCommand[] {
  const written = new Set<string>();
  return shellCommands(block).map((c) => {
    const outputs = c.words.filter((_, i) => OUTPUT_FLAGS.has(c.words[i - 1] ?? ''));
    const planned = (skip?: string): PlannedCommand => ({ ...c, outputs, ...(skip !== undefined ? { skip } : {}) });
    const [program, sub] = c.words;
    if (program !== 'splitscan') return planned(`a \`${program ?? ''}\` command: only \`splitscan\` commands are run`);
    if (sub === undefined || !RUN_COMMANDS.has(sub)) return planned(`\`splitscan ${sub ?? ''}\`: only ${[...RUN_COMMANDS].join(', ')} are run`);
    if (c.words.some((w) => w === '…' || w === '...')) return planned('arguments elided with …');
    // A placeholder: a word with brackets or alternatives, or an upper-case word that is no flag's value (`FILE`).
    if (c.words.some((w, i) => /[[\]()|]/u.test(w) || (/^[A-Z]{2,}$/u.test(w) && !(c.words[i - 1] ?? '').startsWith('-')))) {
      return planned('a synopsis (placeholders), not a command');
    }
    const inputs = [...c.words.filter((w, i) => FILE_WORD.test(w) && !OUTPUT_FLAGS.has(c.words[i - 1] ?? '')), ...(c.stdin !== undefined ? [c.stdin] : [])];
    const missing = inputs.filter((f) => !written.has(f) && !exists(f));
    if (missing.length > 0) return planned(`names ${missing.join(', ')}, not in the repository`);
    for (const o of outputs) written.add(o);
    return planned();
  });
}
