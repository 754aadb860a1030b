import { asText, type Decoded, decodeJson, isObject } from '../decode/json';
import type { FieldProblem } from '../errors';
import type { DeliveredRecord, HttpRequest, Records, Trigger } from '../types';
import { fromHttpEvent, httpDelivery, recogniseHttpEvent } from './http-event';
import { openElement, unreadableEvent } from './open';

/** Records one delivery may carry (event-streaming batches); more is refused unread. */
export const MAX_RECORDS = 10_000;

/**
 * What arrived: an HTTP request (a caller waits for its answer), the same
 * with an event as its body (InvokeFunction through the HTTP trigger), an
 * event's records (nobody waits: only a throw gets them delivered again), or
 * something that is marked as an HTTP request but is not FC's: nobody can
 * tell whether a caller waits, so it is never acknowledged.
 */
export type Delivery =
  | { kind: 'http'; request: HttpRequest }
  | { kind: 'invoke'; request: HttpRequest }
  | { kind: 'event'; trigger: Trigger; records: Records }
  | { kind: 'unanswerable'; problem: FieldProblem };

/** FC passes the event as bytes; tests and local tools may pass a string or a parsed value. An empty event is `{}`. */
export function decodeEvent(event: unknown): Decoded {
  const text = asText(event);
  if (text === undefined) return { kind: 'json', value: event ?? {} };
  return text.trim() === '' ? { kind: 'json', value: {} } : decodeJson(text);
}

/** Never throws: what cannot be read becomes an unreadable record, reported as an invalid one. */
export function recognise(rawEvent: unknown): Delivery {
  const decoded = decodeEvent(rawEvent);
  if (decoded.kind === 'json' && isObject(decoded.value)) {
    const http = recogniseHttpEvent(decoded.value);
    if (http.kind === 'resembles') return { kind: 'unanswerable', problem: http.problem };
    if (http.kind === 'http') return httpDelivery(fromHttpEvent(http.event));
  }
  return { kind: 'event', ...openDelivery(decoded) };
}

const single = (record: DeliveredRecord): Records => ({ shape: 'single', record });

/** An event's records, each opened from its envelope: an array is a batch (event streaming, RawData), in order. */
export function openDelivery(decoded: Decoded): { trigger: Trigger; records: Records } {
  if (decoded.kind === 'unreadable') return { trigger: 'payload', records: single(unreadableEvent(decoded.problem)) };
  const { value } = decoded;
  if (!Array.isArray(value) || value.length === 0) {
    const opened = openElement(value);
    return { trigger: opened.trigger, records: single(opened.record) };
  }
  if (value.length > MAX_RECORDS) {
    const problem = `holds ${value.length} records; at most ${MAX_RECORDS} in one delivery`;
    return { trigger: 'payload', records: single(unreadableEvent(problem)) };
  }
  const triggers = new Set<Trigger>();
  // Array.from, not map: a sparse array (from a local tool) has holes that map would skip.
  const records = Array.from(value, (element): DeliveredRecord => {
    const opened = openElement(element);
    triggers.add(opened.trigger === 'cloudevent' ? 'cloudevent-batch' : opened.trigger);
    return opened.record;
  });
  const [only] = triggers;
  return { trigger: triggers.size === 1 ? only : 'cloudevent-batch', records: { shape: 'batch', records } };
}
