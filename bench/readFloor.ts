/**
 * The floor under reading: `npx tsx bench/readFloor.ts [FILE]`, FILE by default the file
 * `npm run bench:read` generates (bench/.tmp/toronto-like-527375-20240501.tsv; run that first).
 *
 * Times, on one thread, what any reader of that file must do at least, each step alone: read the
 * bytes, decode them (Windows-1252 as Latin-1, which this file's bytes allow but for three
 * punctuation marks), split lines and tabs, and a parser written for this one header — the nine
 * columns the CLI reads, quotes honoured, amounts and dates parsed to numbers, texts interned —
 * with and without interning the two columns that differ on every row (ids, purpose). No
 * validation, no rejects, no subtotal or refund rules, one encoding: a floor for the CLI's reading,
 * not a reader. bench/READ.md quotes it beside the CLI and DuckDB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const file = process.argv[2] ?? join(root, 'bench', '.tmp', 'toronto-like-527375-20240501.tsv');

/** Wall and CPU milliseconds of `f`, and its result. */
function timed<T>(f: () => T): { ms: number; cpu: number; value: T } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000, value };
}

/** Division, id, date, merchant, amount, currency, cost-centre description, MCC, purpose. */
const WANTED = [0, 1, 2, 4, 5, 6, 12, 13, 15];
const UNIQUE = new Set([1, 15]);

/** Rows parsed by the single-purpose parser; `internAll` interns the unique columns too. */
function parse(s: string, internAll: boolean): number {
  const maps = WANTED.map(() => new Map<string, number>());
  const rows = s.length / 300 + 1024;
  const ids = WANTED.map(() => new Int32Array(rows));
  const amounts = new Float64Array(rows);
  const days = new Int32Array(rows);
  const start = new Int32Array(64);
  const end = new Int32Array(64);
  let row = 0;
  let i = s.indexOf('\n') + 1;
  while (i > 0 && i < s.length) {
    let c = 0;
    let from = i;
    let j = i;
    let quoted = false;
    for (;;) {
      const ch = j < s.length ? s.charCodeAt(j) : 10;
      if (ch === 34) quoted = !quoted;
      else if (!quoted && (ch === 9 || ch === 10)) {
        if (c < 64) {
          start[c] = from;
          end[c] = s.charCodeAt(j - 1) === 13 ? j - 1 : j;
          c++;
        }
        from = j + 1;
        if (ch === 10) break;
      }
      j++;
    }
    for (let w = 0; w < WANTED.length; w++) {
      const col = WANTED[w] as number;
      let a = start[col] as number;
      let e = end[col] as number;
      if (s.charCodeAt(a) === 34) {
        a++;
        e--;
      }
      if (col === 5) {
        let v = 0;
        let scale = 0;
        for (let p = a; p < e; p++) {
          const d = s.charCodeAt(p);
          if (d >= 48 && d <= 57) {
            v = v * 10 + d - 48;
            if (scale > 0) scale *= 10;
          } else if (d === 46) scale = 1;
        }
        amounts[row] = scale > 0 ? v / scale : v;
      } else if (col === 2) {
        days[row] = Number(s.slice(a, a + 4)) * 372 + Number(s.slice(a + 5, a + 7)) * 31 + Number(s.slice(a + 8, a + 10));
      } else if (!internAll && UNIQUE.has(col)) {
        (ids[w] as Int32Array)[row] = a;
      } else {
        const text = s.slice(a, e);
        const map = maps[w] as Map<string, number>;
        let id = map.get(text);
        if (id === undefined) map.set(text, (id = map.size));
        (ids[w] as Int32Array)[row] = id;
      }
    }
    row++;
    i = j + 1;
  }
  return row;
}

const bytes = timed(() => readFileSync(file));
const text = timed(() => bytes.value.toString('latin1'));
const split = timed(() => {
  let cells = 0;
  for (const line of text.value.split('\n')) cells += line.split('\t').length;
  return cells;
});
const all = timed(() => parse(text.value, true));
const some = timed(() => parse(text.value, false));

const row = (step: string, t: { ms: number; cpu: number }) => `| ${step} | ${(t.ms / 1000).toFixed(2)} s | ${(t.cpu / 1000).toFixed(2)} s |`;
console.log(`Floor under reading ${file} (${bytes.value.length.toLocaleString('en-US')} bytes, ${all.value.toLocaleString('en-US')} rows), one thread:

| step | wall | CPU |
|---|---|---|
${row('read the bytes', bytes)}
${row('decode (Latin-1)', text)}
${row(`split lines and tabs (${split.value.toLocaleString('en-US')} cells)`, split)}
${row('parse the 9 columns, interning every text', all)}
${row('parse the 9 columns, ids and purposes by position', some)}`);
