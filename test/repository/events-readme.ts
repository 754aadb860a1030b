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
