import { type FieldProblem, InvalidRequestError } from '../errors';
import type { DeleteItem } from '../types';
import { dryRunValue, FIELDS } from './fields';
import type { RawItem } from './record';

/** What Live accepts as a caster or resource ID. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
/** A caster's input slot, as Live lists it and layouts, channels and the console name it. */
const SLOT = /^RV\d{2}$/;
/** An ID that reads as a slot, in any case: no ResourceId looks like one. */
const SLOT_LIKE = /^rv\d{1,3}$/i;
const ID_MAX_LENGTH = 128;
const REGION_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$/;

const absent = (value: unknown) => value === undefined || value === null || value === '';

function checkId(value: unknown, field: string, problems: FieldProblem[]): string {
  if (absent(value)) {
    problems.push({ field, problem: 'is required' });
  } else if (typeof value !== 'string') {
    problems.push({ field, problem: `must be a string (got ${Array.isArray(value) ? 'array' : typeof value})` });
  } else if (value.length > ID_MAX_LENGTH) {
    problems.push({ field, problem: `must be at most ${ID_MAX_LENGTH} characters (got ${value.length})` });
  } else if (!ID_PATTERN.test(value)) {
    problems.push({ field, problem: 'may hold only letters, digits and _ . : -' });
  } else {
    return value;
  }
  return '';
}

/** The item's region, else the default; '' when there is none. */
function checkRegion(value: unknown, field: string, fallback: string | undefined, problems: FieldProblem[]): string {
  if (absent(value)) return fallback ?? '';
  if (typeof value === 'string' && value.length <= 64 && REGION_PATTERN.test(value)) return value;
  problems.push({ field, problem: 'must be a region ID such as cn-shanghai' });
  return '';
}

/**
 * Only an absent DryRun or a clear false deletes: present but empty, null or
 * anything else is refused, so that a dry run never becomes a delete.
 */
function checkDryRun(value: unknown, field: string, problems: FieldProblem[]): boolean {
  if (value === undefined) return false;
  const read = dryRunValue(value);
  if (read !== undefined) return read;
  const empty = value === null || (typeof value === 'string' && value.trim() === '');
  problems.push({ field, problem: empty ? 'is empty; give true or false, or leave it out' : 'must be true or false' });
  return true;
}

/** An ID the caller gave, echoed in a failure only when it is a well-formed ID. */
export function given(value: unknown): string | null {
  return typeof value === 'string' && ID_PATTERN.test(value) ? value : null;
}

function checkSlot(value: unknown, field: string, problems: FieldProblem[]): string {
  if (typeof value === 'string' && SLOT.test(value)) return value;
  problems.push({ field, problem: 'must be a slot as Live lists it, such as RV01' });
  return '';
}

/**
 * What the item names: a resource, whose slot, when given, is a precondition
 * of its delete; or, for a dry run only, a slot. A delete always needs the
 * ResourceId: retried or redelivered, a delete by slot could remove the input
 * that replaced the one meant (a swap is a delete, then an add, at one slot).
 */
function checkTarget(raw: Extract<RawItem, { kind: 'fields' }>, dryRun: boolean, problems: FieldProblem[]) {
  const locationField = raw.at + FIELDS.locationId;
  const locationId = absent(raw.locationId) ? null : checkSlot(raw.locationId, locationField, problems);
  if (absent(raw.resourceId) && locationId !== null) {
    if (!dryRun) {
      const problem = `is required to delete: a delete by ${FIELDS.locationId}, once retried, could remove the input that replaced this one; a dry run by ${FIELDS.locationId} names the ResourceId there`;
      problems.push({ field: raw.resourceAt, problem });
    }
    return { kind: 'slot' as const, locationId };
  }
  const resourceId = checkId(raw.resourceId, raw.resourceAt, problems);
  if (SLOT_LIKE.test(resourceId)) {
    const problem = `looks like a slot, not a ResourceId: give the slot as ${FIELDS.locationId} (a dry run by ${FIELDS.locationId} names the ResourceId there)`;
    problems.push({ field: raw.resourceAt, problem });
  }
  return { kind: 'resource' as const, resourceId, locationId };
}

export type Validated = { ok: true; item: DeleteItem } | { ok: false; error: InvalidRequestError };

/**
 * One item, before any network call. RegionId comes from the item, else from
 * `defaultRegion` (LIVE_REGION, the function's region).
 */
export function validateItem(raw: RawItem, defaultRegion: string | undefined): Validated {
  if (raw.kind === 'unreadable') return { ok: false, error: new InvalidRequestError(raw.problems) };
  const problems = [...raw.problems];
  const casterId = checkId(raw.casterId, raw.at + FIELDS.casterId, problems);
  const dryRun = checkDryRun(raw.dryRun, raw.at + FIELDS.dryRun, problems);
  const target = checkTarget(raw, dryRun, problems);
  const regionId = checkRegion(raw.regionId, raw.at + FIELDS.regionId, defaultRegion, problems);
  if (regionId === '' && problems.length === 0) {
    problems.push({
      field: raw.at + FIELDS.regionId,
      problem: 'is required: none in the request, LIVE_REGION, context.region or FC_REGION',
    });
  }
  if (problems.length > 0) return { ok: false, error: new InvalidRequestError(problems) };
  const item: DeleteItem =
    target.kind === 'slot'
      ? { kind: 'slot', casterId, regionId, dryRun: true, locationId: target.locationId }
      : { kind: 'resource', casterId, regionId, dryRun, resourceId: target.resourceId, locationId: target.locationId };
  return { ok: true, item };
}
