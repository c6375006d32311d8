/**
 * A deep copy of plain data (objects, arrays, primitives) in which no two paths share an object,
 * so a caller may mutate any part of a preset without touching the tables or another threshold.
 * Runs in O(size of the value).
 */
export function _deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => _deepCopy(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = _deepCopy(v);
    return out as T;
  }
  return value;
}
