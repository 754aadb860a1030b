// Loads the built function the way FC does: dist/index.js, nothing else.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FcContext } from '../../functions/delete-caster-video-resource/types';

export const BUNDLE_PATH = path.resolve(__dirname, '../../dist/index.js');

export interface FunctionBundle {
  handler(event: unknown, context: FcContext): Promise<unknown>;
}

export function loadBundle(file = BUNDLE_PATH): FunctionBundle {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as FunctionBundle;
}
