/**
 * A rule that tested nothing says so: "no findings" is not "clean" when no threshold was in force,
 * no record carried the field the rule groups by, or an exclusion or flag matched nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './_run.js';

const dir = mkdtempSync(join(tmpdir(), 'splitscan-untested-'));
const ledger = (name: string, header: string, rows: readonly string[]) => {
  writeFileSync(join(dir, name), `${header}\n${rows.join('\n')}\n`);
  return join(dir, name);
};
const warnings = async (argv: readonly string[]) => {
  const r = await cli([...argv, '--format', 'json', '-q']);
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as { warnings: { code: string; message: string }[] }).warnings;
};
const coded = (ws: readonly { code: string; message: string }[], code: string) => ws.filter((w) => w.code === code).map((w) => w.message);

const HEAD = 'id,buyer,vendor,date,amount,currency,category,project';
const file = ledger('council.csv', HEAD, [
  'a,Council,Acme,2013-01-10,160000,CNY,A0201,',
  'b,Council,Acme,2013-01-12,160000,CNY,A0201,',
  'c,Council,Beta,2013-02-01,1000,CNY,A0201,',
]);

describe('not_assessed', () => {
  it('says that no record was tested when no threshold of the rule is in force on their dates', async () => {
    // cn-hangzhou has rows for 2011 and 2018 only: a 2013 ledger meets none.
    const [message, ...more] = coded(await warnings(['scan', file, '--preset', 'cn-hangzhou']), 'not_assessed');
    expect(more).toEqual([]);
    expect(message).toMatch(/^none of the 3 records analysed could be tested against the rule/);
    expect(message).toContain('3 dated when no threshold of the rule is in force');
    expect(message).toContain('from 2011-01-01 to 2011-12-31');
  });

  it('names the grouping field no record carries (--same-project on a ledger without projects)', async () => {
    const [message] = coded(await warnings(['scan', file, '--threshold', '300000', '--currency', 'CNY', '--same-project']), 'not_assessed');
    expect(message).toMatch(/^none of the 3 records analysed could be tested/);
    expect(message).toContain('3 lacking a field the rule groups by (a budget project: same project, --same-project)');
  });

  it('stays quiet when the rule tested every record, and when few were out of its reach', async () => {
    expect(coded(await warnings(['scan', file, '--threshold', '300000', '--currency', 'CNY']), 'not_assessed')).toEqual([]);
    const many = ledger('mostly.csv', HEAD, Array.from({ length: 20 }, (_, i) => `r${i},Council,Acme,2024-03-${String(i + 1).padStart(2, '0')},${i === 0 ? '10' : '100'},CNY,A0201,${i === 0 ? '' : 'P'}`));
    // One record of 20 has no project: 5%, under the tenth that makes it worth a warning.
    expect(coded(await warnings(['scan', many, '--threshold', '300000', '--currency', 'CNY', '--same-project']), 'not_assessed')).toEqual([]);
  });
});

describe('exclusion_unmatched and option_unused', () => {
  const card = ledger('card.csv', 'id,buyer,vendor,date,amount,currency,category', [
    'a,Card 1,Travelodge GB0000,2024-03-01,400,GBP,N060',
    'b,Card 1,Travelodge GB0000,2024-03-01,400,GBP,N060',
  ]);

  it("warns when a preset's exclusion of category codes matches none (a column of other codes read as the category)", async () => {
    const [message, ...more] = coded(await warnings(['scan', card, '--preset', 'pcard', '--limit', '500', '--currency', 'GBP']), 'exclusion_unmatched');
    expect(more).toEqual([]);
    expect(message).toContain('the rule leaves out category codes starting with 3, 4111');
    expect(message).toContain('the category codes read are such as N060');
    expect(message).toContain('--map category=COLUMN');
  });

  it('is quiet when the exclusion matched a record', async () => {
    const mcc = ledger('mcc.csv', 'id,buyer,vendor,date,amount,currency,category', ['a,Card 1,Travelodge,2024-03-01,400,GBP,7011', 'b,Card 1,Acme,2024-03-01,400,GBP,5943']);
    expect(coded(await warnings(['scan', mcc, '--preset', 'pcard', '--limit', '500', '--currency', 'GBP']), 'exclusion_unmatched')).toEqual([]);
  });

  it('names an excluded vendor that matches no vendor, and --skip-method without a method column', async () => {
    const ws = await warnings(['scan', file, '--threshold', '300000', '--currency', 'CNY', '--exclude-vendor', 'Acme Ltd', '--exclude-vendor', 'Gamma', '--skip-method', 'direct award']);
    expect(coded(ws, 'exclusion_unmatched')).toEqual(['1 excluded vendor (gamma, as compared: case, punctuation and legal forms ignored) matches no vendor of the records analysed: check the spelling (--exclude-vendor)']);
    expect(coded(ws, 'option_unused')[0]).toMatch(/^--skip-method direct award: no record carries a method/);
  });
});
