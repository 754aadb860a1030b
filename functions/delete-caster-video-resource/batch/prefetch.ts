import { OUTCOMES } from '../constants';
import type { LiveClient } from '../live/client';
import { describeCaster, type Ran } from '../live/operations';
import type { RetryOptions } from '../policy/retry';
import type { Work } from './records';

/**
 * One DescribeCasterVideoResources per caster that a batch names more than
 * once, before any delete: records whose resource is already gone (deleted by
 * an earlier delivery of this very batch) are settled as `already_absent`
 * without a delete each, so a redelivered batch spends its time on the rest.
 * Dry-run records are answered from the same list. `attempts` is then the
 * describe's, the Live call that settled the record. When the describe fails,
 * deletes go ahead one by one as usual: it only ever saves requests.
 */
export async function prefetch(pending: Work[], client: LiveClient, retry: RetryOptions): Promise<Map<Work, Ran>> {
  const groups = new Map<string, Work[]>();
  for (const w of pending) {
    const key = `${w.item!.regionId}\n${w.item!.casterId}`;
    const group = groups.get(key);
    if (group) group.push(w);
    else groups.set(key, [w]);
  }
  const settled = new Map<Work, Ran>();
  const shared = [...groups.values()].filter((group) => group.length > 1);
  await Promise.all(
    shared.map(async (group) => {
      const described = await describeCaster(group[0].item!, client, retry);
      // A dry run after a delete of the same resource must see that delete: it runs in order instead.
      const toBeDeleted = new Set<string>();
      for (const w of group) {
        const { dryRun, resourceId } = w.item!;
        if (!dryRun) toBeDeleted.add(resourceId);
        else if (toBeDeleted.has(resourceId)) continue;
        if (described.ids) {
          const present = described.ids.has(resourceId);
          if (!present || dryRun) {
            const outcome = present ? OUTCOMES.wouldDelete : OUTCOMES.alreadyAbsent;
            settled.set(w, { attempts: described.attempts, outcome, requestId: described.requestId });
          }
        } else if (dryRun) {
          settled.set(w, { attempts: described.attempts, error: described.error });
        }
      }
    }),
  );
  return settled;
}
