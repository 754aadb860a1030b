import { type JsonObject, Repeated, sameValue } from '../decode/json';
import type { FieldProblem } from '../errors';
import { FIELDS, type FieldName, nameOf } from './names';

export { FIELDS, type FieldName } from './names';

export type FieldValues = Partial<Record<FieldName, unknown>>;

/** The fields of one item: what an `Items` entry, the query, a form or an envelope beside a message may hold. */
export const SCALAR_FIELDS: readonly FieldName[] = [
  FIELDS.casterId,
  FIELDS.resourceId,
  FIELDS.regionId,
  FIELDS.dryRun,
  FIELDS.locationId,
];
/** What a payload's top level may hold. */
export const PAYLOAD_FIELDS: readonly FieldName[] = [...SCALAR_FIELDS, FIELDS.resourceIds, FIELDS.items];

/** An object whose keys are read holds at most this many: a request needs a handful, so the reading stays cheap. */
export const MAX_KEYS = 64;
/** Past this many misread keys, an object is refused without naming the rest. */
const MAX_MISREAD = 10;

// Exactly these spellings, without padding: anything else is not a clear answer.
const TRUE = /^(true|1|yes)$/i;
const FALSE = /^(false|0|no)$/i;

/**
 * What a DryRun value says (booleans, the literals 0 and 1, or what queries,
 * forms and scripts send for them), or undefined when it says nothing clear.
 */
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

/** One object's keys, each named once. */
export interface ReadKeys {
  /** The fields `accepted` here, by their names. */
  values: FieldValues;
  /** Keys a message may sit under, as written. */
  carriers: string[];
  /** Every key that is refused, and why. */
  problems: FieldProblem[];
}

/**
 * The keys of `obj` (own keys only, so `__proto__` in hostile JSON is never
 * read as a field): a field `accepted` here, in any ASCII letter case; a key
 * a message sits under; and the problems. Refused: a field not accepted here,
 * a key that reads as a field but is not one (`DryRn`, full-width `ＤｒｙＲｕｎ`),
 * a field given twice with different values (a repeated JSON key, or two
 * spellings), and an object with more than MAX_KEYS keys. Other keys (a
 * pipeline's own metadata) are left alone. `at` prefixes each field named.
 */
export function readKeys(obj: JsonObject, accepted: readonly FieldName[], at: string): ReadKeys {
  const values: FieldValues = {};
  const carriers: string[] = [];
  const problems: FieldProblem[] = [];
  const keys = Object.keys(obj);
  if (keys.length > MAX_KEYS) {
    problems.push({ field: at || '(request)', problem: `holds ${keys.length} keys; at most ${MAX_KEYS} are read` });
    return { values, carriers, problems };
  }
  const keyOf: Partial<Record<FieldName, string>> = {};
  let misread = 0;
  for (const key of keys) {
    if (misread === MAX_MISREAD) {
      problems.push({ field: at || '(request)', problem: 'holds more keys that read as fields; they are not listed' });
      break;
    }
    const value = obj[key];
    const field = at + key.slice(0, 64);
    const name = nameOf(key);
    if (value instanceof Repeated) {
      problems.push({ field, problem: 'is given twice with different values' });
    } else if (name.kind === 'carrier') {
      carriers.push(key);
    } else if (name.kind === 'misread') {
      misread += 1;
      const problem = name.lookalike
        ? `is not a known field: it is written in look-alike letters; write ${name.meant} in ASCII`
        : `is not a known field; did you mean ${name.meant}?`;
      problems.push({ field, problem });
    } else if (name.kind === 'field' && !accepted.includes(name.name)) {
      problems.push({ field, problem: 'is not accepted here' });
    } else if (name.kind === 'field') {
      const first = keyOf[name.name];
      if (first === undefined) {
        keyOf[name.name] = key;
        values[name.name] = value;
      } else if (!sameValue(values[name.name], value)) {
        problems.push({ field: at + name.name, problem: `is given as both ${first} and ${key} with different values` });
      }
    }
  }
  return { values, carriers, problems };
}
