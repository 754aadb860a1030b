import { LIVE_API, LIVE_CODES, OUTCOMES } from '../constants';
import { UpstreamUnavailableError, type FunctionError } from '../errors';
import { withRetries, type RetryOptions } from '../policy/retry';
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
 * The caster's resource IDs from a DescribeCasterVideoResources answer
 * (`VideoResources.VideoResource[]`); undefined when the answer has no such
 * list, which is an upstream fault, never a sign that the resource is gone.
 */
export function listedResources(body: Record<string, unknown>): Set<string> | undefined {
  const container = body.VideoResources as { VideoResource?: unknown } | undefined;
  if (!Array.isArray(container?.VideoResource)) return undefined;
  const ids = container.VideoResource.map((r) => (r as { ResourceId?: unknown })?.ResourceId);
  return new Set(ids.filter((id): id is string => typeof id === 'string'));
}

/** Describes one caster (read-only): its resource IDs, with Live's RequestId. */
export async function describeCaster(
  target: Omit<Target, 'resourceId'>,
  client: LiveClient,
  retry: RetryOptions,
): Promise<{ attempts: number; requestId?: string | null; ids?: Set<string>; error?: FunctionError }> {
  const query = { CasterId: target.casterId, RegionId: target.regionId };
  const run = await withRetries<LiveAnswer>(
    (timeoutMs, boundByDeadline) => client.call({ action: LIVE_API.describeAction, query, timeoutMs, boundByDeadline }),
    retry,
  );
  if (!run.ok) return { attempts: run.attempts, error: run.error };
  const ids = listedResources(run.value.body);
  if (ids) return { attempts: run.attempts, requestId: run.value.requestId, ids };
  const error = new UpstreamUnavailableError('Live answered DescribeCasterVideoResources without a resource list.', 1, run.value.requestId);
  return { attempts: run.attempts, error };
}

/** DryRun: reports whether the delete would find the resource; never deletes. */
export async function checkOne(target: Target, client: LiveClient, retry: RetryOptions): Promise<Ran> {
  const described = await describeCaster(target, client, retry);
  if (described.error) return { attempts: described.attempts, error: described.error };
  const outcome = described.ids!.has(target.resourceId) ? OUTCOMES.wouldDelete : OUTCOMES.alreadyAbsent;
  return { attempts: described.attempts, outcome, requestId: described.requestId };
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
