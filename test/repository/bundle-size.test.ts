import fs from 'node:fs';
import path from 'node:path';

/**
 * The size budget of dist/index.js (the performance issue: the bundle FC loads
 * on every cold start). `npm test` builds before jest runs, so this checks the
 * artefact of this very commit. No timings here: those are `npm run bench`'s.
 */
const BUNDLE_BUDGET_BYTES = 150 * 1024;

const root = path.resolve(__dirname, '../..');
const BUNDLE = path.join(root, 'dist/index.js');
const METAFILE = path.join(root, '.build/meta.json');

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

function readMetafile(): Metafile {
  if (!fs.existsSync(BUNDLE) || !fs.existsSync(METAFILE)) {
    throw new Error('dist/index.js or .build/meta.json is missing: run `npm run build` (npm test does it first).');
  }
  return JSON.parse(fs.readFileSync(METAFILE, 'utf8')) as Metafile;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('dist/index.js size budget', () => {
  it(`stays within ${kb(BUNDLE_BUDGET_BYTES)}`, () => {
    const meta = readMetafile();
    const fromMeta = meta.outputs['dist/index.js']?.bytes;
    const onDisk = fs.statSync(BUNDLE).size;
    // The metafile is the build's own account; the file is what ships. They must be the same build.
    expect(fromMeta).toBe(onDisk);
    if (onDisk > BUNDLE_BUDGET_BYTES) {
      const biggest = Object.entries(meta.outputs['dist/index.js'].inputs)
        .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
        .slice(0, 8)
        .map(([file, { bytesInOutput }]) => `  ${kb(bytesInOutput).padStart(9)}  ${file}`)
        .join('\n');
      throw new Error(
        `dist/index.js is ${kb(onDisk)}, over its ${kb(BUNDLE_BUDGET_BYTES)} budget. Largest inputs:\n${biggest}`,
      );
    }
  });

  it('holds the bundle-time substitutions instead of the packages they replace (live/transport)', () => {
    const inputs = Object.keys(readMetafile().inputs);
    expect(inputs).toEqual(
      expect.arrayContaining([
        'functions/delete-caster-video-resource/live/transport/alicloud-credentials.js',
        'functions/delete-caster-video-resource/live/transport/xml2js.js',
        'functions/delete-caster-video-resource/live/transport/zlib.js',
        'functions/delete-caster-video-resource/live/transport/httpx.js',
      ]),
    );
    expect(inputs.filter((f) => /node_modules\/(@alicloud\/credentials|xmlbuilder|xml2js|sax)\//.test(f))).toEqual([]);
    // The httpx wrapper wraps the real module, so exactly one copy of it is in.
    expect(inputs.filter((f) => /node_modules\/httpx\//.test(f))).toEqual(['node_modules/httpx/lib/index.js']);
  });
});
