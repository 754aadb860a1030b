// Bundles the function into dist/index.js: one CommonJS file for node20 that
// needs no node_modules beside it (SPEC §1).
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
});
await mkdir(path.join(root, '.build'), { recursive: true });
await writeFile(path.join(root, '.build/meta.json'), JSON.stringify(result.metafile));
const bytes = result.metafile.outputs['dist/index.js']?.bytes ?? Object.values(result.metafile.outputs)[0].bytes;
console.log(`dist/index.js: ${(bytes / 1024).toFixed(1)} KB`);
