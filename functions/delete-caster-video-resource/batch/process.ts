import { LIMITS } from '../constants';
import type { LiveClient } from '../live/client';
import { checkOne, deleteOne, type Ran } from '../live/operations';
import type { RetryOptions } from '../policy/retry';
import { prefetch } from './prefetch';
import type { ResolvedItem, Work } from './records';

export interface ItemRun extends Ran {
  work: Work;
}

/** Work settled without a network call: invalid records and refused casters. */
const unsent = (w: Work): ItemRun => ({ work: w, attempts: 0, error: w.error });

export function settledWithoutLive(work: Work[]): ItemRun[] {
  return work.map(unsent);
}

/**
 * Runs every item, a few at a time (the rate limiter bounds the send rate),
 * results in input order. A repeated (caster, resource) pair waits for the
 * earlier one, so the second sees `already_absent` instead of racing it.
 */
export async function processWork(work: Work[], client: LiveClient, retry: RetryOptions): Promise<ItemRun[]> {
  const results: ItemRun[] = new Array(work.length);
  const pending: Work[] = [];
  for (const w of work) {
    if (w.error || !w.item) results[w.index] = unsent(w);
    else pending.push(w);
  }
  // One record, the usual invocation: nothing to prefetch, order or share.
  if (pending.length === 1) {
    const w = pending[0]!;
    results[w.index] = { work: w, ...(await runOne(w.item!, client, retry)) };
    return results;
  }
  const known = await prefetch(pending, client, retry);
  const queue = pending.filter((w) => {
    const ran = known.get(w);
    if (ran) results[w.index] = { work: w, ...ran };
    return !ran;
  });
  const lastForKey = new Map<string, Promise<unknown>>();
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const w = queue[next++];
      const item = w.item!;
      const key = `${item.regionId}\n${item.casterId}\n${item.resourceId}`;
      const previous = lastForKey.get(key) ?? Promise.resolve();
      const current = previous.then(() => runOne(item, client, retry));
      lastForKey.set(key, current.catch(() => undefined));
      results[w.index] = { work: w, ...(await current) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(LIMITS.batchConcurrency, queue.length) }, worker));
  return results;
}

function runOne(item: ResolvedItem, client: LiveClient, retry: RetryOptions) {
  return item.dryRun ? checkOne(item, client, retry) : deleteOne(item, client, retry);
}
