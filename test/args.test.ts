/**
 * A caller without TypeScript's types (plain JavaScript, JSON from elsewhere) who passes null or a
 * wrong-typed argument to an exported function gets an `OptionsError` naming the function and the
 * argument — or an `InputError` when the argument is a document (text, bytes, records) — never a
 * raw `TypeError` from deep inside.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index.js';
import * as node from '../src/node.js';
import * as review from '../src/review/index.js';
import * as simulate from '../src/simulate.js';

/** The exports called with what their types forbid. */
const c = core as unknown as Record<string, (...args: unknown[]) => unknown>;
const n = node as unknown as Record<string, (...args: unknown[]) => unknown>;
const r = review as unknown as Record<string, (...args: unknown[]) => unknown>;
const s = simulate as unknown as Record<string, (...args: unknown[]) => unknown>;

const report = { schema: 'splitscan/report@1', summary: {}, findings: [] };

/** [function, its arguments, the error expected: an option's or a document's]. */
const CASES: readonly (readonly [string, (...args: unknown[]) => unknown, readonly unknown[], 'options' | 'input'])[] = [
  // splitscan
  ['inspectLedger', c.inspectLedger!, [null], 'options'],
  ['inspectLedger', c.inspectLedger!, [{}], 'options'],
  ['combineLedgers', c.combineLedgers!, [null], 'options'],
  ['combineLedgers', c.combineLedgers!, [[{}]], 'options'],
  ['locateRejects', c.locateRejects!, [null, { lines: [] }], 'options'],
  ['locateRejects', c.locateRejects!, [[], null], 'options'],
  ['parseAmount', c.parseAmount!, [5], 'options'],
  ['parseAmount', c.parseAmount!, [null], 'options'],
  ['parseAmount', c.parseAmount!, ['5', null], 'options'],
  ['parseDate', c.parseDate!, [5], 'options'],
  ['parseDate', c.parseDate!, [null], 'options'],
  ['parseDate', c.parseDate!, ['2019-01-02', 5], 'options'],
  ['parseCsv', c.parseCsv!, [null], 'input'],
  ['parseCsv', c.parseCsv!, ['a,b', null], 'options'],
  ['detectDelimiter', c.detectDelimiter!, [null], 'input'],
  ['detectEncoding', c.detectEncoding!, [null], 'input'],
  ['decodeText', c.decodeText!, ['text'], 'input'],
  ['parseColumnMap', c.parseColumnMap!, [null], 'options'],
  ['resolveColumns', c.resolveColumns!, [null], 'options'],
  ['subjectTokens', c.subjectTokens!, [null], 'options'],
  ['subjectTokens', c.subjectTokens!, [5], 'options'],
  ['textSimilarity', c.textSimilarity!, [null, 'a', []], 'options'],
  ['textSimilarity', c.textSimilarity!, ['a', 'b', null], 'options'],
  ['normalizeText', c.normalizeText!, [null], 'options'],
  ['vendorKey', c.vendorKey!, [null], 'options'],
  ['vendorTrade', c.vendorTrade!, [null], 'options'],
  ['categoryKey', c.categoryKey!, [5], 'options'],
  ['presetKey', c.presetKey!, [null], 'options'],
  ['fingerprint', c.fingerprint!, [null, null], 'options'],
  ['fingerprint', c.fingerprint!, ['t', null], 'options'],
  ['fromOcds', c.fromOcds!, [{ releases: [] }, null], 'options'],
  ['buildReport', c.buildReport!, [{}], 'options'],
  ['buildReport', c.buildReport!, [null], 'options'],
  ['formatReport', c.formatReport!, [null, 'md'], 'options'],
  ['formatReport', c.formatReport!, [{}, 'csv'], 'options'],
  ['neutralizeCell', c.neutralizeCell!, [null], 'options'],
  ['recordsToCsv', c.recordsToCsv!, [null], 'input'],
  ['rejectsToCsv', c.rejectsToCsv!, [null], 'options'],
  // splitscan/review
  ['toHtml', r.toHtml!, [null], 'options'],
  ['toHtml', r.toHtml!, [{}], 'options'],
  ['toHtml', r.toHtml!, [report, null], 'options'],
  ['readDecisions', r.readDecisions!, [null], 'input'],
  ['readDecisions', r.readDecisions!, ['[]', null], 'options'],
  ['decisionsToCsv', r.decisionsToCsv!, [null], 'options'],
  ['decisionsToJson', r.decisionsToJson!, [null], 'options'],
  ['diffReports', r.diffReports!, [null, report], 'options'],
  ['diffReports', r.diffReports!, [{}, {}], 'options'],
  ['applyDecisions', r.applyDecisions!, [null, []], 'options'],
  ['applyDecisions', r.applyDecisions!, [report, null], 'options'],
  ['decisionsTemplate', r.decisionsTemplate!, [{}], 'options'],
  ['buyerCoverage', r.buyerCoverage!, [null, { thresholds: [] }], 'input'],
  ['buyerCoverage', r.buyerCoverage!, [[], null], 'options'],
  ['flagRates', r.flagRates!, [{}], 'options'],
  ['flagRates', r.flagRates!, [report, null], 'options'],
  ['formatDiff', r.formatDiff!, [null, 'md'], 'options'],
  // splitscan/simulate
  ['evaluate', s.evaluate!, [null, null], 'options'],
  ['evaluate', s.evaluate!, [{ findings: [] }, null], 'options'],
  // splitscan/node
  ['loadLedger', n.loadLedger!, [42], 'options'],
  ['loadLedger', n.loadLedger!, [{}], 'options'],
  ['loadLedgers', n.loadLedgers!, [null], 'options'],
  ['loadLedgers', n.loadLedgers!, [[5]], 'options'],
  ['loadOcds', n.loadOcds!, [5], 'options'],
];

describe('wrong-typed arguments', () => {
  it.each(CASES.map(([fn, call, args, kind]) => [`${fn}(${args.map((a) => JSON.stringify(a)).join(', ')})`, fn, call, args, kind] as const))(
    '%s throws a splitscan error naming the function',
    async (_label, fn, call, args, kind) => {
      let error: unknown;
      try {
        await call(...args);
      } catch (e) {
        error = e;
      }
      expect(error, 'nothing was thrown').toBeDefined();
      expect({ options: core.isOptionsError(error), input: core.isInputError(error) }[kind], String(error)).toBe(true);
      expect((error as Error).message.startsWith(`${fn}: `), (error as Error).message).toBe(true);
    },
  );

  it('names the argument and what it was, not an option', () => {
    expect(() => c.formatReport!(null, 'md')).toThrow('formatReport: report: must be a report from buildReport, got null');
    expect(() => c.formatReport!({ findings: [] }, 'md')).toThrow('formatReport: report.summary: must be an object, as in a report from buildReport, got undefined');
    expect(() => c.combineLedgers!([{}])).toThrow('combineLedgers: ledgers.0.lines: must be an array');
    expect(() => c.parseAmount!('5', null)).toThrow('parseAmount: options: must be an object of options, got null');
  });

  it('formatDiff refuses a format it does not write, as formatReport does', () => {
    const diff = review.diffReports(report as never, report as never);
    expect(() => r.formatDiff!(diff, 'xml')).toThrow(`formatDiff: options.format: must be one of 'md', 'html', 'json', got "xml"`);
  });
});

describe('loadLedger: a stream is not standard input', () => {
  it('gives a stream no file name, and says "a stream" when it cannot be read', async () => {
    const ledger = await node.loadLedger(Readable.from([Buffer.from('id,buyer,vendor,date,amount,currency\na,B,V,2019-01-01,1,EUR\n')]));
    expect(ledger.sources[0]?.file).toBeUndefined();
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('id,buyer');
        throw new Error('connection reset');
      })(),
    );
    await expect(node.loadLedger(failing)).rejects.toThrow('cannot read a stream: connection reset');
  });
});
