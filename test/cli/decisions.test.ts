/**
 * Reviewers' decisions carried through the command: they stay with their purchases when the ledger
 * is reordered or grows, and what cannot be applied is said in the report, in every format.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownText } from '../../src/io/write/escape.js';
import { escapeHtml } from '../../src/review/_html.js';
import type { DecidedReport } from '../../src/review/applyDecisions.js';
import { readDecisions } from '../../src/review/decisions.js';
import { cli, repo } from './_run.js';

const dir = mkdtempSync(join(tmpdir(), 'splitscan-decisions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string): string => join(dir, name);

/** The register's lines, with the first lines' `open` set to the statuses given. */
function decide(register: string, statuses: readonly string[]): string {
  const lines = register.split('\r\n');
  statuses.forEach((s, i) => {
    lines[i + 1] = (lines[i + 1] as string).replace(',open,', `,${s},`);
  });
  return lines.join('\r\n');
}

async function jsonReport(argv: readonly string[]): Promise<DecidedReport> {
  const r = await cli([...argv, '--format', 'json', '-q']);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as DecidedReport;
}

describe('decisions on a file without an id column (Birmingham purchase cards, May 2017)', () => {
  const file = repo('test/fixtures/io/real/birmingham-pcard-2017-05.csv');
  const policy = ['--preset', 'pcard', '--limit', '1000', '--currency', 'GBP', '--date-format', 'dd/MM/yy'];
  const bytes = readFileSync(file);
  const lines = bytes.toString('latin1').split('\n');

  it('stay with their purchases when a row is inserted near the top, or the rows are shuffled', async () => {
    expect((await cli(['scan', file, ...policy, '--decisions-template', at('reg.csv'), '-o', at('run1.json'), '-q'])).code).toBe(0);
    const statuses = ['confirmed', 'dismissed', 'dismissed', 'exempt'];
    writeFileSync(at('reg.csv'), decide(readFileSync(at('reg.csv'), 'utf8'), statuses));
    const first = await jsonReport(['scan', file, ...policy, '--decisions', at('reg.csv')]);
    const decided = (r: DecidedReport) =>
      [...r.findings, ...r.dismissed]
        .filter((f) => f.decision !== undefined)
        .map((f) => [f.decision?.finding, f.status, f.decision?.link, f.decision?.changed, f.buyer])
        .sort();
    // One line a finding, 4 of them concluded.
    expect(decided(first)).toHaveLength(first.findings.length + first.dismissed.length);
    expect(decided(first).filter((d) => d[1] !== 'open')).toHaveLength(4);

    // Line 396 again, right after the header: every later row's line moves by one.
    const plus1 = [lines[0], lines[395], ...lines.slice(1)].join('\n');
    writeFileSync(at('plus1.csv'), Buffer.from(plus1, 'latin1'));
    const after = await jsonReport(['scan', at('plus1.csv'), ...policy, '--decisions', at('reg.csv')]);
    expect(decided(after)).toEqual(decided(first));
    expect(after.decisions.unmatched).toEqual([]);
    expect(after.decisions.changed).toBe(0);

    // Every row in another place (a fixed permutation): the same findings, the same decisions.
    const body = lines.slice(1).filter((l) => l.trim() !== '');
    const shuffled = body.map((l, i) => [(i * 7919) % body.length, l] as const).sort((a, b) => a[0] - b[0]).map(([, l]) => l);
    writeFileSync(at('shuffled.csv'), Buffer.from([lines[0], ...shuffled, ''].join('\n'), 'latin1'));
    const moved = await jsonReport(['scan', at('shuffled.csv'), ...policy, '--decisions', at('reg.csv')]);
    expect(decided(moved)).toEqual(decided(first));
    expect(moved.decisions.unmatched).toEqual([]);
  }, 60_000);
});

describe('decisions about two findings that one run merges (a wider --window)', () => {
  const ledger = 'buyer,vendor,date,amount,currency\nParks,Acme,2024-01-01,3000,EUR\nParks,Acme,2024-01-05,3000,EUR\nParks,Acme,2024-02-20,3000,EUR\nParks,Acme,2024-02-25,3000,EUR\n';
  const scan = (register: string) => ['scan', at('l.csv'), '--threshold', '5000', '--currency', 'EUR', '--window', '60d', '--decisions', register];

  it('leave the merged finding open, naming both decisions, in every format, whichever way they disagree', async () => {
    writeFileSync(at('l.csv'), ledger);
    expect((await cli(['scan', at('l.csv'), '--threshold', '5000', '--currency', 'EUR', '--decisions-template', at('two.csv'), '-q', '-o', at('two.json')])).code).toBe(0);
    const template = readFileSync(at('two.csv'), 'utf8');
    const ids = template.split('\r\n').slice(1, 3).map((l) => l.split(',')[0] as string);
    expect(ids).toHaveLength(2);
    for (const statuses of [['dismissed', 'confirmed'], ['confirmed', 'dismissed']]) {
      writeFileSync(at('reg.csv'), decide(template, statuses));
      const json = await jsonReport(scan(at('reg.csv')));
      expect(json.dismissed).toEqual([]);
      // Named by their findings' ids, in order.
      const both = ids.map((id, i) => [id, statuses[i]]).sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1));
      expect(json.findings.map((f) => [f.status, f.conflict?.map((d) => [d.finding, d.status])])).toEqual([['open', both]]);
      expect(json.decisions.unmatched).toEqual([]);
      const words = `the decisions about findings now merged into this one disagree: ${both.map(([id, s]) => `${id} (${s})`).join('; ')}`;
      for (const format of ['table', 'md', 'csv', 'html']) {
        const r = await cli([...scan(at('reg.csv')), '--format', format, '-q']);
        expect(r.code).toBe(0);
        expect(r.out, format).toContain(words);
        expect(r.out, format).not.toMatch(/newer|dismissed finding not shown|## Dismissed|[1-9] decisions? matching no finding/u);
      }
      const table = (await cli([...scan(at('reg.csv')), '--format', 'table', '-q'])).out;
      expect(table).toContain('decisions: 1 open, 0 confirmed, 0 dismissed, 0 exempt; 0 findings changed since their decision; 1 finding open because the decisions about it disagree; 0 decisions matching no finding');
    }
  });

  it('ask for a decision about the merged finding in the register, which then holds', async () => {
    writeFileSync(at('l.csv'), ledger);
    rmSync(at('t.csv'), { force: true });
    await cli(['scan', at('l.csv'), '--threshold', '5000', '--currency', 'EUR', '--decisions-template', at('t.csv'), '-q', '-o', at('t.json')]);
    writeFileSync(at('t.csv'), decide(readFileSync(at('t.csv'), 'utf8'), ['dismissed', 'confirmed']));
    // The template adds a line for the merged finding (its decisions disagree: it has none of its own), once.
    for (let i = 0; i < 2; i++) await cli([...scan(at('t.csv')), '--decisions-template', at('t.csv'), '-q', '-o', at('t.json')]);
    const lines = readFileSync(at('t.csv'), 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    const merged = (await jsonReport(scan(at('t.csv')))).findings[0];
    expect(lines[3]?.startsWith(`${merged?.id},open,`)).toBe(true);
    writeFileSync(at('t.csv'), `${lines.slice(0, 3).join('\r\n')}\r\n${(lines[3] as string).replace(',open,', ',confirmed,')}\r\n`);
    const resolved = await jsonReport(scan(at('t.csv')));
    expect(resolved.findings.map((f) => [f.status, f.decision?.link, f.conflict, f.merged?.length])).toEqual([['confirmed', 'id', undefined, 2]]);
  });
});

describe('decisions about findings --top or --min-score leaves out', () => {
  const file = repo('test/fixtures/io/real/oxford-spend-over-500-2015-q4.csv');
  const policy = ['--threshold', '5000', '--currency', 'GBP', '--date-format', 'dd/MM/yyyy'];

  it('are counted apart as decisions about findings not shown, in every format, never as matching no finding', async () => {
    expect((await cli(['scan', file, ...policy, '--decisions-template', at('ox.csv'), '-q', '-o', at('ox.json')])).code).toBe(0);
    const lines = readFileSync(at('ox.csv'), 'utf8').trim().split('\r\n').length - 1;
    const top = await jsonReport(['scan', file, ...policy, '--decisions', at('ox.csv'), '--top', '5']);
    expect(top.decisions.unmatched).toHaveLength(lines - 5);
    expect(top.decisions.unmatched.every((u) => u.reason === 'top' && u.finding === u.decision.finding)).toBe(true);
    const summary = `0 decisions matching no finding; ${lines - 5} decisions about findings not shown (${lines - 5} cut by --top)`;
    for (const format of ['table', 'md']) expect((await cli(['scan', file, ...policy, '--decisions', at('ox.csv'), '--top', '5', '--format', format, '-q'])).out).toContain(summary);
    const html = (await cli(['scan', file, ...policy, '--decisions', at('ox.csv'), '--top', '5', '--format', 'html', '-q'])).out;
    expect(html).toContain(`${lines - 5} decisions are about findings this report does not show (${lines - 5} cut by --top)`);
    expect(html).not.toContain('applies to no finding');

    // Findings scoring under a higher --min-score: not found as findings, their decisions not gone either.
    const high = await jsonReport(['scan', file, ...policy, '--decisions', at('ox.csv'), '--min-score', '0.6']);
    const under = high.decisions.unmatched.filter((u) => u.reason === 'minScore');
    expect(under.length).toBeGreaterThan(0);
    expect(under.length + high.findings.length + high.dismissed.length).toBe(lines);
    expect(high.decisions.unmatched.filter((u) => u.reason === 'gone')).toEqual([]);
  }, 60_000);
});

describe('register lines that cannot be read as written', () => {
  it('are report warnings naming the line and the fix, in every format, and a bad date keeps the decision', async () => {
    writeFileSync(at('l.csv'), 'buyer,vendor,date,amount,currency\nParks,Acme,2024-01-01,3000,EUR\nParks,Acme,2024-01-05,3000,EUR\nParks,Acme,2024-02-20,3000,EUR\nParks,Acme,2024-02-25,3000,EUR\n');
    const scan = ['scan', at('l.csv'), '--threshold', '5000', '--currency', 'EUR'];
    rmSync(at('dt.csv'), { force: true });
    await cli([...scan, '--decisions-template', at('dt.csv'), '-q', '-o', at('dt.json')]);
    const [header, first, second] = readFileSync(at('dt.csv'), 'utf8').trim().split('\r\n') as [string, string, string];
    // A UK date as Excel re-saves it, and a status mistyped.
    writeFileSync(at('dt.csv'), [header, first.replace(',open,,,', ',dismissed,AA,01/02/2024,'), second.replace(',open,', ',dismised,'), ''].join('\r\n'));
    const json = await jsonReport([...scan, '--decisions', at('dt.csv')]);
    expect(json.decisions.counts).toEqual({ open: 1, confirmed: 0, dismissed: 1, exempt: 0 });
    const messages = [
      `${at('dt.csv')} line 2: date "01/02/2024" could be 2024-02-01 (day first) or 2024-01-02 (month first): the decision is used without a date; write it as YYYY-MM-DD`,
      `${at('dt.csv')} line 3: status "dismised" must be one of open, confirmed, dismissed, exempt (did you mean "dismissed"?): the line is not used`,
    ];
    expect(json.warnings.filter((w) => w.code === 'decision_line').map((w) => w.message)).toEqual(messages);
    for (const format of ['table', 'md', 'html']) {
      const out = (await cli([...scan, '--decisions', at('dt.csv'), '--format', format, '-q'])).out;
      for (const m of messages) expect(out, format).toContain(format === 'md' ? markdownText(m) : format === 'html' ? escapeHtml(m) : m);
    }
    // And on stderr without -q.
    expect((await cli([...scan, '--decisions', at('dt.csv'), '--format', 'json'])).err).toContain(`splitscan: warning: ${messages[1]}`);
  });
});

describe('the order of a register', () => {
  it('is the order of its lines: a later line holds even when its date cannot be read; dates against the order are a report warning', async () => {
    writeFileSync(at('o.csv'), 'buyer,vendor,date,amount,currency\nParks,Acme,2024-01-01,3000,EUR\nParks,Acme,2024-01-05,3000,EUR\n');
    const scan = ['scan', at('o.csv'), '--threshold', '5000', '--currency', 'EUR'];
    rmSync(at('ot.csv'), { force: true });
    await cli([...scan, '--decisions-template', at('ot.csv'), '-q', '-o', at('ot.json')]);
    const [header, open] = readFileSync(at('ot.csv'), 'utf8').trim().split('\r\n') as [string, string];
    const line = (status: string, date: string) => open.replace(',open,,,', `,${status},AA,${date},`);
    // Confirmed on a dated line, then dismissed on a line whose date reads two ways (01/02/2024).
    writeFileSync(at('ot.csv'), [header, line('confirmed', '2024-03-01'), line('dismissed', '01/02/2024'), ''].join('\r\n'));
    const ambiguous = await jsonReport([...scan, '--decisions', at('ot.csv')]);
    expect(ambiguous.decisions.counts).toEqual({ open: 0, confirmed: 0, dismissed: 1, exempt: 0 });
    expect(ambiguous.warnings.map((w) => w.code)).toEqual(['decision_line']);

    // Dismissed on a line dated before the confirmed one above it: the later line holds, and the report says the order cannot be told.
    writeFileSync(at('ot.csv'), [header, line('confirmed', '2024-03-01'), line('dismissed', '2024-02-01'), ''].join('\r\n'));
    const message = `${at('ot.csv')} line 3: date 2024-02-01 is before that of line 2 (2024-03-01, confirmed), an earlier line about the same finding: which decision is the newer cannot be told; the later line holds (dismissed): append a line that settles it`;
    const contradicted = await jsonReport([...scan, '--decisions', at('ot.csv')]);
    expect(contradicted.decisions.counts).toEqual({ open: 0, confirmed: 0, dismissed: 1, exempt: 0 });
    expect(contradicted.warnings).toEqual([{ code: 'decision_order', message }]);
    for (const format of ['table', 'md']) expect((await cli([...scan, '--decisions', at('ot.csv'), '--format', format, '-q'])).out, format).toContain(format === 'md' ? markdownText(message) : message);
    const r = await cli([...scan, '--decisions', at('ot.csv'), '--format', 'json']);
    expect(r.err).toContain(`splitscan: warning: ${message}\n`);
    expect(r.err).toContain(`splitscan: ${at('ot.csv')} line 2: superseded by the decision on line 3 of 2024-02-01 about the same finding\n`);
  });
});

describe('the first month: no register yet', () => {
  it('named by both --decisions and --decisions-template, is an empty register, with a note; named by --decisions alone, an error', async () => {
    writeFileSync(at('m.csv'), 'buyer,vendor,date,amount,currency\nParks,Acme,2024-01-01,3000,EUR\nParks,Acme,2024-01-05,3000,EUR\n');
    const scan = ['scan', at('m.csv'), '--threshold', '5000', '--currency', 'EUR', '--format', 'json'];
    rmSync(at('first.csv'), { force: true });
    const r = await cli([...scan, '--decisions', at('first.csv'), '--decisions-template', at('first.csv')]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`splitscan: ${at('first.csv')} does not exist yet: no decisions to carry in (a first run); --decisions-template starts it`);
    expect((JSON.parse(r.out) as DecidedReport).decisions.counts).toEqual({ open: 1, confirmed: 0, dismissed: 0, exempt: 0 });
    expect(readFileSync(at('first.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(2);
    // The next run reads it.
    expect((await cli([...scan, '--decisions', at('first.csv'), '--decisions-template', at('first.csv'), '-q'])).code).toBe(0);
    expect(readFileSync(at('first.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(2);
    const alone = await cli([...scan, '--decisions', at('none.csv')]);
    expect(alone.code).toBe(3);
    expect(alone.err).toContain('cannot read decisions file');
  });
});

describe('a finding whose amounts changed since the decision (the same records)', () => {
  it('is changed since the decision in the report and changed in diff, with the total before and after', async () => {
    const head = 'id,buyer,vendor,date,amount,currency,subject\n';
    writeFileSync(at('v1.csv'), `${head}1,City,Acme,2024-01-05,2600,EUR,chairs\n2,City,Acme,2024-01-06,2500,EUR,chairs\n`);
    writeFileSync(at('v2.csv'), `${head}1,City,Acme,2024-01-05,4990,EUR,chairs\n2,City,Acme,2024-01-06,4990,EUR,chairs\n`);
    const scan = (file: string) => ['scan', at(file), '--threshold', '5000', '--currency', 'EUR', '--decisions', at('amounts.csv')];
    rmSync(at('amounts.csv'), { force: true });
    expect((await cli([...scan('v1.csv'), '--decisions-template', at('amounts.csv'), '--format', 'json', '-o', at('v1.json'), '-q'])).code).toBe(0);
    writeFileSync(at('amounts.csv'), readFileSync(at('amounts.csv'), 'utf8').replace(',open,,,,', ',dismissed,auditor,2024-02-01,marginal: 100 EUR over,'));
    const v2 = await jsonReport([...scan('v2.csv'), '-o', at('v2.json')].filter((a) => a !== '-o' && a !== at('v2.json')));
    expect(v2.dismissed[0]?.decision).toMatchObject({ link: 'id', changed: true, totalChange: { before: '5100.00', after: '9980.00', currency: 'EUR' } });
    expect(v2.decisions.changed).toBe(1);
    const md = (await cli([...scan('v2.csv'), '--format', 'md', '-q'])).out;
    expect(md).toContain('1 finding changed since its decision');
    expect(md).toContain('changed since the decision: total 5,100.00 → 9,980.00 EUR');
    expect((await cli([...scan('v2.csv'), '--format', 'html', '-q'])).out).toContain('total 5,100.00 → 9,980.00 EUR');
    writeFileSync(at('v2.json'), JSON.stringify(v2));
    const diff = await cli(['diff', at('v1.json'), at('v2.json')]);
    expect(diff.out).toContain('| Changed | 1 | 9,980.00 EUR |');
    expect(diff.out).toContain('| Persisting | 0 | – |');
    expect(diff.out).toContain('| 5,100.00 → 9,980.00 EUR |  |  | 1: 2,600.00 → 4,990.00 EUR; 2: 2,500.00 → 4,990.00 EUR | dismissed (changed since decision) |');
  });
});

describe("next month's file, whose ids restart at 1, read with this month's", () => {
  const head = 'id,buyer,vendor,date,amount,currency\n';
  const scan = (...files: string[]) => ['scan', ...files.map(at), '--threshold', '5000', '--currency', 'EUR'];

  it('keeps the decision on its purchases (ids now prefixed with their file), with a note, and diff finds it persisting', async () => {
    writeFileSync(at('jan.csv'), `${head}1,City,Acme,2024-01-05,2900,EUR\n2,City,Acme,2024-01-06,2800,EUR\n`);
    writeFileSync(at('feb.csv'), `${head}1,City,Other,2024-02-05,20,EUR\n2,City,Other2,2024-02-20,30,EUR\n`);
    rmSync(at('months.csv'), { force: true });
    expect((await cli([...scan('jan.csv'), '--decisions-template', at('months.csv'), '--format', 'json', '-o', at('jan.json'), '-q'])).code).toBe(0);
    writeFileSync(at('months.csv'), readFileSync(at('months.csv'), 'utf8').replace(',open,', ',confirmed,'));
    const r = await cli([...scan('jan.csv', 'feb.csv'), '--decisions', at('months.csv'), '--format', 'json', '-o', at('janfeb.json')]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('splitscan: 1 decision matched by record ids this run writes with their file (1 → jan.csv:1, 2 → jan.csv:2');
    const report = JSON.parse(readFileSync(at('janfeb.json'), 'utf8')) as DecidedReport;
    expect(report.findings[0]?.recordIds).toEqual(['jan.csv:1', 'jan.csv:2']);
    expect(report.findings[0]?.status).toBe('confirmed');
    expect(report.findings[0]?.decision).toMatchObject({ changed: false, added: [], removed: [] });
    expect(report.decisions.unmatched).toEqual([]);
    const diff = await cli(['diff', at('jan.json'), at('janfeb.json'), '--format', 'json']);
    const d = JSON.parse(diff.out) as { persisting: unknown[]; new: unknown[]; gone: unknown[]; warnings: { code: string }[] };
    expect([d.persisting.length, d.new.length, d.gone.length]).toEqual([1, 0, 0]);
    expect(d.warnings.map((w) => w.code)).toEqual(['renamed_ids']);
  });

  it('says so, in the report, when the ids are in several files and which purchases were decided cannot be told', async () => {
    writeFileSync(at('feb2.csv'), `${head}1,City,Acme,2024-02-05,2900,EUR\n2,City,Acme,2024-02-26,2800,EUR\n`);
    const report = await jsonReport([...scan('jan.csv', 'feb2.csv'), '--decisions', at('months.csv')]);
    expect(report.decisions.unmatched.map((u) => u.reason)).toEqual(['gone']);
    const w = report.warnings.filter((x) => x.code === 'decision_ids');
    expect(w).toHaveLength(1);
    expect(w[0]?.message).toContain('names record ids that this run has in several files (1: feb2.csv:1 or jan.csv:1; 2: feb2.csv:2 or jan.csv:2');
  });
});

describe('--decisions-template on a register a spreadsheet saved with ;', () => {
  it('appends lines in its delimiter, line ending and quoting: the next run reads every line', async () => {
    const head = 'id,buyer,vendor,date,amount,currency\n';
    writeFileSync(at('e.csv'), `${head}1,"Parks, Forestry",Acme,2024-01-05,2900,EUR\n2,"Parks, Forestry",Acme,2024-01-06,2800,EUR\n3,Water,Acme,2024-03-05,2900,EUR\n4,Water,Acme,2024-03-06,2800,EUR\n`);
    const scan = ['scan', at('e.csv'), '--threshold', '5000', '--currency', 'EUR'];
    rmSync(at('excel.csv'), { force: true });
    expect((await cli([...scan, '--decisions-template', at('excel.csv'), '-q', '-o', at('e.json')])).code).toBe(0);
    // Keep the first finding's line only, saved as European Excel saves CSV.
    const [header, first] = readFileSync(at('excel.csv'), 'utf8').split('\r\n');
    const semi = (line: string) => (readDecisions(`${header}\r\n${line}\r\n`).decisions[0] as { records: readonly string[] }).records.join('; ');
    const cells = (first as string).split(',');
    const excel = `\uFEFF${(header as string).replaceAll(',', ';')}\r\n${[cells[0], 'confirmed', '', '', '', `"${semi(first as string)}"`, 'Parks, Forestry', ...cells.slice(-3)].join(';')}\r\n`;
    writeFileSync(at('excel.csv'), excel);
    const r = await cli([...scan, '--decisions', at('excel.csv'), '--decisions-template', at('excel.csv'), '-o', at('e.json')]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('1 open line for undecided findings appended to');
    const after = readFileSync(at('excel.csv'), 'utf8');
    expect(after.startsWith(excel)).toBe(true);
    const appended = after.slice(excel.length);
    expect(appended).toMatch(/^F[0-9a-f]{16};open;;;;"3; 4";Water;THRESHOLD-5000-EUR;5700\.00;EUR\r\n$/u);
    const next = await jsonReport([...scan, '--decisions', at('excel.csv')]);
    expect(next.warnings.filter((w) => w.code === 'decision_line')).toEqual([]);
    expect(next.decisions.counts).toEqual({ open: 1, confirmed: 1, dismissed: 0, exempt: 0 });
  });
});
