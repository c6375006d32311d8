/**
 * The CLI's rejects file, line by line against the input: every rejected input line appears once,
 * with its line number, its reason, and a record index only when detection (not reading) rejected it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { runs } from '../helpers/runs.js';

const thresholds = fileURLToPath(new URL('../../seeds/chengxi-thresholds.json', import.meta.url));

/** A kind of input row: its CSV text (`n` makes ids unique), how many lines it spans, and who rejects it. */
interface Kind {
  readonly text: (n: number) => string;
  readonly lines: number;
  /** `undefined`: accepted; else the reject code and whether reading (`'read'`) or detection rejects it. */
  readonly reject?: { readonly code: string; readonly by: 'read' | 'detect' };
}

const KINDS: Record<string, Kind> = {
  good: { text: (n) => `G${n},City,Acme,2014-11-02,1000.00,CNY,signs`, lines: 1 },
  twoLines: { text: (n) => `Q${n},City,Acme,2014-11-03,500,CNY,"signs\nphase two"`, lines: 2 },
  crlfInside: { text: (n) => `R${n},City,Acme,2014-11-03,500,CNY,"signs\r\nphase three"`, lines: 2 },
  blankLine: { text: () => '', lines: 1 },
  blankRow: { text: () => ',,,,,,', lines: 1 },
  subtotal: { text: () => 'Total,,,,999,,', lines: 1, reject: { code: 'subtotal', by: 'read' } },
  credit: { text: (n) => `C${n},City,Acme,2014-11-04,-5,CNY,refund`, lines: 1, reject: { code: 'credit', by: 'read' } },
  badDate: { text: (n) => `D${n},City,Acme,2014-02-30,5,CNY,x`, lines: 1, reject: { code: 'invalid_date', by: 'read' } },
  noVendor: { text: (n) => `M${n},City,,2014-11-05,5,CNY,x`, lines: 1, reject: { code: 'missing', by: 'read' } },
  oneCell: { text: () => 'garbage', lines: 1, reject: { code: 'unparsable_row', by: 'read' } },
  badCurrency: { text: (n) => `U${n},City,Acme,2014-11-05,5,QQQ,x`, lines: 1, reject: { code: 'unknown_currency', by: 'detect' } },
  noRate: { text: (n) => `E${n},City,Acme,2014-11-05,5,EUR,x`, lines: 1, reject: { code: 'no_exchange_rate', by: 'detect' } },
  duplicate: { text: () => 'DUP,City,Acme,2014-11-06,5,CNY,x', lines: 1, reject: { code: 'duplicate_id', by: 'detect' } },
};

interface Expected {
  readonly line: number;
  readonly code: string;
  /** Index in the records detection saw, for detection rejects. */
  readonly record?: number;
}

/** The ledger text and the rejects it must give, worked out from the kinds alone. */
function ledger(kinds: readonly (keyof typeof KINDS)[]): { text: string; expected: Expected[]; analysed: number } {
  const rows = ['id,buyer,vendor,date,amount,currency,subject'];
  const expected: Expected[] = [];
  let line = 2;
  let records = 0; // rows reading turns into records, in order: what detection indexes
  const duplicates = kinds.filter((k) => k === 'duplicate').length;
  kinds.forEach((name, n) => {
    const kind = KINDS[name] as Kind;
    rows.push(kind.text(n));
    // One duplicate alone is a plain good record.
    const reject = name === 'duplicate' && duplicates < 2 ? undefined : kind.reject;
    const isRecord = !['blankLine', 'blankRow'].includes(name) && reject?.by !== 'read';
    if (reject) expected.push({ line, code: reject.code, ...(reject.by === 'detect' ? { record: records } : {}) });
    if (isRecord) records++;
    line += kind.lines;
  });
  return { text: `${rows.join('\n')}\n`, expected, analysed: records - expected.filter((e) => e.record !== undefined).length };
}

describe('splitscan scan --rejects', () => {
  it('lists every rejected input line once, with its line, reason and (for detection rejects only) record index (property)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-rejects-'));
    let i = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...(Object.keys(KINDS) as (keyof typeof KINDS)[])), { minLength: 1, maxLength: 25 }), async (kinds) => {
        const { text, expected, analysed } = ledger(kinds);
        const file = join(dir, `ledger-${i}.csv`);
        const out = join(dir, `rejects-${i++}.csv`);
        writeFileSync(file, text);
        let stderr = '';
        const code = await run(['scan', file, '--thresholds', thresholds, '--rejects', out, '--format', 'json', '-q'], {
          stdout: { write: () => true },
          stderr: { write: (s: string) => (stderr += s) },
        });
        // Rows that are data but none of them analysable: exit 3 with one line saying so (docs/cli.md).
        if (kinds.some((k) => k !== 'blankLine' && k !== 'blankRow') && analysed === 0) {
          expect(code).toBe(3);
          expect(stderr).toMatch(/^splitscan: no row could be analysed: \d+ of \d+ rows rejected[^\n]*\n$/u);
        } else {
          expect(stderr).toBe('');
          expect(code).toBe(0);
        }
        const written = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true });
        expect(written.meta.fields).toEqual(['file', 'line', 'record', 'id', 'column', 'field', 'code', 'message', 'value']);
        const got = written.data.map((r) => ({ line: Number(r['line']), code: r['code'], ...(r['record'] !== '' ? { record: Number(r['record']) } : {}) }));
        const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
        expect([...got].sort(byLine)).toEqual([...expected].sort(byLine));
        for (const r of written.data) {
          expect(r['file']).toBe(file);
          expect(r['message']).not.toBe('');
        }
      }),
      { numRuns: runs(40) },
    );
  });
});
