import fs from 'node:fs';
import path from 'node:path';

/**
 * A fresh clone must test and run with nothing beside it: reference data lives
 * in the repository (events/sources/, the fc3 schema beside the deploy check),
 * never in a folder outside it. The patterns are built so that this file does not match itself.
 */
const ROOT = path.resolve(__dirname, '../..');
const SCANNED = [
  'test',
  'scripts',
  'dev',
  'functions',
  'events',
  '.ci',
  'package.json',
  'jest.config.js',
  'tsconfig.json',
];
const OUTSIDE = [
  /(\.\.[/\\])+shared\b/, // one or more parent steps, then shared
  /['"]\.\.['"]\s*,\s*(['"]\.\.['"]\s*,\s*)*['"]shared['"]/, // the same as path.join segments
];

function files(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs.readdirSync(full).flatMap((name) => files(path.join(entry, name)));
}

describe('the repository is self-contained', () => {
  const scanned = SCANNED.flatMap(files);

  it('scans the source, test, script and CI files', () => {
    expect(scanned).toEqual(expect.arrayContaining(['dev/events.ts', 'scripts/local/start.ts', '.ci/run']));
  });

  it('no file refers to a shared folder outside the repository', () => {
    const offenders = scanned.flatMap((file) =>
      fs
        .readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (OUTSIDE.some((re) => re.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });

  it.each([
    'test/repository/fc3-props.schema.json',
    'test/repository/LICENSE.fc3-component.txt',
    'events/sources/fc3-http-trigger-template.json',
    'events/sources/README.md',
  ])('keeps the reference data it reads: %s', (file) => {
    expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
  });

  it('catches the forms it is meant to catch', () => {
    const up = (s: string) => s.replace(/UP/g, '..');
    const bad = [
      `path.resolve(ROOT, 'UP/shared/reference/x.json')`,
      `'UP/UP/UP/shared/reference'`,
      `path.join(ROOT, 'UP', 'shared')`,
    ].map(up);
    for (const line of bad) expect(OUTSIDE.some((re) => re.test(line))).toBe(true);
    expect(OUTSIDE.some((re) => re.test(`const shared = 1; // shared-nonce`))).toBe(false);
  });
});
