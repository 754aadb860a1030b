import type { FieldProblem } from '../errors';

/** The request fields (SPEC §4), accepted in any letter case. */
export const FIELDS = {
  casterId: 'CasterId',
  resourceId: 'ResourceId',
  regionId: 'RegionId',
  dryRun: 'DryRun',
  resourceIds: 'ResourceIds',
  items: 'Items',
} as const;

export type FieldName = (typeof FIELDS)[keyof typeof FIELDS];

/** The fields of one item: what an `Items` entry, the query or a form may hold. */
export const SCALAR_FIELDS: readonly FieldName[] = [FIELDS.casterId, FIELDS.resourceId, FIELDS.regionId, FIELDS.dryRun];
/** What a payload's top level may hold. */
export const PAYLOAD_FIELDS: readonly FieldName[] = [...SCALAR_FIELDS, FIELDS.resourceIds, FIELDS.items];

const hasOwn = (obj: object, key: string) => Object.prototype.hasOwnProperty.call(obj, key);

/** Each field's name in lower case, and the field of each lower-case name, worked out once. */
const LOWER = Object.fromEntries(Object.values(FIELDS).map((name) => [name, name.toLowerCase()])) as Record<
  FieldName,
  string
>;
const BY_LOWER = new Map<string, FieldName>(Object.values(FIELDS).map((name) => [name.toLowerCase(), name]));

/**
 * A field by its name in any letter case. Own properties only, so
 * `__proto__` or `constructor` keys in hostile JSON are never read as fields.
 */
export function pickField(
  obj: Record<string, unknown>,
  name: FieldName,
  at: string,
  problems: FieldProblem[],
): unknown {
  const wanted = LOWER[name];
  let found: string | undefined;
  for (const key in obj) {
    // The length first: most keys are other fields, and this runs for every field of every record.
    if (key.length !== wanted.length || key.toLowerCase() !== wanted || !hasOwn(obj, key)) continue;
    if (found === undefined) found = key;
    else if (!sameValue(obj[found], obj[key])) {
      problems.push({ field: at + name, problem: `given as both ${found} and ${key} with different values` });
    }
  }
  return found === undefined ? undefined : obj[found];
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    // Nesting too deep to serialise (a RangeError): report the two as different.
    return false;
  }
}

/** Edit distance, for "did you mean": field names are short, so the plain O(n·m) table is enough. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

/** At most this many misspelt keys are named; a hostile object may hold thousands. */
const MAX_NAMED = 10;

/** The accepted field a key is a near miss of (`Resource_Id`, `DryRn`, `Item`), if any. */
function nearMiss(key: string, accepted: readonly FieldName[]): FieldName | undefined {
  const simple = key.toLowerCase().replace(/[^a-z]/g, '');
  let best: { name: FieldName; d: number } | undefined;
  for (const name of accepted) {
    const d = distance(simple, name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/**
 * Keys that are none of `accepted` but close to one of them: refused, naming
 * the field meant, because a misspelt `DryRun` must never turn a dry run into
 * a delete. Keys unlike any field (a pipeline's own metadata) are left alone.
 */
export function misspeltFields(
  obj: Record<string, unknown>,
  accepted: readonly FieldName[],
  at: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key in obj) {
    if (!hasOwn(obj, key)) continue;
    const lower = key.toLowerCase();
    if (accepted.some((name) => LOWER[name] === lower)) continue;
    const meant = nearMiss(key, accepted);
    if (!meant) continue;
    if (problems.length === MAX_NAMED) {
      problems.push({ field: `${at}(more)`, problem: 'further misspelt fields not listed' });
      break;
    }
    problems.push({ field: at + key.slice(0, 64), problem: `is not a known field; did you mean ${meant}?` });
  }
  return problems;
}

export type FieldValues = Partial<Record<FieldName, unknown>>;

/**
 * `accepted` fields of `obj` in any letter case, and its problems, in one pass
 * over its own keys (this runs for every record): what `misspeltFields` and
 * `pickField` find, in the same order (near misses first, then fields given
 * twice with different values, in `accepted` order).
 */
export function readFields(
  obj: Record<string, unknown>,
  accepted: readonly FieldName[],
  at: string,
): { values: FieldValues; problems: FieldProblem[] } {
  const values: FieldValues = {};
  const keyOf: Partial<Record<FieldName, string>> = {};
  const problems: FieldProblem[] = [];
  let twice: Partial<Record<FieldName, FieldProblem[]>> | undefined;
  let named = 0;
  for (const key in obj) {
    if (!hasOwn(obj, key)) continue;
    const name = BY_LOWER.get(key.toLowerCase());
    if (name === undefined || !accepted.includes(name)) {
      if (named > MAX_NAMED) continue;
      const meant = nearMiss(key, accepted);
      if (!meant) continue;
      named += 1;
      problems.push(
        named > MAX_NAMED
          ? { field: `${at}(more)`, problem: 'further misspelt fields not listed' }
          : { field: at + key.slice(0, 64), problem: `is not a known field; did you mean ${meant}?` },
      );
      continue;
    }
    const first = keyOf[name];
    if (first === undefined) {
      keyOf[name] = key;
      values[name] = obj[key];
    } else if (!sameValue(values[name], obj[key])) {
      twice ??= {};
      (twice[name] ??= []).push({
        field: at + name,
        problem: `given as both ${first} and ${key} with different values`,
      });
    }
  }
  if (twice) for (const name of accepted) problems.push(...(twice[name] ?? []));
  return { values, problems };
}
