/**
 * Turns an example into a function and runs it: `expr //=> value` becomes an assertion that `expr`
 * deep-equals `value`, `//=> throws Name 'message…'` one that it throws, imports of `splitscan…`
 * read the sources. Conventions: docs/examples.md.
 */
import ts from 'typescript';
import { expect } from 'vitest';
import type { Example } from './_extract.js';

/** A problem with the example itself (its syntax, or a convention it breaks), not with what it shows. */
export class ExampleError extends Error {
  override name = 'ExampleError';
}

/** The marker `…` stands for, at the end of an expected object (more keys) or array (more items). */
const MORE = Symbol('…');

/** What `//=> throws Name 'message'` expects. */
interface Throws {
  readonly name: string;
  readonly message?: string;
}

/** Helpers the compiled example calls; `at` records the line of the statement it runs. */
export interface Helpers {
  at(line: number): void;
  check(actual: () => Promise<unknown>, expected: () => Promise<unknown>, line: number, expr: string): Promise<void>;
  throws(run: () => Promise<unknown>, expected: () => Promise<Throws>, line: number, expr: string): Promise<void>;
  import(spec: string, names: readonly string[], line: number): Promise<Record<string, unknown>>;
  readonly moreKeys: { readonly [MORE]: true };
  readonly moreItems: readonly [typeof MORE];
}

/** An example ready to run in a scope. */
export interface CompiledExample {
  /** The JavaScript it runs, to read when an example fails in a way its message does not explain. */
  readonly js: string;
  /** How many `//=>` assertions it makes. */
  readonly assertions: number;
  readonly run: (scope: Readonly<Record<string, unknown>>, load: (spec: string) => Promise<Record<string, unknown>>) => Promise<void>;
}

const COMPILER_OPTIONS: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false };

/** Syntax errors of a piece of TypeScript, as messages (none: it parses). */
function syntaxErrors(code: string): string[] {
  const { diagnostics = [] } = ts.transpileModule(code, { compilerOptions: COMPILER_OPTIONS, reportDiagnostics: true });
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/**
 * Replaces each `…` outside strings in an expected value: last in an object, `...__h.moreKeys`;
 * last in an array, `...__h.moreItems`. Elsewhere it is a mistake.
 */
function markMore(value: string): string {
  const stack: string[] = [];
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < value.length && value[j] !== c) j += value[j] === '\\' ? 2 : 1;
      out += value.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '{' || c === '[' || c === '(') stack.push(c);
    if (c === '}' || c === ']' || c === ')') stack.pop();
    if (c === '…') {
      const top = stack[stack.length - 1];
      const rest = value.slice(i + 1).trimStart();
      if ((top === '{' && rest.startsWith('}')) || (top === '[' && rest.startsWith(']'))) {
        out += top === '{' ? '...__h.moreKeys' : '...__h.moreItems';
        continue;
      }
      throw new ExampleError(`\`…\` outside a string may only end an object or an array: ${value}`);
    }
    out += c;
  }
  return out;
}

/**
 * True when an expected value is a whole expression (else it continues on the next `//` line).
 * Values are JavaScript, so the engine's parser decides (compiling runs nothing).
 */
function complete(value: string): boolean {
  try {
    new Function('__h', `return (${markMore(value)}\n);`);
    return true;
  } catch {
    return false;
  }
}

/** One `//=>` and what it asserts. */
interface Assertion {
  /** 0-based code line of the `//=>`. */
  readonly line: number;
  /** The value's text (continuation lines joined by a space), or `throws …`. */
  readonly value: string;
  /** Offsets of every comment the assertion used (the `//=>` and its continuation lines). */
  readonly used: readonly number[];
}

const lineAt = (code: string, pos: number): number => code.slice(0, pos).split('\n').length - 1;

/** The first `//=>` among the comments after a statement (others may come before it), with its continuation lines. */
function assertionAfter(code: string, after: readonly ts.CommentRange[]): Assertion | undefined {
  const at = after.findIndex((c) => code.startsWith('//=>', c.pos));
  const first = after[at];
  if (first === undefined) return undefined;
  const comments = after.slice(at);
  let value = code.slice(first.pos + 4, first.end).trim();
  const used = [first.pos];
  let line = lineAt(code, first.pos);
  for (const next of comments.slice(1)) {
    if (complete(value.replace(/^throws\s+\w+\s*/u, '') || 'undefined')) break;
    const text = code.slice(next.pos, next.end);
    if (next.kind !== ts.SyntaxKind.SingleLineCommentTrivia || text.startsWith('//=>') || lineAt(code, next.pos) !== line + 1) break;
    value = `${value} ${text.slice(2).trim()}`;
    used.push(next.pos);
    line++;
  }
  return { line: lineAt(code, first.pos), value, used };
}

/** `import … from 'spec'` as a `const` reading the module through the harness. */
function importStatement(node: ts.ImportDeclaration, file: ts.SourceFile, line: number): string {
  const spec = (node.moduleSpecifier as ts.StringLiteral).text;
  const clause = node.importClause;
  const load = (names: readonly string[]): string => `await __h.import(${JSON.stringify(spec)}, ${JSON.stringify(names)}, ${line})`;
  if (clause === undefined) return `${load([])};`;
  if (clause.isTypeOnly) return '';
  const bindings = clause.namedBindings;
  if (bindings !== undefined && ts.isNamespaceImport(bindings)) return `const ${bindings.name.text} = ${load([])};`;
  const parts: [string, string][] = [];
  if (clause.name) parts.push(['default', clause.name.text]);
  for (const s of bindings?.elements ?? []) if (!s.isTypeOnly) parts.push([(s.propertyName ?? s.name).getText(file), s.name.text]);
  if (parts.length === 0) return '';
  return `const { ${parts.map(([from, to]) => (from === to ? to : `${from}: ${to}`)).join(', ')} } = ${load(parts.map(([from]) => from))};`;
}

/**
 * The example as the body of an async function: each top-level statement prefixed by
 * `__h.at(line)`, a statement followed by `//=>` turned into an assertion, imports read through
 * the harness. Lines in messages are file lines.
 */
function rewrite(example: Example): { body: string; assertions: number } {
  const { code } = example;
  const fileLine = (codeLine: number): number => example.codeLine + codeLine;
  const file = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const used = new Set<number>();
  let out = '';
  let last = 0;
  let assertions = 0;
  // Comments before the first statement: a `//=>` there follows nothing.
  const leading = ts.getLeadingCommentRanges(code, 0) ?? [];
  for (const c of leading) if (code.startsWith('//=>', c.pos)) throw new ExampleError(`line ${fileLine(lineAt(code, c.pos))}: \`//=>\` follows no statement: show the call whose result it is`);
  for (const s of file.statements) {
    const start = s.getStart(file);
    const line = fileLine(lineAt(code, start));
    out += `${code.slice(last, start)};__h.at(${line}); `;
    last = s.end;
    // Comments on the statement's last line, then those on the lines below it.
    const after = [...(ts.getTrailingCommentRanges(code, s.end) ?? []), ...(ts.getLeadingCommentRanges(code, s.end) ?? [])];
    const assertion = assertionAfter(code, after);
    if (ts.isImportDeclaration(s)) {
      out += importStatement(s, file, line);
    } else if (ts.isExportDeclaration(s) || ts.isExportAssignment(s) || (ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))) {
      throw new ExampleError(`line ${line}: an example exports nothing`);
    } else if (assertion === undefined) {
      out += code.slice(start, s.end);
    } else {
      if (!ts.isExpressionStatement(s)) throw new ExampleError(`line ${fileLine(assertion.line)}: \`//=>\` must follow an expression, not a ${ts.SyntaxKind[s.kind]}`);
      for (const p of assertion.used) used.add(p);
      assertions++;
      const expr = s.expression.getText(file);
      const at = fileLine(assertion.line);
      const throws = /^throws\s+([\w$]+)\s*(.*)$/su.exec(assertion.value);
      if (throws) {
        const message = (throws[2] as string).trim();
        out += `await __h.throws(async () => { ${expr}; }, async () => ({ name: ${JSON.stringify(throws[1])}${message ? `, message: (${message})` : ''} }), ${at}, ${JSON.stringify(expr)});`;
      } else {
        out += `await __h.check(async () => (${expr}), async () => (${markMore(assertion.value)}\n), ${at}, ${JSON.stringify(expr)});`;
      }
    }
  }
  out += code.slice(last);
  // Every `//=>` must have been read as an assertion (one inside an expression, or a second one
  // after the same statement, would otherwise be silently ignored).
  for (const m of code.matchAll(/\/\/=>/gu)) {
    if (!used.has(m.index)) {
      throw new ExampleError(
        `line ${fileLine(lineAt(code, m.index))}: \`//=>\` must directly follow a whole statement (one \`//=>\` a statement; if the next line starts with \`[\` or \`(\`, end this statement with \`;\`)`,
      );
    }
  }
  return { body: out, assertions };
}

/**
 * Compiles an example (see {@link rewrite}) to JavaScript, types stripped.
 * @throws ExampleError when the example does not parse or breaks a convention.
 */
export function compileExample(example: Example): CompiledExample {
  // One transpile when all is well; the example alone is parsed again only to say why it is not.
  const unparsable = (): ExampleError | undefined => {
    const errors = syntaxErrors(example.code);
    return errors.length > 0 ? new ExampleError(`does not parse: ${errors.join('; ')}`) : undefined;
  };
  let rewritten: { body: string; assertions: number };
  try {
    rewritten = rewrite(example);
  } catch (e) {
    throw unparsable() ?? e;
  }
  const { outputText: js, diagnostics = [] } = ts.transpileModule(`async function __example(__h) {\n${rewritten.body}\n}`, { compilerOptions: COMPILER_OPTIONS, reportDiagnostics: true });
  if (diagnostics.length > 0) throw unparsable() ?? new ExampleError(`does not parse once rewritten: ${diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
  const { assertions } = rewritten;
  return {
    js,
    assertions,
    run: async (scope, load) => {
      const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/u.test(n));
      const make = new Function('__scope', `'use strict';\nconst { ${names.join(', ')} } = __scope;\n${js}\nreturn __example;`) as (scope: unknown) => (h: Helpers) => Promise<void>;
      const h = helpers(example, load);
      try {
        await make(scope)(h);
      } catch (e) {
        if (e instanceof Error && !e.message.startsWith(`${example.file}:`)) e.message = `${example.file}:${h.line()}: ${e.message}`;
        throw e;
      }
    },
  };
}

const isPlain = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === 'object' && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * The actual value cut to what the expected value shows, and the expected value without markers:
 * a string ending in `…` matches any string it starts; an object with `…` only its listed keys;
 * an array with `…` only its first items.
 */
export function project(actual: unknown, expected: unknown): [unknown, unknown] {
  if (typeof expected === 'string' && expected.endsWith('…') && typeof actual === 'string') {
    return actual.startsWith(expected.slice(0, -1)) ? [expected, expected] : [actual, expected];
  }
  if (Array.isArray(expected)) {
    const more = expected[expected.length - 1] === MORE;
    const items = more ? expected.slice(0, -1) : expected;
    if (!Array.isArray(actual)) return [actual, items];
    const shown = more ? actual.slice(0, items.length) : actual;
    const pairs = shown.map((a, i) => (i < items.length ? project(a, items[i]) : [a, undefined]));
    return [pairs.map((p) => p[0]), items.map((e, i) => (i < pairs.length ? (pairs[i] as [unknown, unknown])[1] : e))];
  }
  if (isPlain(expected)) {
    const more = expected[MORE] === true;
    const keys = Object.keys(expected);
    const rest = Object.fromEntries(keys.map((k) => [k, expected[k]]));
    if (typeof actual !== 'object' || actual === null || (!more && !isPlain(actual))) return [actual, rest];
    const a = actual as Record<string, unknown>;
    const shownKeys = more ? keys.filter((k) => Object.hasOwn(a, k)) : Object.keys(a);
    // Entries, not assignments: a key named __proto__ stays an own key (JSON may have one).
    const shown: [string, unknown][] = [];
    const exp = new Map(Object.entries(rest));
    for (const k of shownKeys) {
      const own = Object.hasOwn(rest, k);
      const [pa, pe] = own ? project(a[k], rest[k]) : [a[k], undefined];
      shown.push([k, pa]);
      if (own) exp.set(k, pe);
    }
    return [Object.fromEntries(shown), Object.fromEntries(exp)];
  }
  return [actual, expected];
}

function helpers(example: Example, load: (spec: string) => Promise<Record<string, unknown>>): Helpers & { line(): number } {
  let current = example.codeLine;
  const where = (line: number): string => `${example.file}:${line}`;
  return {
    at(line) {
      current = line;
    },
    line: () => current,
    async check(actual, expected, line, expr) {
      const [a, e] = project(await actual(), await expected());
      expect(a, `${where(line)}: ${expr}`).toEqual(e);
    },
    async throws(run, expected, line, expr) {
      const want = await expected();
      let error: unknown;
      let threw = false;
      try {
        await run();
      } catch (e) {
        [threw, error] = [true, e];
      }
      expect(threw, `${where(line)}: ${expr} should throw ${want.name}`).toBe(true);
      const { name, message } = error as { name?: unknown; message?: unknown };
      expect(name, `${where(line)}: ${expr} threw ${String(error)}`).toBe(want.name);
      if (want.message !== undefined) {
        const [a, e] = project(message, want.message);
        expect(a, `${where(line)}: the message of ${expr}`).toEqual(e);
      }
    },
    async import(spec, names, line) {
      const mod = await load(spec);
      const missing = names.filter((n) => !(n in mod));
      if (missing.length > 0) throw new ExampleError(`${where(line)}: '${spec}' has no export ${missing.map((n) => `\`${n}\``).join(', ')}`);
      return mod;
    },
    moreKeys: { [MORE]: true },
    moreItems: [MORE],
  };
}

/**
 * Problems of an example that shows a value of the type it documents: a member the type does not
 * declare, or a required member missing. Empty: the value has the type's shape.
 */
export function shapeProblems(example: Example): string[] {
  const shape = example.shape;
  if (shape === undefined) return [];
  if (shape.unreadable !== undefined) return [`cannot check a value of ${shape.name}: ${shape.unreadable}`];
  const file = ts.createSourceFile('value.ts', `(${example.code}\n)`, ts.ScriptTarget.Latest, true);
  const statement = file.statements[0];
  const literal = statement && ts.isExpressionStatement(statement) && ts.isParenthesizedExpression(statement.expression) ? statement.expression.expression : undefined;
  if (literal === undefined || !ts.isObjectLiteralExpression(literal) || file.statements.length !== 1) return [`an example on ${shape.name} shows one object literal of that type`];
  const keys = literal.properties.map((p) => (p.name !== undefined && !ts.isComputedPropertyName(p.name) ? p.name.getText(file).replace(/^['"]|['"]$/gu, '') : '…'));
  const members = new Set(shape.members);
  return [
    ...keys.filter((k) => !members.has(k)).map((k) => `${shape.name} has no member \`${k}\``),
    ...shape.required.filter((k) => !keys.includes(k)).map((k) => `the value lacks ${shape.name}'s required \`${k}\``),
  ];
}
