// One checker of the result shapes of SPEC §5, for every caller: a single
// success or failure, a batch, and the HTTP answer that carries one of them.
// Each function returns the list of problems found (empty when the value fits).
// `npm run smoke` checks a deployed function with it; the property tests and
// the load runner use it as their oracle.

const OUTCOMES = ['deleted', 'already_absent', 'would_delete'] as const;

/** The function's own codes and the status each one must carry (SPEC §5). */
export const OWN_CODE_STATUS: Readonly<Record<string, number>> = {
  InvalidRequest: 400,
  PayloadTooLarge: 413,
  UnsupportedMediaType: 415,
  MethodNotAllowed: 405,
  CasterNotAllowed: 403,
  MissingCredentials: 500,
  UpstreamUnavailable: 503,
  Throttled: 429,
  Timeout: 504,
  NotAttempted: 503,
  NotFound: 404,
  InvalidConfiguration: 500,
  /** An unexpected failure inside the function (a bug): never the answer to any input. */
  FunctionFault: 500,
};

/** The answer of an unexpected failure: the function's own code, or a 500 no SPEC code explains. */
export function isUnexpectedFailure(error: { code: string; status: number }): boolean {
  return (
    error.code === 'FunctionFault' ||
    (error.status === 500 && !['MissingCredentials', 'InvalidConfiguration'].includes(error.code))
  );
}

/** Statuses an item failure may carry. */
const ERROR_STATUSES = new Set([400, 403, 404, 405, 409, 413, 415, 429, 500, 502, 503, 504]);

/** The answer to input the function refused before any network call. */
export const CALLER_ERROR_CODES = new Set([
  'InvalidRequest',
  'PayloadTooLarge',
  'UnsupportedMediaType',
  'MethodNotAllowed',
]);

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonNegInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;

function exactKeys(value: Obj, required: string[], optional: string[], at: string, problems: string[]): void {
  for (const key of required) if (!Object.hasOwn(value, key)) problems.push(`${at}: missing ${key}`);
  for (const key of Object.keys(value)) {
    if (!required.includes(key) && !optional.includes(key)) problems.push(`${at}: unexpected key ${key}`);
  }
}

/** `record`: the item's place in the results and its identity in the source (CloudEvent id, messageId, offset, ...). */
function checkRecord(value: Obj, at: string, problems: string[]): void {
  if (!Object.hasOwn(value, 'record')) return;
  const record = value.record;
  if (!isObj(record) || !isNonNegInt(record.index)) {
    problems.push(`${at}: record must be an object with an integer index`);
    return;
  }
  for (const [k, v] of Object.entries(record)) {
    if (typeof v !== 'string' && typeof v !== 'number') problems.push(`${at}: record.${k} must be a string or number`);
  }
}

function nullableString(v: unknown): boolean {
  return v === null || typeof v === 'string';
}

function checkError(error: unknown, at: string, problems: string[]): void {
  if (!isObj(error)) {
    problems.push(`${at}: error must be an object`);
    return;
  }
  exactKeys(error, ['code', 'message', 'status', 'retryable', 'requestId', 'details'], [], at, problems);
  if (typeof error.code !== 'string' || error.code === '') problems.push(`${at}: code must be a non-empty string`);
  if (typeof error.message !== 'string' || error.message === '')
    problems.push(`${at}: message must be a non-empty string`);
  if (!ERROR_STATUSES.has(error.status as number))
    problems.push(`${at}: status ${String(error.status)} is not one SPEC §5 names`);
  if (typeof error.retryable !== 'boolean') problems.push(`${at}: retryable must be a boolean`);
  if (!nullableString(error.requestId)) problems.push(`${at}: requestId must be a string or null`);
  if (!Array.isArray(error.details)) problems.push(`${at}: details must be an array`);
  const own =
    typeof error.code === 'string' && Object.hasOwn(OWN_CODE_STATUS, error.code)
      ? OWN_CODE_STATUS[error.code]
      : undefined;
  if (own !== undefined && error.status !== own)
    problems.push(`${at}: ${String(error.code)} must carry status ${own}, got ${String(error.status)}`);
  if (error.code === 'InvalidRequest' && Array.isArray(error.details)) {
    for (const d of error.details) {
      if (!isObj(d) || typeof d.field !== 'string' || typeof d.problem !== 'string') {
        problems.push(`${at}: InvalidRequest details must be [{field, problem}]`);
        break;
      }
    }
  }
  if (CALLER_ERROR_CODES.has(error.code as string) && error.requestId !== null) {
    problems.push(`${at}: ${String(error.code)} is answered before any Live call, so requestId must be null`);
  }
  const retryableStatus = error.status === 429 || error.status === 503 || error.status === 504;
  if (typeof error.retryable === 'boolean' && error.retryable !== retryableStatus) {
    problems.push(`${at}: retryable must be ${retryableStatus} for status ${String(error.status)}`);
  }
}

/** A single item result: success or failure. */
export function itemProblems(value: unknown, at = 'result'): string[] {
  const problems: string[] = [];
  if (!isObj(value)) return [`${at}: must be an object`];
  if (value.ok === true) {
    exactKeys(
      value,
      ['ok', 'outcome', 'casterId', 'resourceId', 'regionId', 'requestId', 'invocationId', 'attempts', 'dryRun'],
      ['record'],
      at,
      problems,
    );
    checkRecord(value, at, problems);
    if (!OUTCOMES.includes(value.outcome as (typeof OUTCOMES)[number]))
      problems.push(`${at}: outcome ${String(value.outcome)} is unknown`);
    for (const key of ['casterId', 'resourceId', 'regionId', 'invocationId']) {
      if (typeof value[key] !== 'string' || value[key] === '')
        problems.push(`${at}: ${key} must be a non-empty string`);
    }
    if (!nullableString(value.requestId)) problems.push(`${at}: requestId must be a string or null`);
    if (!Number.isInteger(value.attempts) || (value.attempts as number) < 1)
      problems.push(`${at}: attempts must be an integer >= 1`);
    if (typeof value.dryRun !== 'boolean') problems.push(`${at}: dryRun must be a boolean`);
    if (value.outcome === 'would_delete' && value.dryRun !== true)
      problems.push(`${at}: would_delete only with dryRun`);
    if (value.outcome === 'deleted' && value.dryRun !== false) problems.push(`${at}: deleted only without dryRun`);
  } else if (value.ok === false) {
    exactKeys(value, ['ok', 'casterId', 'resourceId', 'invocationId', 'error'], ['attempts', 'record'], at, problems);
    checkRecord(value, at, problems);
    if (!nullableString(value.casterId) || !nullableString(value.resourceId))
      problems.push(`${at}: casterId/resourceId must be a string or null`);
    if (typeof value.invocationId !== 'string' || value.invocationId === '')
      problems.push(`${at}: invocationId must be a non-empty string`);
    if (value.attempts !== undefined && !isNonNegInt(value.attempts))
      problems.push(`${at}: attempts must be an integer >= 0`);
    checkError(value.error, `${at}.error`, problems);
  } else {
    problems.push(`${at}: ok must be true or false`);
  }
  return problems;
}

/** A batch: results in input order, a summary that counts them, one invocationId. */
export function batchProblems(value: unknown, at = 'result'): string[] {
  const problems: string[] = [];
  if (!isObj(value)) return [`${at}: must be an object`];
  exactKeys(value, ['ok', 'results', 'summary', 'invocationId'], [], at, problems);
  // An event-streaming delivery may carry many records, each of up to 100 items.
  if (!Array.isArray(value.results) || value.results.length === 0 || value.results.length > 1_000_000) {
    return [...problems, `${at}: results must be a non-empty array of item results`];
  }
  const counts = { deleted: 0, already_absent: 0, would_delete: 0, failed: 0 };
  value.results.forEach((r: unknown, i: number) => {
    problems.push(...itemProblems(r, `${at}.results[${i}]`));
    if (isObj(r)) {
      if (r.ok === true && Object.hasOwn(counts, r.outcome as string)) counts[r.outcome as keyof typeof counts] += 1;
      else if (r.ok === false) counts.failed += 1;
      if (r.invocationId !== value.invocationId)
        problems.push(`${at}.results[${i}]: invocationId differs from the batch's`);
      // Only a record that could not be read may lack its IDs.
      const unread = isObj(r.error) && r.error.code === 'InvalidRequest';
      if (r.ok === false && !unread && (r.casterId === null || r.resourceId === null))
        problems.push(`${at}.results[${i}]: a batch item names its IDs`);
      if (isObj(r.record) && r.record.index !== i) problems.push(`${at}.results[${i}]: record.index must be ${i}`);
    }
  });
  if (!isObj(value.summary)) problems.push(`${at}: summary must be an object`);
  else {
    exactKeys(value.summary, Object.keys(counts), [], `${at}.summary`, problems);
    for (const [k, n] of Object.entries(counts))
      if (value.summary[k] !== n) problems.push(`${at}.summary.${k} is ${String(value.summary[k])}, results say ${n}`);
  }
  if (value.ok !== (counts.failed === 0)) problems.push(`${at}: ok must be true exactly when no item failed`);
  if (typeof value.invocationId !== 'string' || value.invocationId === '')
    problems.push(`${at}: invocationId must be a non-empty string`);
  return problems;
}

/** A single result or a batch, whichever it claims to be. */
export function resultProblems(value: unknown, at = 'result'): string[] {
  return isObj(value) && Object.hasOwn(value, 'results') ? batchProblems(value, at) : itemProblems(value, at);
}

/** The HTTP answer `{statusCode, headers, body, isBase64Encoded: false}` and the result in its body. */
export function httpAnswerProblems(value: unknown, at = 'answer'): string[] {
  const problems: string[] = [];
  if (!isObj(value)) return [`${at}: must be an object`];
  exactKeys(value, ['statusCode', 'headers', 'body', 'isBase64Encoded'], [], at, problems);
  if (value.isBase64Encoded !== false) problems.push(`${at}: isBase64Encoded must be false`);
  const headers = isObj(value.headers) ? value.headers : {};
  if (headers['content-type'] !== 'application/json; charset=utf-8')
    problems.push(`${at}: content-type must be application/json; charset=utf-8`);
  if (typeof value.body !== 'string') return [...problems, `${at}: body must be a string`];
  let result: unknown;
  try {
    result = JSON.parse(value.body);
  } catch {
    return [...problems, `${at}: body is not JSON`];
  }
  problems.push(...resultProblems(result, `${at}.body`));
  if (isObj(result)) {
    const expected = Object.hasOwn(result, 'results')
      ? result.ok
        ? 200
        : 207
      : result.ok
        ? 200
        : (result.error as Obj | undefined)?.status;
    if (value.statusCode !== expected)
      problems.push(`${at}: statusCode ${String(value.statusCode)}, the result says ${String(expected)}`);
  }
  if (value.statusCode === 405 && headers.allow !== 'POST, DELETE')
    problems.push(`${at}: 405 must carry Allow: POST, DELETE`);
  if ((value.statusCode === 429 || value.statusCode === 503) && !(Number(headers['retry-after']) >= 1)) {
    problems.push(`${at}: ${String(value.statusCode)} must carry Retry-After`);
  }
  return problems;
}

/** The parsed result inside an HTTP answer. */
export function httpResult(answer: { body: string }): any {
  return JSON.parse(answer.body);
}

/**
 * What an event invocation may do: return a result, or throw a RetryLaterError
 * whose `result` is one and holds a failure that is not the record's own. A
 * returned result never holds one (it would have thrown).
 */
export function eventOutcomeProblems(outcome: { result?: unknown; thrown?: unknown }, at = 'event'): string[] {
  if ('thrown' in outcome && outcome.thrown !== undefined) {
    const err = outcome.thrown as Error & { result?: unknown };
    if (!(err instanceof Error) || err.name !== 'RetryLaterError')
      return [`${at}: threw something other than RetryLaterError: ${String(err)}`];
    const problems = resultProblems(err.result, `${at}.thrown.result`);
    if (!redeliverableFailures(err.result).length)
      problems.push(`${at}: threw with only the records' own failures in its result`);
    return problems;
  }
  const problems = resultProblems(outcome.result, `${at}.result`);
  if (redeliverableFailures(outcome.result).length)
    problems.push(`${at}: returned a failure that is not the record's own instead of throwing`);
  return problems;
}

/** The error bodies of the failed items of a result (single or batch). */
export function failuresOf(
  result: unknown,
): Array<{ code: string; status: number; retryable: boolean; message: string }> {
  if (!isObj(result)) return [];
  const items = Array.isArray(result.results) ? (result.results as unknown[]) : [result];
  return items.filter((r): r is Obj => isObj(r) && r.ok === false && isObj(r.error)).map((r) => r.error as any);
}

/** The records' own failures: a redelivery would fail the same way, so an event acknowledges them. */
const RECORDS_OWN = new Set([
  'InvalidRequest',
  'CasterNotAllowed',
  'InvalidCaster.NotFound',
  'PayloadTooLarge',
  'UnsupportedMediaType',
  'MethodNotAllowed',
  'NotFound',
]);

/** Failures an event invocation must not acknowledge: everything but the records' own. */
export function redeliverableFailures(result: unknown) {
  return failuresOf(result).filter((e) => !(RECORDS_OWN.has(e.code) || e.code.endsWith('.Malformed')));
}

/** Throws with every problem listed; for tests that want one assertion. */
export function assertNoProblems(problems: string[], context: unknown = undefined): void {
  if (problems.length === 0) return;
  const where = context === undefined ? '' : `\nfor ${truncate(safeJson(context), 2000)}`;
  throw new Error(`SPEC §5 shape problems:\n  ${problems.join('\n  ')}${where}`);
}

function safeJson(value: unknown): string {
  try {
    return Buffer.isBuffer(value) ? `Buffer(${value.toString('utf8')})` : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
