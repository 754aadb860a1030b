import { LIMITS } from './constants';
import { isObject } from './event-reader';
import type { FieldProblem } from './errors';

/** The request fields (SPEC §4); each is accepted as written here or with a lower-case first letter. */
export const FIELDS = {
  casterId: 'CasterId',
  resourceId: 'ResourceId',
  regionId: 'RegionId',
  dryRun: 'DryRun',
  resourceIds: 'ResourceIds',
  items: 'Items',
} as const;

export type FieldName = (typeof FIELDS)[keyof typeof FIELDS];

/** One item as the caller wrote it, before validation. `at` names where it came from, for error details. */
export interface RawItem {
  at: string;
  /** Where the resource ID came from when it is not `at + ResourceId` (an entry of ResourceIds). */
  resourceAt?: string;
  casterId?: unknown;
  resourceId?: unknown;
  regionId?: unknown;
  dryRun?: unknown;
}

export interface RawRequest {
  batch: boolean;
  items: RawItem[];
  problems: FieldProblem[];
}

const hasOwn = (obj: object, key: string) => Object.prototype.hasOwnProperty.call(obj, key);

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/**
 * A field by its name or its lower-case-first spelling. Own properties only, so
 * `__proto__` or `constructor` keys in hostile JSON are never read as fields.
 */
export function pickField(obj: Record<string, unknown>, name: FieldName, at: string, problems: FieldProblem[]): unknown {
  const spellings = [name, lowerFirst(name)].filter((key) => hasOwn(obj, key));
  if (spellings.length === 2 && !sameValue(obj[spellings[0]], obj[spellings[1]])) {
    problems.push({ field: at + name, problem: `given as both ${spellings[0]} and ${spellings[1]} with different values` });
  }
  return spellings.length > 0 ? obj[spellings[0]] : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    // Nesting too deep to serialise (a RangeError): report the two as different.
    return false;
  }
}

const SCALARS = [FIELDS.casterId, FIELDS.resourceId, FIELDS.regionId, FIELDS.dryRun] as const;

/** Fields stated once for the whole request apply to each item that does not state its own. */
function scalarFields(obj: Record<string, unknown>, at: string, problems: FieldProblem[]): Omit<RawItem, 'at'> {
  const [casterId, resourceId, regionId, dryRun] = SCALARS.map((name) => pickField(obj, name, at, problems));
  return { casterId, resourceId, regionId, dryRun };
}

function withDefaults(item: Omit<RawItem, 'at'>, defaults: Omit<RawItem, 'at'>, at: string): RawItem {
  return {
    at,
    casterId: item.casterId ?? defaults.casterId,
    resourceId: item.resourceId ?? defaults.resourceId,
    regionId: item.regionId ?? defaults.regionId,
    dryRun: item.dryRun ?? defaults.dryRun,
  };
}

/**
 * The shapes of SPEC §4: `{CasterId, ResourceId}`, `{CasterId, ResourceIds: [..]}`,
 * `{Items: [{CasterId, ResourceId}, ..]}`, or a list of items.
 */
function readOne(payload: unknown, at: string, problems: FieldProblem[]): { batch: boolean; items: RawItem[] } {
  if (Array.isArray(payload)) return readOne({ [FIELDS.items]: payload }, at, problems);
  if (!isObject(payload)) {
    problems.push({ field: at || '(event)', problem: 'must be a JSON object' });
    return { batch: false, items: [] };
  }
  const top = scalarFields(payload, at, problems);
  const items = pickField(payload, FIELDS.items, at, problems);
  const resourceIds = pickField(payload, FIELDS.resourceIds, at, problems);

  if (items !== undefined && resourceIds !== undefined) {
    problems.push({ field: at + FIELDS.items, problem: 'give either Items or ResourceIds, not both' });
    return { batch: true, items: [] };
  }
  if (items !== undefined) {
    if (!Array.isArray(items)) {
      problems.push({ field: at + FIELDS.items, problem: 'must be an array of {CasterId, ResourceId}' });
      return { batch: true, items: [] };
    }
    if (tooMany(items, at, problems) || empty(items, at, problems)) return { batch: true, items: [] };
    if (top.resourceId !== undefined) {
      problems.push({ field: at + FIELDS.resourceId, problem: 'cannot stand beside Items; put it in each item' });
    }
    const list = items.flatMap((entry, i) => {
      const where = `${at}${FIELDS.items}[${i}].`;
      if (!isObject(entry)) {
        problems.push({ field: `${at}${FIELDS.items}[${i}]`, problem: 'must be an object {CasterId, ResourceId}' });
        return [];
      }
      return [withDefaults(scalarFields(entry, where, problems), { ...top, resourceId: undefined }, where)];
    });
    return { batch: true, items: list };
  }
  if (resourceIds !== undefined) {
    if (!Array.isArray(resourceIds)) {
      problems.push({ field: at + FIELDS.resourceIds, problem: 'must be an array of resource IDs' });
      return { batch: true, items: [] };
    }
    if (tooMany(resourceIds, at, problems) || empty(resourceIds, at, problems)) return { batch: true, items: [] };
    if (top.resourceId !== undefined) {
      problems.push({ field: at + FIELDS.resourceId, problem: 'give either ResourceId or ResourceIds, not both' });
    }
    const list = resourceIds.map((resourceId, i) => ({ ...top, at, resourceAt: `${at}${FIELDS.resourceIds}[${i}]`, resourceId }));
    return { batch: true, items: list };
  }
  return { batch: false, items: [{ ...top, at }] };
}

const tooManyProblem = (field: string, count: number): FieldProblem => ({
  field,
  problem: `at most ${LIMITS.maxBatchItems} items in one invocation (got ${count})`,
});

/**
 * An over-long list is refused as a whole, without reading its entries: a
 * hostile million-entry list must cost neither a million problems in memory
 * nor a result many times the size of the event.
 */
function tooMany(list: unknown[], at: string, problems: FieldProblem[]): boolean {
  if (list.length <= LIMITS.maxBatchItems) return false;
  problems.push(tooManyProblem(at + FIELDS.items, list.length));
  return true;
}

/** An empty list is refused in each payload, so one such event cannot pass unnoticed inside a batch of events. */
function empty(list: unknown[], at: string, problems: FieldProblem[]): boolean {
  if (list.length > 0) return false;
  problems.push({ field: at + FIELDS.items, problem: 'must hold at least one item' });
  return true;
}

/** Reads the payloads of one invocation; several payloads (a CloudEvent batch) always make a batch. */
export function readRequest(payloads: unknown[], batchOfEvents: boolean): RawRequest {
  const problems: FieldProblem[] = [];
  if (payloads.length > LIMITS.maxBatchItems) {
    return { batch: true, items: [], problems: [tooManyProblem(FIELDS.items, payloads.length)] };
  }
  const read = payloads.map((p, i) => readOne(p, batchOfEvents ? `event[${i}].data.` : '', problems));
  const items = read.flatMap((r) => r.items);
  const batch = batchOfEvents || read.some((r) => r.batch);
  if (batch && items.length === 0 && problems.length === 0) {
    problems.push({ field: FIELDS.items, problem: 'must hold at least one item' });
  }
  if (items.length > LIMITS.maxBatchItems) problems.push(tooManyProblem(FIELDS.items, items.length));
  return { batch, items, problems };
}
