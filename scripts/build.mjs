// Bundles the function into dist/index.js: one CommonJS file for node20 that
// needs no node_modules beside it.
//
// The modules of functions/.../live/transport/ take the place of a few the
// SDK pulls in: each says at its top why the function never runs the code it
// replaces, or what it fixes. This file only points esbuild at them, and
// refuses an import of a replaced package from anywhere its replacement was
// not made for.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const transport = path.join(root, 'functions/delete-caster-video-resource/live/transport');

/** module name -> the file that takes its place, and the only packages allowed to import it. */
export const SUBSTITUTIONS = {
  '@alicloud/credentials': {
    file: 'alicloud-credentials.js',
    importers: ['@alicloud/openapi-client', '@alicloud/gateway-spi'],
  },
  httpx: { file: 'httpx.js', importers: ['@alicloud/tea-typescript'] },
  xml2js: { file: 'xml2js.js', importers: ['@alicloud/tea-xml'] },
  debug: { file: 'debug.js', importers: ['httpx'] },
  zlib: { file: 'zlib.js', importers: ['httpx'] },
};

function packageOf(file) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file.split(path.sep).join('/'));
  return match ? match[1] : '(not a package)';
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export const substitutions = {
  name: 'transport-substitutions',
  setup(bundler) {
    const filter = new RegExp(`^(${Object.keys(SUBSTITUTIONS).map(escapeRegExp).join('|')})$`);
    bundler.onResolve({ filter }, (args) => {
      // A module there that wraps the real package requires it by name: let that through.
      if (args.importer.startsWith(transport + path.sep)) return undefined;
      const { file, importers } = SUBSTITUTIONS[args.path];
      const from = packageOf(args.importer);
      if (!importers.includes(from)) {
        const text = `${args.path} is replaced by live/transport/${file}, made only for imports from ${importers.join(', ')}; ${from} (${args.importer}) imports it too. Check that use first.`;
        return { errors: [{ text }] };
      }
      return { path: path.join(transport, file) };
    });
  },
};

/**
 * Packages whose `main` is a UMD wrapper that loads its parts with a require()
 * esbuild cannot follow: the part of their ES module build the function uses is
 * bundled instead (jsonc-parser's parser alone: its main module also loads a
 * formatter that builds tables at start-up).
 */
export const ESM_ENTRIES = { 'jsonc-parser': 'jsonc-parser/lib/esm/impl/parser.js' };

const esmEntries = {
  name: 'esm-entries',
  setup(bundler) {
    bundler.onResolve({ filter: /^jsonc-parser$/ }, () => ({
      path: path.join(root, 'node_modules', ESM_ENTRIES['jsonc-parser']),
    }));
  },
};

async function main() {
  const result = await build({
    entryPoints: [path.join(root, 'functions/delete-caster-video-resource/index.ts')],
    outfile: path.join(root, 'dist/index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    // Non-ASCII text (the look-alike table) as is: escaped, it would take two to three times the bytes.
    charset: 'utf8',
    legalComments: 'external',
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [substitutions, esmEntries],
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
  // The bundle's inputs, for the size check's report.
  await mkdir(path.join(root, '.build'), { recursive: true });
  await writeFile(path.join(root, '.build/meta.json'), JSON.stringify(result.metafile));
  const bytes = result.metafile.outputs['dist/index.js']?.bytes ?? Object.values(result.metafile.outputs)[0].bytes;
  console.log(`dist/index.js: ${(bytes / 1024).toFixed(1)} KB`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
