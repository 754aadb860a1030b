import { TRIGGERS } from './constants';
import type { HttpTriggerEvent, Trigger } from './types';

/** What arrived, recognised (SPEC §3). `payloads` hold what each event carried, still unvalidated. */
export type Invocation =
  | { trigger: typeof TRIGGERS.http; event: HttpTriggerEvent }
  | { trigger: Exclude<Trigger, typeof TRIGGERS.http>; payloads: unknown[]; batch: boolean; unreadable?: string };

type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpTriggerEvent(value: unknown): value is HttpTriggerEvent {
  if (!isObject(value) || !isObject(value.requestContext)) return false;
  const http = value.requestContext.http;
  return isObject(http) && typeof http.method === 'string';
}

function isCloudEvent(value: unknown): value is JsonObject {
  return isObject(value) && typeof value.specversion === 'string' && ('data' in value || 'data_base64' in value);
}

/** A CloudEvent's `data` may be an object, a JSON string, or base64 (`data_base64`). */
function cloudEventData(event: JsonObject): unknown {
  if (typeof event.data_base64 === 'string') return parseJson(Buffer.from(event.data_base64, 'base64').toString('utf8'));
  return typeof event.data === 'string' ? parseJson(event.data) : event.data;
}

class UnreadableJson {
  constructor(readonly reason: string) {}
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    return new UnreadableJson((err as Error).message);
  }
}

/** FC passes the event as a Buffer; tests and local tools may pass a string or an object. */
export function decodeEvent(event: unknown): unknown {
  if (Buffer.isBuffer(event) || event instanceof Uint8Array) {
    return decodeEvent(Buffer.from(event).toString('utf8'));
  }
  if (typeof event === 'string') return event.trim() === '' ? {} : parseJson(event);
  return event ?? {};
}

export function readInvocation(rawEvent: unknown): Invocation {
  const event = decodeEvent(rawEvent);
  if (event instanceof UnreadableJson) {
    return { trigger: TRIGGERS.payload, payloads: [], batch: false, unreadable: `event is not valid JSON (${event.reason})` };
  }
  if (isHttpTriggerEvent(event)) return { trigger: TRIGGERS.http, event };
  if (isCloudEvent(event)) return fromCloudEvents([event], false);
  if (Array.isArray(event) && event.length > 0 && event.every(isCloudEvent)) return fromCloudEvents(event, true);
  return { trigger: TRIGGERS.payload, payloads: [event], batch: false };
}

function fromCloudEvents(events: JsonObject[], batch: boolean): Invocation {
  const payloads = events.map(cloudEventData);
  const bad = payloads.findIndex((p) => p instanceof UnreadableJson);
  const trigger = batch ? TRIGGERS.cloudEventBatch : TRIGGERS.cloudEvent;
  if (bad >= 0) {
    const where = batch ? `event[${bad}].data` : 'data';
    return { trigger, payloads: [], batch, unreadable: `${where} is not valid JSON (${(payloads[bad] as UnreadableJson).reason})` };
  }
  return { trigger, payloads, batch };
}

export { parseJson, UnreadableJson };
