// One item of work as the stages after planning carry it, for the unit tests of those stages.
import type { FunctionError } from '../../functions/delete-caster-video-resource/errors';
import type { Done, LiveWork, Ran, RefusedWork } from '../../functions/delete-caster-video-resource/types';

export const item = {
  kind: 'resource' as const,
  casterId: 'c',
  resourceId: 'r',
  regionId: 'cn-shanghai',
  dryRun: false,
  locationId: null,
};

export const live = (index = 0, identity = {}): LiveWork => ({ kind: 'live', origin: { index, identity }, item });

/** Work refused before Live, naming no IDs. */
export const refused = (error: FunctionError, index = 0): RefusedWork => ({
  kind: 'refused',
  origin: { index, identity: {} },
  casterId: null,
  resourceId: null,
  error,
});

export const ran = (r: Ran, index = 0, identity = {}): Done => ({ kind: 'ran', work: live(index, identity), ran: r });

export const deletedRan: Ran = { ok: true, outcome: 'deleted', attempts: 1, requestId: 'RID' };
