import { HTTP, LIMITS } from './constants';
import {
  InvalidRequestError,
  MethodNotAllowedError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  type FieldProblem,
} from './errors';
import { isObject, parseJson, UnreadableJson } from './event-reader';
import { FIELDS, pickField, type FieldName } from './request-model';
import type { HttpTriggerEvent } from './types';

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

function bodyBytes(event: HttpTriggerEvent): Buffer {
  const body = event.body ?? '';
  if (typeof body !== 'string') throw new InvalidRequestError([{ field: 'body', problem: 'must be a string' }]);
  // Reject on the encoded length first, so a huge body is never decoded.
  if (body.length > (event.isBase64Encoded ? Math.ceil(LIMITS.maxHttpBodyBytes / 3) * 4 + 4 : LIMITS.maxHttpBodyBytes * 4)) {
    throw new PayloadTooLargeError(LIMITS.maxHttpBodyBytes);
  }
  const bytes = event.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
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

function readBody(event: HttpTriggerEvent, problems: FieldProblem[]): unknown {
  const bytes = bodyBytes(event);
  const text = bytes.toString('utf8');
  if (text.trim() === '') return undefined;
  const contentType = (header(event.headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  const isJson = contentType === 'application/json' || contentType.endsWith('+json');
  // A body with no content type is read as JSON when it looks like JSON (a bare `curl -d '{…}'`).
  const sniffJson = contentType === '' && /^\s*[[{]/.test(text);
  if (isJson || sniffJson) {
    const parsed = parseJson(text);
    if (parsed instanceof UnreadableJson) {
      throw new InvalidRequestError([{ field: 'body', problem: `is not valid JSON (${parsed.reason})` }]);
    }
    return parsed;
  }
  if (contentType === 'application/x-www-form-urlencoded') {
    return singleValues(new URLSearchParams(text), 'form body', problems);
  }
  throw new UnsupportedMediaTypeError(contentType || '(none)');
}

function readPath(event: HttpTriggerEvent): Values {
  const path: unknown = event.rawPath ?? event.requestContext.http.path ?? '';
  if (typeof path !== 'string') return {};
  const match = HTTP.restPath.exec(path.split('?')[0]);
  if (!match) return {};
  const decode = (segment: string) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment; // validation will refuse the stray '%'
    }
  };
  return { [FIELDS.casterId]: decode(match[1]), [FIELDS.resourceId]: decode(match[2]) };
}

const SCALARS: FieldName[] = [FIELDS.casterId, FIELDS.resourceId, FIELDS.regionId, FIELDS.dryRun];

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
  const query = singleValues(Object.entries(event.queryParameters ?? {}), 'query', problems);
  const body = readBody(event, problems);
  const sources: Array<[string, Values]> = [
    ['path', readPath(event)],
    ['query', query],
  ];
  const payload: Values = Array.isArray(body) ? { [FIELDS.items]: body } : isObject(body) ? { ...body } : {};
  if (body !== undefined && !Array.isArray(body) && !isObject(body)) {
    problems.push({ field: 'body', problem: 'must be a JSON object or array' });
  }
  for (const name of SCALARS) {
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
