import { LIMITS } from './constants';
import { InvalidRequestError, type FieldProblem } from './errors';
import { FIELDS, type RawRequest, type RawItem } from './request-model';
import type { DeleteItem } from './types';

function checkId(value: unknown, field: string, problems: FieldProblem[]): string {
  if (value === undefined || value === null || value === '') {
    problems.push({ field, problem: 'is required' });
  } else if (typeof value !== 'string') {
    problems.push({ field, problem: `must be a string (got ${Array.isArray(value) ? 'array' : typeof value})` });
  } else if (value.length > LIMITS.idMaxLength) {
    problems.push({ field, problem: `must be at most ${LIMITS.idMaxLength} characters (got ${value.length})` });
  } else if (!LIMITS.idPattern.test(value)) {
    problems.push({ field, problem: 'may hold only letters, digits and _ . : -' });
  } else {
    return value;
  }
  return '';
}

function checkRegion(value: unknown, field: string, problems: FieldProblem[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && value.length <= 64 && LIMITS.regionPattern.test(value)) return value;
  problems.push({ field, problem: 'must be a region ID such as cn-shanghai' });
  return undefined;
}

/** Booleans, or the strings a query, form or console sends for them. */
function checkDryRun(value: unknown, field: string, problems: FieldProblem[]): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  problems.push({ field, problem: 'must be true or false' });
  return false;
}

function validateItem(raw: RawItem, problems: FieldProblem[]): DeleteItem {
  return {
    casterId: checkId(raw.casterId, raw.at + FIELDS.casterId, problems),
    resourceId: checkId(raw.resourceId, raw.resourceAt ?? raw.at + FIELDS.resourceId, problems),
    regionId: checkRegion(raw.regionId, raw.at + FIELDS.regionId, problems),
    dryRun: checkDryRun(raw.dryRun, raw.at + FIELDS.dryRun, problems),
  };
}

/**
 * All-or-nothing: one bad item rejects the whole request before any network
 * call, so a malformed batch never deletes part of what the caller meant.
 */
export function validateRequest(request: RawRequest): DeleteItem[] {
  const problems = [...request.problems];
  const items = request.items.map((raw) => validateItem(raw, problems));
  // Items sharing one top-level field would repeat its problem once per item.
  const unique = [...new Map(problems.map((p) => [`${p.field}\n${p.problem}`, p])).values()];
  if (unique.length > 0) throw new InvalidRequestError(unique);
  return items;
}

/** RegionId from the request, else LIVE_REGION / context.region / FC_REGION (resolved in config). */
export function resolveRegions(items: DeleteItem[], defaultRegion: string | undefined): Array<DeleteItem & { regionId: string }> {
  if (items.some((i) => !i.regionId) && !defaultRegion) {
    throw new InvalidRequestError([
      { field: FIELDS.regionId, problem: 'is required: none in the request, LIVE_REGION, context.region or FC_REGION' },
    ]);
  }
  return items.map((i) => ({ ...i, regionId: i.regionId ?? defaultRegion! }));
}
