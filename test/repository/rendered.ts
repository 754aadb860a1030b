// s.yaml as `s preview` renders it (scripts/deploy/render.ts), for the checks of the deployment.
import type { Rendered } from '../../scripts/deploy/check';
import { render } from '../../scripts/deploy/render';

/** Rendered with only `env` set (and what s needs to run); a rendering that fails throws its reason. */
export async function rendered(env: Record<string, string>): Promise<Rendered> {
  const result = await render({ PATH: process.env.PATH, HOME: process.env.HOME, ...env });
  if ('error' in result) throw new Error(result.error);
  return result;
}
