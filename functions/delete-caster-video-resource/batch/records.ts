import { LIMITS } from '../constants';
import { CasterNotAllowedError, type FunctionError, InvalidRequestError, NotAttemptedError } from '../errors';
import { readRecord } from '../request/read-items';
import { given, validateItem } from '../request/validate';
import type { DeleteItem, DeliveredRecord, Identity } from '../types';

export type ResolvedItem = DeleteItem & { regionId: string };

/**
 * One unit of work, in result order: an item to run against Live, or one
 * already settled without a network call (invalid, or a caster not allowed).
 */
export interface Work {
  index: number;
  identity?: Identity;
  /** The IDs to echo in a failure: what the caller gave, when well-formed. */
  casterId: string | null;
  resourceId: string | null;
  item?: ResolvedItem;
  error?: FunctionError;
}

export interface Plan {
  work: Work[];
  /** Answer in the batch shape: an array delivery, or a request that named a list. */
  batch: boolean;
}

/** Refuses casters outside ALLOWED_CASTER_IDS, without a network call. */
function authorize(item: ResolvedItem, allowed: ReadonlySet<string> | undefined): FunctionError | undefined {
  return !allowed || allowed.has(item.casterId) ? undefined : new CasterNotAllowedError(item.casterId);
}

/**
 * Every record read, validated and authorized on its own, like Powertools'
 * batch processor: a bad record gets its own failure and the others still run.
 */
export function planWork(
  records: DeliveredRecord[],
  batchDelivery: boolean,
  defaultRegion: string | undefined,
  allowed: ReadonlySet<string> | undefined,
  http: boolean,
): Plan {
  const work: Work[] = [];
  let batch = batchDelivery;
  // An event may carry more than one invocation can run: what lies past the budget is not even
  // read, and is redelivered. An HTTP request is one request: past 100 items it is refused.
  let budget = http ? Number.POSITIVE_INFINITY : LIMITS.maxItemsPerInvocation;
  let items = 0;
  for (const { payload, identity } of records) {
    const add = (w: Omit<Work, 'index' | 'identity'>) => work.push({ index: work.length, identity, ...w });
    if (budget <= 0) {
      add({ casterId: null, resourceId: null, error: new NotAttemptedError() });
      continue;
    }
    const record = readRecord(payload);
    items += Math.max(1, record.items.length);
    if (http && items > LIMITS.maxBatchItems) {
      throw new InvalidRequestError([
        { field: '(request)', problem: `at most ${LIMITS.maxBatchItems} items in one request (got more)` },
      ]);
    }
    if (record.problems.length > 0) {
      const echo = record.items[0];
      add({
        casterId: given(echo?.casterId),
        resourceId: given(echo?.resourceId),
        error: new InvalidRequestError(record.problems),
      });
      budget -= 1;
      continue;
    }
    batch ||= record.batch;
    for (const raw of record.items) {
      if (budget <= 0) {
        add({ casterId: given(raw.casterId), resourceId: given(raw.resourceId), error: new NotAttemptedError() });
        continue;
      }
      budget -= 1;
      const checked = validateItem(raw, defaultRegion);
      if (!checked.ok) {
        add({ casterId: given(raw.casterId), resourceId: given(raw.resourceId), error: checked.error });
        continue;
      }
      const { item } = checked;
      add({ casterId: item.casterId, resourceId: item.resourceId, item, error: authorize(item, allowed) });
    }
  }
  return { work, batch };
}
