import { LocationMismatchError, UpstreamUnavailableError } from '../errors';
import { type RetryOptions, withRetries } from '../policy/retry';
import type { DeleteItem, Listed, Ran } from '../types';
import { isLiveRefusal } from './classify';
import type { LiveAnswer, LiveClient } from './client';
import { LIVE_CODES } from './codes';
import { findResource, findSlot, type Listing, listedResources } from './listing';

/** What a list says of an item: its answer, or that its delete may go ahead. */
export type Verdict = { kind: 'answered'; ran: Ran } | { kind: 'go'; listed: Listed };
const answered = (ran: Ran): Verdict => ({ kind: 'answered', ran });

export type Described =
  | { ok: true; attempts: number; requestId: string | null; listing: Listing }
  | Extract<Ran, { ok: false }>;

/** Describes one caster (read-only): what it lists, with Live's RequestId. */
export async function describeCaster(
  target: Pick<DeleteItem, 'casterId' | 'regionId'>,
  client: LiveClient,
  retry: RetryOptions,
): Promise<Described> {
  const query = { CasterId: target.casterId, RegionId: target.regionId };
  const run = await withRetries<LiveAnswer>(
    'describe',
    (timeoutMs, boundByDeadline) =>
      client.call({ action: 'DescribeCasterVideoResources', query, timeoutMs, boundByDeadline }),
    retry,
  );
  if (!run.ok) return run;
  const listing = listedResources(run.value.body);
  if (listing) return { ok: true, attempts: run.attempts, requestId: run.value.requestId, listing };
  const message = 'Live answered DescribeCasterVideoResources without a resource list.';
  return { ok: false, attempts: run.attempts, error: new UpstreamUnavailableError(message, 1, run.value.requestId) };
}

/**
 * What a caster's list says of an item: a dry run's answer; for a delete,
 * `go` when its slot precondition holds (or it has none) and the resource is
 * listed; or why nothing is sent. A list that proves nothing is a retryable
 * upstream fault: absence is only ever proven.
 */
export function fromListing(described: Extract<Described, { ok: true }>, item: DeleteItem): Verdict {
  const { attempts, requestId, listing } = described;
  const found = item.kind === 'slot' ? findSlot(listing, item.locationId) : findResource(listing, item.resourceId);
  if (found.kind === 'unknown') {
    const message = `Live's list of the caster's resources ${found.why}: it proves nothing about this ${item.kind}.`;
    return answered({ ok: false, attempts, error: new UpstreamUnavailableError(message, 1, requestId) });
  }
  if (found.kind === 'absent')
    return answered({ ok: true, attempts, outcome: 'already_absent', requestId, listed: null });
  const { listed } = found;
  if (item.kind === 'resource' && item.locationId !== null && listed.locationId !== item.locationId) {
    const error = new LocationMismatchError(item.resourceId, item.locationId, listed.locationId, requestId);
    return answered({ ok: false, attempts, error });
  }
  if (item.dryRun) return answered({ ok: true, attempts, outcome: 'would_delete', requestId, listed });
  return { kind: 'go', listed };
}

/** DryRun: reports what a delete would find (by resource or by slot); never deletes. */
export async function checkOne(item: DeleteItem, client: LiveClient, retry: RetryOptions): Promise<Ran> {
  const described = await describeCaster(item, client, retry);
  if (!described.ok) return described;
  const verdict = fromListing(described, item);
  // A dry run is always answered; `go` is a delete's.
  return verdict.kind === 'answered'
    ? verdict.ran
    : {
        ok: true,
        attempts: described.attempts,
        outcome: 'would_delete',
        requestId: described.requestId,
        listed: verdict.listed,
      };
}

/**
 * Deletes one resource, first checking its slot when one is given. Live's
 * InvalidResource.NotFound means it is already gone, which is the goal, but
 * only as Live's refusal (4xx): a 5xx carrying it proves nothing.
 */
export async function deleteOne(
  item: Extract<DeleteItem, { kind: 'resource' }>,
  client: LiveClient,
  retry: RetryOptions,
): Promise<Ran> {
  let checked: { attempts: number; listed?: Listed } = { attempts: 0 };
  if (item.locationId !== null) {
    const described = await describeCaster(item, client, retry);
    if (!described.ok) return described;
    const verdict = fromListing(described, item);
    if (verdict.kind === 'answered') return verdict.ran;
    checked = { attempts: described.attempts, listed: verdict.listed };
  }
  const query = { CasterId: item.casterId, RegionId: item.regionId, ResourceId: item.resourceId };
  const run = await withRetries<LiveAnswer>(
    'delete',
    (timeoutMs, boundByDeadline) =>
      client.call({ action: 'DeleteCasterVideoResource', query, timeoutMs, boundByDeadline }),
    retry,
  );
  const attempts = checked.attempts + run.attempts;
  const { listed } = checked;
  if (run.ok) return { ok: true, attempts, outcome: 'deleted', requestId: run.value.requestId, listed };
  // Absence counts only as Live's own refusal, with its RequestId.
  const { error } = run;
  if (error.code === LIVE_CODES.resourceNotFound && isLiveRefusal(error.liveStatus) && error.requestId !== null) {
    return { ok: true, attempts, outcome: 'already_absent', requestId: error.requestId, listed };
  }
  return { ok: false, attempts, error };
}
