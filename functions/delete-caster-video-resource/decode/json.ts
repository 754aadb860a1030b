// JSON text decoded once into values the readers can trust: every key as
// unescaped, a key given twice with different values kept as a Repeated
// marker (never the last value, as JSON.parse would), and a number written in
// any other form than its shortest (`1e-400`, `1.0`) kept as its text, so
// that no reader takes a rounded number for the literal 0 or 1.
//
// jsonc-parser (Microsoft's, as VS Code uses it) reports each key and literal
// with its place in the text; with comments and trailing commas refused it
// checks plain JSON. JSON.parse keeps no trace of a repeated key or of how a
// number was written, and nothing smaller does both.
import { type ParseErrorCode, visit } from 'jsonc-parser';

/** jsonc-parser's ParseErrorCode names, from 1; the bundle takes its parser alone, without the module that names them. */
const PARSE_ERRORS = [
  'InvalidSymbol',
  'InvalidNumberFormat',
  'PropertyNameExpected',
  'ValueExpected',
  'ColonExpected',
  'CommaExpected',
  'CloseBraceExpected',
  'CloseBracketExpected',
  'EndOfFileExpected',
  'InvalidCommentToken',
  'UnexpectedEndOfComment',
  'UnexpectedEndOfString',
  'UnexpectedEndOfNumber',
  'InvalidUnicode',
  'InvalidEscapeCharacter',
  'InvalidCharacter',
];

/** A key that one object gives twice with different values: neither value is read. */
export class Repeated {
  constructor(readonly key: string) {}
}

/** A number written otherwise than in its shortest form; only its text is kept. */
export class NumberText {
  constructor(readonly text: string) {}
}

export type JsonObject = Record<string, unknown>;

/** What a text decodes to: a value, or why it is not JSON. Never an object that could be read as a request. */
export type Decoded = { kind: 'json'; value: unknown } | { kind: 'unreadable'; problem: string };

/** Deeper nesting than any request needs; refused before the parser's own recursion could run out of stack. */
export const MAX_DEPTH = 64;

/** A plain object, as JSON makes them: never an array, a Buffer or a marker. */
export function isObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Text from a string or the bytes FC and the triggers hand over; undefined for anything else. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  return undefined;
}

/** Whether two values are the same JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    // Nesting too deep to serialise (a RangeError): report the two as different.
    return false;
  }
}

interface Open {
  value: JsonObject | unknown[];
  key: string | undefined;
  /** This container is the second value of a key its parent already holds: compared once it is complete. */
  second?: { parent: JsonObject; key: string };
}

/** Sets `key` once; a second value that differs leaves a Repeated marker in its place. */
function setOnce(object: JsonObject, key: string, value: unknown): void {
  if (!Object.hasOwn(object, key)) {
    // Defined, not assigned: `__proto__` is a key like any other, never the object's prototype.
    if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true });
    else object[key] = value;
  } else if (!(object[key] instanceof Repeated) && !sameValue(object[key], value)) {
    object[key] = new Repeated(key);
  }
}

/** JSON text, read through a leading byte-order mark. */
export function decodeJson(text: string): Decoded {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const stack: Open[] = [];
  let root: unknown;
  let rooted = false;
  let problem: string | undefined;

  /**
   * Places a value in the container being read. A container that is a key's
   * second value is still empty here: its `second` says to compare it once complete.
   */
  const put = (value: unknown, container = false): Open['second'] => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      root = value;
      rooted = true;
    } else if (Array.isArray(top.value)) {
      top.value.push(value);
    } else {
      const key = top.key as string;
      if (container && Object.hasOwn(top.value, key)) return { parent: top.value, key };
      setOnce(top.value, key, value);
    }
    return undefined;
  };
  const open = (value: JsonObject | unknown[]) => {
    if (problem !== undefined) return;
    if (stack.length >= MAX_DEPTH) problem = `nests deeper than ${MAX_DEPTH} levels`;
    stack.push({ value, key: undefined, second: put(value, true) });
  };
  const close = () => {
    if (problem !== undefined) return;
    const done = stack.pop();
    if (done?.second) setOnce(done.second.parent, done.second.key, done.value);
  };

  try {
    visit(
      source,
      {
        onObjectBegin: () => open({}),
        onObjectProperty: (key) => {
          if (problem === undefined) stack[stack.length - 1].key = key;
        },
        onObjectEnd: close,
        onArrayBegin: () => open([]),
        onArrayEnd: close,
        onLiteralValue: (value: unknown, offset: number, length: number) => {
          if (problem !== undefined) return;
          if (typeof value !== 'number') return put(value);
          const written = source.slice(offset, offset + length);
          put(String(value) === written ? value : new NumberText(written));
        },
        onError: (code: ParseErrorCode, offset: number) => {
          problem ??= `is not valid JSON (${PARSE_ERRORS[code - 1] ?? 'error'} at position ${offset})`;
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (err) {
    // The parser recurses once per level: only nesting far past MAX_DEPTH gets here.
    if (!(err instanceof RangeError)) throw err;
    problem ??= `nests deeper than ${MAX_DEPTH} levels`;
  }
  if (problem !== undefined) return { kind: 'unreadable', problem };
  if (!rooted) return { kind: 'unreadable', problem: 'is not valid JSON (no value)' };
  return { kind: 'json', value: root };
}
