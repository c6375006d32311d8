import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { optionIssues } from '../../src/_lib/issues.js';

const schema = z.strictObject({
  list: z.array(z.strictObject({ amount: z.number(), currency: z.string() })).optional(),
  window: z.union([z.strictObject({ days: z.number() }), z.strictObject({ period: z.string(), fiscalYearStart: z.number().optional() })]).optional(),
  byCode: z.record(z.string(), z.strictObject({ rate: z.number() })).optional(),
  size: z.number().optional(),
});

const issuesOf = (value: unknown, prefix: readonly (string | number)[] = []) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('parsed');
  return optionIssues(parsed.error, schema, prefix);
};

describe('optionIssues', () => {
  it.each([
    ['top level', { sise: 1 }, ['sise'], 'unknown key "sise"; did you mean "size"?'],
    ['inside an array, with a prefix', { list: [{ amount: 1, currency: 'X' }, { amont: 1, currency: 'X' }] }, ['list', 1, 'amont'], 'unknown key "amont"; did you mean "amount"?'],
    ['inside a record', { byCode: { USD: { rte: 1 } } }, ['byCode', 'USD', 'rte'], 'unknown key "rte"; did you mean "rate"?'],
    ['a key no union member declares', { window: { dyas: 3 } }, ['window', 'dyas'], 'unknown key "dyas"; did you mean "days"?'],
    ['no near key: the known ones are listed', { window: { colour: 1 } }, ['window', 'colour'], 'unknown key "colour"; known keys: days, period, fiscalYearStart'],
  ] as const)('%s', (_what, value, path, message) => {
    const issues = issuesOf(value).filter((i) => i.path.length === path.length);
    expect(issues).toContainEqual({ path, message });
  });

  it('one issue per unknown key, prefixed', () => {
    expect(issuesOf({ sise: 1, lst: [] }, ['options'])).toEqual([
      { path: ['options', 'sise'], message: 'unknown key "sise"; did you mean "size"?' },
      { path: ['options', 'lst'], message: 'unknown key "lst"; did you mean "list"?' },
    ]);
  });

  it('keeps the message of other issues, at their path', () => {
    expect(issuesOf({ size: 'big' })).toEqual([{ path: ['size'], message: 'Invalid input: expected number, received string' }]);
    // A union whose members fail for other reasons keeps zod's union issue.
    expect(issuesOf({ window: { days: 'x' } })[0]?.path).toEqual(['window']);
  });
});
