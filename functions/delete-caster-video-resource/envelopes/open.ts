// The envelopes Alibaba Cloud's triggers wrap a caller's message in, each
// opened to the message and the identity an operator finds it by (the events
// folder's README lists where each format is documented). Like Powertools'
// parser envelopes, but for FC's sources; written by hand because no library
// knows these formats.
import { isObject, type JsonObject } from '../json';
import { asCloudEvent, type Opened, openCloudEvent } from './cloud-event';
import { identity, messageOf, openMessage, recordOf, sourceData } from './message';

/** MNS topic, JSON notify format: `Message`, with message attributes as extra keys. */
function isMnsTopicJson(event: JsonObject): boolean {
  return 'Message' in event && ('TopicOwner' in event || 'TopicName' in event) && 'MessageId' in event;
}

/** MNS topic, STREAM format with attributes: `{body, attrs}` (without attributes the event is the message). */
function isMnsTopicStream(event: JsonObject): event is JsonObject & { attrs: JsonObject } {
  return Object.keys(event).length === 2 && typeof event.body === 'string' && isObject(event.attrs);
}

function isTimer(event: JsonObject): boolean {
  return 'payload' in event && typeof event.triggerTime === 'string' && typeof event.triggerName === 'string';
}

/** A non-CloudEvent object: an MNS topic notification, a timer tick, or the payload itself. */
function openObject(event: JsonObject): Opened {
  if (isMnsTopicJson(event)) {
    const id = identity({ messageId: event.MessageId, topic: event.TopicName });
    return { trigger: 'mns-topic', record: messageOf(event, 'Message', id) };
  }
  if (isMnsTopicStream(event)) {
    const id = identity({ messageId: event.attrs.MessageId ?? event.attrs.messageId });
    return { trigger: 'mns-topic', record: messageOf(event, 'body', id) };
  }
  if (isTimer(event)) {
    const id = identity({ triggerName: event.triggerName, triggerTime: event.triggerTime });
    return { trigger: 'timer', record: messageOf(event, 'payload', id) };
  }
  return { trigger: 'payload', record: sourceData(event, {}) ?? recordOf(event, {}) };
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
  return { trigger: 'payload', record: recordOf(Array.isArray(value) ? value : openMessage(value), {}) };
}
