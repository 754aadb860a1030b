// EventBridge events and MNS queue and topic deliveries, built on the documented examples.
import { cloudEvent } from '../../../dev/events';
import {
  type Built,
  fixture,
  type Json,
  type Message,
  messageBase64,
  messageText,
  messageValue,
  next,
  register,
  registerOne,
  registerStream,
  streamOf,
  tagged,
} from './base';

// ---- EventBridge ----------------------------------------------------------

// Applications publish to a custom bus (deploy/eventbridge.ros.yaml); the default bus carries only
// Alibaba Cloud services' own events, never a delete request. dev/events.ts builds its events.
function eventBridgeRecord(message: Message): Built {
  const event = cloudEvent(typeof message === 'string' ? message : messageValue(message));
  return { event, identity: { id: String(event.id) } };
}

/** One CloudEvent from an EventBridge rule; `data` is the message (an object, or a string as given). */
export function eventBridgeEvent(message: Message): Json {
  return registerOne(eventBridgeRecord(message));
}

/** Event-streaming delivery of EventBridge events: an array of CloudEvents. */
export function eventBridgeBatch(messages: Message[]): Json[] {
  const records = messages.map((m) => eventBridgeRecord(m));
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

/**
 * MNS topic trigger, `notifyContentFormat: STREAM`: with the documented attributes
 * (`{Extend: '{"key":"value"}'}`) `{body, attrs}`, without them the published
 * message's bytes (a Buffer). No message id either way.
 */
export function mnsTopicStream(message: Message, options: { attrs?: boolean } = {}): Json {
  next();
  if (!options.attrs) return register(Buffer.from(messageText(message)), [{}]);
  const event = fixture('mns-topic/stream-attributes.json');
  event.body = messageText(message);
  return register(event, [{}]);
}
