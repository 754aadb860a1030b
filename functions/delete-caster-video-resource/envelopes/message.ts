// One message opened from the envelope around it: its text read as JSON, the
// request fields the envelope holds beside it, and the identity it is found by.
import { asText, type JsonObject, parseJson, Unreadable } from '../json';
import type { DeliveredRecord, Given, Identity } from '../types';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const LOOKS_JSON = /^\s*[[{"]/;

/**
 * A queue message as the trigger hands it over: already parsed (RabbitMQ,
 * Kafka's JSON format), JSON text (MNS, RocketMQ, timer), or base64 of JSON
 * text (MNS with base64 decoding off, Kafka's binary format). JSON that holds
 * a JSON string (a message serialised twice) is opened once more.
 */
export function openMessage(message: unknown): unknown {
  const text = asText(message);
  if (text === undefined) return message;
  const trimmed = text.trim();
  if (trimmed === '') return new Unreadable('is empty');
  if (LOOKS_JSON.test(trimmed)) {
    const parsed = parseJson(trimmed);
    if (typeof parsed === 'string' && LOOKS_JSON.test(parsed) && parsed.trim().charAt(0) !== '"') {
      return parseJson(parsed);
    }
    return parsed;
  }
  const compact = trimmed.replace(/\s+/g, '');
  if (compact.length % 4 === 0 && BASE64.test(compact)) {
    const decoded = Buffer.from(compact, 'base64').toString('utf8');
    if (LOOKS_JSON.test(decoded)) return parseJson(decoded);
  }
  const start = JSON.stringify(trimmed.slice(0, 40));
  return new Unreadable(`is not a delete request: ${start} is neither JSON nor base64 of JSON`);
}

/**
 * The record of a message as it was opened, with the fields its envelope
 * gives beside it; a message or envelope that could not be read becomes an
 * unreadable record (the envelope's refusal first: it is about the whole object).
 */
export function recordOf(
  payload: unknown,
  identity: Identity,
  given: readonly Given[] | Unreadable = [],
): DeliveredRecord {
  const failed = given instanceof Unreadable ? given : payload instanceof Unreadable ? payload : undefined;
  if (failed) return { kind: 'unreadable', field: failed.field, problem: failed.reason, identity };
  return { kind: 'message', payload, given: given instanceof Unreadable ? [] : given, identity };
}

/** Fields an envelope may hold beside the message it wraps, which then count for the message. */
const CARRIED = new Set(['dryrun', 'regionid']);
/** Fields that beside a message would make the object two requests at once. */
const REQUEST = new Set(['casterid', 'resourceid', 'resourceids', 'items']);

/**
 * The request fields `container` holds beside the message it wraps (under
 * `messageKeys`). They are never dropped: `{"DryRun": true, "body": "{…}"}`
 * stays a dry run, so a DryRun or RegionId beside the message is given with
 * it (and must agree with the message's own). A CasterId, ResourceId,
 * ResourceIds or Items beside it is refused as ambiguous.
 */
export function fieldsBeside(container: JsonObject, messageKeys: readonly string[]): Given[] | Unreadable {
  const given: Given[] = [];
  for (const key in container) {
    if (!Object.hasOwn(container, key) || messageKeys.includes(key)) continue;
    const lower = key.toLowerCase();
    if (REQUEST.has(lower)) {
      return new Unreadable('is beside the message this object wraps: two requests in one', key.slice(0, 64));
    }
    if (CARRIED.has(lower)) given.push({ from: 'envelope', key, value: container[key] });
  }
  return given;
}

/** Keeps the identity fields that are present and printable. */
export function identity(fields: Record<string, unknown>): Identity {
  const out: Identity = {};
  for (const [key, value] of Object.entries(fields)) {
    if ((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))) {
      out[key] = typeof value === 'string' ? value.slice(0, 200) : value;
    }
  }
  return out;
}

/** The message under `key` of a source's `data`, with the request fields `data` holds beside it. */
export function messageOf(data: JsonObject, key: string, id: Identity): DeliveredRecord {
  return recordOf(openMessage(data[key]), id, fieldsBeside(data, [key]));
}

/** Keys under which an unknown source may carry the message. */
const MESSAGE_KEYS = ['messageBody', 'body', 'value', 'Message', 'payload'] as const;
const REQUEST_KEY = /^(casterid|resourceid|resourceids|items)$/i;

/**
 * A message source's `data` without its CloudEvent (an unknown source's
 * event, or EventBridge's RawData schema for MNS, RocketMQ, Kafka, RabbitMQ):
 * no request field of its own, but one of the usual message fields.
 * Undefined when it is not one: then it is the request itself.
 */
export function sourceData(data: JsonObject, outer: Identity): DeliveredRecord | undefined {
  const key = MESSAGE_KEYS.find((k) => Object.hasOwn(data, k));
  const request = Object.keys(data).find((k) => REQUEST_KEY.test(k));
  if (request !== undefined) {
    if (key === undefined) return undefined;
    // A request that also wraps a message can be read two ways: neither is taken.
    const twice = new Unreadable(`holds ${request} beside the message under ${key}: two requests in one`, request);
    return recordOf(twice, outer);
  }
  if (!key) return undefined;
  const own = identity({ messageId: data.messageId, topic: data.topic, offset: data.offset });
  return messageOf(data, key, { ...outer, ...own });
}
