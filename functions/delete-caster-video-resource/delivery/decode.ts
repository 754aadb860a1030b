import { parseJson, Unreadable } from '../json';

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  return undefined;
}

/** FC passes the event as a Buffer; tests and local tools may pass a string or an object. */
export function decodeEvent(event: unknown): unknown {
  const text = asText(event);
  if (text === undefined) return event ?? {};
  return text.trim() === '' ? {} : parseJson(text);
}

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
    if (typeof parsed === 'string' && LOOKS_JSON.test(parsed) && parsed.trim().charAt(0) !== '"')
      return parseJson(parsed);
    return parsed;
  }
  const compact = trimmed.replace(/\s+/g, '');
  if (compact.length % 4 === 0 && BASE64.test(compact)) {
    const decoded = Buffer.from(compact, 'base64').toString('utf8');
    if (LOOKS_JSON.test(decoded)) return parseJson(decoded);
  }
  return new Unreadable(
    `is not a delete request: ${JSON.stringify(trimmed.slice(0, 40))} is neither JSON nor base64 of JSON`,
  );
}
