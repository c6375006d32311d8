/**
 * Rules without JSON: an ad-hoc `--threshold`, a preset's `--tier`, a preset's grouping with your
 * own thresholds, and the exclusion flags.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repo } from './_run.js';

const dir = mkdtempSync(join(tmpdir(), 'splitscan-policy-'));
const ledger = (name: string, rows: readonly string[]) => {
  writeFileSync(join(dir, name), `id,buyer,vendor,date,amount,currency,category,subject\n${rows.join('\n')}\n`);
  return join(dir, name);
};
const findings = async (argv: readonly string[]) => {
  const r = await cli([...argv, '--format', 'json', '-q']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as { findings: { recordIds: string[]; threshold: { id: string; procedure: string; comparison: string } }[] }).findings;
};

describe('--threshold AMOUNT --currency CODE', () => {
  const file = ledger('adhoc.csv', ['a,Council,Acme,2024-03-01,2500,GBP,,chairs', 'b,Council,Acme,2024-03-04,2500,GBP,,chairs', 'c,Council,Beta,2024-03-05,2500,GBP,,desks']);

  it('judges by one limit of your own, with the procedure it requires', async () => {
    const [f, ...more] = await findings(['scan', file, '--threshold', '5000', '--currency', 'GBP', '--procedure', 'three written quotes']);
    expect(more).toEqual([]);
    expect(f?.threshold).toMatchObject({ id: 'THRESHOLD-5000-GBP', procedure: 'three written quotes', comparison: 'atOrAbove' });
  });

  it('compares at or above by default, strictly above with --comparison above', async () => {
    expect(await findings(['scan', file, '--threshold', '5000', '--currency', 'GBP', '--vendor', 'same'])).toHaveLength(1); // 2,500 + 2,500 = 5,000
    expect(await findings(['scan', file, '--threshold', '5000', '--currency', 'GBP', '--vendor', 'same', '--comparison', 'above'])).toEqual([]);
  });

  it("keeps a policy preset's grouping", async () => {
    // us-far-13 needs the same vendor: Acme's two purchases cross 4,000, Acme and Beta would cross 4,000 together too.
    const same = await findings(['scan', file, '--preset', 'us-far-13', '--threshold', '4000', '--currency', 'GBP', '--min-score', '0']);
    expect(same.map((f) => f.recordIds)).toEqual([['a', 'b']]);
  });
});

describe('--tier', () => {
  // A sub-central limit of 214,904 GBP (2024); central government's is 139,688.
  const file = ledger('council.csv', ['c1,City Council,Acme,2024-03-01,135000,GBP,79400000,consultancy', 'c2,City Council,Acme,2024-03-02,60000,GBP,79400000,consultancy']);

  it("judges a council at the sub-central tier, not at central government's", async () => {
    const all = await findings(['scan', file, '--preset', 'uk-pa2023', '--min-score', '0']);
    expect(all.map((f) => f.threshold.id)).toEqual(['UK-2024-central']);
    expect(await findings(['scan', file, '--preset', 'uk-pa2023', '--tier', 'sub-central', '--min-score', '0'])).toEqual([]);
    expect((await findings(['scan', file, '--preset', 'uk-pa2023', '--tier', 'central', '--min-score', '0'])).map((f) => f.threshold.id)).toEqual(['UK-2024-central']);
  });
});

describe('a preset with your own thresholds', () => {
  it("uses the preset's grouping and the file's thresholds and currency", async () => {
    const thresholds = join(dir, 'local.json');
    writeFileSync(thresholds, JSON.stringify([{ id: 'LOCAL', amount: '400000', currency: 'CNY', procedure: 'local tender', comparison: 'above' }]));
    const found = await findings(['scan', repo('seeds/chengxi-2014.csv'), '--preset', 'cn-gpl-art28', '--thresholds', thresholds]);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.threshold.id).toBe('LOCAL');
  });
});

describe('exclusions', () => {
  const file = ledger('cards.csv', [
    't1,4417-0001,DELTA HOTELS,2019-05-02,900,USD,7011,room',
    't2,4417-0001,DELTA HOTELS,2019-05-02,900,USD,7011,room',
    't3,4417-0001,DELTA HOTELS,2019-05-02,900,USD,7011,room',
    't4,4417-0002,GRAINGER #0871,2019-05-02,1600,USD,5085,gloves',
    't5,4417-0002,GRAINGER #0871,2019-05-02,1600,USD,5085,boots',
    't6,4417-0003,Various,2019-05-02,1600,USD,5999,misc',
    't7,4417-0003,VARIOUS,2019-05-02,1600,USD,5999,misc',
    't8,4417-0004,Acme Supply,2019-05-02,1600,USD,5999,x',
    't9,4417-0004,Acme Supply,2019-05-02,1600,USD,5999,y',
  ]);
  const pcard = ['scan', file, '--preset', 'pcard', '--limit', '2000', '--currency', 'USD'];
  const ids = async (argv: readonly string[]) => (await findings(argv)).map((f) => f.recordIds.join('+')).sort();

  it('pcard leaves hotels out and never joins "Various"', async () => {
    expect(await ids(pcard)).toEqual(['t4+t5', 't8+t9']);
  });
  it('--exclude-category none puts travel back; a prefix adds to the preset\'s', async () => {
    expect(await ids([...pcard, '--exclude-category', 'none'])).toEqual(['t1+t2+t3', 't4+t5', 't8+t9']);
    expect(await ids([...pcard, '--exclude-category', '508'])).toEqual(['t8+t9']);
    expect(await ids([...pcard, '--exclude-category', 'none,508'])).toEqual(['t1+t2+t3', 't8+t9']);
  });
  it('--exclude-vendor takes a vendor as vendors compare (case, punctuation, legal form)', async () => {
    expect(await ids([...pcard, '--exclude-vendor', 'grainger 0871', '--exclude-vendor', 'ACME SUPPLY LTD'])).toEqual([]);
  });
  it('--exclude-vendor NAME* takes every branch of a chain (GRAINGER #0871, #0872 …)', async () => {
    expect(await ids([...pcard, '--exclude-vendor', 'Grainger*'])).toEqual(['t8+t9']);
  });
  it("--skip-method adds a method to the preset's: a disputed charge booked as a recovery is never a part", async () => {
    // Toronto's purchase cards: a double charge disputed with the bank comes back as rows of its own,
    // booked to "PCARD RECOVERIES" (the "Exp Type Desc" column), the same day, vendor and amounts.
    const file = join(dir, 'disputed.csv');
    writeFileSync(file, `id,buyer,vendor,date,amount,currency,subject,expense type\n${[
      'd1,BUILDING,THE BLOOR STREET DINER,2015-12-02,2919.58,CAD,CATERING FOR MANAGERS MEETING,BUSINESS MEETING EXPENSES',
      'd2,BUILDING,THE BLOOR STREET DINER,2015-12-02,51.09,CAD,CATERING FOR MANAGERS MEETING,BUSINESS MEETING EXPENSES',
      'd3,BUILDING,THE BLOOR STREET DINER,2015-12-02,51.09,CAD,DISPUTED,PCARD RECOVERIES',
      'd4,BUILDING,THE BLOOR STREET DINER,2015-12-02,2919.58,CAD,DISPUTED,PCARD RECOVERIES',
    ].join('\n')}\n`);
    const card = ['scan', file, '--preset', 'pcard', '--limit', '3000', '--currency', 'CAD', '--map', 'method=expense type'];
    expect(await ids(card)).toEqual(['d1+d2+d3+d4']);
    expect(await ids([...card, '--skip-method', 'pcard recoveries'])).toEqual([]);
    // Added to the policy's list, not instead of it: under the default policy an open tender is
    // still never a part (pcard's list is empty: card, merchant and day alone decide).
    const tendered = join(dir, 'tendered.csv');
    writeFileSync(tendered, 'id,buyer,vendor,date,amount,currency,subject,method\nx1,BUILDING,ACME,2015-12-02,2000,CAD,chairs,open tender\nx2,BUILDING,ACME,2015-12-02,2000,CAD,chairs,PCARD RECOVERIES\nx3,BUILDING,ACME,2015-12-02,2000,CAD,chairs,\n');
    const own = ['scan', tendered, '--threshold', '3000', '--currency', 'CAD', '--min-score', '0'];
    expect(await ids(own)).toEqual(['x2+x3']);
    expect(await ids([...own, '--skip-method', 'PCARD RECOVERIES'])).toEqual([]);
  });
  it('--placeholder-vendor adds a name to the placeholders', async () => {
    expect(await ids([...pcard, '--placeholder-vendor', 'Acme Supply'])).toEqual(['t4+t5']);
  });
});

describe('--vat BASIS:RATE', () => {
  // Two net purchases of 95,000 GBP in 2023 against the sub-central limit including VAT (213,477).
  const file = ledger('vat.csv', ['v1,City Council,Acme,2023-03-01,95000,GBP,30190000,office furniture', 'v2,City Council,Acme,2023-03-08,95000,GBP,30190000,office furniture']);
  const scan = ['scan', file, '--preset', 'uk-pa2023', '--tier', 'sub-central', '--min-score', '0'];

  it('puts a limit on the file\'s VAT basis, as the vat option does, and the report keeps it', async () => {
    expect(await findings(scan)).toEqual([]);
    const r = await cli([...scan, '--vat', 'NET:0.2', '--format', 'json', '-q']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { findings: { recordIds: string[]; threshold: { amount: string; vat: string } }[]; provenance: { options: { vat: unknown } } };
    expect(report.findings.map((f) => [f.recordIds, f.threshold.amount, f.threshold.vat])).toEqual([[['v1', 'v2'], '177897.50', 'net']]);
    expect(report.provenance.options.vat).toEqual({ amounts: 'net', rate: '0.2' });
  });

  it.each([
    [['--vat', '0.2'], '--vat 0.2: expected net:RATE or gross:RATE'],
    [['--vat', 'net:20'], '--vat rate: rate must be a fraction in [0, 1)'],
  ])('refuses %j, naming the flag (exit 2)', async (flags, message) => {
    const r = await cli([...scan, ...flags, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`splitscan: ${message}`);
  });
});

describe('--rate CODE=RATE', () => {
  // 2,900 EUR + 2,000 GBP: 4,900 EUR without the pound's rate, 5,240 EUR at 1.17 EUR per pound.
  const file = ledger('rates.csv', ['e1,Museum,Acme,2024-03-04,2900,EUR,,display cases', 'g1,Museum,Acme,2024-03-11,2000,GBP,,display cases', 'u1,Museum,Beta,2024-06-01,100,USD,,leaflets', 'e2,Museum,Gamma,2024-08-01,300,EUR,,paper', 'e3,Museum,Gamma,2024-10-01,300,EUR,,paper']);
  const scan = ['scan', file, '--threshold', '5000', '--currency', 'EUR'];

  it('converts rows in another currency, as the rates option does, and the report keeps the rates', async () => {
    const r = await cli([...scan, '--rate', 'gbp=1.17', '--rate', 'USD=0.92', '--format', 'json', '-q']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { findings: { recordIds: string[]; total: string }[]; summary: { rejected: number }; provenance: { options: { rates: Record<string, string> } } };
    expect(report.findings.map((f) => [f.recordIds, f.total])).toEqual([[['e1', 'g1'], '5240.00']]);
    expect(report.summary.rejected).toBe(0);
    expect(report.provenance.options.rates).toEqual({ GBP: '1.17', USD: '0.92' });
  });

  it('overrides the rate of an --options file, one currency at a time', async () => {
    const options = join(dir, 'rates.json');
    writeFileSync(options, JSON.stringify({ thresholds: [{ id: 'T', amount: '5000', currency: 'EUR', procedure: 'a tender' }], rates: { GBP: '1.0', USD: '0.92' } }));
    const from = async (extra: readonly string[]) => (await findings(['scan', file, '--options', options, ...extra])).map((f) => f.recordIds);
    expect(await from([])).toEqual([]); // 2,900 + 2,000 at 1.0 = 4,900 EUR
    expect(await from(['--rate', 'GBP=1.17'])).toEqual([['e1', 'g1']]);
  });

  it('says which rows a missing rate leaves out, and the flag that brings them in, however few', async () => {
    const r = await cli([...scan, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toContain("splitscan: warning: 1 row in GBP, 1 in USD have no exchange rate to EUR and are left out — give each currency's rate: --rate GBP=… --rate USD=… (units of EUR per 1 GBP, and so on)");
    expect((JSON.parse(r.out) as { warnings: { code: string }[] }).warnings.map((w) => w.code)).toContain('missing_rates');
  });

  it.each([
    [['--rate', 'GBP'], '--rate GBP: expected CODE=RATE'],
    [['--rate', 'XX=2'], '--rate XX=2: "XX" is not an ISO 4217 currency code'],
    [['--rate', 'GBP=1.1', '--rate', 'gbp=1.2'], '--rate GBP is given twice (1.1 and 1.2)'],
    [['--rate', 'GBP=-1'], '--rate GBP: rate must be a positive decimal'],
    [['--rate', 'GBP=0.1234567890123'], '--rate GBP: rate must be a positive decimal below 10^12 with at most 12 decimal places'],
  ])('refuses %j, naming the flag (exit 2)', async (flags, message) => {
    const r = await cli([...scan, ...flags, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`splitscan: ${message}`);
  });

  it('says it in the warning on rejects when they are half the rows or more', async () => {
    const r = await cli(['scan', ledger('mostly-gbp.csv', ['g1,Museum,Acme,2024-03-11,2000,GBP,,display cases', 'e1,Museum,Acme,2024-03-04,2900,EUR,,display cases']), ...scan.slice(2), '--format', 'json']);
    expect(r.err).toContain("1 of 2 rows rejected: no_exchange_rate 1 (e.g. line 2: currency GBP has no exchange rate to EUR: give the rate of GBP (units of EUR per 1 GBP)) — give its rate: --rate GBP=… (units of EUR per 1 GBP)");
    expect(r.err).not.toContain('left out');
  });

  it('names --rate when a threshold is in a currency with no rate', async () => {
    const thresholds = join(dir, 'gbp-thresholds.json');
    writeFileSync(thresholds, JSON.stringify([{ id: 'T-EUR', amount: '5000', currency: 'EUR', procedure: 'a tender' }, { id: 'T-GBP', amount: '4000', currency: 'GBP', procedure: 'a tender' }]));
    const r = await cli(['scan', file, '--thresholds', thresholds, '--currency', 'EUR', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('splitscan: --rate GBP: threshold "T-GBP" is in GBP, the report currency is EUR: give the rate of GBP (units of EUR per 1 GBP)');
  });
});

describe('--preset pcard --limit', () => {
  it("names the flag the card's limit came from, not the library call", async () => {
    const file = ledger('card.csv', ['c1,Parks,Acme,2024-03-01,2000,CAD,,chairs', 'c2,Parks,Acme,2024-03-01,1500,CAD,,chairs']);
    const r = await cli(['scan', file, '--preset', 'pcard', '--limit', '3000', '--currency', 'CAD', '--format', 'json', '-q']);
    const report = JSON.parse(r.out) as { findings: { threshold: { source: string } }[] };
    expect(report.findings.map((f) => f.threshold.source)).toEqual(['single-transaction limit given on the command line (--limit)']);
  });
});

describe('--fiscal-year-start', () => {
  const file = ledger('fy.csv', ['f1,Council,Acme,2024-03-01,2500,GBP,,chairs']);
  const windowOf = async (argv: readonly string[]) => {
    const r = await cli([...argv, '--format', 'json', '-q']);
    expect(r.code).toBe(0);
    return (JSON.parse(r.out) as { provenance: { options: { window: unknown } } }).provenance.options.window;
  };

  it("moves the start of --window fiscal-year, or of a preset's fiscal-year window", async () => {
    expect(await windowOf(['scan', file, '--threshold', '5000', '--currency', 'GBP', '--window', 'fiscal-year', '--fiscal-year-start', '4'])).toEqual({ period: 'fiscalYear', fiscalYearStart: 4 });
    expect(await windowOf(['scan', file, '--preset', 'cn-gpl-art28', '--rate', 'GBP=9', '--fiscal-year-start', '4'])).toEqual({ period: 'fiscalYear', fiscalYearStart: 4 });
  });

  it('is refused where no window is a fiscal year, rather than doing nothing (exit 2)', async () => {
    const r = await cli(['scan', file, '--threshold', '5000', '--currency', 'GBP', '--fiscal-year-start', '4']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('splitscan: --fiscal-year-start 4 goes with a fiscal-year window (--window fiscal-year, or a preset that has one)');
  });
});
