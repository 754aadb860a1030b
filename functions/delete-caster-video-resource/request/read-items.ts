import { LIMITS } from '../constants';
import type { FieldProblem } from '../errors';
import { isObject, Unreadable } from '../json';
import { FIELDS, type FieldName, type FieldValues, PAYLOAD_FIELDS, readFields, SCALAR_FIELDS } from './fields';
import { dryRunValue } from './validate';

/** One item as the caller wrote it, before validation. `at` names where it came from, for error details. */
export interface RawItem {
  at: string;
  /** Where the resource ID came from when it is not `at + ResourceId` (an entry of ResourceIds). */
  resourceAt?: string;
  casterId?: unknown;
  resourceId?: unknown;
  regionId?: unknown;
  dryRun?: unknown;
  /** This item's own problems (an entry that is not an object, an unknown field). */
  problems: FieldProblem[];
  /** The entry could not be read at all: its problems are the whole story. */
  unreadable?: boolean;
}

/** One record's request: its items, or, when the record as a whole cannot be read, its problems. */
export interface RawRecord {
  /** The payload named a list (`ResourceIds`, `Items`, an array). */
  batch: boolean;
  items: RawItem[];
  problems: FieldProblem[];
}

type Scalars = Pick<RawItem, 'casterId' | 'resourceId' | 'regionId' | 'dryRun'>;

function scalarsOf(values: FieldValues): Scalars {
  return { casterId: values.CasterId, resourceId: values.ResourceId, regionId: values.RegionId, dryRun: values.DryRun };
}

const refused = (batch: boolean, problems: FieldProblem[]): RawRecord => ({ batch, items: [], problems });

/** The same field in two places says the same: the same text, or for DryRun the same clear answer. */
function agrees(name: FieldName, a: unknown, b: unknown): boolean {
  if (name === FIELDS.dryRun) {
    const [x, y] = [dryRunValue(a), dryRunValue(b)];
    return x !== undefined && x === y;
  }
  const scalar = (v: unknown) => v === null || typeof v !== 'object';
  return a === b || (scalar(a) && scalar(b) && String(a) === String(b));
}

/**
 * An over-long list is refused as a whole, without reading its entries: a
 * hostile million-entry list must cost neither a million problems in memory
 * nor a result many times the size of the event. An empty one is refused too.
 */
function listProblem(list: unknown[], field: string): FieldProblem | undefined {
  if (list.length > LIMITS.maxBatchItems) {
    return { field, problem: `at most ${LIMITS.maxBatchItems} items in one request (got ${list.length})` };
  }
  return list.length === 0 ? { field, problem: 'must hold at least one item' } : undefined;
}

/** What is wrong with a list field as a whole (not an array, too long or empty, a ResourceId beside it), if anything. */
function listRefusal(
  list: unknown,
  field: FieldName,
  shape: string,
  top: Scalars,
  beside: string,
): RawRecord | undefined {
  if (!Array.isArray(list)) return refused(true, [{ field, problem: `must be an array of ${shape}` }]);
  const tooLong = listProblem(list, field);
  if (tooLong) return refused(true, [tooLong]);
  if (top.resourceId !== undefined) return refused(true, [{ field: FIELDS.resourceId, problem: beside }]);
  return undefined;
}

function readItems(list: unknown, top: Scalars): RawRecord {
  const refusal = listRefusal(
    list,
    FIELDS.items,
    '{CasterId, ResourceId}',
    top,
    'cannot stand beside Items; put it in each item',
  );
  if (refusal) return refusal;
  // listRefusal refused anything but an array.
  const items = Array.from(list as unknown[], (entry, i): RawItem => {
    const at = `${FIELDS.items}[${i}].`;
    if (!isObject(entry)) {
      return {
        at,
        unreadable: true,
        problems: [{ field: `${FIELDS.items}[${i}]`, problem: 'must be an object {CasterId, ResourceId}' }],
      };
    }
    const { values, problems } = readFields(entry, SCALAR_FIELDS, at);
    const own = scalarsOf(values);
    // An item may leave a field to the request, but not say otherwise: neither reading is taken.
    for (const [name, mine, theirs] of [
      [FIELDS.casterId, own.casterId, top.casterId],
      [FIELDS.regionId, own.regionId, top.regionId],
      [FIELDS.dryRun, own.dryRun, top.dryRun],
    ] as const) {
      if (mine !== undefined && theirs !== undefined && !agrees(name, mine, theirs)) {
        problems.push({ field: at + name, problem: `differs from the request's ${name}` });
      }
    }
    // Not `??`: an item's own null is its answer, and must not fall back to the request's.
    const either = (mine: unknown, theirs: unknown) => (mine !== undefined ? mine : theirs);
    return {
      at,
      casterId: either(own.casterId, top.casterId),
      resourceId: own.resourceId,
      regionId: either(own.regionId, top.regionId),
      dryRun: either(own.dryRun, top.dryRun),
      problems,
    };
  });
  return { batch: true, items, problems: [] };
}

function readResourceIds(list: unknown, top: Scalars): RawRecord {
  const refusal = listRefusal(
    list,
    FIELDS.resourceIds,
    'resource IDs',
    top,
    'give either ResourceId or ResourceIds, not both',
  );
  if (refusal) return refusal;
  const items = Array.from(list as unknown[], (resourceId, i) => ({
    ...top,
    at: '',
    resourceAt: `${FIELDS.resourceIds}[${i}]`,
    resourceId,
    problems: [],
  }));
  return { batch: true, items, problems: [] };
}

/**
 * The shapes of SPEC §4: `{CasterId, ResourceId}`, `{CasterId, ResourceIds: [..]}`,
 * `{Items: [{CasterId, ResourceId}, ..]}`, or a list of items. What is wrong
 * with the record as a whole (it is not an object, a list is too long, a field
 * is unknown) refuses the record; what is wrong with one entry refuses that entry.
 */
export function readRecord(payload: unknown): RawRecord {
  if (payload instanceof Unreadable) return refused(false, [{ field: payload.field, problem: payload.reason }]);
  if (Array.isArray(payload)) return readItems(payload, {});
  if (!isObject(payload)) return refused(false, [{ field: '(event)', problem: 'must be a JSON object' }]);
  const { values, problems } = readFields(payload, PAYLOAD_FIELDS, '');
  const top = scalarsOf(values);
  const { Items: items, ResourceIds: resourceIds } = values;
  const batch = items !== undefined || resourceIds !== undefined;
  if (items !== undefined && resourceIds !== undefined) {
    problems.push({ field: FIELDS.items, problem: 'give either Items or ResourceIds, not both' });
  }
  if (problems.length > 0) return { ...refused(batch, problems), items: [{ ...top, at: '', problems: [] }] };
  if (items !== undefined) return readItems(items, top);
  if (resourceIds !== undefined) return readResourceIds(resourceIds, top);
  return { batch: false, items: [{ ...top, at: '', problems: [] }], problems: [] };
}
