import fs from 'node:fs';
import path from 'node:path';

/**
 * One factory per delivery kind: each builds what FC 3.0 hands the handler for
 * that trigger, from the documented examples in test/fixtures/events (see the
 * README there for where each is documented), with the caller's message of
 * your choice and a distinct identity per record.
 *
 * A message that is an object (or array) is JSON-encoded into the source's
 * encoding (JSON text, base64 of it, or a parsed value); a string is used as
 * the raw message text. Deliveries are plain JSON values, except those whose
 * bytes *are* the message (MNS topic STREAM without attributes, RawData of a
 * text message), which are Buffers, as FC passes them.
 */

export const FIXTURE_DIR = path.join(__dirname, '../../events');

/** The delete request the `<source>/<variant>.json` fixtures carry. */
export const DELETE_REQUEST = Object.freeze({
  CasterId: 'LIVEPRODUCER_POST-cn-demo0001',
  ResourceId: 'demo-resource-1',
});

export type Message = string | Record<string, unknown> | unknown[];
/** What identifies a record, under the names the function reports (delivery/envelopes.ts). */
export type Identity = Record<string, string | number>;
type Json = any;

/** A fresh parsed copy of a fixture (path relative to test/fixtures/events). */
export function fixture(rel: string): Json {
  return JSON.parse(fixtureText(rel));
}

export function fixtureText(rel: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, rel), 'utf8');
}

// ---- encodings ------------------------------------------------------------

/** The message text: a string as is, anything else as JSON. */
export function messageText(message: Message): string {
  return typeof message === 'string' ? message : JSON.stringify(message);
}

export function messageBase64(message: Message): string {
  return Buffer.from(messageText(message)).toString('base64');
}

/** The message as a source that parses JSON delivers it: parsed when it is JSON, else the text. */
export function messageValue(message: Message): unknown {
  if (typeof message !== 'string') return JSON.parse(JSON.stringify(message));
  try {
    return JSON.parse(message);
  } catch {
    return message;
  }
}

// ---- identities -----------------------------------------------------------

let sequence = 0;

/** Restarts the identity sequence (ids, offsets and tags increase across calls until then). */
export function resetIdentities(): void {
  sequence = 0;
}

function next(): number {
  sequence += 1;
  return sequence;
}

/** A documented id with its masked tail (`****`, `xxxxxx`, `XXXXX`) replaced by `n`, else `id-n`. */
function tagged(documented: string, n: number): string {
  const mask = /(\*+|x{3,}|X{3,})$/.exec(documented);
  if (!mask) return `${documented}-${n}`;
  const digits = String(n).padStart(mask[0].length, '0');
  return documented.slice(0, mask.index) + digits;
}

const expected = new WeakMap<object, Identity[]>();

function register<T extends object>(delivery: T, identities: Identity[]): T {
  expected.set(delivery, identities);
  return delivery;
}

interface Built {
  event: Json;
  identity: Identity;
}

/** A single-event delivery built from one record. */
function registerOne({ event, identity }: Built): Json {
  return register(event, [identity]);
}

/** An event-streaming delivery: the records' events, in order. */
function registerStream(records: Built[]): Json[] {
  return register(
    records.map((r) => r.event),
    records.map((r) => r.identity),
  );
}

/** An event-streaming delivery of a documented stream (`rel`): one record per message, each built on its first event. */
function streamOf(rel: string, messages: Message[], build: (message: Message, template: Json) => Built): Json[] {
  const template = fixture(rel)[0];
  return registerStream(messages.map((m) => build(m, template)));
}

/** The identity of every record in a delivery built here, in record order ({} where the source has none). */
export function expectedIdentities(delivery: object): Identity[] {
  const identities = expected.get(delivery);
  if (!identities) throw new Error('expectedIdentities: not a delivery built by test/support/envelopes.ts');
  return identities.map((i) => ({ ...i }));
}

// ---- EventBridge ----------------------------------------------------------

export interface EventBridgeOptions {
  /** `custom` (default): a rule on a custom bus; `default`: the default bus (eventSourceType Default). */
  bus?: 'custom' | 'default';
}

function eventBridgeRecord(message: Message, bus: 'custom' | 'default'): Built {
  const event = fixture(`eventbridge/${bus}-bus.json`);
  event.id = tagged(event.id, next());
  event.data = typeof message === 'string' ? message : messageValue(message);
  return { event, identity: { id: event.id } };
}

/** One CloudEvent from an EventBridge rule; `data` is the message (an object, or a string as given). */
export function eventBridgeEvent(message: Message, options: EventBridgeOptions = {}): Json {
  return registerOne(eventBridgeRecord(message, options.bus ?? 'custom'));
}

/** Event-streaming delivery of EventBridge events: an array of CloudEvents. */
export function eventBridgeBatch(messages: Message[], options: EventBridgeOptions = {}): Json[] {
  const records = messages.map((m) => eventBridgeRecord(m, options.bus ?? 'custom'));
  return registerStream(records);
}

// ---- MNS queue (EventBridge trigger, eventSourceType MNS) -------------------

export interface MnsQueueOptions {
  /** The trigger's `IsBase64Decode: false`: `messageBody` arrives base64-encoded. */
  base64?: boolean;
}

function mnsQueueRecord(message: Message, template: Json, options: MnsQueueOptions): Built {
  const n = next();
  const event = JSON.parse(JSON.stringify(template));
  event.id = tagged(template.id, n);
  event.data.requestId = tagged(template.data.requestId, n);
  event.data.messageId = tagged(template.data.messageId, n);
  event.data.messageBody = options.base64 ? messageBase64(message) : messageText(message);
  return { event, identity: { id: event.id, messageId: event.data.messageId } };
}

/** MNS queue trigger, event-driven: one CloudEvent, the message in `data.messageBody`. */
export function mnsQueueEvent(message: Message, options: MnsQueueOptions = {}): Json {
  return registerOne(mnsQueueRecord(message, fixture('mns-queue/event-driven.json'), options));
}

/** MNS queue trigger, event-streaming: an array of CloudEvents. */
export function mnsQueueStream(messages: Message[], options: MnsQueueOptions = {}): Json[] {
  return streamOf('mns-queue/event-streaming.json', messages, (m, template) => mnsQueueRecord(m, template, options));
}

// ---- MNS topic (mns_topic trigger) ------------------------------------------

export interface MnsTopicJsonOptions {
  /** Message attributes; in the JSON format they arrive as extra top-level keys. */
  attributes?: Record<string, string>;
}

/** MNS topic trigger, `notifyContentFormat: JSON`: the message text in `Message`. */
export function mnsTopicJson(message: Message, options: MnsTopicJsonOptions = {}): Json {
  const n = next();
  const base = fixture('mns-topic/json.json');
  const event = { ...(options.attributes ?? {}), ...base };
  event.MessageId = tagged(base.MessageId, n);
  event.PublishTime = base.PublishTime + n;
  event.Message = messageText(message);
  return register(event, [{ messageId: event.MessageId, topic: event.TopicName }]);
}

export interface MnsTopicStreamOptions {
  /** Message attributes (`true`: the documented `{Extend: '{"key":"value"}'}`); without them the event is the message. */
  attrs?: Record<string, string> | true;
}

/**
 * MNS topic trigger, `notifyContentFormat: STREAM`: with attributes `{body, attrs}`,
 * without them the published message's bytes (a Buffer). No message id either way.
 */
export function mnsTopicStream(message: Message, options: MnsTopicStreamOptions = {}): Json {
  next();
  if (!options.attrs) return register(Buffer.from(messageText(message)), [{}]);
  const event = fixture('mns-topic/stream-attributes.json');
  if (options.attrs !== true) event.attrs = { ...options.attrs };
  event.body = messageText(message);
  return register(event, [{}]);
}

// ---- RocketMQ -----------------------------------------------------------------

/** The UNIQ_KEY of EventBridge's documented RocketMQ event (the FC trigger example has none). */
const DOCUMENTED_UNIQ_KEY = 'AC14C305069E1B28CDFA3181CDA2****';

function rocketMqRecord(message: Message, template: Json): Built {
  const n = next();
  const event = JSON.parse(JSON.stringify(template));
  event.id = tagged(template.id, n);
  event.data.systemProperties.UNIQ_KEY = tagged(DOCUMENTED_UNIQ_KEY, n);
  event.data.body = messageText(message);
  return { event, identity: { id: event.id, topic: event.data.topic, msgId: event.data.systemProperties.UNIQ_KEY } };
}

/** RocketMQ trigger, event-driven: one CloudEvent, the message text in `data.body`. */
export function rocketMqEvent(message: Message): Json {
  return registerOne(rocketMqRecord(message, fixture('rocketmq/event-driven.json')));
}

/** RocketMQ trigger, event-streaming: an array of CloudEvents. */
export function rocketMqStream(messages: Message[]): Json[] {
  return streamOf('rocketmq/event-streaming.json', messages, rocketMqRecord);
}

// ---- Kafka ------------------------------------------------------------------

export interface KafkaOptions {
  /**
   * The trigger's value data format: `text` (default: the message text), `json`
   * (parsed), `base64` (Binary); `legacy`: the older form, each batch element the
   * CloudEvent as a JSON string, value as text.
   */
  format?: 'text' | 'json' | 'base64' | 'legacy';
}

/** Kafka trigger (event-streaming only): an array of CloudEvents, the message in `data.value`. */
export function kafkaStream(messages: Message[], options: KafkaOptions = {}): Json[] {
  const format = options.format ?? 'text';
  const template = format === 'legacy' ? JSON.parse(fixture('kafka/legacy.json')[0]) : fixture('kafka/text.json')[0];
  const topic = format === 'legacy' ? template.data.topic : 'mytopic'; // documented as `****`; its subject names `mytopic`
  const events: Json[] = [];
  const identities: Identity[] = [];
  for (const message of messages) {
    const n = next();
    const event = JSON.parse(JSON.stringify(template));
    event.id = tagged(template.id, n);
    event.data.topic = topic;
    event.data.offset = template.data.offset + n;
    event.data.value =
      format === 'json' ? messageValue(message) : format === 'base64' ? messageBase64(message) : messageText(message);
    identities.push({ id: event.id, topic, partition: event.data.partition, offset: event.data.offset });
    events.push(format === 'legacy' ? JSON.stringify(event) : event);
  }
  return register(events, identities);
}

// ---- RabbitMQ -----------------------------------------------------------------

function rabbitMqRecord(message: Message, template: Json): Built {
  const n = next();
  const event = JSON.parse(JSON.stringify(template));
  event.id = tagged(template.id, n);
  event.data.props.messageId = tagged(template.data.props.messageId, n);
  event.data.envelope.deliveryTag = template.data.envelope.deliveryTag + n;
  event.data.body = messageValue(message);
  return {
    event,
    identity: { id: event.id, messageId: event.data.props.messageId, deliveryTag: event.data.envelope.deliveryTag },
  };
}

/** RabbitMQ trigger, event-driven: one CloudEvent; a JSON body arrives parsed in `data.body`. */
export function rabbitMqEvent(message: Message): Json {
  return registerOne(rabbitMqRecord(message, fixture('rabbitmq/event-driven.json')));
}

/** RabbitMQ trigger, event-streaming: an array of CloudEvents. */
export function rabbitMqStream(messages: Message[]): Json[] {
  return streamOf('rabbitmq/event-streaming.json', messages, rabbitMqRecord);
}

// ---- Timer --------------------------------------------------------------------

/** Timer trigger: `payload` is the trigger's configured message text; each tick a later `triggerTime`. */
export function timerEvent(message: Message): Json {
  const n = next();
  const event = fixture('timer/timer.json');
  event.triggerTime = new Date(Date.parse(event.triggerTime) + n * 60_000).toISOString().replace('.000Z', 'Z');
  event.payload = messageText(message);
  return register(event, [{ triggerName: event.triggerName, triggerTime: event.triggerTime }]);
}

// ---- RawData ------------------------------------------------------------------

/**
 * EventBridge trigger with `eventSchema: RawData`, event-driven: only the event's
 * `data`. An object is delivered as that JSON; a string as its bytes.
 */
export function rawData(message: Message): Json {
  next();
  const delivery = typeof message === 'string' ? Buffer.from(message) : messageValue(message);
  return register(delivery as object, [{}]);
}

/** RawData, event-streaming: an array of `data` payloads (a string stays a JSON string element). */
export function rawDataArray(messages: Message[]): Json[] {
  next();
  return register(
    messages.map((m) => (typeof m === 'string' ? m : messageValue(m))),
    messages.map(() => ({})),
  );
}

// ---- InvokeFunction through an HTTP trigger ---------------------------------------

export interface InvokeApiOptions {
  functionName?: string;
  /** The body as base64 with `isBase64Encoded: true`. */
  base64?: boolean;
}

/**
 * `InvokeFunction` (console test, `s invoke`, SDK) on a function that has an HTTP
 * trigger: an HTTP event on the invoke API path whose body is the payload.
 */
export function invokeApiEvent(payload: Message, options: InvokeApiOptions = {}): Json {
  next();
  const event = fixture('fc-invoke/invoke-api.json');
  const invokePath = `/2023-03-30/functions/${options.functionName ?? 'caster-video-resource-delete'}/invocations`;
  event.rawPath = invokePath;
  event.requestContext.http.path = invokePath;
  event.body = options.base64 ? messageBase64(payload) : messageText(payload);
  event.isBase64Encoded = Boolean(options.base64);
  return register(event, [{}]);
}

// ---- reading a delivery back --------------------------------------------------------

export type Encoding = 'text' | 'base64' | 'json' | 'raw';

/**
 * The messages at `at` (fixture README notation: `$`, `.key`, `[i]` every element,
 * `|json` parse the string) decoded from `encoding`: the message text for
 * text/base64/raw, the value itself for json.
 */
export function readMessages(delivery: unknown, at: string, encoding: Encoding): unknown[] {
  if (!at.startsWith('$')) throw new Error(`readMessages: path must start with $: ${at}`);
  const steps = at.slice(1).match(/\.[A-Za-z_][\w]*|\[i\]|\|json/g) ?? [];
  if (steps.join('') !== at.slice(1)) throw new Error(`readMessages: cannot read path ${at}`);
  let values: unknown[] = [delivery];
  for (const step of steps) {
    if (step === '[i]') {
      values = values.flatMap((v) => {
        if (!Array.isArray(v)) throw new Error(`readMessages: ${at}: not an array`);
        return v;
      });
    } else if (step === '|json') {
      values = values.map((v) => JSON.parse(String(v)));
    } else {
      const key = step.slice(1);
      values = values.map((v) => {
        if (v === null || typeof v !== 'object' || !(key in v)) throw new Error(`readMessages: ${at}: no ${key}`);
        return (v as Record<string, unknown>)[key];
      });
    }
  }
  return values.map((v) => {
    switch (encoding) {
      case 'json':
        return v;
      case 'text':
        if (typeof v !== 'string') throw new Error(`readMessages: ${at}: expected a string`);
        return v;
      case 'base64':
        if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v))
          throw new Error(`readMessages: ${at}: not base64`);
        return Buffer.from(v, 'base64').toString('utf8');
      case 'raw':
        return Buffer.isBuffer(v) ? v.toString('utf8') : typeof v === 'string' ? v : JSON.stringify(v);
      default:
        throw new Error(`readMessages: unknown encoding ${encoding satisfies never}`);
    }
  });
}
