// The Live operations the emulator serves, with Live's parameter checks.
import { LIVE_API } from './constants';
import { type LiveError, type LiveErrorCode, liveError } from './errors';
import type { CasterState } from './state';

/** The success body without RequestId (the server adds it). */
export type ActionResult = Record<string, unknown> | LiveError;
type Params = Record<string, string>;
export type Action = (params: Params, state: CasterState) => ActionResult;

const MISSING = {
  CasterId: 'MissingCasterId',
  ResourceId: 'MissingResourceId',
  RegionId: 'MissingRegionId',
} as const satisfies Record<string, LiveErrorCode>;

/** Live checks required parameters in declaration order and reports the first missing one. */
function firstMissing(params: Params, names: readonly (keyof typeof MISSING)[]): LiveError | undefined {
  const name = names.find((n) => !params[n]);
  return name === undefined ? undefined : liveError(MISSING[name]);
}

const deleteCasterVideoResource: Action = (params, state) => {
  const missing = firstMissing(params, ['CasterId', 'ResourceId', 'RegionId']);
  if (missing) return missing;
  const outcome = state.delete(params.CasterId!, params.ResourceId!);
  if (outcome === 'noCaster') return liveError('InvalidCaster.NotFound');
  if (outcome === 'noResource') return liveError('InvalidResource.NotFound');
  return {};
};

const describeCasterVideoResources: Action = (params, state) => {
  const missing = firstMissing(params, ['CasterId', 'RegionId']);
  if (missing) return missing;
  const resources = state.list(params.CasterId!);
  if (!resources) return liveError('InvalidCaster.NotFound');
  return { Total: resources.length, VideoResources: { VideoResource: resources } };
};

export const LIVE_ACTIONS: Readonly<Record<string, Action | undefined>> = {
  DeleteCasterVideoResource: deleteCasterVideoResource,
  DescribeCasterVideoResources: describeCasterVideoResources,
};

/** The gateway's checks before Live sees the call: API version, then the action name. */
export function resolveAction(version: string | undefined, action: string | undefined): Action | LiveError {
  if (version !== LIVE_API.version) return liveError('InvalidVersion');
  // hasOwn: a name like "constructor" must not reach Object.prototype.
  const handler = action !== undefined && Object.hasOwn(LIVE_ACTIONS, action) ? LIVE_ACTIONS[action] : undefined;
  return handler ?? liveError('InvalidAction.NotFound');
}
