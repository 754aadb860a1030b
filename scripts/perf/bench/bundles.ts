// Builds what the benchmark runs: the function's bundle (exactly as `npm run
// build` makes it), the naive reference, and the child runners.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { HandlerName } from './protocol';

export interface Built {
  bundles: Record<HandlerName, string>;
  sizes: Record<HandlerName, number>;
  children: { cold: string; warm: string; heap: string };
}

export async function buildAll(root: string): Promise<Built> {
  const out = path.join(root, '.build/bench');
  const here = path.join(root, 'scripts/perf/bench');
  const node = { bundle: true, platform: 'node', logLevel: 'warning' } as const;

  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  const ours = path.join(root, 'dist/index.js');
  // What a user would write: esbuild's defaults for a node bundle, plus --minify, nothing substituted.
  const naive = path.join(out, 'naive.js');
  await build({
    ...node,
    minify: true,
    logLevel: 'error',
    entryPoints: [path.join(here, 'naive-handler.ts')],
    outfile: naive,
  });

  const children = {
    cold: path.join(out, 'cold-child.js'),
    warm: path.join(out, 'warm-child.js'),
    heap: path.join(out, 'heap-child.js'),
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
  const bundles = { naive, ours };
  return { bundles, sizes: { naive: statSync(naive).size, ours: statSync(ours).size }, children };
}
