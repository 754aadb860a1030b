// RocketMQ, Kafka, RabbitMQ, timer, RawData and InvokeFunction deliveries, built on the documented examples.
import {
  type Built,
  fixture,
  type Identity,
  type Json,
  type Message,
  messageBase64,
  messageText,
  messageValue,
  next,
  register,
  registerOne,
  streamOf,
  tagged,
} from './base';

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

/**
 * `InvokeFunction` (console test, `s invoke`, SDK) on a function that has an HTTP
 * trigger: the documented HTTP event on the invoke API path, whose body is the
 * payload (`base64`: as base64, with `isBase64Encoded: true`).
 */
export function invokeApiEvent(payload: Message, options: { base64?: boolean } = {}): Json {
  next();
  const event = fixture('fc-invoke/invoke-api.json');
  event.body = options.base64 ? messageBase64(payload) : messageText(payload);
  event.isBase64Encoded = Boolean(options.base64);
  return register(event, [{}]);
}
