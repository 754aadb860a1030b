// The shape of what a caller gets: an HTTP answer, or an event's return or throw.
import { exactKeys, isObj, type Obj, resultProblems } from './result';
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
  throw new Error(`result shape problems:\n  ${problems.join('\n  ')}${where}`);
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
