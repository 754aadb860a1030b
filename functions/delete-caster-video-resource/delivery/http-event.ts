// The FC 3.0 HTTP trigger's event, translated to the request the function
// reads and back from its answer; no rule of the function is decided here.
import type { HttpAnswer, HttpBody, HttpRequest, Route } from '../types';

/** FC 3.0 HTTP-trigger event. */
export interface HttpTriggerEvent {
  version?: string;
  rawPath?: string;
  headers?: Record<string, string | string[] | undefined>;
  queryParameters?: Record<string, string | string[] | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: {
    http: { method: string; path?: string; protocol?: string; sourceIp?: string; userAgent?: string };
    requestId?: string;
    accountId?: string;
    domainName?: string;
    time?: string;
    timeEpoch?: string;
  };
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

/** A larger body is not decoded at all. */
export const MAX_HTTP_BODY_BYTES = 64 * 1024;

/** Matched from the start, so that no prefix can stand before it. */
const REST_PATH = /^\/casters\/([^/]+)\/video-resources\/([^/]+)\/?$/;
export const REST_PATH_SHAPE = '/casters/{CasterId}/video-resources/{ResourceId}';
/** FC 3.0 InvokeFunction, as it reaches a function that has an HTTP trigger. */
const INVOKE_PATH = /^\/2023-03-30\/functions\/[^/]+\/invocations\/?$/;

type Headers = HttpTriggerEvent['headers'];

/** Header lookup regardless of case; FC keeps the caller's spelling. */
export function header(headers: Headers, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() !== wanted) continue;
    const first: unknown = Array.isArray(value) ? value[0] : value;
    // A hand-made event may carry anything; only text is a header value.
    return typeof first === 'string' ? first : undefined;
  }
  return undefined;
}

/** A path segment as the caller meant it; one that does not decode is kept, for validation to refuse. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The path, matched against the function's routes. */
export function routeOf(path: unknown, headers: Headers): Route {
  const bare = typeof path === 'string' ? path.split('?')[0] : '';
  if (INVOKE_PATH.test(bare) || header(headers, 'x-acs-action') === 'InvokeFunction') return { kind: 'invoke' };
  if (bare === '' || bare === '/') return { kind: 'root' };
  const match = REST_PATH.exec(bare);
  if (!match) return { kind: 'unknown', path: bare };
  return { kind: 'resource', casterId: decodeSegment(match[1]), resourceId: decodeSegment(match[2]) };
}

/** The media type alone, in lower case. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The body's bytes; judged on its encoded length first, so that a huge body is never decoded. */
function bodyOf(event: HttpTriggerEvent): HttpBody {
  const body: unknown = event.body ?? '';
  if (typeof body !== 'string') return { kind: 'not-text' };
  const base64 = event.isBase64Encoded === true;
  const encodedLimit = base64 ? Math.ceil(MAX_HTTP_BODY_BYTES / 3) * 4 + 4 : MAX_HTTP_BODY_BYTES * 4;
  if (body.length > encodedLimit) return { kind: 'too-large', limit: MAX_HTTP_BODY_BYTES };
  const bytes = Buffer.from(body, base64 ? 'base64' : 'utf8');
  return bytes.length > MAX_HTTP_BODY_BYTES
    ? { kind: 'too-large', limit: MAX_HTTP_BODY_BYTES }
    : { kind: 'bytes', bytes };
}

/** Whether a value is an FC 3.0 HTTP-trigger event. */
export function isHttpTriggerEvent(value: unknown): value is HttpTriggerEvent {
  if (typeof value !== 'object' || value === null) return false;
  const context = (value as { requestContext?: unknown }).requestContext;
  const http = typeof context === 'object' && context !== null ? (context as { http?: unknown }).http : undefined;
  return typeof http === 'object' && http !== null && typeof (http as { method?: unknown }).method === 'string';
}

export function fromHttpEvent(event: HttpTriggerEvent): HttpRequest {
  return {
    method: event.requestContext.http.method.toUpperCase(),
    route: routeOf(event.rawPath ?? event.requestContext.http.path, event.headers),
    query: Object.entries(event.queryParameters ?? {}).map(([name, value]) => [
      name,
      Array.isArray(value) ? value : [value],
    ]),
    contentType: mediaType(header(event.headers, 'content-type')),
    body: bodyOf(event),
    async: header(event.headers, 'x-fc-invocation-type')?.trim().toLowerCase() === 'async',
  };
}

/** The function's answer as FC's HTTP trigger sends it on. */
export function toHttpResponse(answer: HttpAnswer): HttpResponse {
  return { statusCode: answer.status, headers: answer.headers, body: answer.body, isBase64Encoded: false };
}
