import { normalizeText } from '../records/normalize.js';
import { isAscii } from '../similarity/tokens.js';

/**
 * Shapes of legitimate purchases that look like splits by amount and date alone, recognised from
 * the fields a ledger records: charges made per person (one per traveller or attendee), and lines
 * or stages of one named order or contract. Each function flags the parts that show the shape; the
 * share of flagged parts is evidence *against* splitting (see `score.ts`).
 */

/** What the shapes read of one part. */
export interface PartFields {
  /** Vendor compared (`vendorKey`); placeholder vendors are given a key of their own. */
  readonly vendor: string;
  /** The part's value in the report currency. */
  readonly value: number;
  readonly subject: string | undefined;
  readonly document: string | undefined;
}

/** Per-person amounts may differ a little (room types, fares, exchange): at most this share of the larger. */
export const PER_PERSON_TOLERANCE = 0.1;

/**
 * Words of travel, lodging, registration and the events attended in person — the charges card
 * programmes and travel rules treat per person — in the text two subjects share (lower case;
 * Chinese matched as substrings). A forum, summit, symposium or congress is attended, registered
 * for and lodged at per person as a conference or a seminar is.
 */
const PER_PERSON_WORDS = new Set([
  'travel', 'travels', 'trip', 'trips', 'visit', 'visits', 'delegation', 'hotel', 'hotels', 'lodging',
  'accommodation', 'accommodations', 'room', 'rooms', 'flight', 'flights', 'airfare', 'airfares',
  'rail', 'train', 'fare', 'fares', 'ticket', 'tickets', 'taxi', 'registration', 'registrations',
  'conference', 'conferences', 'seminar', 'seminars', 'forum', 'forums', 'summit', 'symposium', 'symposia',
  'congress', 'course', 'training', 'tuition', 'subsistence', 'diem', 'visa', 'mileage',
]);
const PER_PERSON_ZH = /差旅|旅|考察|住宿|酒店|宾馆|机票|车票|团费|会议|论坛|峰会|研讨|培训|报名|注册|签证|交通/u;
/** Text as the cheap first looks read it: full-width letters and digits (ＨＯＴＥＬ, ８２７) folded as normalising folds them. */
const folded = (s: string): string => (/[\uFF00-\uFFEF]/u.test(s) ? normalizeText(s) : s);

/** A cheap first look: a subject that may carry one of those words (before it is normalised and split). */
const MAY_BE_PER_PERSON = new RegExp(`${[...PER_PERSON_WORDS].join('|')}|${PER_PERSON_ZH.source}`, 'iu');

/**
 * Words that name a unit of an organisation, not a person: "for Admin Office", "IT Centre",
 * "Works", "Finance" differ between two subjects as a department does, not as a traveller does.
 */
const UNIT_WORDS = new Set([
  'office', 'offices', 'centre', 'center', 'department', 'dept', 'unit', 'division', 'section', 'team', 'works',
  'bureau', 'directorate', 'committee', 'council', 'agency', 'ministry', 'authority', 'service', 'services',
  'admin', 'administration', 'finance', 'planning', 'communications', 'facilities', 'procurement', 'operations',
  'estates', 'hr', 'it', 'legal', 'school', 'library',
]);
/** The same in Chinese: an office or centre, or three characters ending in a department, section, bureau, team or institute (财务科). */
const UNIT_ZH = /办公|中心|^[\p{Script=Han}]{2}[室部处科局队站所院]$/u;

/** Letters of a name (initials, commas, hyphens and apostrophes allowed), no digit. */
const NAME_LETTERS = /^[\p{L}\p{M}][\p{L}\p{M}.,'’\- ]{0,39}$/u;

/**
 * Whether what differs between two subjects reads as a person's name, as the ledger wrote it: one to
 * three Han characters (王某, 张伟), or one to three capitalised words of letters ("A. Smith",
 * "Smith, John", "Patel"); at the very start of a subject, where any word is capitalised, two words
 * or an initial. Item words ("skills", "Supply of") are not names, nor is a unit of the organisation
 * ("for Admin Office", "IT Centre", "Finance", 财务科: {@link UNIT_WORDS}); a department with another
 * name can still read as one, which is why the shared text must also name travel, lodging,
 * registration or an event attended in person.
 */
function nameLike(text: string, atStart: boolean): boolean {
  if (/^[\p{Script=Han}·]{1,3}$/u.test(text)) return !UNIT_ZH.test(text);
  if (!NAME_LETTERS.test(text)) return false;
  const words = text.split(/[\s,]+/u).filter((w) => w.length > 0);
  if (words.length > 3 || !words.every((w) => /^\p{Lu}/u.test(w))) return false;
  if (words.some((w) => UNIT_WORDS.has(w.toLowerCase()))) return false;
  return !atStart || words.length >= 2 || words.some((w) => /^\p{Lu}\.$/u.test(w));
}

/**
 * A subject as the name test reads it: characters after NFKC with spaces collapsed, as written and
 * in lower case, one character a slot (an ASCII subject, the common case, as its strings: NFKC
 * leaves ASCII as it is, and lower-casing it whole is lower-casing each character).
 */
/** ASCII in which no white space but single spaces occurs: `\s+` → `' '` leaves it as it is. */
const PLAIN_ASCII = /^(?:[\0-\x08\x0e-\x1f!-\x7f]| (?! ))*$/u;

interface Letters {
  readonly cased: string | readonly string[];
  readonly folded: string | readonly string[];
}

function lettersOf(subject: string): Letters {
  // ASCII without a run of white space to collapse (most subjects) is only trimmed: NFKC leaves ASCII as it is.
  const collapsed = PLAIN_ASCII.test(subject) ? subject.trim() : subject.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  if (isAscii(collapsed)) return { cased: collapsed, folded: collapsed.toLowerCase() };
  const cased = [...collapsed];
  return { cased, folded: cased.map((c) => c.toLowerCase()) };
}

/** Characters [from, to) of letters, as one string. */
const cut = (x: string | readonly string[], from: number, to = x.length): string => (typeof x === 'string' ? x.slice(from, to) : x.slice(from, to).join(''));

/**
 * Whether two subjects are one text with a different name in it: the text they share (the longest
 * common start and end) carries a travel, lodging, registration or event word, and what differs is in each
 * a short run of letters (a person's name, 1–4 words, no digit: "Study visit to Tokyo – A. Smith" and
 * "… – B. Jones", "赴东京考察团费（王某）" and "…（李某）"). A number that differs ("batch 2", "lot 3",
 * "第2期") is a part of one requirement, not another person.
 *
 * @example
 * namedVariants('Hotel, Lisbon conference – A. Smith', 'Hotel, Lisbon conference – B. Jones') //=> true
 * namedVariants('Office chairs (batch 1)', 'Office chairs (batch 2)') //=> false
 */
export function namedVariants(a: string, b: string): boolean {
  return variantsOf(lettersOf(a), lettersOf(b));
}

/** {@link namedVariants} of two subjects' letters. */
function variantsOf(a: Letters, b: Letters): boolean {
  const cx = a.folded;
  const cy = b.folded;
  if (typeof cx === 'string' && typeof cy === 'string' ? cx === cy : cx.length === cy.length && Array.prototype.every.call(cx, (c: string, i: number) => c === cy[i])) return false;
  let pre = 0;
  while (pre < cx.length && pre < cy.length && cx[pre] === cy[pre]) pre++;
  let suf = 0;
  while (suf < cx.length - pre && suf < cy.length - pre && cx[cx.length - 1 - suf] === cy[cy.length - 1 - suf]) suf++;
  // Cut back to word edges, so that "a. smith" / "a. smyth" compares whole names.
  while (pre > 0 && /[\p{L}\p{M}]/u.test(cx[pre - 1] as string) && !/\p{Script=Han}/u.test(cx[pre - 1] as string)) pre--;
  while (suf > 0 && /[\p{L}\p{M}]/u.test(cx[cx.length - suf] as string) && !/\p{Script=Han}/u.test(cx[cx.length - suf] as string)) suf--;
  const mx = cut(a.cased, pre, cx.length - suf).trim();
  const my = cut(b.cased, pre, cy.length - suf).trim();
  if (!nameLike(mx, pre === 0) || !nameLike(my, pre === 0)) return false;
  return namesPerPersonEvent(`${cut(cx, 0, pre)} ${cut(cx, cx.length - suf)}`);
}

/** Whether a lower-case text names travel, lodging, registration or an event attended in person. */
function namesPerPersonEvent(text: string): boolean {
  return PER_PERSON_ZH.test(text) || text.split(/[^\p{L}\p{N}]+/u).some((w) => PER_PERSON_WORDS.has(w));
}

/**
 * The hundred commonest Chinese surnames (some 85% of people, by the 2020 census rankings): a name
 * set off at the end of a subject is read as a person's only when it starts with one, so that
 * 报价单 ("quotation") or 一号楼 ("building 1") in brackets is not taken for a traveller.
 */
const SURNAMES_ZH = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);

/** A subject's last bracketed group or the text after its last spaced dash, and what comes before it. */
const TRAILER = /^(.*?\S)\s*(?:[(（]([^()（）]{1,40})[)）]|\s[-–—]\s([^-–—]{1,40}))$/u;

/**
 * The person a subject names at its end, set off as ledgers set off a claimant or traveller — in
 * brackets ("机票（张伟）", "Hotel (John Smith)") or after a spaced dash ("Flight – A. Silva") — when
 * the text before it names travel, lodging, registration or an event. A Chinese name is two or three
 * characters starting with a common surname; a Latin one two or three capitalised words with an
 * initial ("A. Silva") or two words of two letters or more ("John Smith").
 */
function trailingPerson(letters: Letters): string | undefined {
  let person = PERSONS.get(letters);
  if (person === undefined) PERSONS.set(letters, (person = personAtEnd(letters) ?? null));
  return person ?? undefined;
}

/** {@link trailingPerson} of each subject's letters, read once (null: none). */
const PERSONS = new WeakMap<Letters, string | null>();

/** {@link trailingPerson}, uncached, with the text before the name asked `about` (travel, lodging or an event unless told). */
function personAtEnd(letters: Letters, about: (text: string) => boolean = namesPerPersonEvent): string | undefined {
  const m = TRAILER.exec(cut(letters.cased, 0));
  if (!m) return undefined;
  const name = ((m[2] ?? m[3]) as string).trim();
  const han = /^\p{Script=Han}{2,3}$/u.test(name);
  if (han ? !SURNAMES_ZH.has(name[0] as string) || UNIT_ZH.test(name) : !nameLike(name, false)) return undefined;
  if (!han) {
    const words = name.split(/[\s,]+/u).filter((w) => w.length > 0);
    if (words.length < 2 || !(words.some((w) => /^\p{Lu}\.$/u.test(w)) || words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w)))) return undefined;
  }
  return about((m[1] as string).toLowerCase()) ? name.toLowerCase() : undefined;
}

/**
 * Whether two subjects each name another person at their end ({@link trailingPerson}), whatever
 * else differs between them: "飞机票费用（高翔）" and "差旅机票 行政科（李娜）" are two travellers'
 * tickets, though one ledger clerk added a qualifier and the other did not.
 *
 * @example
 * [namedCharges('飞机票费用（高翔）', '差旅机票 行政科（李娜）'), namedCharges('会议住宿（报价单）', '会议住宿（急件）')] //=> [true, false]
 */
export function namedCharges(a: string, b: string): boolean {
  return chargesOf(lettersOf(a), lettersOf(b));
}

function chargesOf(a: Letters, b: Letters): boolean {
  const x = trailingPerson(a);
  const y = x === undefined ? undefined : trailingPerson(b);
  return y !== undefined && x !== y;
}

/**
 * Parts charged per person: those with another part to the same vendor, of an amount within
 * {@link PER_PERSON_TOLERANCE} of it, whose subject is the same text with another name in it
 * ({@link namedVariants}), or which each name another person at their end ({@link namedCharges}).
 * Card programmes and travel rules treat each traveller's or attendee's charge as a purchase of its
 * own, so equal charges of this shape are not a split.
 *
 * Runs in O(k² · L) for k parts of subjects of length L (findings hold few parts; the caller bounds k).
 *
 * @example
 * perPersonParts([
 *   { vendor: 'hotel', value: 640, subject: 'Study visit to Tokyo – A. Smith', document: undefined },
 *   { vendor: 'hotel', value: 640, subject: 'Study visit to Tokyo – B. Jones', document: undefined },
 *   { vendor: 'hotel', value: 900, subject: 'Office chairs', document: undefined },
 * ]) //=> [true, true, false]
 */
export function perPersonParts(parts: readonly PartFields[]): boolean[] {
  const out = parts.map(() => false);
  // Only subjects that may name travel, lodging, registration or an event (a first look taken once per part,
  // when a pair of one vendor and near amounts needs it: most parts have no such pair); each
  // normalised once, when such a pair needs it.
  const looked = new Int8Array(parts.length);
  const may = (i: number): boolean => {
    if (looked[i] === 0) {
      const subject = (parts[i] as PartFields).subject;
      looked[i] = subject !== undefined && MAY_BE_PER_PERSON.test(folded(subject)) ? 1 : -1;
    }
    return looked[i] === 1;
  };
  const texts: (Letters | undefined)[] = [];
  const text = (i: number) => (texts[i] ??= lettersOf((parts[i] as PartFields).subject as string));
  for (let i = 0; i < parts.length; i++) {
    const a = parts[i] as PartFields;
    if (looked[i] === -1) continue;
    for (let j = i + 1; j < parts.length; j++) {
      const b = parts[j] as PartFields;
      if (a.vendor !== b.vendor || (out[i] && out[j])) continue;
      if (Math.abs(a.value - b.value) > PER_PERSON_TOLERANCE * Math.max(a.value, b.value)) continue;
      if (!may(i)) break;
      if (may(j) && (variantsOf(text(i), text(j)) || chargesOf(text(i), text(j)))) out[i] = out[j] = true;
    }
  }
  return out;
}

/**
 * Words of what is paid once per person, whatever the names (lower case): a registration, a
 * membership or its dues, tuition, an enrolment, an exam or a certification.
 */
const FEE_WORDS = new Set([
  'registration', 'registrations', 'membership', 'memberships', 'dues', 'tuition', 'enrolment', 'enrollment',
  'exam', 'exams', 'examination', 'examinations', 'certification', 'certifications',
]);
/**
 * What is attended in person, and paid per person when the subject says it is a fee ("training fees
 * for the course", "conference fee"): without the fee, a course, a training or a conference is as
 * often one purchase for a group ("staff training", "conference venue hire").
 */
const ATTENDED_WORDS = new Set(['course', 'courses', 'training', 'conference', 'conferences', 'seminar', 'seminars', 'webinar', 'webinars', 'workshop', 'workshops']);
/**
 * The same in Chinese, fees only: sign-up, registration and examination fees, membership dues,
 * tuition (报名费, 会费, 学费 …), not 会费用 (年会费用, a meeting's costs); 培训费 and 会议费 are as
 * often a contract's.
 */
const FEE_ZH = /报名费|注册费|会费(?!用)|学费|考试费/u;

/** Whether a lower-case subject names a fee paid per person ({@link FEE_WORDS}; a fee for one of {@link ATTENDED_WORDS}; {@link FEE_ZH}). */
function namesFee(text: string): boolean {
  if (FEE_ZH.test(text)) return true;
  const words = text.split(/[^\p{L}\p{N}]+/u);
  return words.some((w) => FEE_WORDS.has(w)) || (words.some((w) => w === 'fee' || w === 'fees') && words.some((w) => ATTENDED_WORDS.has(w)));
}

/**
 * Parts that are one fee paid again for each person: two or more parts to one vendor, of one amount
 * to the cent, under one subject (case and spacing aside) that names a fee paid per person
 * ({@link namesFee}: "CPA membership dues", "conference registration", "training fees for the
 * course", 报名费) and no person at its
 * end (the same person twice is no second person). Card programmes let a cardholder pay each
 * member's dues or each attendee's registration as a purchase of its own, and ledgers write such
 * charges alike, without the names: seven "CPA membership dues" of 1,107.40 on one day are seven
 * auditors' dues, not a purchase of 7,751.80 cut in seven.
 *
 * Runs in O(k · L) for k parts of subjects of length L.
 *
 * @example
 * repeatedFeeParts([
 *   { vendor: 'cpa', value: 1107.4, subject: 'CPA membership dues', document: undefined },
 *   { vendor: 'cpa', value: 1107.4, subject: 'CPA  Membership dues', document: undefined },
 *   { vendor: 'cpa', value: 1107.4, subject: 'Office chairs', document: undefined },
 * ]) //=> [true, true, false]
 */
export function repeatedFeeParts(parts: readonly PartFields[]): boolean[] {
  const out = parts.map(() => false);
  // Parts of one vendor and one amount first (few findings hold any): only theirs are read as text.
  const byCharge = new Map<string, number[]>();
  parts.forEach((p, i) => {
    if (p.subject === undefined) return;
    const key = `${p.vendor}\u0000${p.value}`;
    const same = byCharge.get(key);
    if (same) same.push(i);
    else byCharge.set(key, [i]);
  });
  for (const same of byCharge.values()) {
    if (same.length < 2) continue;
    const bySubject = new Map<string, number[]>();
    for (const i of same) {
      const letters = lettersOf((parts[i] as PartFields).subject as string);
      const text = cut(letters.folded, 0);
      if (!namesFee(text) || personAtEnd(letters, namesFee) !== undefined) continue;
      const group = bySubject.get(text);
      if (group) group.push(i);
      else bySubject.set(text, [i]);
    }
    for (const group of bySubject.values()) if (group.length > 1) for (const i of group) out[i] = true;
  }
  return out;
}

/**
 * Parts charged alongside per-person charges: parts not read as per person themselves
 * (`named[i]` false) charged by the vendor of a part that is (`named[j]` true), in an amount
 * within {@link PER_PERSON_TOLERANCE} of it. Ledgers often keep a traveller's name on some lines of
 * a group's booking and write "Services", "Payment" or nothing on the others; the same rate at the
 * same vendor beside named per-person charges is another person's charge, whatever its subject says.
 *
 * Runs in O(k²) for k parts.
 *
 * @example
 * chargedAlongside([
 *   { vendor: 'hotel', value: 640, subject: 'Study visit to Tokyo – A. Smith', document: undefined },
 *   { vendor: 'hotel', value: 640, subject: 'Study visit to Tokyo – B. Jones', document: undefined },
 *   { vendor: 'hotel', value: 650, subject: 'Services', document: undefined },
 *   { vendor: 'hotel', value: 900, subject: 'Services', document: undefined },
 * ], [true, true, false, false]) //=> [false, false, true, false]
 */
export function chargedAlongside(parts: readonly PartFields[], named: readonly boolean[]): boolean[] {
  return parts.map(
    (a, i) =>
      named[i] !== true &&
      parts.some((b, j) => named[j] === true && a.vendor === b.vendor && Math.abs(a.value - b.value) <= PER_PERSON_TOLERANCE * Math.max(a.value, b.value)),
  );
}

/**
 * A document number that is a line or stage of another: an identifier with at least five digits,
 * a separator, and a line number of one to three digits (`827903052-1`, `ZB20231234-2`,
 * `HT2023123-01`, `12345_2`, `PO 4500012345/10`). Invoice numbers that simply count up
 * (`FP2023000145`, `INV-2023-0146`, `D-7`) are not lines: their base carries no identifier of its own.
 */
const LINE = /^(.*?\d(?:\D*\d){4,}.*?)\s*[-/._#:\s]\s*(?:L|LN|LINE|ITEM|POS|行|第)?\s*(\d{1,3})(?:行|项|次)?$/u;

/** An order, contract or framework agreement named in a subject: the word, then a reference with at least five digits. */
const REFERENCE = /(?:(?<![\p{L}\p{N}])(?:purchase order|order|p\.?o\.?|contract|framework(?: agreement)?|agreement)|订单|合同|框架协议|协议供货|协议)\s*(?:no\.?|number|nr\.?|ref\.?|#|号|编号)?\s*[:：.]?\s*([a-z]*[-/]?\d[a-z0-9\-/]*)/gu;

/**
 * A cheap first look: whether a document ends in a number of one to three digits (after an optional
 * 行, 项 or 次), as a line number does; invoice numbers end in longer ones.
 */
function endsInLineNumber(document: string): boolean {
  let end = document.length;
  while (end > 0 && /\s|行|项|次/u.test(document[end - 1] as string)) end--;
  let digits = 0;
  while (end > 0 && document.charCodeAt(end - 1) >= 48 && document.charCodeAt(end - 1) <= 57) {
    end--;
    digits++;
  }
  return digits >= 1 && digits <= 3;
}

/** An identifier compared without case, spaces or separators. */
const idKey = (s: string) => s.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');

/** A cheap first look: a subject that may name an order or contract. */
const MAY_REFER = /order|p\.?o|contract|agreement|framework|订单|合同|协议/iu;

/**
 * A cheap first look: whether a text, once normalised, may hold `n` digits — it has `n` ASCII
 * digits, or a character outside ASCII (NFKC turns some into one digit or more: ８, ⁵, ⒇).
 *
 * @example
 * [mayHoldDigits('PO 1234', 5), mayHoldDigits('PO 12345', 5), mayHoldDigits('PO ⒇', 5)] //=> [false, true, true]
 */
export function mayHoldDigits(text: string, n: number): boolean {
  // One pass: a character outside ASCII or the n-th digit settles it.
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f || (c >= 48 && c <= 57 && ++digits >= n)) return true;
  }
  return digits >= n;
}

/** The orders and contracts a part names: its document's base when the document is a line, and references in its subject. */
export function namedDocuments(document: string | undefined, subject: string | undefined): string[] {
  const out: string[] = [];
  // A line has a base of at least five digits and a line number; a reference at least five digits.
  if (document !== undefined && mayHoldDigits(document, 6) && endsInLineNumber(folded(document))) {
    const m = LINE.exec(normalizeText(document).toUpperCase());
    if (m) out.push(idKey(m[1] as string));
  }
  if (subject !== undefined && mayHoldDigits(subject, 5) && MAY_REFER.test(folded(subject))) {
    for (const m of normalizeText(subject).matchAll(REFERENCE)) {
      const id = idKey(m[1] as string);
      if (identifies(id)) out.push(id);
    }
  }
  return out;
}

/** A document number as a whole, when it is an identifier (at least five digits): two parts that carry it are one document. */
function wholeDocument(document: string | undefined): string[] {
  if (document === undefined || !mayHoldDigits(document, 5)) return [];
  const id = idKey(normalizeText(document));
  return identifies(id) ? [id] : [];
}

/** Whether an identifier (as {@link idKey} writes it) names one document: it has at least five digits. */
const identifies = (id: string): boolean => (id.match(/\d/gu)?.length ?? 0) >= 5;

/**
 * Parts that are lines or stages of one named order or contract: parts that name the same order or
 * contract as another part ({@link namedDocuments}: a shared document number with line suffixes, or
 * the order, contract or framework number in the subject), or carry the same document number of at
 * least five digits. One document, whatever the number of lines or payments, is one
 * purchase visible as such; a split hides the total in documents of their own. A shared *requisition*
 * or request is not read as one: one requirement bought on several orders is the split itself.
 *
 * Runs in O(k · L) for k parts.
 *
 * @example
 * documentLineParts([
 *   { vendor: 'v', value: 1, subject: 'Toner – order 827903052', document: '827903052-1' },
 *   { vendor: 'v', value: 1, subject: 'Paper', document: '827903052-2' },
 *   { vendor: 'v', value: 1, subject: 'Paper', document: 'FP2023000145' },
 * ]) //=> [true, true, false]
 */
export function documentLineParts(parts: readonly PartFields[]): boolean[] {
  const names = parts.map((p) => {
    const ids = namedDocuments(p.document, p.subject);
    return p.document === undefined ? ids : ids.concat(wholeDocument(p.document));
  });
  if (names.every((ids) => ids.length === 0)) return names.map(() => false);
  const named = names.map((ids) => new Set(ids));
  const count = new Map<string, number>();
  for (const ids of named) for (const id of ids) count.set(id, (count.get(id) ?? 0) + 1);
  return named.map((ids) => [...ids].some((id) => (count.get(id) as number) > 1));
}
