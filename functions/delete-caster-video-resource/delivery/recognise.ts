import { HTTP, LIMITS, TRIGGERS } from '../constants';
import { isObject, Unreadable } from '../json';
import type { DeliveredRecord, Delivery, HttpTriggerEvent, Trigger } from '../types';
import { decodeEvent } from './decode';
import { openEvent } from './envelopes';
import { header, httpBody } from './http-request';

function isHttpTriggerEvent(value: unknown): value is HttpTriggerEvent {
  if (!isObject(value) || !isObject(value.requestContext)) return false;
  const http = value.requestContext.http;
  return isObject(http) && typeof http.method === 'string';
}

/** FC 3.0 InvokeFunction on a function with an HTTP trigger: the invoke API path, the payload as the body. */
function isInvokeApi(event: HttpTriggerEvent): boolean {
  const path = event.rawPath ?? event.requestContext.http.path;
  if (typeof path === 'string' && HTTP.invokePath.test(path.split('?')[0])) return true;
  return header(event.headers, 'x-acs-action') === 'InvokeFunction';
}

/**
 * What arrived (SPEC §3): an HTTP request, or the records an event carries,
 * each opened from its envelope. Never throws: what cannot be read becomes an
 * unreadable record, reported as an invalid one.
 */
export function readDelivery(rawEvent: unknown): Delivery {
  const event = decodeEvent(rawEvent);
  if (isHttpTriggerEvent(event)) {
    const async = header(event.headers, 'x-fc-invocation-type')?.trim().toLowerCase() === 'async';
    return { kind: isInvokeApi(event) ? 'invoke' : 'http', event, async };
  }
  return readEvent(event);
}

/**
 * The records of a console test / `s invoke` / SDK call through the HTTP
 * trigger: its body is the event, whatever its declared type. Any HTTP caller
 * can send this path, so every HTTP limit holds: methods and body size here
 * (thrown), at most 100 items when the records are planned.
 */
export function readInvocation(event: HttpTriggerEvent): Records {
  const body = httpBody(event);
  const inner = body instanceof Unreadable ? single(TRIGGERS.invoke, { payload: body }) : readEvent(decodeEvent(body));
  return { ...inner, trigger: TRIGGERS.invoke };
}

type Records = Extract<Delivery, { kind: 'records' }>;

function single(trigger: Trigger, record: DeliveredRecord): Records {
  return { kind: 'records', trigger, records: [record], batch: false };
}

function readEvent(event: unknown): Records {
  if (event instanceof Unreadable)
    return single(TRIGGERS.payload, { payload: new Unreadable(`the event ${event.reason}`, event.field) });
  if (Array.isArray(event) && event.length > 0) return readArray(event);
  const opened = openEvent(event);
  return single(opened.trigger, opened.record);
}

/** Event-streaming delivery (CloudEvents) or a RawData array of payloads: one record each, in order. */
function readArray(events: unknown[]): Records {
  if (events.length > LIMITS.maxRecords) {
    const problem = new Unreadable(`holds ${events.length} records; at most ${LIMITS.maxRecords} in one delivery`);
    return { kind: 'records', trigger: TRIGGERS.payload, records: [{ payload: problem }], batch: false };
  }
  const triggers = new Set<Trigger>();
  // Array.from, not map: a sparse array (from a local tool) has holes that map would skip.
  const records = Array.from(events, (element): DeliveredRecord => {
    const opened = openEvent(element);
    triggers.add(opened.trigger === TRIGGERS.cloudEvent ? TRIGGERS.cloudEventBatch : opened.trigger);
    return opened.record;
  });
  const trigger = triggers.size === 1 ? [...triggers][0] : TRIGGERS.cloudEventBatch;
  return { kind: 'records', trigger, records, batch: true };
}
