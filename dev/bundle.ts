// The built function, loaded the way FC loads it: dist/index.js, nothing else.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FcContext } from '../functions/delete-caster-video-resource/types';

export const BUNDLE_PATH = path.resolve(__dirname, '../dist/index.js');

export interface Bundle {
  handler(event: unknown, context: FcContext): Promise<any>;
  httpHandler(req: unknown, resp: unknown, context: FcContext): Promise<void>;
}

export function loadBundle(file = BUNDLE_PATH): Bundle {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  return require(file) as Bundle;
}
