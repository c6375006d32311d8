/**
 * Budget projects compared by the words that name them. Clerks write one project many ways — its
 * budget year before, after or in brackets, as a fiscal year ("IT equipment 2024", "2024 IT
 * Equipment", "IT equipment FY24", "2024年度信息化建设", "信息化建设（2024年）"), with or without the word
 * "project" (项目, 专项) — and a ledger's project column is free text. The word "project" says nothing,
 * and a year is the same year however it is written; a year written on one record and left out on
 * another still tells the two apart (the budget of one year, or a line of no year).
 */

/**
 * Budget years and fiscal-year marks: 2024, FY24, FY2024, 2024年, 2024年度, and a fiscal year of two
 * calendar years, 2023/24 or 2023-2024 (the second the year after the first: "2014-01" is a number).
 */
const YEAR = /\bfy\s?(19|20)?(\d{2})\b|(?<!\d)(19|20)(\d{2})(?:\s?[/-]\s?(?:19|20)?(\d{2}))?\s?(?:年度|年)?(?!\d)/gu;
/** A year as four digits, and a fiscal year of two calendar years as both. */
function canonicalYear(match: string, fyCentury: string | undefined, fy: string | undefined, century: string | undefined, first: string | undefined, second: string | undefined): string {
  if (fy !== undefined) return ` ${fyCentury ?? (Number(fy) < 50 ? '20' : '19')}${fy} `;
  if (second === undefined) return ` ${century}${first} `;
  const next = (Number(first) + 1) % 100;
  if (Number(second) === next) return ` ${century}${first} ${next === 0 ? Number(century) + 1 : century}${String(next).padStart(2, '0')} `;
  // Two years that are no fiscal year ("2024 - 2024年度"): the first as a year, the rest read again.
  return ` ${century}${first} ${match.slice(4).replace(YEAR, canonicalYear)}`;
}
/** Words that only say "a project": dropped wherever they stand. */
const PROJECT_WORDS = /\b(?:project|projects|programme|programmes|program|programs)\b|项目|专项/gu;
/** Punctuation and symbols left around what was dropped ("(2024)", "（2024年）", "– FY24"). */
const PUNCTUATION = /[\p{P}\p{S}]+/gu;

/**
 * The name a budget project is compared by: its key (already case- and space-folded, see
 * `normalizeText`) with each budget year written as four digits (FY24, 2024年度 → 2024; a fiscal
 * year 2023/24 → 2023 2024), without the words "project" / "programme" (项目, 专项) and punctuation,
 * its words in alphabetical order. A name with nothing left keeps its key. Other numbers stay
 * ("project 1" and "project 2" are two projects, 一期 and 二期 too).
 *
 * Runs in O(length of the key).
 *
 * @example
 * projectName('city image campaign project') === projectName('City Image Campaign'.toLowerCase()) //=> true
 * projectName('it equipment (2024)') === projectName('fy24 it equipment') //=> true
 * projectName('2024年度信息化建设') //=> '2024 信息化建设'
 * projectName('project 1') //=> '1'
 */
export function projectName(key: string): string {
  const words = key.replace(YEAR, canonicalYear).replace(PROJECT_WORDS, ' ').replace(PUNCTUATION, ' ').split(' ').filter((w) => w.length > 0);
  return words.length === 0 ? key : words.sort().join(' ');
}
