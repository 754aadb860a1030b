import { decodeJson, isObject, type JsonObject } from '../decode/json';
import { decodeEvent, openDelivery } from '../delivery/recognise';
import { REST_PATH_SHAPE } from '../delivery/route';
import {
  type FieldProblem,
  FunctionError,
  InvalidRequestError,
  MethodNotAllowedError,
  PathNotFoundError,
  PayloadTooLargeError,
  RequestTimeoutError,
  UnsupportedMediaTypeError,
} from '../errors';
import type { DeliveredRecord, Given, HttpRequest, Records } from '../types';
import { FIELDS, readKeys, SCALAR_FIELDS } from './fields';

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
  if (body.kind === 'late') return new RequestTimeoutError();
  const problem = {
    'not-text': 'must be a string',
    'not-base64': 'is marked isBase64Encoded but is not base64',
    broken: 'the request stream failed before it ended',
  }[body.kind];
  return new InvalidRequestError([{ field: 'body', problem }]);
}

/** One value per name; a name given twice is ambiguous, so it is refused rather than guessed. */
function singleValues(entries: Iterable<readonly [string, unknown]>, where: string, problems: FieldProblem[]) {
  const values: JsonObject = Object.create(null);
  for (const [key, value] of entries) {
    const list = Array.isArray(value) ? value : [value];
    if (list.length > 1 || Object.hasOwn(values, key)) {
      problems.push({ field: key, problem: `given more than once in the ${where}` });
    }
    // Named with no value: empty, never absent.
    values[key] = list.length === 0 ? '' : list[0];
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
    const decoded = decodeJson(text);
    if (decoded.kind === 'json') return decoded.value;
    // Text that opens as JSON and is not is never read as a form: its fields would go unread.
    throw new InvalidRequestError([{ field: 'body', problem: decoded.problem }]);
  }
  if (isForm) return singleValues(new URLSearchParams(text), 'form body', problems);
  throw new UnsupportedMediaTypeError(contentType || '(none)');
}

/**
 * The fields the path and the query give: they count for the body's request
 * and must agree with it. A query key that is not a field is left alone,
 * unless it reads as one.
 */
function givenBy(request: HttpRequest, problems: FieldProblem[]): Given[] {
  const given: Given[] = [];
  const { route } = request;
  if (route.kind === 'unknown') throw new PathNotFoundError(route.path, REST_PATH_SHAPE);
  if (route.kind === 'resource') {
    given.push({ from: 'path', name: FIELDS.casterId, value: route.casterId });
    given.push({ from: 'path', name: FIELDS.resourceId, value: route.resourceId });
  }
  const query = readKeys(singleValues(request.query, 'query', problems), SCALAR_FIELDS, 'query ');
  problems.push(...query.problems);
  for (const key of query.carriers) problems.push({ field: `query ${key}`, problem: 'is not accepted here' });
  for (const name of SCALAR_FIELDS) {
    const value = query.values[name];
    if (value !== undefined) given.push({ from: 'query', name, value });
  }
  return given;
}

/**
 * The one record an HTTP request carries: its body, with the path's and the
 * query's fields given beside it. What makes the request itself unreadable
 * (method, path, query, body) is thrown: it refuses the request as a whole.
 */
export function httpRecord(request: HttpRequest): DeliveredRecord {
  checkMethod(request);
  const problems: FieldProblem[] = [];
  const given = givenBy(request, problems);
  const body = readBody(request, problems);
  if (!Array.isArray(body) && !isObject(body))
    problems.push({ field: 'body', problem: 'must be a JSON object or array' });
  if (problems.length > 0) throw new InvalidRequestError(problems);
  return { kind: 'message', payload: body, given, problems: [], identity: {} };
}

/**
 * The records of an InvokeFunction call through the HTTP trigger: its body is
 * the event, whatever its declared type, opened as any event is. Any HTTP
 * caller can send that path or header, so the HTTP method and size limits
 * hold, and the path's and query's fields count for every record.
 */
export function invocationRecords(request: HttpRequest): Records {
  checkMethod(request);
  const problems: FieldProblem[] = [];
  const given = givenBy(request, problems);
  if (problems.length > 0) throw new InvalidRequestError(problems);
  const bytes = bodyBytes(request);
  if (bytes instanceof FunctionError) throw bytes;
  const { records } = openDelivery(decodeEvent(bytes));
  const withGiven = (record: DeliveredRecord): DeliveredRecord =>
    record.kind === 'message' ? { ...record, given: [...given, ...record.given] } : record;
  return records.shape === 'single'
    ? { shape: 'single', record: withGiven(records.record) }
    : { shape: 'batch', records: records.records.map(withGiven) };
}
