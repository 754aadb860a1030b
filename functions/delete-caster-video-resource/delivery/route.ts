// The function's HTTP routes: the root, the REST path, and FC 3.0's InvokeFunction path.
import type { Route } from '../types';

/** Matched from the start, so that no prefix can stand before it. */
const REST_PATH = /^\/casters\/([^/]+)\/video-resources\/([^/]+)\/?$/;
export const REST_PATH_SHAPE = '/casters/{CasterId}/video-resources/{ResourceId}';
/** FC 3.0 InvokeFunction, as it reaches a function that has an HTTP trigger. */
const INVOKE_PATH = /^\/2023-03-30\/functions\/[^/]+\/invocations\/?$/;

/** A path segment as the caller meant it; one that does not decode is kept, for validation to refuse. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path, matched against the function's routes. */
export function routeOf(path: unknown): Route {
  const bare = typeof path === 'string' ? path.split('?')[0] : '';
  if (INVOKE_PATH.test(bare)) return { kind: 'invoke' };
  if (bare === '' || bare === '/') return { kind: 'root' };
  const match = REST_PATH.exec(bare);
  if (!match) return { kind: 'unknown', path: bare };
  return { kind: 'resource', casterId: decodeSegment(match[1]), resourceId: decodeSegment(match[2]) };
}

/** A path and the query written after its `?`. */
export function splitQuery(path: string): [string, string] {
  const at = path.indexOf('?');
  return at < 0 ? [path, ''] : [path.slice(0, at), path.slice(at + 1)];
}
