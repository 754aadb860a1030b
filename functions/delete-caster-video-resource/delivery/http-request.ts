import { HTTP, LIMITS } from '../constants';
import {
  type FieldProblem,
  InvalidRequestError,
  MethodNotAllowedError,
  PathNotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../errors';
import { isObject, parseJson, Unreadable } from '../json';
import { FIELDS, misspeltFields, pickField, SCALAR_FIELDS } from '../request/fields';
import type { HttpTriggerEvent } from '../types';

type Values = Record<string, unknown>;

/** Header lookup regardless of case; FC keeps the caller's spelling. */
export function header(headers: HttpTriggerEvent['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() !== wanted) continue;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    // A hand-made event may carry anything; only text is a header value.
    return typeof first === 'string' ? first : undefined;
  }
  return undefined;
}

function checkMethod(event: HttpTriggerEvent): void {
  const method = event.requestContext.http.method.toUpperCase();
  if (!(HTTP.allowedMethods as readonly string[]).includes(method)) {
    throw new MethodNotAllowedError(method, HTTP.allowedMethods);
  }
}

const decodeBody = (body: string, base64: boolean | undefined) => Buffer.from(body, base64 ? 'base64' : 'utf8');

function bodyBytes(event: HttpTriggerEvent): Buffer {
  const body = event.body ?? '';
  if (typeof body !== 'string') throw new InvalidRequestError([{ field: 'body', problem: 'must be a string' }]);
  // Reject on the encoded length first, so a huge body is never decoded.
  if (
    body.length > (event.isBase64Encoded ? Math.ceil(LIMITS.maxHttpBodyBytes / 3) * 4 + 4 : LIMITS.maxHttpBodyBytes * 4)
  ) {
    throw new PayloadTooLargeError(LIMITS.maxHttpBodyBytes);
  }
  const bytes = decodeBody(body, event.isBase64Encoded);
  if (bytes.length > LIMITS.maxHttpBodyBytes) throw new PayloadTooLargeError(LIMITS.maxHttpBodyBytes);
  return bytes;
}

/** One value per name; a name given twice is ambiguous, so it is refused rather than guessed. */
function singleValues(entries: Iterable<[string, unknown]>, where: string, problems: FieldProblem[]): Values {
  const values: Values = Object.create(null);
  for (const [key, value] of entries) {
    const list = Array.isArray(value) ? value : [value];
    if (list.length > 1 || Object.prototype.hasOwnProperty.call(values, key)) {
      problems.push({ field: key, problem: `given more than once in the ${where}` });
    }
    values[key] = list[0];
  }
  return values;
}

/** The body of an InvokeFunction call: the event itself, whatever its declared type, under the HTTP method and size limits. */
export function httpBody(event: HttpTriggerEvent): Buffer | Unreadable {
  checkMethod(event);
  if (typeof (event.body ?? '') !== 'string') return new Unreadable('body must be a string');
  return bodyBytes(event);
}

function readBody(event: HttpTriggerEvent, problems: FieldProblem[]): unknown {
  const bytes = bodyBytes(event);
  const text = bytes.toString('utf8');
  if (text.trim() === '') return undefined;
  const contentType = (header(event.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  const isJson = contentType === 'application/json' || contentType.endsWith('+json');
  // A JSON object or array is read as JSON whatever its declared type: `curl -d '{…}'` sends it as
  // x-www-form-urlencoded, and scripts send text/plain or octet-stream.
  const looksJson = /^\s*[[{]/.test(text);
  if (isJson || looksJson) {
    const parsed = parseJson(text);
    if (!(parsed instanceof Unreadable)) return parsed;
    if (isJson || contentType !== 'application/x-www-form-urlencoded') {
      throw new InvalidRequestError([
        { field: parsed.field === '(event)' ? 'body' : parsed.field, problem: parsed.reason },
      ]);
    }
  }
  if (contentType === 'application/x-www-form-urlencoded') {
    return singleValues(new URLSearchParams(text), 'form body', problems);
  }
  throw new UnsupportedMediaTypeError(contentType || '(none)');
}

/** `/` (fields in the body or query) or the REST path; any other path is a 404 that names the shape. */
function readPath(event: HttpTriggerEvent): Values {
  const path: unknown = event.rawPath ?? event.requestContext.http.path ?? '';
  if (typeof path !== 'string') return {};
  const bare = path.split('?')[0];
  const match = HTTP.restPath.exec(bare);
  if (!match) {
    if (bare === '' || bare === '/') return {};
    throw new PathNotFoundError(bare, HTTP.restPathShape);
  }
  const decode = (segment: string) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment; // validation will refuse the stray '%'
    }
  };
  return { [FIELDS.casterId]: decode(match[1]), [FIELDS.resourceId]: decode(match[2]) };
}

/**
 * The same value in two places: equal, or equal as text when both are scalars
 * (`DryRun: true` in JSON, `DryRun=true` in the query). Objects are never
 * turned into text: `String()` of hostile JSON can throw or recurse.
 */
function agree(a: unknown, b: unknown): boolean {
  const scalar = (v: unknown) => v === null || typeof v !== 'object';
  return a === b || (scalar(a) && scalar(b) && String(a) === String(b));
}

/**
 * One payload from the REST path, the query and the body (JSON or form). A field
 * stated in two places must agree: the function never picks one of two IDs.
 */
export function readHttpRequest(event: HttpTriggerEvent): unknown {
  checkMethod(event);
  const problems: FieldProblem[] = [];
  const path = readPath(event);
  const query = singleValues(Object.entries(event.queryParameters ?? {}), 'query', problems);
  problems.push(...misspeltFields(query, SCALAR_FIELDS, 'query '));
  const body = readBody(event, problems);
  const sources: Array<[string, Values]> = [
    ['path', path],
    ['query', query],
  ];
  const payload: Values = Array.isArray(body) ? { [FIELDS.items]: body } : isObject(body) ? { ...body } : {};
  if (body !== undefined && !Array.isArray(body) && !isObject(body)) {
    problems.push({ field: 'body', problem: 'must be a JSON object or array' });
  }
  for (const name of SCALAR_FIELDS) {
    let value = pickField(payload, name, '', problems);
    let from = 'body';
    for (const [where, values] of sources) {
      const candidate = pickField(values, name, '', problems);
      if (candidate === undefined) continue;
      if (value !== undefined && !agree(value, candidate)) {
        problems.push({ field: name, problem: `differs between the ${from} and the ${where}` });
      }
      value ??= candidate;
      from = where;
    }
    if (value !== undefined) payload[name] = value;
  }
  if (problems.length > 0) throw new InvalidRequestError(problems);
  return payload;
}
