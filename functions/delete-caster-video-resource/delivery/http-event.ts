// The FC 3.0 HTTP trigger's event, translated to the request the function
// reads and back from its answer; no rule of the function is decided here.
import { isObject, type JsonObject } from '../decode/json';
import type { FieldProblem } from '../errors';
import { nameOf } from '../request/names';
import type { HttpAnswer } from '../result/types';
import type { HttpBody, HttpRequest, Route } from '../types';
import { routeOf, splitQuery } from './route';
import { ENVELOPES, HTTP_EVENT } from './shapes';

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

/**
 * An InvokeFunction call (console test, `s invoke`, SDK) through the HTTP
 * trigger: its body is the event. Told by the invoke API path or by FC's
 * action header; either can be sent by any HTTP caller, so neither hides a
 * REST path or a query from the reader.
 */
function isInvocation(route: Route, headers: Headers): boolean {
  return route.kind === 'invoke' || header(headers, 'x-acs-action') === 'InvokeFunction';
}

/** The media type alone, in lower case. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

const BASE64 = /^\s*(?:[A-Za-z0-9+/]\s*){0,}(?:=\s*){0,2}$/;

/** The body's bytes; judged on its encoded length first, so that a huge body is never decoded. */
function bodyOf(event: HttpTriggerEvent): HttpBody {
  const body: unknown = event.body ?? '';
  if (typeof body !== 'string') return { kind: 'not-text' };
  const base64 = event.isBase64Encoded === true;
  const encodedLimit = base64 ? Math.ceil(MAX_HTTP_BODY_BYTES / 3) * 4 + 4 : MAX_HTTP_BODY_BYTES * 4;
  if (body.length > encodedLimit) return { kind: 'too-large', limit: MAX_HTTP_BODY_BYTES };
  if (base64 && !BASE64.test(body)) return { kind: 'not-base64' };
  const bytes = Buffer.from(body, base64 ? 'base64' : 'utf8');
  return bytes.length > MAX_HTTP_BODY_BYTES
    ? { kind: 'too-large', limit: MAX_HTTP_BODY_BYTES }
    : { kind: 'bytes', bytes };
}

/** An object that carries an HTTP trigger's marks: FC's event, or one that only resembles it. */
export type HttpRecognised =
  | { kind: 'http'; event: HttpTriggerEvent }
  /** Marked as one, yet not what FC puts in one: nobody can tell whether a caller waits for its answer. */
  | { kind: 'resembles'; problem: FieldProblem }
  | { kind: 'none' };

type Kinds = Readonly<Record<string, 'string' | 'object' | 'boolean'>>;

/** The first of `kinds` that `o` does not hold as that kind of value. */
function lacking(o: unknown, kinds: Kinds, at: string): string | undefined {
  if (!isObject(o)) return at.slice(0, -1);
  for (const [key, kind] of Object.entries(kinds)) {
    const value = o[key];
    if (kind === 'object' ? !isObject(value) : typeof value !== kind) return at + key;
  }
  return undefined;
}

/**
 * Whether `o` is FC 3.0's HTTP-trigger event: every field FC puts in one
 * (HTTP_EVENT), a text body or none, and no other shape's marks beside them.
 */
export function recogniseHttpEvent(o: JsonObject): HttpRecognised {
  if (!HTTP_EVENT.marks.some((key) => Object.hasOwn(o, key))) return { kind: 'none' };
  const context = o.requestContext;
  const missing =
    lacking(o, HTTP_EVENT.top, '') ??
    lacking(context, HTTP_EVENT.requestContext, 'requestContext.') ??
    lacking(isObject(context) ? context.http : undefined, HTTP_EVENT.http, 'requestContext.http.') ??
    (o.body === undefined || typeof o.body === 'string' ? undefined : 'body');
  if (missing !== undefined) {
    const problem =
      'is not as FC 3.0 puts it in an HTTP-trigger event: nobody can tell whether a caller waits for the answer';
    return { kind: 'resembles', problem: { field: missing, problem } };
  }
  const other = Object.keys(o).find(
    (key) => key !== 'body' && (nameOf(key).kind === 'carrier' || ENVELOPES.some((e) => e.marks.includes(key))),
  );
  if (other !== undefined) {
    return {
      kind: 'resembles',
      problem: { field: other, problem: 'marks another shape beside an HTTP-trigger event: two readings' },
    };
  }
  return { kind: 'http', event: o as unknown as HttpTriggerEvent };
}

export function fromHttpEvent(event: HttpTriggerEvent): HttpRequest {
  const other = event.requestContext.http.path;
  const raw = event.rawPath ?? other;
  // FC puts the query in queryParameters alone: one written into either path as well is read too, never dropped.
  const [path, search] = typeof raw === 'string' ? splitQuery(raw) : [raw, ''];
  const otherSearch = event.rawPath !== undefined && typeof other === 'string' ? splitQuery(other)[1] : '';
  // The same query in both paths is one query.
  const also = otherSearch === search ? '' : otherSearch;
  const request = httpRequestOf({
    method: event.requestContext.http.method,
    path,
    headers: event.headers,
    queries: event.queryParameters,
    body: bodyOf(event),
  });
  const written = [...new URLSearchParams(search), ...new URLSearchParams(also)];
  const query = [...request.query, ...written.map(([k, v]) => [k, [v]] as const)];
  // Two paths that name different routes are two readings of the request.
  const route =
    typeof other === 'string' && JSON.stringify(routeOf(other)) !== JSON.stringify(request.route)
      ? { kind: 'unknown' as const, path: `${String(path)} (requestContext.http.path ${other})` }
      : request.route;
  return { ...request, route, query };
}

/** What FC 3.0's HTTP event and FC 2.0's request both carry; translated to a request one way. */
export interface HttpParts {
  method: string;
  path: unknown;
  headers: Headers;
  queries: Record<string, string | string[] | undefined> | undefined;
  body: HttpBody;
}

export function httpRequestOf({ method, path, headers, queries, body }: HttpParts): HttpRequest {
  const route = routeOf(path);
  return {
    method: method.toUpperCase(),
    route,
    invocation: isInvocation(route, headers),
    query: Object.entries(queries ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value : [value]]),
    contentType: mediaType(header(headers, 'content-type')),
    body,
    async: header(headers, 'x-fc-invocation-type')?.trim().toLowerCase() === 'async',
  };
}

/** An HTTP request as a delivery: InvokeFunction's carries an event, any other a request. */
export const httpDelivery = (request: HttpRequest) =>
  ({ kind: request.invocation ? 'invoke' : 'http', request }) as const;

/** The function's answer as FC's HTTP trigger sends it on. */
export function toHttpResponse(answer: HttpAnswer): HttpResponse {
  return { statusCode: answer.status, headers: answer.headers, body: answer.body, isBase64Encoded: false };
}
