import { recordOf } from '../envelopes/message';
import { openEvent } from '../envelopes/open';
import { asText, parseJson, Unreadable } from '../json';
import type { DeliveredRecord, HttpRequest, Records, Trigger } from '../types';
import { fromHttpEvent, isHttpTriggerEvent } from './http-event';

/** Records one delivery may carry (event-streaming batches); more is refused unread. */
export const MAX_RECORDS = 10_000;

/**
 * What arrived: an HTTP request (a caller waits for its answer), the same
 * with an event as its body (InvokeFunction through the HTTP trigger), or an
 * event's records (nobody waits: only a throw gets them delivered again).
 */
export type Delivery =
  | { kind: 'http'; request: HttpRequest }
  | { kind: 'invoke'; request: HttpRequest }
  | { kind: 'event'; trigger: Trigger; records: Records };

/** FC passes the event as a Buffer; tests and local tools may pass a string or an object. */
function decodeEvent(event: unknown): unknown {
  const text = asText(event);
  if (text === undefined) return event ?? {};
  return text.trim() === '' ? {} : parseJson(text);
}

/** Never throws: what cannot be read becomes an unreadable record, reported as an invalid one. */
export function recognise(rawEvent: unknown): Delivery {
  const event = decodeEvent(rawEvent);
  if (isHttpTriggerEvent(event)) {
    const request = fromHttpEvent(event);
    return { kind: request.route.kind === 'invoke' ? 'invoke' : 'http', request };
  }
  return { kind: 'event', ...openDelivery(event) };
}

/** An event's records, each opened from its envelope; `event` may be raw bytes (an InvokeFunction body). */
export function openDelivery(event: unknown): { trigger: Trigger; records: Records } {
  const decoded = decodeEvent(event);
  if (decoded instanceof Unreadable) {
    const record = recordOf(new Unreadable(`the event ${decoded.reason}`, decoded.field), {});
    return { trigger: 'payload', records: { shape: 'single', record } };
  }
  if (Array.isArray(decoded) && decoded.length > 0) return openArray(decoded);
  const opened = openEvent(decoded);
  return { trigger: opened.trigger, records: { shape: 'single', record: opened.record } };
}

/** The records of an InvokeFunction call through the HTTP trigger, from its body (read under the HTTP limits). */
export function openInvocation(body: Buffer | Unreadable): Records {
  return body instanceof Unreadable ? { shape: 'single', record: recordOf(body, {}) } : openDelivery(body).records;
}

/** Event-streaming delivery (CloudEvents) or a RawData array of payloads: one record each, in order. */
function openArray(events: unknown[]): { trigger: Trigger; records: Records } {
  if (events.length > MAX_RECORDS) {
    const problem = new Unreadable(`holds ${events.length} records; at most ${MAX_RECORDS} in one delivery`);
    return { trigger: 'payload', records: { shape: 'single', record: recordOf(problem, {}) } };
  }
  const triggers = new Set<Trigger>();
  // Array.from, not map: a sparse array (from a local tool) has holes that map would skip.
  const records = Array.from(events, (element): DeliveredRecord => {
    const opened = openEvent(element);
    triggers.add(opened.trigger === 'cloudevent' ? 'cloudevent-batch' : opened.trigger);
    return opened.record;
  });
  const [only] = triggers;
  return { trigger: triggers.size === 1 ? only : 'cloudevent-batch', records: { shape: 'batch', records } };
}
