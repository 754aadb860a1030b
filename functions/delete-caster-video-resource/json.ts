// What both the event reader (delivery/) and the request reader (request/)
// need of JSON: telling objects apart, and a payload that could not be read.

export type JsonObject = Record<string, unknown>;

/** Text, from a string or the bytes FC and the triggers hand over; undefined for anything else. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  return undefined;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A message that could not be opened; it becomes one invalid record, never a throw. `field`: the field at fault, when one is. */
export class Unreadable {
  constructor(
    readonly reason: string,
    readonly field = '(event)',
  ) {}
}

/** The request's fields by their lower-case names: repeating one of these in an object is refused. */
const GUARDED = new Map(
  ['CasterId', 'ResourceId', 'RegionId', 'DryRun', 'ResourceIds', 'Items'].map((name) => [name.toLowerCase(), name]),
);

/**
 * JSON text, read through a leading byte-order mark. A request field given
 * twice in one object with different values is refused: JSON.parse would keep
 * the last one, and the function never picks one of two readings.
 */
export function parseJson(text: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (err) {
    return new Unreadable(`is not valid JSON (${(err as Error).message})`);
  }
  const twice = mayRepeat(source) ? repeatedField(source) : undefined;
  return twice === undefined ? value : new Unreadable('is given twice with different values', twice);
}

/** A cheap first look: a field's name must appear twice for it to be repeated. */
function mayRepeat(text: string): boolean {
  const lower = text.toLowerCase();
  for (const name of GUARDED.keys()) {
    const first = lower.indexOf(`"${name}"`);
    if (first >= 0 && lower.indexOf(`"${name}"`, first + 1) > 0) return true;
  }
  return false;
}

interface Container {
  /** Objects only: each guarded key seen, with its value as written. */
  keys: Map<string, string> | undefined;
  key: string | undefined;
  valueFrom: number;
}

/**
 * The first field that one object of `text` (valid JSON) holds twice with
 * different values as written, by its name. JSON.parse keeps no trace of a
 * repeated key and no small library reports one, so this walks the text once,
 * remembering guarded keys only.
 */
function repeatedField(text: string): string | undefined {
  const stack: Container[] = [];
  let expectKey = false;
  /** The value of the top object's current key ended at `end`: compare it with an earlier one. */
  const ended = (end: number): string | undefined => {
    const top = stack[stack.length - 1];
    if (top?.keys === undefined || top.key === undefined) return undefined;
    const key = top.key;
    const raw = text.slice(top.valueFrom, end).trim();
    top.key = undefined;
    const before = top.keys.get(key);
    if (before === undefined) top.keys.set(key, raw);
    return before === undefined || before === raw ? undefined : GUARDED.get(key);
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const name = (JSON.parse(text.slice(i, j + 1)) as string).toLowerCase();
        top.key = GUARDED.has(name) ? name : undefined;
      }
      expectKey = false;
      i = j;
    } else if (c === ':') {
      stack[stack.length - 1].valueFrom = i + 1;
    } else if (c === '{' || c === '[') {
      stack.push({ keys: c === '{' ? new Map() : undefined, key: undefined, valueFrom: 0 });
      expectKey = c === '{';
    } else if (c === ',' || c === '}' || c === ']') {
      const twice = ended(i);
      if (twice !== undefined) return twice;
      if (c !== ',') stack.pop();
      expectKey = c === ',' && stack[stack.length - 1]?.keys !== undefined;
    }
  }
  return undefined;
}
