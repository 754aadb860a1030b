// The SPEC §5 result shapes, checked field by field; used by `npm run smoke`
// on what a deployed (or local) function answers.

type Json = Record<string, unknown>;

const OUTCOMES = ['deleted', 'already_absent', 'would_delete'];
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrOrNull = (v: unknown) => typeof v === 'string' || v === null;

function itemProblems(r: unknown, at: string): string[] {
  if (!isObj(r)) return [`${at} is not an object`];
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${at}.${what}`);
  };
  need(typeof r.invocationId === 'string' && r.invocationId !== '', 'invocationId must be a non-empty string');
  need(isStrOrNull(r.casterId), 'casterId must be a string or null');
  need(isStrOrNull(r.resourceId), 'resourceId must be a string or null');
  if (r.ok === true) {
    need(OUTCOMES.includes(r.outcome as string), `outcome must be one of ${OUTCOMES.join(', ')}`);
    need(typeof r.regionId === 'string', 'regionId must be a string');
    need(isStrOrNull(r.requestId), 'requestId must be a string or null');
    need(Number.isInteger(r.attempts) && (r.attempts as number) >= 0, 'attempts must be a whole number');
    need(typeof r.dryRun === 'boolean', 'dryRun must be a boolean');
  } else if (r.ok === false) {
    const e = r.error;
    if (!isObj(e)) return [...problems, `${at}.error must be an object`];
    need(typeof e.code === 'string' && e.code !== '', 'error.code must be a non-empty string');
    need(typeof e.message === 'string', 'error.message must be a string');
    need(Number.isInteger(e.status) && (e.status as number) >= 400 && (e.status as number) <= 599, 'error.status must be 400–599');
    need(typeof e.retryable === 'boolean', 'error.retryable must be a boolean');
    need(isStrOrNull(e.requestId), 'error.requestId must be a string or null');
    need(Array.isArray(e.details), 'error.details must be an array');
  } else {
    problems.push(`${at}.ok must be true or false`);
  }
  return problems;
}

/** Problems with a single or batch result; empty when it has the SPEC shape. */
export function resultShapeProblems(result: unknown): string[] {
  if (isObj(result) && Array.isArray(result.results)) {
    const problems = result.results.flatMap((r, i) => itemProblems(r, `results[${i}]`));
    const s = result.summary;
    if (!isObj(s) || !['deleted', 'already_absent', 'would_delete', 'failed'].every((k) => Number.isInteger(s[k]))) {
      problems.push('summary must count deleted, already_absent, would_delete and failed');
    } else if (Object.values(s).reduce((a: number, b) => a + (b as number), 0) !== result.results.length) {
      problems.push('summary counts must add up to the number of results');
    }
    if (typeof result.ok !== 'boolean') problems.push('ok must be a boolean');
    if (typeof result.invocationId !== 'string') problems.push('invocationId must be a string');
    return problems;
  }
  return itemProblems(result, 'result');
}
