import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { HELP, parseCli, parseWindow } from '../../src/cli/args.js';
import { type Flag, FLAGS } from '../../src/cli/flags.js';
import { run } from '../../src/cli/run.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = (n: string) => join(root, 'seeds', n);

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

describe('arguments', () => {
  it('parses windows', () => {
    expect(parseWindow('30d')).toEqual({ days: 30 });
    expect(parseWindow('month')).toEqual({ period: 'month' });
    expect(parseWindow('fiscal-year', 4)).toEqual({ period: 'fiscalYear', fiscalYearStart: 4 });
    expect(() => parseWindow('soon')).toThrow(/expected Nd/);
  });

  it('parses a scan line', () => {
    expect(parseCli(['scan', 'f.csv', '--preset', 'pcard', '--limit', '3000', '--currency', 'cad', '--map', 'buyer=Card,vendor=Merchant Name', '--delimiter', 'tab', '--top', '3'])).toMatchObject({
      command: 'scan', file: 'f.csv', files: ['f.csv'], preset: 'pcard', limit: '3000', currency: 'CAD', map: { buyer: 'Card', vendor: 'Merchant Name' }, delimiter: '\t', top: 3,
    });
  });

  it('parses the subject-rule flags into overrides', () => {
    expect(parseCli(['scan', 'f.csv', '-t', 't.json', '--category-prefix', '3', '--min-similarity', '0.5', '--same-project', '--min-part-share', '0'])).toMatchObject({
      subject: { categoryPrefix: 3, minSimilarity: 0.5, sameProject: true }, minPartShare: 0,
    });
    expect(parseCli(['scan', 'f.csv', '-t', 't.json'])).not.toHaveProperty('subject');
    expect(() => parseCli(['scan', 'f.csv', '-t', 't.json', '--category-prefix', '2.5'])).toThrow(/category-prefix/u);
  });

  it('lists in --help exactly the flags of the table, each once with its alias', () => {
    const listed = [...HELP.matchAll(/^ {2}(?:-(\w), | {4})--([a-z-]+)/gmu)].map((m) => [m[2], m[1]]);
    expect(listed).toEqual(FLAGS.map((f: Flag) => [f.name, f.short]));
  });

  it('shows the --help text verbatim in docs/cli.md', () => {
    const docs = readFileSync(join(root, 'docs/cli.md'), 'utf8');
    const block = /## Flags[^\n]*\n\n```text\n([^]*?)```/u.exec(docs)?.[1];
    expect(block, 'docs/cli.md: paste the output of `splitscan --help` into the Flags block').toBe(HELP);
  });

  it('reads every flag of the table (a string flag takes a value, a boolean none)', () => {
    for (const f of FLAGS as readonly Flag[]) {
      const argv = ['scan', 'f.csv', '-t', 't.json', `--${f.name}`];
      if (f.type === 'string') argv.push(f.name === 'thresholds' ? 'u.json' : 'x');
      let error: unknown;
      try {
        parseCli(argv);
      } catch (e) {
        error = e;
      }
      // Values like 'x' may be refused, but never the flag itself.
      expect(String(error ?? ''), f.name).not.toMatch(/Unknown option|unexpected argument/iu);
    }
  });

  it('takes similarities, scores and shares from 0 to 1 only', () => {
    expect(parseCli(['scan', 'f.csv', '-t', 't.json', '--min-similarity', '0'])).toMatchObject({ subject: { minSimilarity: 0 } });
    expect(parseCli(['scan', 'f.csv', '-t', 't.json', '--min-similarity', '1', '--min-score', '1'])).toMatchObject({ subject: { minSimilarity: 1 }, minScore: 1 });
    expect(() => parseCli(['scan', 'f.csv', '-t', 't.json', '--min-similarity', '1.5'])).toThrow(/--min-similarity 1.5: expected a number from 0 to 1/u);
    expect(() => parseCli(['scan', 'f.csv', '-t', 't.json', '--min-similarity', '-0.1'])).toThrow(/--min-similarity/u);
    expect(() => parseCli(['scan', 'f.csv', '-t', 't.json', '--min-score', '2'])).toThrow(/--min-score 2/u);
    expect(() => parseCli(['scan', 'f.csv', '-t', 't.json', '--min-part-share', '1'])).toThrow(/--min-part-share 1: expected a number from 0 to below 1/u);
    expect(() => parseCli(['scan', 'f.csv', '-t', 't.json', '--currency', 'XYZ'])).toThrow(/--currency XYZ/u);
  });
});

describe('exit codes', () => {
  it('0: help, presets, scan without --fail-on-findings', async () => {
    expect((await cli('--help')).code).toBe(0);
    expect((await cli('presets')).out).toContain('cn-hangzhou');
    const r = await cli('scan', seed('pcard-2019.csv'), '--preset', 'pcard', '--limit', '3000', '--currency', 'USD', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).summary.findings).toBeGreaterThan(0);
    expect(r.err).toMatch(/^read 178 rows, analysed 175, rejected 3 \(list them with --rejects FILE\), \d+ findings\n$/);
  });

  it('1: findings with --fail-on-findings', async () => {
    expect((await cli('scan', seed('pcard-2019.csv'), '--preset', 'pcard', '--limit', '3000', '--currency', 'USD', '--format', 'csv', '--fail-on-findings', '-q')).code).toBe(1);
    expect((await cli('scan', seed('pcard-2019.csv'), '--preset', 'pcard', '--limit', '1000000', '--currency', 'USD', '--format', 'csv', '--fail-on-findings', '-q')).code).toBe(0);
  });

  it.each([
    [['scan']],
    [['scan', 'x.csv']],
    [['frobnicate']],
    [['scan', 'x.csv', '--preset', 'pcard', '--nope']],
    [['scan', 'x.csv', '--preset', 'pcard', '--window', 'soon']],
    [['scan', 'x.csv', '--preset', 'pcard', '--format', 'xml']],
  ])('2: usage error %j', async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toMatch(/^splitscan: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('2: options errors (unknown preset, missing columns, ambiguous dates)', async () => {
    expect((await cli('scan', seed('pcard-2019.csv'), '--preset', 'no-such-preset')).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-'));
    writeFileSync(join(dir, 'a.csv'), 'Foo,Bar\n1,2\n');
    const cols = await cli('scan', join(dir, 'a.csv'), '--thresholds', join(root, 'seeds/chengxi-thresholds.json'));
    expect(cols).toMatchObject({ code: 2 });
    expect(cols.err).toMatch(/headers found: "Foo", "Bar"/);
    writeFileSync(join(dir, 'b.csv'), 'buyer,vendor,date,amount\nB,V,03/04/2014,5\n');
    const amb = await cli('scan', join(dir, 'b.csv'), '--thresholds', join(root, 'seeds/chengxi-thresholds.json'));
    expect(amb.code).toBe(2);
    expect(amb.err).toMatch(/dd\/MM\/yyyy/);
  });

  it('3: unreadable or undecodable input', async () => {
    const missing = await cli('scan', '/nonexistent/ledger.csv', '--preset', 'cn-hangzhou');
    expect(missing.code).toBe(3);
    expect(missing.err).toBe('splitscan: cannot read /nonexistent/ledger.csv: no such file\n');
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-'));
    writeFileSync(join(dir, 'bad.csv'), Buffer.from([0x62, 0x75, 0x79, 0x65, 0x72, 0xff, 0xfe, 0x0a]));
    expect((await cli('scan', join(dir, 'bad.csv'), '--preset', 'cn-hangzhou', '--encoding', 'utf-8')).code).toBe(3);
    expect((await cli('scan', seed('pcard-2019.csv'), '--thresholds', join(dir, 'nope.json'))).code).toBe(3);
  });
});

describe('real files with no flag for their dates', () => {
  const real = (n: string) => join(root, 'test', 'fixtures', 'io', 'real', n);

  it('reads Toronto\'s month-first card file of January 2013 without --date-format, and says how it read its dates', async () => {
    const r = await cli('scan', real('toronto-pcard-2013-01.csv'), '--preset', 'pcard', '--limit', '3000', '--currency', 'CAD', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: .*toronto-pcard-2013-01\.csv: dates are read as MM-dd-yyyy: line 3, column "Transaction Date": "01-17-2013" reads only so/u);
    const flagged = await cli('scan', real('toronto-pcard-2013-01.csv'), '--preset', 'pcard', '--limit', '3000', '--currency', 'CAD', '--format', 'json', '--date-format', 'MM-dd-yyyy');
    const { findings, rejects, summary } = JSON.parse(r.out) as Record<string, unknown>;
    const given = JSON.parse(flagged.out) as Record<string, unknown>;
    expect({ findings, rejects, summary }).toEqual({ findings: given['findings'], rejects: given['rejects'], summary: given['summary'] });
    expect((summary as { analysed: number }).analysed).toBe(2880);
  });

  it('counts blank rows in the summary line, so that the rows add up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-blank-'));
    const path = join(dir, 'blank.csv');
    writeFileSync(path, 'buyer,vendor,date,amount,currency\nB,V,2019-01-02,5,USD\n,,,,\nB,V,2019-01-03,x,USD\n');
    const r = await cli('scan', path, '--threshold', '100', '--currency', 'USD', '--format', 'json');
    expect(r.err).toMatch(/^read 3 rows, analysed 1, rejected 1 \(list them with --rejects FILE\), 0 findings; 1 blank row skipped\n$/u);
  });
});

describe('outputs', () => {
  it('writes --out and --rejects files and names them in the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-'));
    const r = await cli('scan', seed('chengxi-2014.csv'), '--thresholds', join(root, 'seeds/chengxi-thresholds.json'), '--format', 'md', '--out', join(dir, 'r.md'), '--rejects', join(dir, 'rej.csv'));
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain(`rejected 2 → ${join(dir, 'rej.csv')}`);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('精神堡垒标识塔制作');
    const rejects = readFileSync(join(dir, 'rej.csv'), 'utf8');
    expect(rejects).toContain('subtotal');
    expect(rejects).toContain('credit');
  });

  it('diff warns on stderr and in the diff when the two reports were made under different rules (-q: in the diff only)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-'));
    const ledger = seed('chengxi-2014.csv');
    await cli('scan', ledger, '--threshold', '300000', '--currency', 'CNY', '-f', 'json', '-o', join(dir, 'a.json'), '-q');
    await cli('scan', ledger, '--thresholds', join(root, 'seeds/chengxi-thresholds.json'), '-f', 'json', '-o', join(dir, 'b.json'), '-q');
    const r = await cli('diff', join(dir, 'a.json'), join(dir, 'b.json'), '-o', join(dir, 'd.md'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^splitscan: warning: the two reports were made under different rules, so a finding may be new or gone because of the rules, not the ledger: thresholds only before: THRESHOLD-300000-CNY \(≥ 300,000\.00 CNY\); only after: HZ-2018-FIGURES-DECENT \(≥ 300,000\.00 CNY\), HZ-2018-FIGURES-OPEN \(≥ 1,000,000\.00 CNY\)\n$/u);
    expect(readFileSync(join(dir, 'd.md'), 'utf8')).toContain('- **Warning:** the two reports were made under different rules');
    expect((await cli('diff', join(dir, 'a.json'), join(dir, 'b.json'), '-q', '-f', 'json')).err).toBe('');
    // The same rules: nothing to say.
    expect((await cli('diff', join(dir, 'b.json'), join(dir, 'b.json'), '-o', join(dir, 'same.md'))).err).toBe('');
  });

  it('diff warns when the two reports read their files with different reading options, naming them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-'));
    const ledger = seed('chengxi-2014.csv');
    const thresholds = join(root, 'seeds/chengxi-thresholds.json');
    await cli('scan', ledger, '--thresholds', thresholds, '-f', 'json', '-o', join(dir, 'a.json'), '-q');
    await cli('scan', ledger, '--thresholds', thresholds, '--credits', 'net', '--map', 'subject=品目名称', '-f', 'json', '-o', join(dir, 'b.json'), '-q');
    const r = await cli('diff', join(dir, 'a.json'), join(dir, 'b.json'), '-f', 'json');
    expect(r.code).toBe(0);
    const message =
      'the two reports read their files with different reading options, so a finding may be new, gone or changed because of how the rows were read, not the ledger: map.subject none before, "品目名称" after; credits "reject" before, "net" after';
    expect(r.err).toBe(`splitscan: warning: ${message}\n`);
    expect(JSON.parse(r.out).warnings).toEqual([{ code: 'different_reading', message }]);
    // The defaults given as flags read the same.
    await cli('scan', ledger, '--thresholds', thresholds, '--credits', 'reject', '--lines', 'sum', '--encoding', 'auto', '-f', 'json', '-o', join(dir, 'c.json'), '-q');
    expect((await cli('diff', join(dir, 'a.json'), join(dir, 'c.json'), '-o', join(dir, 'same.md'))).err).toBe('');
  });

  it('reads several files as one ledger: parts and rejects name their file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-'));
    const header = 'id,buyer,vendor,date,amount,currency\n';
    writeFileSync(join(dir, 'a.csv'), `${header}a1,City,Acme,2019-03-01,600,EUR\na2,City,Acme,2019-03-02,oops,EUR\n`);
    writeFileSync(join(dir, 'b.csv'), `${header}b1,City,Acme,2019-03-03,600,EUR\nb2,City,Acme,2019-03-03,5,QQQ\n`);
    writeFileSync(join(dir, 't.json'), JSON.stringify([{ id: 'T', amount: '1000', currency: 'EUR', procedure: 'tender' }]));
    const r = await cli('scan', join(dir, 'a.csv'), join(dir, 'b.csv'), '--thresholds', join(dir, 't.json'), '--format', 'json', '--min-score', '0', '--rejects', join(dir, 'rej.csv'), '-q');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.findings[0].parts.map((p: { file: string; line: number }) => [p.file, p.line])).toEqual([[join(dir, 'a.csv'), 2], [join(dir, 'b.csv'), 2]]);
    expect(report.provenance.inputs.map((i: { file: string; rows: number }) => [i.file, i.rows])).toEqual([[join(dir, 'a.csv'), 2], [join(dir, 'b.csv'), 2]]);
    const rejects = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'rej.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rejects.map((x) => [x['file'], x['line'], x['code'], x['record']])).toEqual([
      [join(dir, 'a.csv'), '3', 'invalid_amount', ''],
      [join(dir, 'b.csv'), '3', 'unknown_currency', '2'],
    ]);
  });

  it('reads a file given more than once (a folder and a file in it, the same path twice) once, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-'));
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', 'a.csv'), 'id,buyer,vendor,date,amount,currency\na1,City,Acme,2019-03-01,600,EUR\na2,City,Acme,2019-03-02,600,EUR\n');
    const a = join(dir, 'd', 'a.csv');
    for (const files of [[join(dir, 'd'), a], [a, a]]) {
      const r = await cli('scan', ...files, '--threshold', '1000', '--currency', 'EUR', '--format', 'json', '--min-score', '0');
      expect(r.code, files.join(' ')).toBe(0);
      const report = JSON.parse(r.out) as { summary: { rejected: number; findings: number }; warnings: { code: string }[] };
      expect(report.summary, files.join(' ')).toMatchObject({ rejected: 0, findings: 1 });
      expect(report.warnings.map((w) => w.code), files.join(' ')).toEqual(['duplicate_input']);
      expect(r.err.split('\n')[0], files.join(' ')).toBe(`splitscan: warning: ${a}: given more than once (${files[0] === a ? a : `${a} in ${files[0]}`}, ${a}): read once`);
    }
  });

  it('refuses to write over a file it reads, or two outputs to one file (exit 2, naming the path)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-'));
    mkdirSync(join(dir, 'd'));
    const ledger = 'id,buyer,vendor,date,amount,currency\na1,City,Acme,2019-03-01,600,EUR\n';
    const a = join(dir, 'd', 'a.csv');
    writeFileSync(a, ledger);
    writeFileSync(join(dir, 'dec.csv'), 'finding_id,status,record_ids\n');
    const scan = ['scan', a, '--threshold', '1000', '--currency', 'EUR', '-q'];
    const refused: [string[], string][] = [
      [[...scan, '-o', a], `--out ${a} is a file this command reads: writing it would overwrite it; give another file`],
      [['scan', join(dir, 'd'), ...scan.slice(2), '--rejects', a], `--rejects ${a} is a file this command reads: writing it would overwrite it; give another file`],
      [[...scan, '-o', join(dir, 'same.json'), '--rejects', `${dir}/./same.json`], `--out ${join(dir, 'same.json')} and --rejects ${dir}/./same.json are the same file: give each its own`],
      [[...scan, '--decisions', join(dir, 'dec.csv'), '-o', join(dir, 'dec.csv')], `--out ${join(dir, 'dec.csv')} is the --decisions file: writing it would overwrite it; give another file`],
      [['diff', a, join(dir, 'b.json'), '-o', a], `--out ${a} is a file this command reads: writing it would overwrite it; give another file`],
    ];
    for (const [argv, message] of refused) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.split('\n')[0], argv.join(' ')).toBe(`splitscan: ${message}`);
      expect(readFileSync(a, 'utf8')).toBe(ledger);
    }
    // The register --decisions reads is where --decisions-template appends.
    expect((await cli(...scan, '--decisions', join(dir, 'dec.csv'), '--decisions-template', join(dir, 'dec.csv'), '-o', join(dir, 'r.json'))).code).toBe(0);
    // A device is no file to overwrite: both may be discarded.
    if (process.platform !== 'win32') expect((await cli(...scan, '-o', '/dev/null', '--rejects', '/dev/null')).code).toBe(0);
  });

  it('makes the folders of an output that are missing, or fails cleanly where none can be made (exit 3)', { timeout: 10_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-'));
    const scan = ['scan', seed('chengxi-2014.csv'), '--thresholds', join(root, 'seeds/chengxi-thresholds.json'), '-q', '--format', 'json'];
    expect((await cli(...scan, '-o', join(dir, 'a', 'b', 'r.json'), '--rejects', join(dir, 'a', 'rej.csv'))).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'a', 'b', 'r.json'), 'utf8')).schema).toBe('splitscan/report@1');
    // Node's recursive mkdir retried /proc/nope for ever, at full CPU.
    if (existsSync('/proc/self')) {
      const proc = await cli(...scan, '-o', '/proc/nope/x.json');
      expect(proc.code).toBe(3);
      expect(proc.err).toMatch(/^splitscan: cannot write \/proc\/nope\/x\.json: .*mkdir '\/proc\/nope'\n$/u);
    }
    const under = await cli(...scan, '-o', join(dir, 'a', 'rej.csv', 'x', 'r.json'));
    expect(under).toMatchObject({ code: 3, err: `splitscan: cannot write ${join(dir, 'a', 'rej.csv', 'x', 'r.json')}: ${join(dir, 'a', 'rej.csv')} is not a folder\n` });
  });

  it('reads OCDS JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'splitscan-'));
    const mk = (id: string, date: string, amount: number) => ({ id, date, status: 'active', value: { amount, currency: 'EUR' }, suppliers: [{ name: `S${id}` }] });
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ releases: [{ ocid: 'o-1', date: '2019-03-01', buyer: { name: 'City' }, tender: { items: [{ classification: { scheme: 'CPV', id: '79340000' } }] }, awards: [mk('a', '2019-02-01', 130000), mk('b', '2019-02-10', 125000)] }] }, null, 2));
    writeFileSync(join(dir, 't.json'), JSON.stringify([{ id: 'T', amount: '200000', currency: 'EUR', procedure: 'tender' }]));
    const r = await cli('scan', join(dir, 'p.json'), '--thresholds', join(dir, 't.json'), '--format', 'json', '-q');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).findings[0].recordIds).toEqual(['o-1/award/a', 'o-1/award/b']);
    // inspect reads it as scan does (it used to take the package for a CSV whose header was "{"),
    // and says where the standard puts each field.
    const seen = await cli('inspect', join(dir, 'p.json'));
    expect(seen.code).toBe(0);
    expect(seen.out).toContain('format    ocds: one record per contract, or per award without one');
    expect(seen.out).toContain('fields    buyer    ← buyer.name, else the party with role buyer');
    expect(seen.out).toContain('2 rows: 2 records (2 valid)');
    const json = JSON.parse((await cli('inspect', join(dir, 'p.json'), '--input-format', 'ocds', '--format', 'json')).out) as { sources: { format: string }[]; valid: number };
    expect([json.sources.map((x) => x.format), json.valid]).toEqual([['ocds'], 2]);
  });
});
