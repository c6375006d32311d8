/**
 * A CLI that speaks CLI: messages name flags (never a library call or an `options.` path), a
 * mistyped flag, command, preset or tier gets the nearest name, `--version` comes from
 * package.json, colour only where it belongs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorEnabled } from '../../src/cli/color.js';
import { FLAGS, flagOf, inapplicableFlag } from '../../src/cli/flags.js';
import { issueText } from '../../src/cli/messages.js';
import { cli, repo } from './_run.js';

const pcard = repo('seeds/pcard-2019.csv');
const chengxi = repo('seeds/chengxi-2014.csv');
const thresholds = repo('seeds/chengxi-thresholds.json');
const dir = mkdtempSync(join(tmpdir(), 'splitscan-messages-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('did you mean', () => {
  it.each([
    [['scan', pcard, '--preset', 'pcard', '--limt', '3000'], 'unknown flag --limt; did you mean --limit?'],
    [['scan', pcard, '--preset', 'pcard', '--limit', '3000', '--curency', 'USD'], 'unknown flag --curency; did you mean --currency?'],
    [['scan', pcard, '--tresholds', 't.json'], 'unknown flag --tresholds; did you mean --thresholds?'],
    [['scna', pcard], 'unknown command "scna"; did you mean scan?'],
    [['dif', 'a.json', 'b.json'], 'unknown command "dif"; did you mean diff?'],
    [['inspct', pcard], 'unknown command "inspct"; did you mean inspect?'],
    [['scan', pcard, '--preset', 'pcrad', '--limit', '3000', '--currency', 'USD'], 'unknown preset "pcrad"; did you mean "pcard"?'],
    [['scan', pcard, '--preset', 'eu-2014-42'], 'unknown preset "eu-2014-42"; did you mean "eu-2014-24"?'],
    [['scan', pcard, '--preset', 'uk-pa2023', '--tier', 'subcentral'], '--tier: uk-pa2023 has no tier "subcentral"; did you mean "sub-central"?'],
    [['scan', pcard, '--preset', 'pcard', '--limit', '3000', '--currency', 'USD', '--format', 'jsno'], '--format jsno: expected table, json, csv, md, html; did you mean json?'],
  ])('%j', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`splitscan: ${message}${message.startsWith('--tier') ? ' (tiers: central, sub-central)' : message.includes('preset "') ? ' (list them: splitscan presets)' : message.includes('command') ? ' (commands: scan, inspect, diff, presets, help)' : ''}`);
  });
});

describe('messages name flags, not library calls', () => {
  const badThresholds = file('t.json', JSON.stringify([{ id: 'a', amount: '-1', currency: 'CNY', procedure: 'p' }, { id: 'b', amount: '5', currency: 'XX', procedure: 'p' }]));
  const ambiguous = file('amb.csv', 'buyer,vendor,date,amount\nB,V,03/04/2014,5\n');
  const noColumns = file('cols.csv', 'Foo,Bar\n1,2\n');
  const badOptions = file('o.json', JSON.stringify({ thresholds: [{ id: 'a', amount: '5', currency: 'CNY', procedure: 'p' }], windw: { days: 3 }, band: 2 }));

  it.each([
    [['scan', pcard, '--preset', 'pcard'], /^--preset pcard needs --limit AMOUNT and --currency CODE/u],
    [['scan', pcard, '--preset', 'pcard', '--limit', '3000'], /^--limit 3000 needs --currency CODE/u],
    [['scan', pcard, '--preset', 'pcard', '--limit', 'lots', '--currency', 'USD'], /^--limit lots: expected a positive amount/u],
    [['scan', pcard, '--preset', 'us-far-13', '--limit', '3000', '--currency', 'USD'], /^--limit goes with --preset pcard \(another limit: --threshold AMOUNT\)/u],
    [['scan', pcard, '--preset', 'ua-922', '--tier', 'central'], /^--tier: ua-922 has no tiers/u],
    [['scan', chengxi, '--thresholds', badThresholds], /^--thresholds \[0\]\.amount: threshold "a": must be a positive decimal.*; --thresholds \[1\]\.currency: threshold "b"/u],
    [['scan', chengxi, '--options', badOptions], /^(?=.*--options windw: unknown key "windw"; did you mean "window"\?)(?=.*--options band: band must be in \[0, 1\))/u],
    [['scan', ambiguous, '--thresholds', thresholds], /^--date-format: line 2, column "date": "03\/04\/2014" could be day-first or month-first/u],
    [['scan', noColumns, '--thresholds', thresholds], /^no column for buyer, vendor, date, amount \(headers found: "Foo", "Bar"\); map each to the column that holds it \(option map; the command: --map buyer=COLUMN\)$/u],
    [['scan', chengxi, '--thresholds', thresholds, '--window', '0d'], /^--window 0d: at least 1 day/u],
    [['scan', chengxi, '--threshold', '5000', '--currency', 'CNY', '--procedure', 'x', '--thresholds', thresholds], /^give --threshold or --thresholds, not both/u],
    [['scan', chengxi, '--procedure', 'tender', '--thresholds', thresholds], /^--procedure goes with --threshold AMOUNT/u],
    [['scan', chengxi, '--threshold', '5000', '--currency', 'CNY', '--procedure', ''], /^--procedure: must name the procedure the threshold triggers/u],
    [['scan', chengxi, '--threshold', '5000', '--currency', 'CNY', '--procedure', ' '], /^--procedure: must name the procedure the threshold triggers/u],
    [['scan', chengxi, '--threshold', '5000', '--threshold', '3000', '--currency', 'CNY'], /^--threshold is given twice \(5000 and 3000\): give it once$/u],
    [['scan', chengxi, '-t', thresholds, '--window', '30d', '-w', 'month'], /^--window is given twice \(30d and month\): give it once$/u],
    [['scan', chengxi, '-t', thresholds, '--map', 'buyer=采购单位', '--map', 'vendor=供应商'], /^--map is given twice \(buyer=采购单位 and vendor=供应商\): one --map takes every pair, e\.g\. --map buyer=Division,vendor=Supplier$/u],
    [['scan', chengxi, '--thresholds', thresholds, '--line-suffix', '-\\d+$'], /^--line-suffix needs a value; one that starts with a dash is joined with =, e\.g\. --line-suffix=-VALUE$/u],
  ])('%j', async (argv, pattern) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    const line = r.err.split('\n')[0] as string;
    expect(line.startsWith('splitscan: ')).toBe(true);
    expect(line.slice('splitscan: '.length)).toMatch(pattern);
    expect(r.err).not.toMatch(/getPreset|detectSplits|readLedger|loadLedger|loadThresholds|options\.\w|\n\s+at /u);
  });

  it('names the flags that supply a missing column, not --map when none was given (inspect and scan)', async () => {
    const noCurrency = file('nocur.csv', 'buyer,vendor,date,amount\nCity,Acme,2019-01-02,5\n');
    const want = 'splitscan: no column for currency (headers found: "buyer", "vendor", "date", "amount"); give the currency of every row (option currency; the command: --currency CODE), or map the column that holds it (option map; the command: --map currency=COLUMN)';
    // Thresholds in two currencies: no currency the rows could default to.
    const mixed = file('mixed.json', JSON.stringify([{ id: 'a', amount: '5', currency: 'CNY', procedure: 'p' }, { id: 'b', amount: '5', currency: 'EUR', procedure: 'p' }]));
    for (const argv of [['inspect', noCurrency], ['scan', noCurrency, '--thresholds', mixed, '--rate', 'EUR=7']]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.split('\n')[0], argv.join(' ')).toBe(want);
    }
    // Given --currency, it reads.
    expect((await cli(['inspect', noCurrency, '--currency', 'EUR'])).code).toBe(0);
  });

  it('takes flags that collect values, flags without one, and one value given again, more than once', async () => {
    const r = await cli(['scan', chengxi, '-t', thresholds, '-t', thresholds, '--exclude-vendor', 'A', '--exclude-vendor', 'B', '--rate', 'USD=7', '--rate', 'EUR=8', '-q', '-q', '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('maps a header holding a comma or a + (--map), and names --map, not the library, for a bad one', async () => {
    const comma = file('comma.tsv', 'Buyer\tVendor\tDate\tAmount, CAD\nCity\tAcme\t2020-01-02\t100\n');
    const unmapped = await cli(['scan', comma, '--threshold', '250', '--currency', 'CAD', '-q']);
    expect(unmapped.err).toMatch(/perhaps map amount=Amount, CAD/u);
    const mapped = await cli(['scan', comma, '--threshold', '250', '--currency', 'CAD', '-q', '-f', 'json', '--map', 'amount=Amount, CAD']);
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.out).provenance.inputs[0].columns.amount).toEqual(['Amount, CAD']);
    const plus = file('plus.csv', 'Buyer,Vendor,Date,Amount+VAT\nCity,Acme,2020-01-02,100\n');
    const joined = await cli(['scan', plus, '--threshold', '250', '--currency', 'CAD', '-q', '-f', 'json', '--map', 'amount=Amount+VAT']);
    expect(joined.code).toBe(0);
    expect(JSON.parse(joined.out).provenance.inputs[0].columns.amount).toEqual(['Amount+VAT']);
    const bad = await cli(['scan', comma, '--threshold', '250', '--currency', 'CAD', '--map', 'Amount, CAD']);
    expect(bad.code).toBe(2);
    expect(bad.err.split('\n')[0]).toBe('splitscan: --map: "Amount, CAD" is not field=Header');
  });

  it('lists the columns a --decisions file has when it lacks some (exit 3)', async () => {
    const decisions = file('decisions.csv', 'finding,state\nF1,open\n');
    const r = await cli(['scan', chengxi, '--thresholds', thresholds, '--decisions', decisions, '-q', '-f', 'json']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^splitscan: decisions file lacks the columns finding_id, status, record_ids \(its columns: "finding", "state"; a register's: finding_id, status, /u);
  });

  it('reads a value that starts with a dash when it is joined with =', async () => {
    const r = await cli(['scan', chengxi, '--thresholds', thresholds, '--line-suffix=-\\d+$', '--format', 'json', '-q']);
    expect(r.code).toBe(0);
  });

  it('names --threshold, --procedure or --comparison for an issue with the threshold they made', () => {
    const issue = (path: (string | number)[]) => issueText({ path, message: 'm' }, { threshold: true });
    expect([issue(['thresholds', 0, 'procedure']), issue(['thresholds', 0, 'comparison']), issue(['thresholds', 0, 'amount']), issue(['window'])]).toEqual(['--procedure: m', '--comparison: m', '--threshold: m', '--window: m']);
    expect(issueText({ path: ['thresholds', 0, 'procedure'], message: 'm' })).toBe('--thresholds [0].procedure: m');
  });

  it('maps every option path a flag declares back to that flag', () => {
    for (const f of FLAGS) for (const option of 'options' in f ? f.options : []) expect(flagOf(option.split('.'))).toBe(`--${f.name}`);
    expect(flagOf(['subject', 'categoryPrefix'])).toBe('--category-prefix');
    expect(flagOf(['thresholds', 3, 'validTo'])).toBe('--thresholds');
    expect(flagOf(['weights', 'span'])).toBeUndefined();
  });
});

describe('flags a command does not take', () => {
  it.each([
    [['inspect', pcard, '-o', 'x.txt'], '--out', 'inspect'],
    [['inspect', pcard, '--rejects', 'r.csv'], '--rejects', 'inspect'],
    [['inspect', pcard, '--preset', 'pcard'], '--preset', 'inspect'],
    [['diff', 'a.json', 'b.json', '--top', '3'], '--top', 'diff'],
    [['presets', '--out', 'p.json'], '--out', 'presets'],
  ])('%j: refused, naming the flag', async (argv, flag, command) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(new RegExp(`^splitscan: ${flag} does not apply to ${command} \\(usage: splitscan ${command} `, 'u'));
    expect(r.out).toBe('');
  });

  it('are none for scan, which takes every flag', () => {
    expect(inapplicableFlag('scan', FLAGS.map((f) => f.name))).toBeUndefined();
    expect(inapplicableFlag('inspect', ['map', 'currency', 'format', 'quiet', 'input-format'])).toBeUndefined();
  });
});

describe('--version', () => {
  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(repo('package.json'), 'utf8')) as { version: string };
    for (const argv of [['--version'], ['-V'], ['scan', 'x.csv', '--version']]) expect(await cli(argv)).toEqual({ code: 0, out: `splitscan ${version}\n`, err: '' });
  });
});

describe('colour', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: true }, { NO_COLOR: '' }, true],
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
    [{ isTTY: true }, { FORCE_COLOR: '0' }, false],
    [{ isTTY: true }, { TERM: 'dumb' }, false],
    [{ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
  ])('%j with %j → %s', (stream, env, on) => {
    expect(colorEnabled(stream, env)).toBe(on);
  });

  it('colours the table on a terminal only, and never JSON', async () => {
    const argv = ['scan', chengxi, '--thresholds', thresholds, '-q'];
    const esc = /\u001b\[/u;
    expect((await cli([...argv, '--format', 'table'], { tty: true })).out).toMatch(esc);
    expect((await cli([...argv, '--format', 'table'], { tty: true, env: { NO_COLOR: '1' } })).out).not.toMatch(esc);
    expect((await cli([...argv, '--format', 'table'])).out).not.toMatch(esc);
    expect((await cli([...argv, '--format', 'table'], { env: { FORCE_COLOR: '1' } })).out).toMatch(esc);
    expect((await cli([...argv, '--format', 'json'], { tty: true, env: { FORCE_COLOR: '1' } })).out).not.toMatch(esc);
    // The same table without its styles.
    const plain = (s: string) => s.replace(/\u001b\[\d+m/gu, '');
    expect(plain((await cli([...argv, '--format', 'table'], { tty: true })).out)).toBe((await cli([...argv, '--format', 'table'])).out);
  });
});

describe('the terminal gets no control sequence from data, whatever the format', () => {
  const hostile = file('hostile.csv', `id,buyer,vendor,date,amount,currency\na,City,"Acme\u001b]52;c;ZXZpbA==\u0007 \u202eLtd",2019-03-01,600,EUR\nb,City,"Acme\u001b]52;c;ZXZpbA==\u0007 \u202eLtd",2019-03-02,600,EUR\n`);
  const t = file('t1000.json', JSON.stringify([{ id: 'T', amount: '1000', currency: 'EUR', procedure: 'tender' }]));
  const unsafe = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

  it.each(['table', 'json', 'csv', 'md', 'html'])('--format %s on a terminal', async (format) => {
    const r = await cli(['scan', hostile, '--thresholds', t, '--min-score', '0', '--format', format], { tty: true });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Acme');
    // Our own colours (SGR) aside, nothing a terminal acts on.
    expect(r.out.replace(/\u001b\[\d+m/gu, '')).not.toMatch(unsafe);
    expect(r.err).not.toMatch(unsafe);
  });

  it.each(['table', 'json'])('inspect --format %s on a terminal', async (format) => {
    // inspect shows headers it does not read and rejected values: here both carry the payload.
    const shown = file('hostile-inspect.csv', `id,buyer,vendor,date,amount,currency,"Note\u001b]52;c;ZXZpbA==\u0007 \u202eX"\na,City,Acme,2019-03-01,"6\u001b[2J\u202e00",EUR,n\n`);
    const r = await cli(['inspect', shown, '--format', format], { tty: true });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Note');
    expect(r.out).toContain('invalid_amount');
    expect(r.out).not.toMatch(unsafe);
    expect(r.err).not.toMatch(unsafe);
  });

  it('writes the data as it is to a pipe (a CSV keeps its cells)', async () => {
    const r = await cli(['scan', hostile, '--thresholds', t, '--min-score', '0', '--format', 'csv']);
    expect(r.out).toContain('\u202eLtd');
  });
});
