import { describe, expect, it } from 'vitest';
import { fromOcds } from '../../../src/io/read/ocds.js';

const release = {
  ocid: 'ocds-abc-1', id: 'r2', date: '2019-05-01T00:00:00Z', tag: ['contract'],
  buyer: { id: 'GB-1', name: 'Town Council' },
  parties: [{ id: 'S1', name: 'Signs Ltd', roles: ['supplier'] }, { id: 'S2', name: 'Lights plc', roles: ['supplier'] }],
  planning: { budget: { projectID: 'P-7' } },
  tender: { id: 't1', title: 'Wayfinding', procurementMethod: 'limited', procurementMethodDetails: 'direct award', items: [{ id: 'i', classification: { scheme: 'CPV', id: '34928470' } }] },
  awards: [
    { id: 'a1', date: '2019-04-02', status: 'active', value: { amount: 90000, currency: 'GBP' }, suppliers: [{ id: 'S1' }] },
    { id: 'a2', date: '2019-04-09', status: 'active', title: 'Lighting', value: { amount: '85000.50', currency: 'GBP' }, suppliers: [{ id: 'S1' }, { id: 'S2', name: 'Lights plc' }] },
    { id: 'a3', status: 'cancelled', suppliers: [{ id: 'S1' }] },
    { id: 'a4', date: '2019-04-10', suppliers: [{ id: 'S2' }] },
  ],
  contracts: [{ id: 'c1', awardID: 'a1', title: 'Signs phase 1', dateSigned: '2019-04-05T10:00:00Z', value: { amount: 88000, currency: 'GBP' } }],
};

describe('fromOcds', () => {
  it('reads a release package: contracts first, awards without contracts, rejects with paths', () => {
    const older = { ...release, id: 'r1', date: '2019-01-01', awards: [] };
    const { records, rejects } = fromOcds({ uri: 'x', releases: [older, release] });
    expect(records).toEqual([
      { id: 'ocds-abc-1/contract/c1', buyer: 'Town Council', vendor: 'Signs Ltd', date: '2019-04-05', amount: '88000', currency: 'GBP', subject: 'Signs phase 1', category: '34928470', categoryScheme: 'CPV', project: 'P-7', method: 'limited', methodDetails: 'direct award', document: 'c1', ocid: 'ocds-abc-1' },
      { id: 'ocds-abc-1/award/a2', buyer: 'Town Council', vendor: 'Signs Ltd; Lights plc', date: '2019-04-09', amount: '85000.5', currency: 'GBP', subject: 'Lighting', category: '34928470', categoryScheme: 'CPV', project: 'P-7', method: 'limited', methodDetails: 'direct award', document: 'a2', ocid: 'ocds-abc-1' },
    ]);
    expect(rejects.map((r) => [r.code, r.path.join('.')])).toEqual([
      ['not_a_purchase', 'releases.1.awards.2.status'],
      ['missing', 'releases.1.awards.3.value'],
    ]);
  });

  it('rejects every entry that is not an object, at its path, instead of skipping it', () => {
    const withGaps = { ...release, awards: [null, ...release.awards], contracts: [5, ...release.contracts] };
    const { records, rejects } = fromOcds({ releases: [null, withGaps, 'x'] });
    // The awards and contracts keep their own indexes in the paths.
    expect(records.map((r) => r.id)).toEqual(['ocds-abc-1/contract/c1', 'ocds-abc-1/award/a2']);
    expect(rejects.map((r) => [r.code, r.path.join('.'), r.message])).toEqual([
      ['not_an_object', 'releases.0', 'releases[0] is null, not an object'],
      ['not_an_object', 'releases.2', 'releases[2] is string, not an object'],
      ['not_an_object', 'releases.1.awards.0', 'releases[1].awards[0] is null, not an object'],
      ['not_an_object', 'releases.1.contracts.0', 'releases[1].contracts[0] is number, not an object'],
      ['not_a_purchase', 'releases.1.awards.3.status', 'ocds-abc-1/award/a3: award is cancelled'],
      ['missing', 'releases.1.awards.4.value', 'ocds-abc-1/award/a4: award has no value'],
    ]);
    expect(fromOcds([null, release]).rejects[0]).toMatchObject({ code: 'not_an_object', path: [0] });
    expect(fromOcds({ records: [7] }).rejects[0]).toMatchObject({ code: 'not_an_object', path: ['records', 0] });
  });

  it('reads record packages (compiledRelease) and bare releases alike', () => {
    const a = fromOcds({ records: [{ ocid: 'ocds-abc-1', releases: [{ url: 'http://x' }], compiledRelease: release }] });
    const b = fromOcds(release);
    const c = fromOcds([release]);
    expect(a.records).toEqual(b.records);
    expect(c.records).toEqual(b.records);
    expect(a.records).toHaveLength(2);
  });

  it('names the option and the flag that give a value without a currency one', () => {
    const { rejects } = fromOcds({ ...release, awards: [{ ...release.awards[1], value: { amount: 5 } }], contracts: [] });
    expect(rejects.map((r) => r.message)).toEqual(['ocds-abc-1/award/a2: value has no currency (give a default currency: option currency; the command: --currency CODE)']);
  });

  it('finds the buyer among parties or the procuring entity and refuses non-OCDS', () => {
    const { buyer: _b, ...noBuyer } = release;
    const r = fromOcds({ ...noBuyer, parties: [...release.parties, { id: 'B', name: 'Via Party', roles: ['buyer'] }] });
    expect(r.records[0]?.buyer).toBe('Via Party');
    expect(() => fromOcds({ foo: 1 })).toThrow(/not OCDS/);
  });
});
