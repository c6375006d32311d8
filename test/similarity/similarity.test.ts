/** Subject similarity: tokens, rarity weights per buyer, key tokens, and the weighted Jaccard measure. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jaccard, overlap, shareRareToken, sharedWeight, similarEnough, similarSets, textSimilarity, weightOf } from '../../src/similarity/jaccard.js';
import { keyTokenCount, RARE_WEIGHT, rareTokenCount, rarityWeight } from '../../src/similarity/rarity.js';
import { vocabularies } from '../../src/similarity/vocabulary.js';
import { TokenIds } from '../../src/similarity/intern.js';
import { subjectTokens } from '../../src/similarity/tokens.js';
import { runs } from '../helpers/runs.js';

/** Words of subjects, in the forms tokenising meets: cases, stop words, numbers, CJK, accents. */
const WORDS = ['road', 'Road', 'signs', 'office', 'chairs', '道路', '标牌', 'led', 'desks', 'the', '3rd', '2014', 'café', 'LED显示屏'];
const tokenList = fc.uniqueArray(fc.constantFrom(...WORDS), { maxLength: 6 });
/** Token lists of subjects: mostly short, sometimes longer than 32 tokens. */
const subjectTokenLists = fc.oneof(
  { arbitrary: tokenList, weight: 4 },
  { arbitrary: fc.uniqueArray(fc.constantFrom(...WORDS, ...Array.from({ length: 40 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${i < 26 ? '' : 'z'}`)), { minLength: 33, maxLength: 45 }), weight: 1 },
);
const idSet = fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 7 }).map((t) => t.sort((a, b) => a - b));
const weightTable = fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 10, maxLength: 10 });
/** Two sets that are often near each other (one from the other, a few ids dropped or added), so exact ties at t occur. */
const setPair = fc.oneof(
  fc.tuple(idSet, idSet),
  fc.tuple(idSet, fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }), fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 2 })).map(
    ([a, drop, add]) => [a, [...new Set([...a.filter((x) => !drop.includes(x)), ...add])].sort((x, y) => x - y)] as const,
  ),
);
/** Few distinct weights, so sums meet the threshold exactly. */
const smallWeights = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 10, maxLength: 10 });

describe('rarityWeight', () => {
  it('is ln(1 + subjects / uses) in thousandths, at least 1, and falls as a token is used more', () => {
    expect(rarityWeight(1, 1)).toBe(693);
    expect(rarityWeight(4, 146)).toBe(Math.round(1000 * Math.log(1 + 146 / 4)));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (uses, extra) => {
        const subjects = uses + extra;
        expect(rarityWeight(uses, subjects)).toBeGreaterThanOrEqual(rarityWeight(uses + 1, subjects));
        expect(rarityWeight(uses, subjects)).toBeGreaterThanOrEqual(1);
        expect(Number.isInteger(rarityWeight(uses, subjects))).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('TokenIds', () => {
  it("reads each text's subjectTokens as ids: one id per distinct token, across texts", () => {
    const word = fc.oneof(fc.constantFrom(...WORDS, 'ST', '1st', '4th5', 'of', 'ÉCOLE', '(6月)', 'a'), fc.string({ maxLength: 6 }), fc.stringMatching(/^[a-zA-Z0-9]{1,6}$/u));
    const text = fc.array(word, { maxLength: 8 }).chain((ws) => fc.constantFrom(' ', ',', '-', '').map((sep) => ws.join(sep)));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (texts) => {
        const t = new TokenIds();
        const idOf = new Map<string, number>();
        for (const s of texts) {
          t.read(s);
          const ids = [...t.ids.subarray(0, t.count)];
          expect(ids.map((g) => t.tokenText(g))).toEqual(subjectTokens(s));
          ids.forEach((g, i) => {
            const token = subjectTokens(s)[i] as string;
            expect(idOf.get(token) ?? g).toBe(g);
            idOf.set(token, g);
          });
        }
        expect(new Set(idOf.values()).size).toBe(idOf.size);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('vocabularies', () => {
  it("numbers each buyer's tokens by uses (then the token), weighs them by rarity among the buyer's subjects, and shares equal sets", () => {
    const ledger = fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -1, max: 5 })), { maxLength: 30 });
    fc.assert(
      fc.property(ledger, fc.array(subjectTokenLists, { minLength: 5, maxLength: 5 }), (rows, five) => {
        // Subject 5 has subject 0's words in another order: one token set, two subjects.
        const subjects = [...five, [...(five[0] as string[])].reverse()].map((words) => words.join(' '));
        const buyer = Int32Array.from(rows, ([b]) => b);
        const subject = Int32Array.from(rows, ([, s]) => s);
        const v = vocabularies(buyer, subject, (s) => subjects[s] as string);
        const tokensOf = (k: number): string[] => ((subject[k] as number) < 0 ? [] : subjectTokens(subjects[subject[k] as number] as string));
        for (const b of [0, 1, 2]) {
          const mine = rows.map((_, k) => k).filter((k) => buyer[k] === b && tokensOf(k).length > 0);
          const uses = new Map<string, number>();
          for (const k of mine) for (const t of tokensOf(k)) uses.set(t, (uses.get(t) ?? 0) + 1);
          // Tokens of one record first, in any order; then by uses, then by the token.
          const once = [...uses.keys()].filter((t) => uses.get(t) === 1).length;
          const order = [...uses.keys()].filter((t) => (uses.get(t) as number) > 1).sort((x, y) => (uses.get(x) as number) - (uses.get(y) as number) || (x < y ? -1 : 1));
          for (const k of mine) {
            const ids = v.tokensOf(v.pairOf[k] as number) as number[];
            expect(ids).toEqual([...ids].sort((x, y) => x - y));
            expect(ids.filter((id) => id >= once)).toEqual(tokensOf(k).filter((t) => (uses.get(t) as number) > 1).map((t) => once + order.indexOf(t)).sort((x, y) => x - y));
            expect(ids.filter((id) => id < once).length).toBe(tokensOf(k).filter((t) => uses.get(t) === 1).length);
            expect([...v.weightsOf(v.pairOf[k] as number)]).toEqual([...Array(once).fill(rarityWeight(1, mine.length)), ...order.map((t) => rarityWeight(uses.get(t) as number, mine.length))]);
            for (const j of mine) {
              const same = new Set(tokensOf(j)).size === new Set([...tokensOf(j), ...tokensOf(k)]).size && tokensOf(j).length === tokensOf(k).length;
              expect(v.tokensOf(v.pairOf[j] as number) === v.tokensOf(v.pairOf[k] as number)).toBe(same);
            }
          }
        }
        rows.forEach((_, k) => {
          if (tokensOf(k).length === 0) expect(v.pairOf[k]).toBe(-1);
        });
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('weighted Jaccard on token ids', () => {
  it('sharedWeight and weightOf sum the weights of the shared and of all tokens; jaccard and overlap count them', () => {
    fc.assert(
      fc.property(idSet, idSet, weightTable, (a, b, w) => {
        const shared = a.filter((x) => b.includes(x));
        expect(sharedWeight(a, b, w)).toBe(shared.reduce((s, x) => s + (w[x] as number), 0));
        expect(weightOf(a, w)).toBe(a.reduce((s, x) => s + (w[x] as number), 0));
        expect(overlap(a, b)).toBe(shared.length);
        if (a.length && b.length) expect(jaccard(a, b)).toBeCloseTo(shared.length / new Set([...a, ...b]).size, 12);
      }),
      { numRuns: runs(300) },
    );
  });

  it('similarSets, which stops early, answers as similarEnough of the whole shared weight, on sets side by side in one array', () => {
    fc.assert(
      fc.property(setPair, smallWeights, fc.constantFrom(0.1, 0.25, 0.3, 0.5, 1), fc.nat(3), ([a, b], w, t, gap) => {
        const tokens = [...a, ...Array(gap).fill(0), ...b];
        const expected = similarEnough(sharedWeight(a, b, w), weightOf(a, w), weightOf(b, w), t);
        expect(similarSets(tokens, 0, a.length, a.length + gap, tokens.length, w, weightOf(a, w), weightOf(b, w), t)).toBe(expected);
      }),
      { numRuns: runs(500) },
    );
  });

  // A vocabulary's weights: non-increasing by id (rarest first), many of them at the rare boundary.
  const rankedWeights = fc
    .array(fc.constantFrom(RARE_WEIGHT - 1, RARE_WEIGHT, RARE_WEIGHT + 1, 800, 2500, 6000), { minLength: 10, maxLength: 10 })
    .map((w) => w.sort((a, b) => b - a));

  it('weightOf, keyTokenCount and rareTokenCount of a range are those of the range as a set', () => {
    fc.assert(
      fc.property(idSet, fc.array(fc.nat(9), { maxLength: 3 }), fc.array(fc.nat(9), { maxLength: 3 }), rankedWeights, fc.constantFrom(0.1, 0.3, 1), (a, before, after, w, t) => {
        const tokens = [...before, ...a, ...after];
        const [from, to] = [before.length, before.length + a.length];
        expect(weightOf(tokens, w, from, to)).toBe(weightOf(a, w));
        expect(keyTokenCount(tokens, w, t, from, to)).toBe(keyTokenCount(a, w, t));
        expect(rareTokenCount(tokens, w, from, to)).toBe(rareTokenCount(a, w));
      }),
      { numRuns: runs(300) },
    );
  });

  it('rareTokenCount counts the tokens weighing at least RARE_WEIGHT, which lead a set', () => {
    expect(RARE_WEIGHT).toBe(rarityWeight(1, 32));
    fc.assert(
      fc.property(idSet, rankedWeights, (a, w) => {
        expect(rareTokenCount(a, w)).toBe(a.filter((x) => (w[x] as number) >= RARE_WEIGHT).length);
      }),
      { numRuns: runs(300) },
    );
  });

  it('shareRareToken is whether a shared token weighs at least RARE_WEIGHT, on sets side by side in one array', () => {
    fc.assert(
      fc.property(setPair, rankedWeights, fc.nat(3), ([a, b], w, gap) => {
        const tokens = [...a, ...Array(gap).fill(0), ...b];
        const expected = a.some((x) => b.includes(x) && (w[x] as number) >= RARE_WEIGHT);
        expect(shareRareToken(tokens, 0, a.length, a.length + gap, tokens.length, w)).toBe(expected);
      }),
      { numRuns: runs(500) },
    );
  });

  it('similarEnough is shared weight ≥ t × the weight of the union, and never for nothing shared', () => {
    expect(similarEnough(3, 5, 8, 0.3)).toBe(true); // 3 of 10
    expect(similarEnough(2, 5, 8, 0.3)).toBe(false); // 2 of 11
    expect(similarEnough(0, 0, 0, 0.3)).toBe(false);
    expect(similarEnough(7, 7, 7, 1)).toBe(true);
  });
});

describe('keyTokenCount', () => {
  it('is the shortest start whose remaining tokens weigh less than t of the set', () => {
    fc.assert(
      fc.property(idSet.filter((a) => a.length > 0), weightTable, fc.constantFrom(0.1, 0.3, 0.5, 0.8, 1), (a, w, t) => {
        const n = keyTokenCount(a, w, t);
        const total = a.reduce((s, x) => s + (w[x] as number), 0);
        const rest = (from: number) => a.slice(from).reduce((s, x) => s + (w[x] as number), 0);
        expect(rest(n)).toBeLessThan(t * total);
        expect(rest(n - 1)).toBeGreaterThanOrEqual(t * total);
      }),
      { numRuns: runs(300) },
    );
  });

  it('two sets whose weighted Jaccard similarity is at least t share a key token', () => {
    fc.assert(
      fc.property(idSet, idSet, weightTable, fc.constantFrom(0.1, 0.2, 0.3, 0.5, 1), (a, b, w, t) => {
        const shared = sharedWeight(a, b, w);
        fc.pre(similarEnough(shared, weightOf(a, w), weightOf(b, w), t));
        const keysA = a.slice(0, keyTokenCount(a, w, t));
        const keysB = b.slice(0, keyTokenCount(b, w, t));
        expect(keysA.some((x) => keysB.includes(x))).toBe(true);
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('textSimilarity', () => {
  /** The measure written out: uses of each token among the ledger's subjects with tokens. */
  function plain(a: string, b: string, ledger: readonly string[]): number {
    const lists = ledger.map(subjectTokens).filter((l) => l.length > 0);
    const uses = (t: string) => Math.max(1, lists.filter((l) => l.includes(t)).length);
    const w = (t: string) => Math.max(1, Math.round(1000 * Math.log(1 + Math.max(1, lists.length) / uses(t))));
    const ta = subjectTokens(a);
    const tb = subjectTokens(b);
    if (ta.length === 0 || tb.length === 0) return 0;
    const all = [...new Set([...ta, ...tb])];
    return all.filter((t) => ta.includes(t) && tb.includes(t)).reduce((s, t) => s + w(t), 0) / all.reduce((s, t) => s + w(t), 0);
  }

  const subject = fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((w) => w.join(' '));

  it('is the weighted Jaccard similarity of the subjects in the measure of the ledger: symmetric, in [0, 1], 1 for the same tokens', () => {
    fc.assert(
      fc.property(subject, subject, fc.array(subject, { maxLength: 8 }), (a, b, rest) => {
        const ledger = [a, b, ...rest];
        const s = textSimilarity(a, b, ledger);
        expect(s).toBeCloseTo(plain(a, b, ledger), 12);
        expect(s).toBe(textSimilarity(b, a, ledger));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        if (subjectTokens(a).length > 0) expect(textSimilarity(a, `${a} ${a}`, ledger)).toBe(1);
      }),
      { numRuns: runs(300) },
    );
  });

  it('rates a shared rare word above a shared common one', () => {
    // Each pair shares one token of three; 'office' is in 4 of 5 subjects, 'chairs' in 2.
    const ledger = ['office chairs', 'office desks', 'office paper', 'office toner', 'meeting chairs'];
    expect(textSimilarity('office chairs', 'meeting chairs', ledger)).toBeGreaterThan(textSimilarity('office chairs', 'office desks', ledger));
  });
});

describe('subjectTokens', () => {
  it.each([
    ['安保服务（6月）', '安保服务（7月）'],
    ['Supply of office chairs, batch 2', 'office chairs'],
    ['Ｏｆｆｉｃｅ  CHAIRS', 'office chairs'],
  ])('%s and %s are the same subject (numbers, boilerplate, width and case left out)', (a, b) => {
    expect(subjectTokens(a)).toEqual(subjectTokens(b));
    expect(subjectTokens(a).length).toBeGreaterThan(0);
  });

  it('splits CJK runs into characters and overlapping pairs, so 标牌 and 展示牌 share 牌', () => {
    expect(subjectTokens('标牌')).toEqual(['标', '标牌', '牌']);
    expect(subjectTokens('展示牌').filter((t) => subjectTokens('标牌').includes(t))).toEqual(['牌']);
    expect(subjectTokens('led显示屏')).toEqual(['led', '显', '显示', '示', '示屏', '屏']);
    expect(subjectTokens('𠀀𠀁')).toEqual(['𠀀', '𠀀𠀁', '𠀁']);
  });

  it('reads ASCII text as the general path reads it (numbers, ordinals, separators, stop words, case)', () => {
    // A CJK word after a space sends the text down the general path and adds only itself.
    // Up to 60 pieces, so some texts have more distinct words than a subject's tokens are scanned for.
    const piece = fc.oneof(fc.constantFrom('a', 'B', 'st', 'nd', 'rd', 'th', '1', '23', '.', ',', ':', '/', '-', ' ', 'of', 'Office', 'x9y', '_', '(', '3rd', '2014-11'), fc.stringMatching(/^ [a-zA-Z]{2,3}$/));
    const ascii = fc.array(piece, { maxLength: 60, size: 'max' }).map((p) => p.join(''));
    fc.assert(
      fc.property(ascii, (s) => {
        expect(subjectTokens(s)).toEqual(subjectTokens(`${s} 中`).filter((t) => t !== '中'));
      }),
      { numRuns: runs(1000) },
    );
  });

  it('returns distinct tokens', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const t = subjectTokens(s);
        expect(new Set(t).size).toBe(t.length);
      }),
      { numRuns: runs(200) },
    );
  });
});
