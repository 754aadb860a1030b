// A message as a trigger hands it over, decoded once: already parsed
// (RabbitMQ, Kafka's JSON format), JSON text (MNS, RocketMQ, timer), or base64
// of JSON text (MNS with base64 decoding off, Kafka's binary format).
import { asText, type Decoded, decodeJson } from './json';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const LOOKS_JSON = /^\s*[[{"]/;

/**
 * The value a message carries. JSON that holds a JSON string (a message
 * serialised twice) is opened once more; text that is neither JSON nor base64
 * of JSON is unreadable.
 */
export function decodeMessage(message: unknown): Decoded {
  const text = asText(message);
  if (text === undefined) return { kind: 'json', value: message };
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'unreadable', problem: 'is empty' };
  if (LOOKS_JSON.test(trimmed)) {
    const decoded = decodeJson(trimmed);
    const inner = decoded.kind === 'json' ? decoded.value : undefined;
    if (typeof inner === 'string' && /^\s*[[{]/.test(inner)) return decodeJson(inner);
    return decoded;
  }
  const compact = trimmed.replace(/\s+/g, '');
  if (compact.length % 4 === 0 && BASE64.test(compact)) {
    const bytes = Buffer.from(compact, 'base64').toString('utf8');
    if (LOOKS_JSON.test(bytes) || bytes.charCodeAt(0) === 0xfeff) return decodeJson(bytes);
  }
  const start = JSON.stringify(trimmed.slice(0, 40));
  return { kind: 'unreadable', problem: `is not a delete request: ${start} is neither JSON nor base64 of JSON` };
}
