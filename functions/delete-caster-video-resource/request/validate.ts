import { LIMITS } from '../constants';
import { type FieldProblem, InvalidRequestError } from '../errors';
import type { DeleteItem } from '../types';
import { FIELDS } from './fields';
import type { RawItem } from './read-items';

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

// Exactly these spellings, without padding: anything else is not a clear answer.
const TRUE = /^(true|1|yes)$/i;
const FALSE = /^(false|0|no)$/i;

/**
 * Booleans, or what queries, forms, consoles and shell scripts send for them.
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

/** What a DryRun value says, or undefined when it says nothing clear. */
export function dryRunValue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string' && (TRUE.test(value) || FALSE.test(value))) return TRUE.test(value);
  return undefined;
}

/** An ID the caller gave, echoed in a failure only when it is a well-formed ID. */
export function given(value: unknown): string | null {
  return typeof value === 'string' && LIMITS.idPattern.test(value) ? value : null;
}

export type Validated =
  | { ok: true; item: DeleteItem & { regionId: string } }
  | { ok: false; error: InvalidRequestError };

/**
 * One item, before any network call. RegionId comes from the item, else
 * LIVE_REGION / context.region / FC_REGION (resolved in config).
 */
export function validateItem(raw: RawItem, defaultRegion: string | undefined): Validated {
  if (raw.unreadable) return { ok: false, error: new InvalidRequestError(raw.problems) };
  const problems = [...raw.problems];
  const casterId = checkId(raw.casterId, raw.at + FIELDS.casterId, problems);
  const resourceId = checkId(raw.resourceId, raw.resourceAt ?? raw.at + FIELDS.resourceId, problems);
  const regionId = checkRegion(raw.regionId, raw.at + FIELDS.regionId, problems) ?? defaultRegion;
  const dryRun = checkDryRun(raw.dryRun, raw.at + FIELDS.dryRun, problems);
  if (!regionId && problems.length === 0) {
    problems.push({
      field: raw.at + FIELDS.regionId,
      problem: 'is required: none in the request, LIVE_REGION, context.region or FC_REGION',
    });
  }
  if (problems.length > 0) return { ok: false, error: new InvalidRequestError(problems) };
  return { ok: true, item: { casterId, resourceId, regionId: regionId!, dryRun } };
}
