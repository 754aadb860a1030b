// Bundles the function into dist/index.js: one CommonJS file for node20 that
// needs no node_modules beside it (SPEC §1).
//
// A few modules the SDK pulls in are replaced at bundle time by small modules
// in scripts/bundle-stubs/ (see plugin.mjs there): each says at its top why
// the function never runs the code it replaces, or, for httpx, what it fixes.
// The integration suite (test/integration) runs against this bundle, and
// test/unit/bundle-size.test.ts checks its size against the budget from the
// metafile written to .build/meta.json.

import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleStubs } from './bundle-stubs/plugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const result = await build({
  entryPoints: [path.join(root, 'functions/delete-caster-video-resource/index.ts')],
  outfile: path.join(root, 'dist/index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'external',
  sourcemap: false,
  metafile: true,
  logLevel: 'warning',
  plugins: [bundleStubs],
  // Written below, atomically: `npm start` and `npm run invoke` rebuild while
  // other processes (a running server, parallel tests) may be loading the bundle.
  write: false,
});
await mkdir(path.join(root, 'dist'), { recursive: true });
for (const file of result.outputFiles) {
  const temporary = `${file.path}.${process.pid}.tmp`;
  await writeFile(temporary, file.contents);
  await rename(temporary, file.path);
}
await mkdir(path.join(root, '.build'), { recursive: true });
await writeFile(path.join(root, '.build/meta.json'), JSON.stringify(result.metafile));
const bytes = result.metafile.outputs['dist/index.js']?.bytes ?? Object.values(result.metafile.outputs)[0].bytes;
console.log(`dist/index.js: ${(bytes / 1024).toFixed(1)} KB`);
