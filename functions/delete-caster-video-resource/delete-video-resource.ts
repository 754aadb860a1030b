import { LIMITS, LIVE_API, LIVE_CODES, OUTCOMES } from './constants';
import { CasterNotAllowedError, FunctionError } from './errors';
import { withRetries, type RetryOptions } from './retry-policy';
import type { LiveAnswer, LiveClient } from './live-client';
import type { DeleteItem, Outcome } from './types';

export interface ItemRun {
  item: DeleteItem;
  regionId: string;
  attempts: number;
  outcome?: Outcome;
  requestId?: string | null;
  error?: FunctionError;
}

export type ResolvedItem = DeleteItem & { regionId: string };

/** Live's answer to DescribeCasterVideoResources: `VideoResources.VideoResource[]`. */
function listsResource(body: Record<string, unknown>, resourceId: string): boolean {
  const container = body.VideoResources as { VideoResource?: unknown } | undefined;
  const list = Array.isArray(container?.VideoResource) ? container.VideoResource : [];
  return list.some((r) => (r as { ResourceId?: unknown })?.ResourceId === resourceId);
}

async function runOne(item: ResolvedItem, client: LiveClient, retry: RetryOptions): Promise<ItemRun> {
  const query = { CasterId: item.casterId, RegionId: item.regionId };
  const action = item.dryRun ? LIVE_API.describeAction : LIVE_API.deleteAction;
  const run = await withRetries<LiveAnswer>(
    (timeoutMs, boundByDeadline) =>
      client.call({
        action,
        // DryRun reads the caster's list; it never sends the delete.
        query: item.dryRun ? query : { ...query, ResourceId: item.resourceId },
        timeoutMs,
        boundByDeadline,
      }),
    retry,
  );
  const base = { item, regionId: item.regionId, attempts: run.attempts };
  if (run.ok) {
    const present = !item.dryRun || listsResource(run.value.body, item.resourceId);
    const outcome = !present ? OUTCOMES.alreadyAbsent : item.dryRun ? OUTCOMES.wouldDelete : OUTCOMES.deleted;
    return { ...base, outcome, requestId: run.value.requestId };
  }
  if (!item.dryRun && run.error.code === LIVE_CODES.resourceNotFound) {
    // Already gone: the goal of the call holds, so a retried delete is a success.
    return { ...base, outcome: OUTCOMES.alreadyAbsent, requestId: run.error.requestId };
  }
  return { ...base, error: run.error };
}

/** Refuses casters outside ALLOWED_CASTER_IDS, without a network call. */
export function authorize(item: ResolvedItem, allowed: ReadonlySet<string> | undefined): ItemRun | undefined {
  if (!allowed || allowed.has(item.casterId)) return undefined;
  return { item, regionId: item.regionId, attempts: 0, error: new CasterNotAllowedError(item.casterId) };
}

/**
 * Runs the items a few at a time (the rate limiter bounds the send rate),
 * results in input order. A repeated (caster, resource) pair waits for the
 * earlier one, so the second sees `already_absent` instead of racing it.
 */
export async function runItems(
  items: ResolvedItem[],
  refusals: Array<ItemRun | undefined>,
  client: LiveClient,
  retry: RetryOptions,
): Promise<ItemRun[]> {
  const results: ItemRun[] = new Array(items.length);
  const lastForKey = new Map<string, Promise<unknown>>();
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const refused = refusals[i];
      if (refused) {
        results[i] = refused;
        continue;
      }
      const key = `${items[i].regionId}\n${items[i].casterId}\n${items[i].resourceId}`;
      const previous = lastForKey.get(key) ?? Promise.resolve();
      const current = previous.then(() => runOne(items[i], client, retry));
      lastForKey.set(key, current.catch(() => undefined));
      results[i] = await current;
    }
  };
  await Promise.all(Array.from({ length: Math.min(LIMITS.batchConcurrency, items.length) }, worker));
  return results;
}
