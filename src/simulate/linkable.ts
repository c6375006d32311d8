/** Whether a scheme's parts share any field a grouping rule could use (see `SchemeTruth.linkable`). */
import { categoryKey, normalizeText, vendorKey, vendorTrade } from '../records/normalize.js';
import { subjectTokens } from '../similarity/tokens.js';
import { VAGUE_SUBJECTS_EN, VAGUE_SUBJECTS_ZH } from './_catalogue.js';
import type { SimulatedRecord } from './truth.js';

const VAGUE = new Set([...VAGUE_SUBJECTS_ZH, ...VAGUE_SUBJECTS_EN].map(normalizeText));

/** The subject says nothing about what was bought ("Goods", "采购"). */
export const isVague = (subject: string): boolean => VAGUE.has(normalizeText(subject));

/**
 * What a part offers to be linked by: its vendor key, its vendor's trade (`vendorTrade`), category
 * group, project and subject words, as `v …`, `t …`, `c …`, `p …` and `s …` keys.
 *
 * @example
 * [...linkKeys({ vendor: 'Acme Toner Ltd', category: '30192000', subject: 'printer toner' } as SimulatedRecord)]
 * //=> ['v acme toner', 't toner', 'c 301', 's printer', 's toner']
 */
export function linkKeys(p: SimulatedRecord): Set<string> {
  const vendor = vendorKey(p.vendor);
  const trade = vendorTrade(vendor);
  const keys = new Set([`v ${vendor}`]);
  if (trade !== undefined) keys.add(`t ${trade}`);
  if (p.category !== undefined) keys.add(`c ${categoryKey(p.category).slice(0, 3)}`);
  if (p.project !== undefined) for (const t of subjectTokens(p.project)) keys.add(`p ${t}`);
  if (!isVague(p.subject)) for (const t of subjectTokens(p.subject)) keys.add(`s ${t}`);
  return keys;
}

/**
 * True when every part is reached from the first by a chain of parts that share a link key.
 *
 * Runs in O(k² · f) for k parts of f keys each (schemes have a handful of parts).
 */
export function linkable(parts: readonly SimulatedRecord[]): boolean {
  const keys = parts.map(linkKeys);
  const reached = new Set([0]);
  const stack = [0];
  while (stack.length > 0) {
    const i = stack.pop()!;
    keys.forEach((k, j) => {
      if (reached.has(j)) return;
      for (const key of keys[i]!) {
        if (k.has(key)) {
          reached.add(j);
          stack.push(j);
          return;
        }
      }
    });
  }
  return reached.size === parts.length;
}
