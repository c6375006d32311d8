/**
 * Reviewers' decisions carried through the command: they stay with their purchases when the ledger
 * is reordered or grows, and what cannot be applied is said in the report, in every format.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DecidedReport } from '../../src/review/applyDecisions.js';
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
