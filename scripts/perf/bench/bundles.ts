// Builds what the benchmark runs: the function's own bundle (exactly as
// `npm run build` makes it), the reference bundles, and the child runners.

import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { HandlerName } from './protocol';

export interface Built {
  bundles: Record<HandlerName, string>;
  sizes: Record<HandlerName, number>;
  children: { cold: string; warm: string; rss: string };
}

export async function buildAll(root: string): Promise<Built> {
  const out = path.join(root, '.build/bench');
  const here = path.join(root, 'scripts/perf/bench');
  const node = { bundle: true, platform: 'node', logLevel: 'warning' } as const;
  const shipped = { ...node, target: 'node20', format: 'cjs', minify: true } as const;

  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  const ours = path.join(root, 'dist/index.js');

  // The floor: as small as it gets, so minified.
  const floor = path.join(out, 'floor.js');
  await build({ ...shipped, entryPoints: [path.join(here, 'floor-handler.ts')], outfile: floor });
  // The naive path: esbuild's defaults for a node bundle, plus --minify, nothing substituted.
  const naive = path.join(out, 'naive.js');
  await build({
    ...node,
    minify: true,
    logLevel: 'error',
    entryPoints: [path.join(here, 'naive-handler.ts')],
    outfile: naive,
  });
  // The SDK's own floor: bundled the way ours is, with the same substitutions.
  const build_ = (await import(pathToFileURL(path.join(root, 'scripts/build.mjs')).href)) as { substitutions: Plugin };
  const sdkMin = path.join(out, 'sdk-min.js');
  await build({
    ...shipped,
    entryPoints: [path.join(here, 'sdk-min-handler.ts')],
    outfile: sdkMin,
    plugins: [build_.substitutions],
  });

  const children = {
    cold: path.join(out, 'cold-child.js'),
    warm: path.join(out, 'warm-child.js'),
    rss: path.join(out, 'rss-child.js'),
  };
  for (const [name, file] of Object.entries(children)) {
    await build({
      ...node,
      target: 'node20',
      format: 'cjs',
      entryPoints: [path.join(here, `${name}-child.ts`)],
      outfile: file,
    });
  }

  const bundles = { floor, naive, ours, 'sdk-min': sdkMin };
  const sizes = Object.fromEntries(Object.entries(bundles).map(([h, f]) => [h, statSync(f).size])) as Record<
    HandlerName,
    number
  >;
  return { bundles, sizes, children };
}
