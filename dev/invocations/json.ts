// JSON built as text, so that hostile payloads (deep nesting, huge strings,
// __proto__ keys) reach the function exactly as FC would hand them over.

/** JSON text spliced in as it is: nesting deeper than any recursive serialiser survives, or huge values. */
export class RawJson {
  constructor(readonly text: string) {}
}
export type Json = null | boolean | number | string | RawJson | Json[] | { [key: string]: Json };

/** An object whose keys may include __proto__ or constructor as plain own keys. */
export function obj(entries: Array<[string, Json | undefined]>): { [key: string]: Json } {
  const o: { [key: string]: Json } = Object.create(null);
  for (const [k, v] of entries) if (v !== undefined) o[k] = v;
  return o;
}

export function jsonText(value: Json): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .map((k) => `${JSON.stringify(k)}:${jsonText(value[k]!)}`)
      .join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

/** Every string in a parsed value, keys excluded, walked without recursion (values may nest 30,000 deep). */
export function stringsIn(root: unknown, into = new Set<string>()): Set<string> {
  const stack: unknown[] = [root];
  let budget = 2_000_000;
  while (stack.length > 0 && budget-- > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      into.add(v);
      // A string may carry JSON (CloudEvent data) or a form body.
      if (/^\s*[[{]/.test(v)) {
        try {
          stack.push(JSON.parse(v.replace(/^\uFEFF/, '')));
        } catch {
          /* not JSON */
        }
      }
      if (v.includes('=')) for (const [, x] of new URLSearchParams(v)) into.add(x);
      // Base64 bodies and data_base64.
      if (v.length >= 4 && v.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(v))
        stack.push(Buffer.from(v, 'base64').toString('utf8'));
      for (const part of v.split('/')) {
        try {
          into.add(decodeURIComponent(part));
        } catch {
          into.add(part);
        }
      }
    } else if (Buffer.isBuffer(v)) {
      stack.push(v.toString('utf8'));
    } else if (v instanceof RawJson) {
      stack.push(v.text);
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push(x);
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return into;
}
