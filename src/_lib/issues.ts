import * as z from 'zod/mini';
import type { OptionIssue } from '../errors.js';
import { closest } from './closest.js';

type Path = readonly (string | number)[];

/** Any zod schema, `zod/mini`'s or classic zod's: walked through its definition, `_zod.def`. */
type Schema = z.core.$ZodType;

/**
 * zod issues → {@link OptionIssue}s, paths prefixed by `prefix`. A key no object schema declares
 * becomes one issue per key, at the key's own path, with the nearest declared key as a suggestion:
 * `subject.minSim: unknown key "minSim"; did you mean "minSimilarity"?`. That holds inside unions
 * too (`window: { dayz: 3 }`), where zod reports only that no member matched.
 *
 * Runs in O(issues × declared keys at their paths).
 *
 * @example
 * const schema = z.strictObject({ window: z.optional(z.number()) });
 * optionIssues(schema.safeParse({ windw: 1 }).error as z.core.$ZodError, schema)
 * //=> [{ path: ['windw'], message: 'unknown key "windw"; did you mean "window"?' }]
 */
export function optionIssues(error: z.core.$ZodError, schema: Schema, prefix: Path = []): OptionIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys : issue.code === 'invalid_union' ? unknownInEveryMember(issue.errors) : [];
    if (unknown.length === 0) {
      // A bad record key: zod says only "Invalid key in record"; the key's own issue says why.
      const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
      return [{ path: [...prefix, ...path], message }];
    }
    const known = declaredKeys(schema, path);
    return unknown.map((key) => ({ path: [...prefix, ...path, key], message: unknownKey(key, known) }));
  });
}

/** The message for a key that is not among `known`. */
function unknownKey(key: string, known: readonly string[]): string {
  const near = closest(key, known);
  const shown = JSON.stringify(key);
  return near !== undefined ? `unknown key ${shown}; did you mean "${near}"?` : `unknown key ${shown}; known keys: ${known.join(', ')}`;
}

/** Keys every member of a failed union found unrecognised at its own top level. */
function unknownInEveryMember(errors: readonly (readonly z.core.$ZodIssue[])[]): string[] {
  const sets = errors.map((issues) => new Set(issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : []))));
  const [first, ...rest] = sets;
  return first ? [...first].filter((k) => rest.every((s) => s.has(k))) : [];
}

/** The keys the object schema(s) at `path` declare; a union contributes every member's keys. */
function declaredKeys(schema: Schema, path: Path): string[] {
  let level = [schema];
  for (const segment of path) level = level.flatMap((s) => members(s).flatMap((m) => child(m, segment)));
  return [...new Set(level.flatMap((s) => members(s).flatMap((m) => (m._zod.def.type === 'object' ? Object.keys((m._zod.def as z.core.$ZodObjectDef).shape) : []))))];
}

/** A schema without its optional, nullable, default and pipe wrappers, and a union as its members. */
function members(s: Schema): Schema[] {
  const def = s._zod.def;
  if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') return members((def as z.core.$ZodOptionalDef).innerType);
  if (def.type === 'pipe') return members((def as z.core.$ZodPipeDef).in);
  if (def.type === 'union') return (def as z.core.$ZodUnionDef).options.flatMap(members);
  return [s];
}

function child(s: Schema, segment: string | number): Schema[] {
  const def = s._zod.def;
  if (def.type === 'object') {
    const shape = (def as z.core.$ZodObjectDef).shape;
    const field = typeof segment === 'string' && Object.hasOwn(shape, segment) ? shape[segment] : undefined;
    return field ? [field] : [];
  }
  if (def.type === 'array') return [(def as z.core.$ZodArrayDef).element];
  if (def.type === 'record') return [(def as z.core.$ZodRecordDef).valueType];
  return [];
}
