export type Encoding = 'text' | 'base64' | 'json' | 'raw';

/**
 * The messages at `at` (fixture README notation: `$`, `.key`, `[i]` every element,
 * `|json` parse the string) decoded from `encoding`: the message text for
 * text/base64/raw, the value itself for json.
 */
export function readMessages(delivery: unknown, at: string, encoding: Encoding): unknown[] {
  if (!at.startsWith('$')) throw new Error(`readMessages: path must start with $: ${at}`);
  const steps = at.slice(1).match(/\.[A-Za-z_][\w]*|\[i\]|\|json/g) ?? [];
  if (steps.join('') !== at.slice(1)) throw new Error(`readMessages: cannot read path ${at}`);
  let values: unknown[] = [delivery];
  for (const step of steps) {
    if (step === '[i]') {
      values = values.flatMap((v) => {
        if (!Array.isArray(v)) throw new Error(`readMessages: ${at}: not an array`);
        return v;
      });
    } else if (step === '|json') {
      values = values.map((v) => JSON.parse(String(v)));
    } else {
      const key = step.slice(1);
      values = values.map((v) => {
        if (v === null || typeof v !== 'object' || !(key in v)) throw new Error(`readMessages: ${at}: no ${key}`);
        return (v as Record<string, unknown>)[key];
      });
    }
  }
  return values.map((v) => {
    switch (encoding) {
      case 'json':
        return v;
      case 'text':
        if (typeof v !== 'string') throw new Error(`readMessages: ${at}: expected a string`);
        return v;
      case 'base64':
        if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v))
          throw new Error(`readMessages: ${at}: not base64`);
        return Buffer.from(v, 'base64').toString('utf8');
      case 'raw':
        return Buffer.isBuffer(v) ? v.toString('utf8') : typeof v === 'string' ? v : JSON.stringify(v);
      default:
        throw new Error(`readMessages: unknown encoding ${encoding satisfies never}`);
    }
  });
}
