import type { FieldProblem } from '../errors';

/** The request fields, accepted in any letter case. */
export const FIELDS = {
  casterId: 'CasterId',
  resourceId: 'ResourceId',
  regionId: 'RegionId',
  dryRun: 'DryRun',
  resourceIds: 'ResourceIds',
  items: 'Items',
} as const;

export type FieldName = (typeof FIELDS)[keyof typeof FIELDS];
export type FieldValues = Partial<Record<FieldName, unknown>>;

/** The fields of one item: what an `Items` entry, the query or a form may hold. */
export const SCALAR_FIELDS: readonly FieldName[] = [FIELDS.casterId, FIELDS.resourceId, FIELDS.regionId, FIELDS.dryRun];
/** What a payload's top level may hold. */
export const PAYLOAD_FIELDS: readonly FieldName[] = [...SCALAR_FIELDS, FIELDS.resourceIds, FIELDS.items];

const BY_LOWER = new Map<string, FieldName>(Object.values(FIELDS).map((name) => [name.toLowerCase(), name]));

/** The field a key names, in any letter case. */
export function fieldNamed(key: string): FieldName | undefined {
  return BY_LOWER.get(key.toLowerCase());
}

// Exactly these spellings, without padding: anything else is not a clear answer.
const TRUE = /^(true|1|yes)$/i;
const FALSE = /^(false|0|no)$/i;

/** What a DryRun value says (booleans, or what queries, forms and scripts send for them), or undefined when it says nothing clear. */
export function dryRunValue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string' && (TRUE.test(value) || FALSE.test(value))) return TRUE.test(value);
  return undefined;
}

/**
 * The same field in two places says the same: the same text (`true` in JSON,
 * `true` in a query), or for DryRun the same clear answer. Objects are never
 * turned into text: `String()` of hostile JSON can throw or recurse.
 */
export function agrees(name: FieldName, a: unknown, b: unknown): boolean {
  if (name === FIELDS.dryRun) {
    const x = dryRunValue(a);
    return x !== undefined && x === dryRunValue(b);
  }
  const scalar = (v: unknown) => v === null || typeof v !== 'object';
  return a === b || (scalar(a) && scalar(b) && String(a) === String(b));
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
 * The `accepted` fields of `obj` in any letter case, own keys only (so
 * `__proto__` in hostile JSON is never read as a field), and its problems:
 * a key that is a near miss of a field is refused, naming the field meant,
 * because a misspelt `DryRun` must never turn a dry run into a delete; a
 * field given twice with different values is refused, because the function
 * never picks one of two readings. Keys unlike any field (a pipeline's own
 * metadata) are left alone. Near misses come first, then fields given twice,
 * in `accepted` order.
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
    if (!Object.hasOwn(obj, key)) continue;
    const name = fieldNamed(key);
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
      const list = twice[name] ?? [];
      twice[name] = list;
      list.push({ field: at + name, problem: `given as both ${first} and ${key} with different values` });
    }
  }
  if (twice) for (const name of accepted) problems.push(...(twice[name] ?? []));
  return { values, problems };
}
