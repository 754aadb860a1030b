import { LIMITS } from '../constants';
import { FunctionFaultError } from '../errors';
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
 * results in input order. The same resource named more than once gets one
 * request, and every copy its outcome; a dry run and a delete of the same
 * resource run in the order given, so the later sees the earlier's effect.
 * Each item's failure is its own: nothing an item throws stops the others or
 * leaves them running after the answer.
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
  // One request per run of copies of a resource; a request of the other kind for it waits for the one before.
  interface Job {
    item: ResolvedItem;
    after: Job | undefined;
    done?: Promise<Ran>;
  }
  const jobs: Job[] = [];
  const last = new Map<string, Job>();
  const jobOf = queue.map((w) => {
    const item = w.item!;
    const resource = `${item.regionId}\n${item.casterId}\n${item.resourceId}`;
    const before = last.get(resource);
    if (before?.item.dryRun === item.dryRun) return before;
    const job: Job = { item, after: before };
    jobs.push(job);
    last.set(resource, job);
    return job;
  });
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      // Jobs start in order, so the one this waits for has started.
      job.done = (job.after?.done ?? Promise.resolve()).then(() => runOne(job.item, client, retry));
      await job.done;
    }
  };
  await Promise.all(Array.from({ length: Math.min(LIMITS.batchConcurrency, jobs.length) }, worker));
  for (const [n, w] of queue.entries()) results[w.index] = { work: w, ...(await jobOf[n].done!) };
  return results;
}

/** One item against Live; a bug on its way is this item's FunctionFault, not the invocation's. */
async function runOne(item: ResolvedItem, client: LiveClient, retry: RetryOptions): Promise<Ran> {
  try {
    return await (item.dryRun ? checkOne(item, client, retry) : deleteOne(item, client, retry));
  } catch (err) {
    return { attempts: 0, error: new FunctionFaultError((err as Error)?.name) };
  }
}
