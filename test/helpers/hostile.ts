/**
 * Reusable fast-check generators of hostile input for the fuzz suite (test/fuzz/): values of every
 * type a caller might pass where a record field or an option is expected, records that throw when
 * read, and numbers at and past the edges of what the library accepts.
 *
 * Records are generated as *specs*, plain data that fast-check can print and shrink, and built by
 * {@link materialize}: getters, Proxies, revoked Proxies and Dates are made fresh for each run, and
 * Dates from their local calendar fields in the zone the run is in (a `Date` is read by its local
 * fields, so only a Date made in the zone means the same day in every zone).
 */
import fc from 'fast-check';
import type { DetectSplitsOptions } from '../../src/options/options.js';
import { REASON_CODES } from '../../src/options/reasons.js';

/** Weights from 0 through subnormals and ordinary values to the largest double. */
export const extremeWeightArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, Number.MIN_VALUE, 1e-320, 1e-300, 1, 3, 1e300, 1e308, Number.MAX_VALUE),
  fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 10, noNaN: true }),
);

// ----- Values -------------------------------------------------------------------------------------

/** A value of any kind, as data. */
export type ValueSpec =
  | { readonly kind: 'plain'; readonly value: string | number | boolean | bigint | null | undefined }
  | { readonly kind: 'symbol'; readonly description: string }
  /** A Date made from local calendar fields (at noon) in the zone of the run; years set as written. */
  | { readonly kind: 'localDate'; readonly year: number; readonly month: number; readonly day: number }
  /** A Date at a UTC instant: its local calendar date depends on the zone. */
  | { readonly kind: 'instant'; readonly ms: number }
  | { readonly kind: 'object' }
  | { readonly kind: 'array' }
  | { readonly kind: 'stringObject'; readonly value: string }
  | { readonly kind: 'revokedProxy' }
  | { readonly kind: 'proxyOf'; readonly of: ValueSpec }
  | { readonly kind: 'throwingToString' };

/** Builds a value from its spec (fresh objects each time). */
export function value(spec: ValueSpec): unknown {
  switch (spec.kind) {
    case 'plain':
      return spec.value;
    case 'symbol':
      return Symbol(spec.description);
    case 'localDate': {
      const d = new Date(2000, 0, 1, 12);
      d.setFullYear(spec.year, spec.month - 1, spec.day);
      return d;
    }
    case 'instant':
      return new Date(spec.ms);
    case 'object':
      return { value: 1 };
    case 'array':
      return ['2014-11-03'];
    case 'stringObject':
      // eslint-disable-next-line no-new-wrappers
      return new String(spec.value);
    case 'revokedProxy': {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }
    case 'proxyOf': {
      const target = value(spec.of);
      return typeof target === 'object' && target !== null ? new Proxy(target, {}) : target;
    }
    case 'throwingToString':
      return {
        toString() {
          throw new Error('toString');
        },
        [Symbol.toPrimitive]() {
          throw new Error('toPrimitive');
        },
      };
  }
}

/** Text that Unicode makes hard: zero-width, bidi, lone surrogates, NFKC-changing, combining marks. */
export const trickyTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'City Hall', 'city  hall', 'ＣＩＴＹ　ＨＡＬＬ', 'City\u200BHall', '\u200B\u00AD', '\u202ECity Hall\u202C', 'ﬁnance ofﬁce', '①②③',
    'Café', 'Cafe\u0301', '\uD800', '\uDC00abc', '杭州市', '杭州市\u3000', '...', '★', '', '   ', 'Acme Ltd', 'ACME LIMITED', '\uFEFFAcme',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** Amount texts and numbers: ordinary, at the bounds, past them, with huge and tiny exponents. */
export const hostileAmountArb: fc.Arbitrary<ValueSpec> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('600', '600', '500', '400.50', '999.99', '1000', '6e2', '0.6E3', '0', ' 700 ', 500, 450.5, 600).map((v): ValueSpec => ({ kind: 'plain', value: v })) },
  fc
    .constantFrom(
      '1e-100000000', '1e-10000000', '1e+99999999999999999999', '1e18', '999999999999999999.9999999999', '0.0000000001', '1e-11',
      `499.${'9'.repeat(70)}`, '-1', '-1e-100000000', '1.2.3', 'NaN', 'Infinity', '0x10', '1_000', '١٢٣', '６００',
    )
    .map((v): ValueSpec => ({ kind: 'plain', value: v })),
  fc.constantFrom(600, 0.1 + 0.2, 1e300, 5e-324, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e-10, 123456789012345680000).map((v): ValueSpec => ({ kind: 'plain', value: v })),
  fc.double().map((v): ValueSpec => ({ kind: 'plain', value: v })),
);

/** Dates: ordinary strings near the skipped days of Kiribati and Samoa, impossible ones, years 0–10000, Dates. */
export const hostileDateArb: fc.Arbitrary<ValueSpec> = fc.oneof(
  // Inside the validity of the thresholds of test/helpers/arbitraries.ts (20 Jan – 10 Mar 2014), across a change on 15 Feb.
  { weight: 12, arbitrary: fc.integer({ min: 13, max: 16 }).map((d): ValueSpec => ({ kind: 'plain', value: `2014-02-${d}` })) },
  fc
    .constantFrom(
      '1994-12-30', '1994-12-31', '1995-01-01', '2011-12-29', '2011-12-30', '2011-12-31', '0000-01-01', '0001-01-01', '0050-12-28', '0051-01-01',
      '9999-12-31', '2014-02-29', '2016-02-29', '2014-02-13T23:30:00-08:00', '2014-02-14T00:30:00+14:00', '2014-02-15 08:15', '03/11/2014', '+010000-01-01',
    )
    .map((v): ValueSpec => ({ kind: 'plain', value: v })),
  fc
    .record({ year: fc.oneof(fc.constantFrom(-1, 0, 1, 50, 99, 100, 1994, 2011, 9999, 10_000), fc.constant(2014)), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    .map((f): ValueSpec => ({ kind: 'localDate', ...f })),
  fc.integer({ min: 10, max: 19 }).map((day): ValueSpec => ({ kind: 'localDate', year: 2014, month: 2, day })),
  fc.constantFrom(8.64e15, -8.64e15, 0, Date.UTC(2014, 1, 14)).map((ms): ValueSpec => ({ kind: 'instant', ms })),
  fc.constant<ValueSpec>({ kind: 'plain', value: 20141103 }),
);

/** A value of any other kind: the wrong type for every field. */
export const anyValueArb: fc.Arbitrary<ValueSpec> = fc.oneof(
  fc.oneof(fc.string({ maxLength: 8 }), fc.double(), fc.boolean(), fc.bigInt(), fc.constantFrom(null, undefined)).map((v): ValueSpec => ({ kind: 'plain', value: v })),
  fc.string({ maxLength: 4 }).map((description): ValueSpec => ({ kind: 'symbol', description })),
  fc.constantFrom<ValueSpec>({ kind: 'object' }, { kind: 'array' }, { kind: 'revokedProxy' }, { kind: 'throwingToString' }, { kind: 'instant', ms: Number.NaN }),
  fc.string({ maxLength: 6 }).map((v): ValueSpec => ({ kind: 'stringObject', value: v })),
  fc.constantFrom<ValueSpec>({ kind: 'proxyOf', of: { kind: 'localDate', year: 2014, month: 2, day: 14 } }, { kind: 'proxyOf', of: { kind: 'object' } }),
);

// ----- Records ------------------------------------------------------------------------------------

/** How a field of a record is present: absent, a value, or a getter that throws. */
export type FieldSpec = { readonly kind: 'absent' } | { readonly kind: 'value'; readonly value: ValueSpec } | { readonly kind: 'throwingGetter' };

/** A record, or something in its place. */
export type RecordSpec =
  | { readonly kind: 'record'; readonly fields: Readonly<Record<string, FieldSpec>>; readonly proxied: boolean }
  | { readonly kind: 'notRecord'; readonly value: ValueSpec }
  | { readonly kind: 'throwingProxy'; readonly trap: 'get' | 'ownKeys' | 'getPrototypeOf' | 'has' };

const text = (arb: fc.Arbitrary<string>): fc.Arbitrary<FieldSpec> => arb.map((v) => ({ kind: 'value', value: { kind: 'plain', value: v } }));

/** A field of a clean record: the ordinary `arb`, or absent when it is optional (`ordinary` below 12). */
const cleanArb = (arb: fc.Arbitrary<FieldSpec>, ordinary = 12): fc.Arbitrary<FieldSpec> =>
  ordinary >= 12 ? arb : fc.oneof({ weight: ordinary, arbitrary: arb }, { weight: 12 - ordinary, arbitrary: fc.constant<FieldSpec>({ kind: 'absent' }) });

/** A field of a hostile record: mostly the ordinary `arb`, sometimes absent, a value of another kind, or a throwing getter. */
const fieldArb = (arb: fc.Arbitrary<FieldSpec>, ordinary = 12): fc.Arbitrary<FieldSpec> =>
  fc.oneof(
    { weight: ordinary, arbitrary: arb },
    { weight: 1, arbitrary: fc.constant<FieldSpec>({ kind: 'absent' }) },
    { weight: 1, arbitrary: anyValueArb.map((v): FieldSpec => ({ kind: 'value', value: v })) },
    { weight: 1, arbitrary: fc.constant<FieldSpec>({ kind: 'throwingGetter' }) },
  );

/** Stands for an id unique to the record's position in the generated ledger (see {@link hostileLedgerArb}). */
const UNIQUE_ID = '\u0000unique';

/** Mostly unique ids; else ids from a small pool (so ids repeat), as strings and numbers. */
const idArb: fc.Arbitrary<FieldSpec> = fc.oneof(
  { weight: 8, arbitrary: text(fc.constant(UNIQUE_ID)) },
  text(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', ' A ', '\u200BA', 'ａ')),
  fc.integer({ min: 1, max: 8 }).map((n): FieldSpec => ({ kind: 'value', value: { kind: 'plain', value: n } })),
  text(fc.string({ maxLength: 4 })),
);

/** A record's fields; `wrap` decides how often a field is absent, of another type or a throwing getter. */
const recordFieldsArb = (wrap: (arb: fc.Arbitrary<FieldSpec>, ordinary?: number) => fc.Arbitrary<FieldSpec>) =>
  fc.record({
  id: wrap(idArb),
  buyer: wrap(text(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('City Hall', 'City Hall', 'City Hall', 'city  hall', 'ＣＩＴＹ　ＨＡＬＬ', 'City\u200BHall', 'Water Board') }, trickyTextArb))),
  vendor: wrap(text(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('Acme Ltd', 'Acme Ltd', 'Acme Ltd', 'ACME LIMITED', 'Beta GmbH', '杭州标识有限公司', 'Ac\u00ADme') }, trickyTextArb))),
  date: wrap(hostileDateArb.map((v): FieldSpec => ({ kind: 'value', value: v }))),
  amount: wrap(hostileAmountArb.map((v): FieldSpec => ({ kind: 'value', value: v }))),
  currency: wrap(text(fc.oneof({ weight: 6, arbitrary: fc.constant('CNY') }, fc.constantFrom('USD', 'usd ', 'EUR', 'XXX', '¥', 'ＣＮＹ', '')))),
  subject: wrap(text(fc.oneof({ weight: 3, arbitrary: fc.constantFrom('road signs', 'road signs', 'road direction signs', '道路指示标牌', 'office chairs') }, trickyTextArb)), 6),
  category: wrap(text(fc.constantFrom('45233', '4523', '4523', '4523', 'B0701', '-', '４５２３', '45\u200B23')), 6),
  project: wrap(text(fc.constantFrom('P-1', 'p-1', '\u00AD')), 6),
  method: wrap(text(fc.constantFrom('quotation', 'quotation', 'quotation', 'open tender', '公开招标', '\u2060')), 6),
  document: wrap(text(fc.constantFrom('INV-1', 'INV-2', 'INV-3')), 6),
  exemption: wrap(text(fc.constantFrom('approved', '')), 1),
  note: wrap(text(fc.string({ maxLength: 5 })), 3),
  // Built as an own field named `__proto__` (see PROTO_FIELD).
  protoField: fc.oneof({ weight: 6, arbitrary: fc.constant<FieldSpec>({ kind: 'absent' }) }, text(fc.constant('polluted'))),
});

/** A record with hostile fields, or a value in place of one, or a Proxy that throws. */
export const hostileRecordArb: fc.Arbitrary<RecordSpec> = fc.oneof(
  { weight: 18, arbitrary: fc.tuple(recordFieldsArb(cleanArb), fc.integer({ min: 0, max: 19 })).map(([fields, roll]): RecordSpec => ({ kind: 'record', fields, proxied: roll === 0 })) },
  { weight: 3, arbitrary: fc.tuple(recordFieldsArb(fieldArb), fc.integer({ min: 0, max: 19 })).map(([fields, roll]): RecordSpec => ({ kind: 'record', fields, proxied: roll === 0 })) },
  { weight: 1, arbitrary: anyValueArb.map((v): RecordSpec => ({ kind: 'notRecord', value: v })) },
  { weight: 1, arbitrary: fc.constantFrom<RecordSpec>({ kind: 'throwingProxy', trap: 'get' }, { kind: 'throwingProxy', trap: 'ownKeys' }, { kind: 'throwingProxy', trap: 'getPrototypeOf' }, { kind: 'throwingProxy', trap: 'has' }) },
);

/** A ledger of hostile records; a record drawn with a unique id gets `U<position>`. */
export const hostileLedgerArb = (maxLength = 30): fc.Arbitrary<RecordSpec[]> =>
  fc.array(hostileRecordArb, { maxLength, size: 'max' }).map((specs) =>
    specs.map((spec, i): RecordSpec => {
      if (spec.kind !== 'record') return spec;
      const id = spec.fields['id'];
      const unique = id?.kind === 'value' && id.value.kind === 'plain' && id.value.value === UNIQUE_ID;
      return unique ? { ...spec, fields: { ...spec.fields, id: { kind: 'value', value: { kind: 'plain', value: `U${i}` } } } } : spec;
    }),
  );

/** The spec's `protoField` becomes a record's own `__proto__` field, as JSON.parse makes one. */
const PROTO_FIELD = 'protoField';

/** Builds a record from its spec (fresh getters, Proxies and Dates each time). */
export function materialize(spec: RecordSpec): unknown {
  switch (spec.kind) {
    case 'notRecord':
      return value(spec.value);
    case 'throwingProxy':
      return new Proxy(
        { id: 'P', buyer: 'B', vendor: 'V', date: '2014-11-03', amount: '1', currency: 'CNY' },
        {
          [spec.trap]: () => {
            throw new Error(`${spec.trap} trap`);
          },
        },
      );
    case 'record': {
      const out: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(spec.fields)) {
        if (field.kind === 'absent') continue;
        const key = name === PROTO_FIELD ? '__proto__' : name;
        if (field.kind === 'throwingGetter') {
          Object.defineProperty(out, key, {
            enumerable: true,
            get() {
              throw new Error(`${key} getter`);
            },
          });
        } else Object.defineProperty(out, key, { enumerable: true, writable: true, configurable: true, value: value(field.value) });
      }
      return spec.proxied ? new Proxy(out, {}) : out;
    }
  }
}

/** True when building the spec makes a Date from a UTC instant (read by local fields: zone-dependent). */
export function hasInstant(spec: RecordSpec): boolean {
  const inValue = (v: ValueSpec): boolean => v.kind === 'instant' || (v.kind === 'proxyOf' && inValue(v.of));
  if (spec.kind === 'notRecord') return inValue(spec.value);
  if (spec.kind === 'throwingProxy') return false;
  return Object.values(spec.fields).some((f) => f.kind === 'value' && inValue(f.value));
}

// ----- Options ------------------------------------------------------------------------------------

/** A value that is valid for an option, or one of `wrong` values that are not. */
const optionValue = <T>(valid: fc.Arbitrary<T>, ...wrong: unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 15, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(...wrong, undefined, null, 'x', Number.NaN, -1, {}) });

const thresholdArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ id: fc.constantFrom('q', 'r', 'q'), amount: fc.constantFrom('1000', '1000', '1000', '2500', 1000, '999999999999999999.9999999999', '0.0000000001', '6E2'), currency: fc.constantFrom('CNY', 'CNY', 'CNY', 'USD', 'cny'), procedure: fc.constant('quotation') }, { requiredKeys: ['id', 'amount', 'currency', 'procedure'] }) },
  fc.record(
    {
      id: fc.constantFrom('q', ''),
      amount: fc.constantFrom('1e18', '1e-11', '-5', '0', 'abc', 1e300, 0.1 + 0.2),
      currency: fc.constantFrom('CNY', 'XXX'),
      procedure: fc.constantFrom('quotation', ''),
      comparison: fc.constantFrom('above', 'atOrAbove', 'over'),
      validFrom: fc.constantFrom('2014-01-01', '0000-01-01', '2014-02-30', '9999-12-31'),
      validTo: fc.constantFrom('2015-01-01', '2013-01-01', '+010000-01-01'),
      categories: fc.constantFrom(['45'], [''], [], ['-']),
    },
    { requiredKeys: [] },
  ),
);

const weightsArb = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...REASON_CODES), extremeWeightArb) },
  fc.dictionary(fc.constantFrom(...REASON_CODES, 'spann'), fc.constantFrom<unknown>(Number.POSITIVE_INFINITY, Number.NaN, -1, '1', null)),
);

/** Options as data: valid and invalid values of every option, and a way to make them hostile. */
export interface OptionsSpec {
  readonly values: Readonly<Record<string, unknown>>;
  /** A revoked Proxy as `window`, or a `band` getter that throws. */
  readonly hostile: 'none' | 'revokedWindow' | 'throwingBand';
}

/** Options with valid and invalid values of every option; build them with {@link buildOptions}. */
export const hostileOptionsArb: fc.Arbitrary<OptionsSpec> = fc.record({
  values: fc.record(
    {
      thresholds: fc.oneof(
        // Unique ids mostly; a repeated id now and then.
        { weight: 12, arbitrary: fc.tuple(fc.array(thresholdArb, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([ts, unique]) => (unique ? ts.map((t, i) => ({ ...(t as object), id: `t${i}` })) : ts)) },
        fc.constantFrom<unknown>([], 'q', null, {}),
      ),
      window: optionValue(
        fc.oneof(
          fc.integer({ min: 1, max: 3660 }).map((days) => ({ days })),
          fc.constantFrom('day', 'week', 'month', 'quarter', 'year').map((period) => ({ period })),
          fc.integer({ min: 1, max: 12 }).map((fiscalYearStart) => ({ period: 'fiscalYear', fiscalYearStart })),
        ),
        { days: 0 }, { days: 3661 }, { days: 1.5 }, { days: Number.POSITIVE_INFINITY }, { period: 'fortnight' }, { period: 'fiscalYear' }, { period: 'fiscalYear', fiscalYearStart: 13 }, { days: 3, period: 'week' },
      ),
      vendor: optionValue(fc.constantFrom('same', 'any'), 'SAME'),
      linkSameVendor: optionValue(fc.boolean(), 'yes'),
      subject: optionValue(
        fc.record(
          { categoryPrefix: fc.integer({ min: 1, max: 12 }), minSimilarity: fc.constantFrom(0, 1e-9, 0.3, 1), sameProject: fc.boolean(), sameCategory: fc.boolean(), maxProjectCategories: fc.constantFrom(1, 4, Number.POSITIVE_INFINITY, 1e9) },
          { requiredKeys: [] },
        ),
        { categoryPrefix: -1 }, { minSimilarity: 2 }, { categoryPrefix: 0, sameCategory: true }, { minSim: 0.3 },
      ),
      currency: optionValue(fc.constantFrom('CNY', 'cny', 'USD'), 'XXX', 'yuan'),
      rates: optionValue(
        fc.dictionary(fc.constantFrom('USD', 'CNY', 'EUR', 'usd'), fc.constantFrom<unknown>('6.25', 6.25, '999999999999.999999999999', '0.000000000001', '1e-5')),
        { USD: '1e12' }, { USD: '0' }, { USD: '1e-13' }, { USD: '1e-100000000' }, { XYZ: '1' }, { USD: Number.POSITIVE_INFINITY },
      ),
      band: optionValue(fc.double({ min: 0, max: 0.999, noNaN: true }), 1, 2),
      minParts: optionValue(fc.constantFrom(2, 3, 1e9), 1, 2.5),
      minPartShare: optionValue(fc.constantFrom(0, 5e-324, 0.1, 0.999), 1),
      minScore: optionValue(fc.constantFrom(0, 0.25, 1, 5e-324), 1.5),
      skipMethods: optionValue(fc.array(fc.constantFrom('open', '公开招标', '', '\u200B')), ['open', 3]),
      weights: optionValue(weightsArb),
      name: optionValue(fc.constantFrom('rule', '')),
      minscore: fc.constantFrom(0.5, undefined, undefined, undefined, undefined, undefined, undefined, undefined),
    },
    { requiredKeys: ['thresholds'] },
  ),
  hostile: fc.oneof({ weight: 18, arbitrary: fc.constant<OptionsSpec['hostile']>('none') }, fc.constantFrom<OptionsSpec['hostile']>('revokedWindow', 'throwingBand')),
});

/** Builds options from their spec (undefined values left out, hostile parts made fresh). */
export function buildOptions(spec: OptionsSpec): DetectSplitsOptions {
  const options = Object.fromEntries(Object.entries(spec.values).filter(([, v]) => v !== undefined));
  if (spec.hostile === 'revokedWindow') options['window'] = value({ kind: 'revokedProxy' });
  if (spec.hostile === 'throwingBand') {
    Object.defineProperty(options, 'band', {
      enumerable: true,
      get() {
        throw new Error('band getter');
      },
    });
  }
  return options as unknown as DetectSplitsOptions;
}
