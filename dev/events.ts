import fs from 'node:fs';
import path from 'node:path';

const example = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../events', file), 'utf8'));
/** The real FC 3.0 HTTP-trigger event (events/sources), as the base of every HTTP event. */
const template = example('sources/fc3-http-trigger-template.json');
/** What a rule on the caster-ops bus delivers (deploy/eventbridge.ros.yaml), as the base of every CloudEvent. */
const customBus = example('eventbridge/custom-bus.json');

export interface HttpEventOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  body?: string | object;
  contentType?: string | null;
  base64?: boolean;
}

/** FC 3.0 HTTP-trigger event; an object body is sent as JSON. */
export function httpEvent(opts: HttpEventOptions = {}): Record<string, unknown> {
  const method = opts.method ?? 'POST';
  const rawPath = opts.path ?? '/';
  const text = typeof opts.body === 'string' ? opts.body : opts.body === undefined ? '' : JSON.stringify(opts.body);
  const contentType = opts.contentType === undefined ? 'application/json' : opts.contentType;
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'curl/8.5.0', ...opts.headers };
  if (contentType !== null) headers['Content-Type'] = contentType;
  return {
    ...template,
    rawPath,
    headers,
    queryParameters: opts.query ?? {},
    body: opts.base64 ? Buffer.from(text).toString('base64') : text,
    isBase64Encoded: Boolean(opts.base64),
    requestContext: {
      ...template.requestContext,
      requestId: 'trigger-request',
      http: { ...template.requestContext.http, method, path: rawPath },
    },
  };
}

let eventCounter = 0;

/** An EventBridge CloudEvent 1.0 with an id of its own; `data` as given (object or JSON string). */
export function cloudEvent(data: unknown, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  eventCounter += 1;
  return { ...customBus, id: `evt-${eventCounter}`, data, ...overrides };
}

/** Event-streaming delivery: an array of CloudEvents. */
export function cloudEventBatch(datas: unknown[]): Record<string, unknown>[] {
  return datas.map((d) => cloudEvent(d));
}

/** What FC hands the handler for a console test or `s invoke`: the payload's bytes. */
export function plainPayload(payload: unknown): Buffer {
  return Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload));
}
