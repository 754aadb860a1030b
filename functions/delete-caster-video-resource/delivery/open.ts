// An event's records, opened by the declarations of shapes.ts: each object at
// an envelope's place is read one way (a request, one declared envelope, or a
// message source's record) or refused, and each message is decoded once.
import { type Decoded, isObject, type JsonObject } from '../decode/json';
import { decodeMessage } from '../decode/message';
import type { FieldProblem } from '../errors';
import { FIELDS, type FieldName, MAX_KEYS, readKeys, SCALAR_FIELDS } from '../request/fields';
import { glance } from '../request/names';
import type { DeliveredRecord, Given, Identity, Trigger } from '../types';
import { ENVELOPES, type Envelope, HTTP_EVENT, RECORD_CARRIERS, recordIdentity, SOURCES } from './shapes';

export interface Opened {
  trigger: Trigger;
  record: DeliveredRecord;
}

/** What an object at an envelope's place is. */
type Reading =
  | { kind: 'request' }
  | { kind: 'envelope'; envelope: Envelope; carrier: string }
  | { kind: 'record'; carrier: string }
  | { kind: 'refused'; problem: FieldProblem };

/** Fields that make an object a request; beside a message, two requests in one. */
const REQUEST_FIELDS: ReadonlySet<FieldName> = new Set([
  FIELDS.casterId,
  FIELDS.resourceId,
  FIELDS.locationId,
  FIELDS.resourceIds,
  FIELDS.items,
]);
/** What a message's envelope may give beside it: these count for the message. */
const CARRIED: readonly FieldName[] = [FIELDS.dryRun, FIELDS.regionId];

const refused = (field: string, problem: string): Reading => ({ kind: 'refused', problem: { field, problem } });
const unreadable = (problems: readonly FieldProblem[], id: Identity): DeliveredRecord => ({
  kind: 'unreadable',
  problems,
  identity: id,
});
/** A record the whole event cannot be read as. */
export const unreadableEvent = (problem: string) => unreadable([{ field: '(event)', problem }], {});
/** A message that stands alone: nothing beside it, no envelope to name it. */
const bare = (payload: unknown): DeliveredRecord => ({
  kind: 'message',
  payload,
  given: [],
  problems: [],
  identity: {},
});

/** The one reading of an object by the declarations, or why there is none. */
function readingOf(o: JsonObject): Reading {
  const keys = Object.keys(o);
  if (keys.length > MAX_KEYS) return refused('(event)', `holds ${keys.length} keys; at most ${MAX_KEYS} are read`);
  const carriers: string[] = [];
  let request: string | undefined;
  for (const key of keys) {
    const name = glance(key);
    if (name.kind === 'carrier') carriers.push(key);
    else if (name.kind === 'field' && REQUEST_FIELDS.has(name.name)) request ??= key;
  }
  const has = (key: string) => Object.hasOwn(o, key);
  if (HTTP_EVENT.marks.some(has)) return refused('(event)', 'is an HTTP-trigger event where none can arrive');
  const marked = ENVELOPES.filter((e) => e.marks.some(has));
  if (carriers.length > 1) return refused(carriers[1], `is a second message beside ${carriers[0]}: two readings`);
  if (marked.length > 1) return refused('(event)', `is marked as both a ${marked[0].name} and a ${marked[1].name}`);
  const [carrier] = carriers;
  if (carrier !== undefined && request !== undefined) {
    return refused(request, `is beside a message under ${carrier}: two requests in one`);
  }
  if (marked.length === 1) {
    const [envelope] = marked;
    const missing = envelope.requires.find((key) => !has(key));
    if (missing !== undefined) return refused(missing, `is missing, and the event is marked as a ${envelope.name}`);
    if (carrier === undefined || !envelope.carriers.includes(carrier)) {
      return refused(carrier ?? envelope.carriers[0], `must hold the message of a ${envelope.name}`);
    }
    return { kind: 'envelope', envelope, carrier };
  }
  if (carrier === undefined) return { kind: 'request' };
  if (RECORD_CARRIERS.includes(carrier)) return { kind: 'record', carrier };
  return refused(carrier, 'holds a message only inside an envelope, and no envelope is marked');
}

/** The DryRun and RegionId that `objects` give beside the message under `carrier`, and what else they wrongly hold. */
function givenBeside(objects: readonly JsonObject[], carrier: string, at: string) {
  const given: Given[] = [];
  const problems: FieldProblem[] = [];
  for (const object of objects) {
    const read = readKeys(object, SCALAR_FIELDS, at);
    problems.push(...read.problems);
    for (const key of read.carriers) {
      if (key !== carrier) problems.push({ field: at + key, problem: `is a second message beside ${carrier}` });
    }
    for (const name of SCALAR_FIELDS) {
      const value = read.values[name];
      if (value === undefined) continue;
      if (CARRIED.includes(name)) given.push({ from: 'envelope', name, value });
      else problems.push({ field: at + name, problem: 'is beside the message: two requests in one' });
    }
  }
  return { given, problems };
}

/** A message decoded, with what its envelopes gave beside it and found wrong. */
function message(
  decoded: Decoded,
  beside: { given: Given[]; problems: FieldProblem[] },
  at: string,
  id: Identity,
): DeliveredRecord {
  if (decoded.kind === 'unreadable') {
    return unreadable([...beside.problems, { field: at || '(event)', problem: decoded.problem }], id);
  }
  return { kind: 'message', payload: decoded.value, given: beside.given, problems: beside.problems, identity: id };
}

/** A message source's record: its message under `carrier`, with its own DryRun and RegionId beside it. */
function openRecord(
  data: JsonObject,
  carrier: string,
  outer: ReturnType<typeof givenBeside>,
  at: string,
  id: Identity,
) {
  const own = givenBeside([data], carrier, at);
  const beside = { given: [...outer.given, ...own.given], problems: [...outer.problems, ...own.problems] };
  return message(decodeMessage(data[carrier]), beside, at + carrier, id);
}

function decodeData(event: JsonObject, carrier: string): Decoded {
  const value = event[carrier];
  if (carrier !== 'data_base64') return decodeMessage(value);
  if (typeof value !== 'string') return { kind: 'unreadable', problem: 'must be base64 text' };
  return decodeMessage(Buffer.from(value, 'base64').toString('utf8'));
}

/**
 * A CloudEvent. Its `type` names a message source (MNS, RocketMQ, Kafka,
 * RabbitMQ), whose record is its `data`, with the message under the source's
 * own key; any other type's `data` is the request, or a message source's record.
 */
function openCloudEvent(event: JsonObject, envelope: Envelope, carrier: string): Opened {
  const id = envelope.identity(event);
  const beside = givenBeside(envelope.beside(event), carrier, '');
  const decoded = decodeData(event, carrier);
  const type = typeof event.type === 'string' ? event.type : '';
  const source = SOURCES.find((s) => s.type.test(type));
  const trigger = source?.trigger ?? 'cloudevent';
  if (decoded.kind === 'unreadable') return { trigger, record: message(decoded, beside, carrier, id) };
  const data = decoded.value;
  const reading: Reading = isObject(data) ? readingOf(data) : { kind: 'request' };
  const at = `${carrier}.`;
  if (reading.kind === 'record' && isObject(data) && (!source || reading.carrier === source.carrier)) {
    const own = source ? source.identity(data) : recordIdentity(data);
    return { trigger, record: openRecord(data, reading.carrier, beside, at, { ...id, ...own }) };
  }
  if (reading.kind === 'request' && !source) return { trigger, record: message(decoded, beside, carrier, id) };
  const why =
    reading.kind === 'refused'
      ? { field: at + reading.problem.field, problem: reading.problem.problem }
      : source
        ? { field: at + source.carrier, problem: `must hold the message of a ${type} event` }
        : { field: carrier, problem: 'holds another envelope: one envelope inside another' };
  return { trigger, record: unreadable([...beside.problems, why], id) };
}

/** An object at an envelope's place: the request itself, an envelope, or a message source's record (RawData). */
function openObject(o: JsonObject): Opened {
  const reading = readingOf(o);
  switch (reading.kind) {
    case 'request':
      return { trigger: 'payload', record: bare(o) };
    case 'refused':
      return { trigger: 'payload', record: unreadable([reading.problem], {}) };
    case 'record':
      return {
        trigger: 'payload',
        record: openRecord(o, reading.carrier, { given: [], problems: [] }, '', recordIdentity(o)),
      };
    case 'envelope': {
      const { envelope, carrier } = reading;
      if (envelope.holds === 'record') return openCloudEvent(o, envelope, carrier);
      const id = envelope.identity(o);
      const beside = givenBeside(envelope.beside(o), carrier, '');
      return { trigger: envelope.trigger, record: message(decodeMessage(o[carrier]), beside, carrier, id) };
    }
  }
}

/**
 * One event, or one element of an array delivery. Text is decoded where it
 * stands (Kafka's older form sends each CloudEvent as JSON text; a RawData
 * message may be text); anything but an object is the request itself.
 */
export function openElement(value: unknown): Opened {
  const decoded = decodeMessage(value);
  if (decoded.kind === 'unreadable') return { trigger: 'payload', record: unreadableEvent(decoded.problem) };
  if (isObject(decoded.value)) return openObject(decoded.value);
  return { trigger: 'payload', record: bare(decoded.value) };
}
