import { REST_PATH_SHAPE } from '../delivery/http-event';
import {
  type FieldProblem,
  FunctionError,
  InvalidRequestError,
  MethodNotAllowedError,
  PathNotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../errors';
import { isObject, parseJson, Unreadable } from '../json';
import type { DeliveredRecord, Given, HttpRequest } from '../types';
import { FIELDS, readFields, SCALAR_FIELDS } from './fields';

export const ALLOWED_METHODS = ['POST', 'DELETE'] as const;

/** What refuses an HTTP request before its body is read: its method. */
function checkMethod(request: HttpRequest): void {
  if (!(ALLOWED_METHODS as readonly string[]).includes(request.method)) {
    throw new MethodNotAllowedError(request.method, ALLOWED_METHODS);
  }
}

/** The body's bytes, or the refusal of a body that has none to read. */
function bodyBytes(request: HttpRequest): Buffer | FunctionError {
  const { body } = request;
  if (body.kind === 'bytes') return body.bytes;
  if (body.kind === 'too-large') return new PayloadTooLargeError(body.limit);
  const problem = body.kind === 'not-text' ? 'must be a string' : 'the request stream failed before it ended';
  return new InvalidRequestError([{ field: 'body', problem }]);
}

/**
 * The body of an InvokeFunction call through the HTTP trigger: the event
 * itself, whatever its declared type. Any HTTP caller can send that path, so
 * the HTTP method and size limits hold.
 */
export function invocationBody(request: HttpRequest): Buffer | Unreadable {
  checkMethod(request);
  if (request.body.kind === 'not-text') return new Unreadable('body must be a string');
  const bytes = bodyBytes(request);
  if (bytes instanceof FunctionError) throw bytes;
  return bytes;
}

/** One value per name; a name given twice is ambiguous, so it is refused rather than guessed. */
function singleValues(entries: Iterable<readonly [string, unknown]>, where: string, problems: FieldProblem[]) {
  const values: Record<string, unknown> = Object.create(null);
  for (const [key, value] of entries) {
    const list = Array.isArray(value) ? value : [value];
    if (list.length > 1 || Object.hasOwn(values, key)) {
      problems.push({ field: key, problem: `given more than once in the ${where}` });
    }
    values[key] = list[0];
  }
  return values;
}

/**
 * The body, read by its content type. A JSON object or array is read as JSON
 * whatever its declared type: `curl -d '{…}'` sends it as
 * x-www-form-urlencoded, and scripts send text/plain or octet-stream.
 */
function readBody(request: HttpRequest, problems: FieldProblem[]): unknown {
  const bytes = bodyBytes(request);
  if (bytes instanceof FunctionError) throw bytes;
  const text = bytes.toString('utf8');
  if (text.trim() === '') return {};
  const { contentType } = request;
  const isJson = contentType === 'application/json' || contentType.endsWith('+json');
  const isForm = contentType === 'application/x-www-form-urlencoded';
  if (isJson || /^\s*[[{]/.test(text)) {
    const parsed = parseJson(text);
    if (!(parsed instanceof Unreadable)) return parsed;
    if (isJson || !isForm) {
      throw new InvalidRequestError([
        { field: parsed.field === '(event)' ? 'body' : parsed.field, problem: parsed.reason },
      ]);
    }
  }
  if (isForm) return singleValues(new URLSearchParams(text), 'form body', problems);
  throw new UnsupportedMediaTypeError(contentType || '(none)');
}

/**
 * The one record an HTTP request carries: its body, with the path's and the
 * query's fields given beside it (they must agree with the body). What makes
 * the request itself unreadable (method, path, query, body) is thrown: it
 * refuses the request as a whole.
 */
export function httpRecord(request: HttpRequest): DeliveredRecord {
  checkMethod(request);
  const given: Given[] = [];
  const { route } = request;
  if (route.kind === 'unknown') throw new PathNotFoundError(route.path, REST_PATH_SHAPE);
  if (route.kind === 'resource') {
    given.push({ from: 'path', key: FIELDS.casterId, value: route.casterId });
    given.push({ from: 'path', key: FIELDS.resourceId, value: route.resourceId });
  }
  const problems: FieldProblem[] = [];
  const query = readFields(singleValues(request.query, 'query', problems), SCALAR_FIELDS, 'query ');
  problems.push(...query.problems);
  for (const [key, value] of Object.entries(query.values)) given.push({ from: 'query', key, value });
  const body = readBody(request, problems);
  if (!Array.isArray(body) && !isObject(body))
    problems.push({ field: 'body', problem: 'must be a JSON object or array' });
  if (problems.length > 0) throw new InvalidRequestError(problems);
  return { kind: 'message', payload: body, given, identity: {} };
}
