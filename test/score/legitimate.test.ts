import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chargedAlongside, documentLineParts, mayHoldDigits, namedCharges, namedDocuments, namedVariants, perPersonParts, repeatedFeeParts, type PartFields } from '../../src/score/legitimate.js';
import { normalizeText } from '../../src/records/normalize.js';
import { runs } from '../helpers/runs.js';

describe('namedVariants', () => {
  it.each<[string, string, string, boolean]>([
    ['a name at the end', 'Study visit to Tokyo – A. Smith', 'Study visit to Tokyo – B. Jones', true],
    ['a name at the start', 'A. Smith: hotel, Lisbon conference', 'Bea Jones: hotel, Lisbon conference', true],
    ['a name in the middle', 'Hotel for Smith, John – Lisbon conference', 'Hotel for Patel, Jay – Lisbon conference', true],
    ['names sharing letters', 'Conference registration – Keith', 'Conference registration – Smith', true],
    ['departments are no names', 'staff training for Works', 'staff training for Admin Office', false],
    ['a centre is no name', 'Hotel, Lisbon conference – IT Centre', 'Hotel, Lisbon conference – Finance', false],
    ['sections are no names', '培训费（财务科）', '培训费（办公室）', false],
    ['a two-character name ending as a section does', '培训费（王科）', '培训费（李某）', true],
    ['Chinese names', '赴东京考察团费（王某）', '赴东京考察团费（李某）', true],
    ['Chinese full names', '培训费-张伟', '培训费-李娜', true],
    ['full-width letters', 'ＨＯＴＥＬ – A. Smith', 'ＨＯＴＥＬ – B. Jones', true],
    // A differing number is a lot, a stage or a line of one requirement, not another person.
    ['a batch number', 'Hotel accommodation (batch 1)', 'Hotel accommodation (batch 2)', false],
    ['a stage number', '会议费（第1期）', '会议费（第2期）', false],
    // Item words are not names: they are not capitalised, or only as the first word of the subject.
    ['item words', 'Supply of skills training', 'Purchase of staff training', false],
    ['one item word at the start', 'Staff training', 'Skills training', false],
    ['one item word inside', 'Hotel rooms, Tokyo conference', 'Hotel suites, Tokyo conference', false],
    ['a name first, with an initial', 'Smith, A. – Tokyo study visit', 'Jones, B. – Tokyo study visit', true],
    ['upper-case subjects', 'TOKYO STUDY VISIT – A. SMITH', 'Tokyo study visit – B. Jones', true],
    // Events attended per person, as a conference is.
    ['a forum, the destination and the event only', 'Singapore (Mr Smith) forum', 'Singapore (Mr Brown) forum', true],
    ['a summit', 'Jones, B. – Berlin summit', 'Patel, J. – Berlin summit', true],
    ['a Chinese forum', '王某-杭州论坛', '李某-杭州论坛', true],
    // Without travel, lodging or registration words, a swapped word is not a person's charge.
    ['no travel words', 'Office chairs – A. Smith', 'Office chairs – B. Jones', false],
    ['the same text', 'Study visit to Tokyo – A. Smith', 'study visit to tokyo – a. smith', false],
    ['a name added, not swapped', 'Study visit to Tokyo', 'Study visit to Tokyo – A. Smith', false],
    ['a long difference', 'Travel – A. Smith', 'Travel – to the annual meeting of the regional board', false],
  ])('%s', (_name, a, b, expected) => {
    expect(namedVariants(a, b)).toBe(expected);
    expect(namedVariants(b, a)).toBe(expected);
  });
});

describe('perPersonParts', () => {
  const part = (vendor: string, value: number, subject: string | undefined): PartFields => ({ vendor, value, subject, document: undefined });

  it.each<[string, PartFields[], boolean[]]>([
    ['a delegation', [part('h', 640, 'Trip to Tokyo – A. Smith'), part('h', 640, 'Trip to Tokyo – B. Jones'), part('h', 640, 'Trip to Tokyo – C. Taylor')], [true, true, true]],
    ['rates a little apart', [part('h', 640, 'Trip to Tokyo – A. Smith'), part('h', 600, 'Trip to Tokyo – B. Jones')], [true, true]],
    ['rates far apart', [part('h', 640, 'Trip to Tokyo – A. Smith'), part('h', 500, 'Trip to Tokyo – B. Jones')], [false, false]],
    ['two vendors', [part('h', 640, 'Trip to Tokyo – A. Smith'), part('g', 640, 'Trip to Tokyo – B. Jones')], [false, false]],
    ['one without a subject', [part('h', 640, 'Trip to Tokyo – A. Smith'), part('h', 640, undefined), part('h', 640, 'Trip to Tokyo – B. Jones')], [true, false, true]],
  ])('%s', (_name, parts, expected) => {
    expect(perPersonParts(parts)).toEqual(expected);
  });

  it('flags a part exactly when some other part is its per-person twin, in any order', () => {
    const NAMES = ['A. Smith', 'B. Jones', 'C. Taylor', 'batch 2', ''];
    const TRAVEL = ['Trip to Tokyo', 'Flight to Rome'];
    const arb = fc.array(fc.record({ vendor: fc.constantFrom('h', 'g'), value: fc.constantFrom(600, 640, 700), trip: fc.constantFrom(...TRAVEL, 'Office chairs'), who: fc.constantFrom(...NAMES) }), { maxLength: 8 });
    fc.assert(
      fc.property(arb, fc.nat(), (rows, k) => {
        const parts = rows.map((r) => part(r.vendor, r.value, r.who ? `${r.trip} – ${r.who}` : r.trip));
        // The oracle: one vendor, within 10%, travel (one trip, or two trips each naming its traveller at the end), two different names (a batch number is none).
        const twin = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
          a.vendor === b.vendor && Math.abs(a.value - b.value) <= 0.1 * Math.max(a.value, b.value) && TRAVEL.includes(a.trip) && TRAVEL.includes(b.trip) &&
          a.who !== b.who && [a.who, b.who].every((w) => w !== '' && w !== 'batch 2');
        const flags = perPersonParts(parts);
        expect(flags).toEqual(rows.map((a, i) => rows.some((b, j) => i !== j && twin(a, b))));
        const r = rows.length ? k % rows.length : 0;
        expect(perPersonParts([...parts.slice(r), ...parts.slice(0, r)])).toEqual([...flags.slice(r), ...flags.slice(0, r)]);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('repeatedFeeParts', () => {
  const part = (vendor: string, value: number, subject: string | undefined): PartFields => ({ vendor, value, subject, document: undefined });

  it.each<[string, PartFields[], boolean[]]>([
    // Toronto's Auditor General, one day: seven members' dues, written two ways.
    ['dues, two wordings', [part('cpa', 1107.4, 'CPA MEMBERSHIP DUES'), part('cpa', 1107.4, 'CPA ANNUAL MEMBERSHIP DUES'), part('cpa', 1107.4, 'CPA membership  dues'), part('cpa', 1107.4, 'CPA ANNUAL MEMBERSHIP DUES')], [true, true, true, true]],
    ['registrations and a fee of another amount', [part('iq', 993.27, 'CONFERENCE REGISTRATION'), part('iq', 993.27, 'CONFERENCE REGISTRATION'), part('iq', 990.27, 'CONFERENCE REGISTRATION')], [true, true, false]],
    ['报名费', [part('x', 1200, '年会报名费'), part('x', 1200, '年会报名费')], [true, true]],
    ['training fees for a course', [part('y', 470.65, 'TRAINING FEES FOR THE COURSE'), part('y', 470.65, 'TRAINING FEES FOR THE COURSE')], [true, true]],
    ['a training, no fee: one purchase for a group', [part('t', 9000, 'staff training'), part('t', 9000, 'staff training'), part('t', 9000, '业务培训')], [false, false, false]],
    ['a venue, not a fee', [part('v', 130000, '会议场地租赁'), part('v', 130000, '会议场地租赁')], [false, false]],
    ["a meeting's costs, not dues", [part('m', 5000, '年会费用'), part('m', 5000, '年会费用')], [false, false]],
    ['dues', [part('m', 5000, '协会会费'), part('m', 5000, '协会会费')], [true, true]],
    ['two vendors', [part('a', 470.65, 'Training course'), part('b', 470.65, 'Training course')], [false, false]],
    ['goods, however equal', [part('g', 2953.37, 'NAILS'), part('g', 2953.37, 'NAILS')], [false, false]],
    ['one person twice', [part('y', 470.65, 'Course fee – A. Smith'), part('y', 470.65, 'Course fee – A. Smith')], [false, false]],
    ['a single fee', [part('y', 470.65, 'Course fee'), part('y', 900, 'Office chairs')], [false, false]],
  ])('%s', (_name, parts, expected) => {
    expect(repeatedFeeParts(parts)).toEqual(expected);
  });

  it('flags a part exactly when another part has its vendor, its amount and its fee subject, in any order', () => {
    const SUBJECTS = ['Conference registration', 'conference  REGISTRATION', 'Membership dues', 'Office chairs', 'Course fee – A. Smith', 'Course fee – B. Jones', 'Course fee – batch 2'];
    const arb = fc.array(fc.record({ vendor: fc.constantFrom('h', 'g'), value: fc.constantFrom(470.65, 470.6, 1107.4), subject: fc.constantFrom(...SUBJECTS) }), { maxLength: 8 });
    fc.assert(
      fc.property(arb, fc.nat(), (rows, k) => {
        const parts = rows.map((r) => part(r.vendor, r.value, r.subject));
        // The oracle: the same vendor, amount and subject (case and spacing aside), a fee word in it, no person named at its end.
        const text = (r: (typeof rows)[number]) => r.subject.toLowerCase().replace(/\s+/gu, ' ');
        const fee = (r: (typeof rows)[number]) => /registration|dues|course fee/u.test(text(r)) && !/– [A-Z]\. [A-Z][a-z]+$/u.test(r.subject);
        const flags = repeatedFeeParts(parts);
        expect(flags).toEqual(rows.map((a, i) => fee(a) && rows.some((b, j) => i !== j && b.vendor === a.vendor && b.value === a.value && text(b) === text(a))));
        const r = rows.length ? k % rows.length : 0;
        expect(repeatedFeeParts([...parts.slice(r), ...parts.slice(0, r)])).toEqual([...flags.slice(r), ...flags.slice(0, r)]);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('chargedAlongside', () => {
  const part = (vendor: string, value: number, subject: string | undefined): PartFields => ({ vendor, value, subject, document: undefined });
  const trip = (who: string) => part('h', 640, `Trip to Tokyo – ${who}`);

  it.each<[string, PartFields[], boolean[]]>([
    ['an unnamed line of a group booking', [trip('A. Smith'), trip('B. Jones'), part('h', 640, 'Services')], [false, false, true]],
    ['a rate a little apart, no subject', [trip('A. Smith'), trip('B. Jones'), part('h', 690, undefined)], [false, false, true]],
    ['a rate far apart', [trip('A. Smith'), trip('B. Jones'), part('h', 900, 'Services')], [false, false, false]],
    ['another vendor', [trip('A. Smith'), trip('B. Jones'), part('g', 640, 'Services')], [false, false, false]],
    ['no named charge to be alongside', [part('h', 640, 'Services'), part('h', 640, 'Payment')], [false, false]],
  ])('%s', (_name, parts, expected) => {
    expect(chargedAlongside(parts, perPersonParts(parts))).toEqual(expected);
  });

  it('flags exactly the unnamed parts with a named part of their vendor within 10%, in any order', () => {
    const arb = fc.array(fc.record({ vendor: fc.constantFrom('h', 'g'), value: fc.integer({ min: 500, max: 800 }), named: fc.boolean() }), { maxLength: 10 });
    fc.assert(
      fc.property(arb, fc.nat(), (rows, k) => {
        const parts = rows.map((r) => part(r.vendor, r.value, undefined));
        const named = rows.map((r) => r.named);
        // The oracle, in cents: |a − b| ≤ 10% of the larger.
        const near = (a: (typeof rows)[number], b: (typeof rows)[number]) => a.vendor === b.vendor && 10 * Math.abs(a.value - b.value) <= Math.max(a.value, b.value);
        const flags = chargedAlongside(parts, named);
        expect(flags).toEqual(rows.map((a) => !a.named && rows.some((b) => b.named && near(a, b))));
        const r = rows.length ? k % rows.length : 0;
        expect(chargedAlongside([...parts.slice(r), ...parts.slice(0, r)], [...named.slice(r), ...named.slice(0, r)])).toEqual([...flags.slice(r), ...flags.slice(0, r)]);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('namedCharges', () => {
  it.each<[string, string, string, boolean]>([
    ['Chinese travellers, other qualifiers', '飞机票费用（高翔）', '差旅机票 行政科（李娜）', true],
    ['Latin travellers after a dash', 'Flight tickets - A. Silva', 'air travel HQ – J. Smith', true],
    ['full names in brackets', 'hotel (John Smith)', 'lodging, Lisbon (Mary Jones)', true],
    ['the same traveller', '机票（张伟）', '机票 二期（张伟）', false],
    // What is set off in brackets is a person's only when it reads as a name.
    ['a quotation and an urgent note', '会议住宿（报价单）', '会议住宿（急件）', false],
    ['buildings', 'Hotel rooms (Bldg A)', 'Hotel rooms (Bldg B)', false],
    ['one name, not two', '机票（张伟）', '机票（一号楼）', false],
    ['a single character', '差旅费（急）', '差旅费（王）', false],
    ['sections', '培训费（财务科）', '培训费（李娜）', false],
    // Without travel, lodging or registration words, a named line is not a person's charge.
    ['goods', 'office chairs - A. Silva', 'office chairs - B. Lima', false],
    ['a name without brackets or a dash', '机票张伟', '机票李娜', false],
  ])('%s', (_name, a, b, expected) => {
    expect(namedCharges(a, b)).toBe(expected);
    expect(namedCharges(b, a)).toBe(expected);
  });
});

describe('namedDocuments', () => {
  it.each<[string, string | undefined, string | undefined, string[]]>([
    ['an order line', '827903052-1', undefined, ['827903052']],
    ['a contract stage', 'ZB20231234-2', undefined, ['ZB20231234']],
    ['a padded line', 'HT2023123-01', undefined, ['HT2023123']],
    ['an underscore suffix', '1234567_2', undefined, ['1234567']],
    ['a slash and spaces', 'PO 4500012345 / 10', undefined, ['PO4500012345']],
    ['an invoice that counts up', 'FP2023000145', undefined, []],
    ['a year and a sequence number', 'INV-2023-0145', undefined, []],
    ['a short document', 'D-7', undefined, []],
    ['full-width digits', '８２７９０３０５２－１', undefined, ['827903052']],
    ['a full-width subject', undefined, 'Ｔｏｎｅｒ – ＯＲＤＥＲ ８２７９０３０５２', ['827903052']],
    ['the order in the subject', undefined, 'Toner – order 827903052', ['827903052']],
    ['the order in a Chinese subject', undefined, '打印纸（订单号827903052）', ['827903052']],
    ['a contract number', undefined, 'Stage payment, contract no. ZB20231234', ['ZB20231234']],
    ['a short reference is no order', undefined, 'Toner – order 12', []],
    ['a requisition is no order', undefined, 'Toner – requisition 827903052', []],
    ['"order" inside a word', undefined, 'Border fence 827903052', []],
    ['a framework agreement', undefined, 'call-off 1 under framework FA-2018-21: video production', ['FA201821']],
    ['a Chinese framework purchase', undefined, '协议供货 KJ-2018-22 第5次订单 激光打印机', ['KJ201822']],
    ['an order number with letters and a dash', undefined, 'order PO-2018-37904', ['PO201837904']],
  ])('%s', (_name, document, subject, expected) => {
    expect(namedDocuments(document, subject)).toEqual(expected);
  });
});

describe('namedVariants on plain ASCII', () => {
  it('reads a subject as its normalised form (NFKC, white space collapsed, trimmed) reads', () => {
    // Travel subjects with a name, the white space between their words drawn from runs a ledger may hold.
    const space = fc.constantFrom(' ', ' ', ' ', '  ', '\t', ' \n', '\u00a0', '\u3000');
    const words = fc.constantFrom(['Hotel,', 'Lisbon', 'conference', '–'], ['Study', 'visit', 'to', 'Tokyo', '-'], ['ＨＯＴＥＬ', 'Lisbon', '–'], ['Office', 'chairs']);
    const name = fc.constantFrom(['A.', 'Smith'], ['B.', 'Jones'], ['Patel'], ['Smith,', 'John'], ['2']);
    const subject = fc
      .tuple(fc.constantFrom('', ' ', '\t'), words, name)
      .chain(([lead, ws, n]) => fc.array(space, { minLength: ws.length + n.length, maxLength: ws.length + n.length }).map((gaps) => lead + [...ws, ...n].map((w, i) => w + gaps[i]).join('')));
    const norm = (s: string) => s.normalize('NFKC').replace(/\s+/gu, ' ').trim();
    let named = 0;
    fc.assert(
      fc.property(subject, subject, (a, b) => {
        const expected = namedVariants(norm(a), norm(b));
        if (expected) named++;
        expect(namedVariants(a, b)).toBe(expected);
      }),
      { numRuns: runs(2000) },
    );
    expect(named).toBeGreaterThan(0);
  });
});

describe('mayHoldDigits', () => {
  it('is true whenever the normalised text, as namedDocuments reads it, has that many digits', () => {
    const char = fc.constantFrom('1', '9', '0', 'a', 'Z', ' ', '-', '８', '⁵', '₃', '⒇', '㉑', '①', '𝟓', 'é', '订', '\u200b');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }).map((cs) => cs.join('')), fc.integer({ min: 1, max: 8 }), (text, n) => {
        const digits = (normalizeText(text).toUpperCase().match(/\d/gu) ?? []).length;
        if (digits >= n) expect(mayHoldDigits(text, n)).toBe(true);
        // An ASCII text is judged exactly.
        if (/^[\x00-\x7f]*$/u.test(text)) expect(mayHoldDigits(text, n)).toBe(digits >= n);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('documentLineParts', () => {
  const part = (document: string | undefined, subject?: string): PartFields => ({ vendor: 'v', value: 1, subject, document });

  it('flags parts naming an order another part names, by document or by subject', () => {
    expect(documentLineParts([part('827903052-1'), part('827903052-2'), part('FP2023000146')])).toEqual([true, true, false]);
    expect(documentLineParts([part(undefined, 'Toner – order 827903052'), part('827903052-3')])).toEqual([true, true]);
    expect(documentLineParts([part(undefined, 'Toner – order 827903052'), part(undefined, 'Paper – order 827903052')])).toEqual([true, true]);
    // Lines of two different orders are not lines of one.
    expect(documentLineParts([part('827903052-1'), part('594455226-1')])).toEqual([false, false]);
    // Invoices that count up are separate documents.
    expect(documentLineParts([part('INV-2023-0145'), part('INV-2023-0146')])).toEqual([false, false]);
    // One document number on two parts, with no line suffix, is one document.
    expect(documentLineParts([part('PO-2018-37904', 'brochure printing line 1'), part('po 2018 37904', 'brochure printing line 2'), part('PO-2018-37905')])).toEqual([true, true, false]);
    // Placeholders and short numbers shared by unrelated purchases are no document.
    expect(documentLineParts([part('-'), part('-'), part('N/A'), part('N/A'), part('1234'), part('1234')])).toEqual([false, false, false, false, false, false]);
  });
});

describe('full-width text', () => {
  it('is read as its normalised form by perPersonParts', () => {
    const part = (subject: string): PartFields => ({ vendor: 'h', value: 640, subject, document: undefined });
    expect(perPersonParts([part('ＨＯＴＥＬ – A. Smith'), part('ＨＯＴＥＬ – B. Jones')])).toEqual([true, true]);
  });
});
