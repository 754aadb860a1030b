// The rows of events/README.md, and reading a delivery as its row says.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURE_DIR, fixture, fixtureText } from '../support/envelopes';

export interface Row {
  file: string;
  at: string;
  encoding: string;
}

/** The rows of every table in events/README.md whose first cell is a backticked file. */
export function readmeRows(): Row[] {
  const readme = fs.readFileSync(path.join(FIXTURE_DIR, 'README.md'), 'utf8');
  const rows: Row[] = [];
  for (const line of readme.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
    const ticked = (cell: string) => /`([^`]+)`/.exec(cell)?.[1] ?? '';
    rows.push({ file: ticked(cells[0]), at: ticked(cells[2]), encoding: ticked(cells[3]) });
  }
  return rows;
}

export function fixtureFiles(dir = FIXTURE_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? fixtureFiles(full) : [path.relative(FIXTURE_DIR, full).split(path.sep).join('/')];
  });
}

export const rows = readmeRows();
export const rowFor = (file: string): Row => {
  const row = rows.find((r) => r.file === file);
  if (!row) throw new Error(`README has no row for ${file}`);
  return row;
};
/** A decoded message as a value: text that is JSON parsed, anything else as is. */
export const asValue = (m: unknown) => {
  if (typeof m !== 'string') return m;
  try {
    return JSON.parse(m);
  } catch {
    return m;
  }
};
export const isDeleteRequest = (m: unknown) => {
  const v = asValue(m);
  return v !== null && typeof v === 'object' && 'CasterId' in v && 'ResourceId' in v;
};
export const delivered = (row: Row) => (row.encoding === 'raw' ? fixtureText(row.file) : fixture(row.file));

/**
 * The messages at `at` (fixture README notation: `$`, `.key`, `[i]` every element,
 * `|json` parse the string) decoded from `encoding`: the message text for
 * text/base64/raw, the value itself for json.
 */
export function readMessages(delivery: unknown, at: string, encoding: string): unknown[] {
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
        throw new Error(`readMessages: unknown encoding ${encoding}`);
    }
  });
}
