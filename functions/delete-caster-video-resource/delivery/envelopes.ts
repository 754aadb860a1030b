import { TRIGGERS } from '../constants';
import { isObject, type JsonObject, parseJson, Unreadable } from '../json';
import type { DeliveredRecord, Identity, Trigger } from '../types';
import { withFieldsBeside } from './beside';
import { openMessage } from './decode';

/**
 * The envelopes Alibaba Cloud's triggers wrap a caller's message in, each
 * opened to the message and the identity an operator finds it by
 * (test/fixtures/events/README.md lists where each format is documented).
 * Like Powertools' parser envelopes, but for FC's sources; written by hand
 * because no library knows these formats.
 */
export interface Opened {
  trigger: Trigger;
  record: DeliveredRecord;
}

function isCloudEvent(value: unknown): value is JsonObject {
  return isObject(value) && typeof value.specversion === 'string' && ('data' in value || 'data_base64' in value);
}

/** Keeps the identity fields that are present and printable. */
function identity(fields: Record<string, unknown>): Identity {
  const out: Identity = {};
  for (const [key, value] of Object.entries(fields)) {
    if ((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))) {
      out[key] = typeof value === 'string' ? value.slice(0, 200) : value;
    }
  }
  return out;
}

/** `data` may be an object, JSON text, or base64 (`data_base64`); an extension attribute such as `dryrun` counts for it. */
function cloudEventData(event: JsonObject): unknown {
  const data =
    typeof event.data_base64 === 'string'
      ? openMessage(Buffer.from(event.data_base64, 'base64'))
      : typeof event.data === 'string'
        ? openMessage(event.data)
        : event.data;
  return withFieldsBeside(event, ['data', 'data_base64'], data);
}

/** A source's message under `key` of its `data`, with what `data` holds beside it. */
const messageOf = (data: JsonObject, key: string) => withFieldsBeside(data, [key], openMessage(data[key]));

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** Message sources that EventBridge delivers to FC as CloudEvents, told apart by `type`. */
const CLOUD_EVENT_SOURCES: Array<{
  type: RegExp;
  trigger: Trigger;
  open(data: JsonObject, id: unknown): DeliveredRecord;
}> = [
  {
    type: /^mns:Queue:/i,
    trigger: TRIGGERS.mnsQueue,
    open: (data, id) => ({
      payload: messageOf(data, 'messageBody'),
      identity: identity({ id, messageId: data.messageId }),
    }),
  },
  {
    type: /^mq:Topic:/i,
    trigger: TRIGGERS.rocketMq,
    open: (data, id) => {
      const system = isObject(data.systemProperties) ? data.systemProperties : {};
      const msgId = system.UNIQ_KEY ?? system.MSG_ID ?? data.msgId ?? data.messageId;
      return { payload: messageOf(data, 'body'), identity: identity({ id, topic: data.topic, msgId }) };
    },
  },
  {
    type: /^alikafka:Topic:/i,
    trigger: TRIGGERS.kafka,
    open: (data, id) => ({
      payload: messageOf(data, 'value'),
      identity: identity({ id, topic: data.topic, partition: data.partition, offset: data.offset }),
    }),
  },
  {
    type: /^amqp:Queue:/i,
    trigger: TRIGGERS.rabbitMq,
    open: (data, id) => {
      const props = isObject(data.props) ? data.props : {};
      const envelope = isObject(data.envelope) ? data.envelope : {};
      return {
        payload: messageOf(data, 'body'),
        identity: identity({ id, messageId: props.messageId, deliveryTag: envelope.deliveryTag }),
      };
    },
  },
];

/** Keys under which an unknown source's CloudEvent may carry the message. */
const MESSAGE_KEYS = ['messageBody', 'body', 'value', 'Message', 'payload'] as const;
const REQUEST_KEY = /^(casterid|resourceid|resourceids|items)$/i;

/** One CloudEvent: a known message source, else an EventBridge event whose `data` is the request. */
function openCloudEvent(event: JsonObject): Opened {
  const data = cloudEventData(event);
  const type = str(event.type);
  const known = CLOUD_EVENT_SOURCES.find((s) => s.type.test(type));
  if (known && isObject(data)) return { trigger: known.trigger, record: known.open(data, event.id) };
  const id = identity({ id: event.id });
  const message = isObject(data) ? sourceData(data) : undefined;
  if (message)
    return { trigger: TRIGGERS.cloudEvent, record: { ...message, identity: { ...id, ...message.identity } } };
  return { trigger: TRIGGERS.cloudEvent, record: { payload: data, identity: id } };
}

/**
 * A message source's `data` without its CloudEvent (an unknown source's
 * event, or EventBridge's RawData schema for MNS, RocketMQ, Kafka, RabbitMQ):
 * no request field of its own, but one of the usual message fields.
 */
function sourceData(data: JsonObject): DeliveredRecord | undefined {
  const key = MESSAGE_KEYS.find((k) => Object.hasOwn(data, k));
  const request = Object.keys(data).find((k) => REQUEST_KEY.test(k));
  if (request !== undefined) {
    // A request that also wraps a message can be read two ways: neither is taken.
    return key === undefined
      ? undefined
      : { payload: new Unreadable(`holds ${request} beside the message under ${key}: two requests in one`, request) };
  }
  if (!key) return undefined;
  return {
    payload: messageOf(data, key),
    identity: identity({ messageId: data.messageId, topic: data.topic, offset: data.offset }),
  };
}

/** An event-streaming element: a CloudEvent, or (an older Kafka form) a CloudEvent as JSON text. */
function asCloudEvent(element: unknown): JsonObject | undefined {
  if (isCloudEvent(element)) return element;
  if (typeof element !== 'string' || !/^\s*\{/.test(element) || !element.includes('specversion')) return undefined;
  const parsed = parseJson(element);
  return isCloudEvent(parsed) ? parsed : undefined;
}

/** MNS topic, JSON notify format: `Message`, with message attributes as extra keys. */
function isMnsTopicJson(event: JsonObject): boolean {
  return 'Message' in event && ('TopicOwner' in event || 'TopicName' in event) && 'MessageId' in event;
}

/** MNS topic, STREAM format with attributes: `{body, attrs}` (without attributes the event is the message). */
function isMnsTopicStream(event: JsonObject): boolean {
  const keys = Object.keys(event);
  return keys.length === 2 && typeof event.body === 'string' && isObject(event.attrs);
}

function isTimer(event: JsonObject): boolean {
  return 'payload' in event && typeof event.triggerTime === 'string' && typeof event.triggerName === 'string';
}

/** A non-CloudEvent object: an MNS topic notification, a timer tick, or the payload itself. */
function openObject(event: JsonObject): Opened {
  if (isMnsTopicJson(event)) {
    return {
      trigger: TRIGGERS.mnsTopic,
      record: {
        payload: messageOf(event, 'Message'),
        identity: identity({ messageId: event.MessageId, topic: event.TopicName }),
      },
    };
  }
  if (isMnsTopicStream(event)) {
    const attrs = event.attrs as JsonObject;
    return {
      trigger: TRIGGERS.mnsTopic,
      record: {
        payload: messageOf(event, 'body'),
        identity: identity({ messageId: attrs.MessageId ?? attrs.messageId }),
      },
    };
  }
  if (isTimer(event)) {
    return {
      trigger: TRIGGERS.timer,
      record: {
        payload: messageOf(event, 'payload'),
        identity: identity({ triggerName: event.triggerName, triggerTime: event.triggerTime }),
      },
    };
  }
  const message = sourceData(event);
  return { trigger: TRIGGERS.payload, record: message ?? { payload: event } };
}

/**
 * One event, or one element of an array delivery: a CloudEvent (also as JSON
 * text, Kafka's older form), another known envelope, or the payload itself (a
 * bare string may carry the request as text, as RawData can).
 */
export function openEvent(value: unknown): Opened {
  const cloudEvent = asCloudEvent(value);
  if (cloudEvent) return openCloudEvent(cloudEvent);
  if (isObject(value)) return openObject(value);
  return { trigger: TRIGGERS.payload, record: { payload: Array.isArray(value) ? value : openMessage(value) } };
}
