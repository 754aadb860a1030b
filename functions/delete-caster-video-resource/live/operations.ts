import { LIVE_API, LIVE_CODES, OUTCOMES } from '../constants';
import { type FunctionError, UpstreamUnavailableError } from '../errors';
import { type RetryOptions, withRetries } from '../policy/retry';
import type { Outcome } from '../types';
import type { LiveAnswer, LiveClient } from './client';

export interface Ran {
  attempts: number;
  outcome?: Outcome;
  requestId?: string | null;
  error?: FunctionError;
}

export interface Target {
  casterId: string;
  resourceId: string;
  regionId: string;
}

/**
 * The resources a DescribeCasterVideoResources answer lists
 * (`VideoResources.VideoResource[]`), and whether the answer is
 * self-consistent: its `Total` equals what it lists and every entry has an ID.
 * Only such an answer proves that a resource it does not list is gone.
 */
export interface Listing {
  ids: ReadonlySet<string>;
  /** The listed IDs in lower case, to tell an ID that differs only in letter case. */
  lower: ReadonlySet<string>;
  complete: boolean;
}

/** undefined when the answer has no list at all: an upstream fault, never a sign that anything is gone. */
export function listedResources(body: Record<string, unknown>): Listing | undefined {
  const container = body.VideoResources as { VideoResource?: unknown } | undefined;
  if (!Array.isArray(container?.VideoResource)) return undefined;
  const entries = container.VideoResource as unknown[];
  const ids = new Set<string>();
  let readable = true;
  for (const entry of entries) {
    const id = (entry as { ResourceId?: unknown } | null)?.ResourceId;
    if (typeof id === 'string' && id !== '') ids.add(id);
    else readable = false;
  }
  const total =
    typeof body.Total === 'number'
      ? body.Total
      : typeof body.Total === 'string' && /^\d+$/.test(body.Total)
        ? Number(body.Total)
        : Number.NaN;
  const lower = new Set([...ids].map((id) => id.toLowerCase()));
  return { ids, lower, complete: readable && total === entries.length };
}

/**
 * What a listing proves about one resource: listed exactly, it is there; not
 * listed by a complete answer, it is gone; anything else (an incomplete
 * answer, an ID listed in another letter case) proves nothing.
 */
export function presence(listing: Listing, resourceId: string): 'present' | 'absent' | 'unknown' {
  if (listing.ids.has(resourceId)) return 'present';
  if (!listing.complete || listing.lower.has(resourceId.toLowerCase())) return 'unknown';
  return 'absent';
}

export type Described =
  | { ok: true; attempts: number; requestId: string | null; listing: Listing }
  | { ok: false; attempts: number; error: FunctionError };

/** Describes one caster (read-only): what it lists, with Live's RequestId. */
export async function describeCaster(
  target: Omit<Target, 'resourceId'>,
  client: LiveClient,
  retry: RetryOptions,
): Promise<Described> {
  const query = { CasterId: target.casterId, RegionId: target.regionId };
  const run = await withRetries<LiveAnswer>(
    (timeoutMs, boundByDeadline) => client.call({ action: LIVE_API.describeAction, query, timeoutMs, boundByDeadline }),
    retry,
  );
  if (!run.ok) return { ok: false, attempts: run.attempts, error: run.error };
  const listing = listedResources(run.value.body);
  if (listing) return { ok: true, attempts: run.attempts, requestId: run.value.requestId, listing };
  const error = new UpstreamUnavailableError(
    'Live answered DescribeCasterVideoResources without a resource list.',
    1,
    run.value.requestId,
  );
  return { ok: false, attempts: run.attempts, error };
}

/** A dry run's answer from a listing, or an error when the listing proves nothing about the resource. */
export function dryRunFrom(described: Extract<Described, { ok: true }>, resourceId: string): Ran {
  const { attempts, requestId, listing } = described;
  const found = presence(listing, resourceId);
  if (found === 'unknown') {
    const why = listing.complete ? 'lists it only in another letter case' : 'is incomplete';
    return {
      attempts,
      error: new UpstreamUnavailableError(
        `Live's list of the caster's resources ${why}: it proves nothing about this one.`,
        1,
        requestId,
      ),
    };
  }
  return { attempts, outcome: found === 'present' ? OUTCOMES.wouldDelete : OUTCOMES.alreadyAbsent, requestId };
}

/** DryRun: reports whether the delete would find the resource; never deletes. */
export async function checkOne(target: Target, client: LiveClient, retry: RetryOptions): Promise<Ran> {
  const described = await describeCaster(target, client, retry);
  if (!described.ok) return { attempts: described.attempts, error: described.error };
  return dryRunFrom(described, target.resourceId);
}

/** Deletes one resource; Live's InvalidResource.NotFound means it is already gone, which is the goal. */
export async function deleteOne(target: Target, client: LiveClient, retry: RetryOptions): Promise<Ran> {
  const query = { CasterId: target.casterId, RegionId: target.regionId, ResourceId: target.resourceId };
  const run = await withRetries<LiveAnswer>(
    (timeoutMs, boundByDeadline) => client.call({ action: LIVE_API.deleteAction, query, timeoutMs, boundByDeadline }),
    retry,
  );
  if (run.ok) return { attempts: run.attempts, outcome: OUTCOMES.deleted, requestId: run.value.requestId };
  if (run.error.code === LIVE_CODES.resourceNotFound) {
    return { attempts: run.attempts, outcome: OUTCOMES.alreadyAbsent, requestId: run.error.requestId };
  }
  return { attempts: run.attempts, error: run.error };
}
