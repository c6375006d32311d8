/**
 * Maps tokens to integer ids ordered by rarity (rarest first, ties by the token itself), so that
 * each record's tokens become an ascending array of ids whose first entries are its rarest tokens:
 * the order prefix filtering needs (the text join of `cluster/link.ts`).
 *
 * `weights[i]` counts list i that many times (a distinct subject used by several records).
 *
 * Runs in O(T log T) for T distinct tokens.
 */
export function rankTokens(lists: readonly (readonly string[])[], weights?: ArrayLike<number>): number[][] {
  const freq = new Map<string, number>();
  lists.forEach((list, i) => {
    const w = weights ? (weights[i] as number) : 1;
    for (const t of list) freq.set(t, (freq.get(t) ?? 0) + w);
  });
  const order = [...freq.keys()].sort((a, b) => (freq.get(a) as number) - (freq.get(b) as number) || (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map<string, number>();
  order.forEach((t, i) => rank.set(t, i));
  const empty: number[] = [];
  return lists.map((list) => (list.length === 0 ? empty : list.map((t) => rank.get(t) as number).sort((a, b) => a - b)));
}
