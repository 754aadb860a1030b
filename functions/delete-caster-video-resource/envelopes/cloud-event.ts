import { isObject, type JsonObject, parseJson, Unreadable } from '../json';
import type { DeliveredRecord, Given, Identity, Trigger } from '../types';
import { fieldsBeside, identity, messageOf, openMessage, recordOf, sourceData } from './message';

export interface Opened {
  trigger: Trigger;
  record: DeliveredRecord;
}

function isCloudEvent(value: unknown): value is JsonObject {
  return isObject(value) && typeof value.specversion === 'string' && ('data' in value || 'data_base64' in value);
}

/** An event-streaming element: a CloudEvent, or (an older Kafka form) a CloudEvent as JSON text. */
export function asCloudEvent(element: unknown): JsonObject | undefined {
  if (isCloudEvent(element)) return element;
  if (typeof element !== 'string' || !/^\s*\{/.test(element) || !element.includes('specversion')) return undefined;
  const parsed = parseJson(element);
  return isCloudEvent(parsed) ? parsed : undefined;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const objectOr = (value: unknown): JsonObject => (isObject(value) ? value : {});

/** Message sources that EventBridge delivers to FC as CloudEvents, told apart by `type`. */
const SOURCES: Array<{ type: RegExp; trigger: Trigger; open(data: JsonObject, id: unknown): DeliveredRecord }> = [
  {
    type: /^mns:Queue:/i,
    trigger: 'mns-queue',
    open: (data, id) => messageOf(data, 'messageBody', identity({ id, messageId: data.messageId })),
  },
  {
    type: /^mq:Topic:/i,
    trigger: 'rocketmq',
    open: (data, id) => {
      const system = objectOr(data.systemProperties);
      const msgId = system.UNIQ_KEY ?? system.MSG_ID ?? data.msgId ?? data.messageId;
      return messageOf(data, 'body', identity({ id, topic: data.topic, msgId }));
    },
  },
  {
    type: /^alikafka:Topic:/i,
    trigger: 'kafka',
    open: (data, id) =>
      messageOf(data, 'value', identity({ id, topic: data.topic, partition: data.partition, offset: data.offset })),
  },
  {
    type: /^amqp:Queue:/i,
    trigger: 'rabbitmq',
    open: (data, id) => {
      const messageId = objectOr(data.props).messageId;
      return messageOf(data, 'body', identity({ id, messageId, deliveryTag: objectOr(data.envelope).deliveryTag }));
    },
  },
];

/** With the fields the CloudEvent gives beside `data` (an extension attribute such as `dryrun`). */
function withGiven(record: DeliveredRecord, given: readonly Given[]): DeliveredRecord {
  return record.kind === 'message' && given.length > 0 ? { ...record, given: [...given, ...record.given] } : record;
}

/**
 * One CloudEvent: a known message source, else an EventBridge event whose
 * `data` is the request. `data` may be an object, JSON text, or base64 (`data_base64`).
 */
export function openCloudEvent(event: JsonObject): Opened {
  const data =
    typeof event.data_base64 === 'string'
      ? openMessage(Buffer.from(event.data_base64, 'base64'))
      : typeof event.data === 'string'
        ? openMessage(event.data)
        : event.data;
  const beside = fieldsBeside(event, ['data', 'data_base64']);
  const id: Identity = identity({ id: event.id });
  if (beside instanceof Unreadable || !isObject(data))
    return { trigger: 'cloudevent', record: recordOf(data, id, beside) };
  const known = SOURCES.find((s) => s.type.test(str(event.type)));
  if (known) return { trigger: known.trigger, record: withGiven(known.open(data, event.id), beside) };
  const message = sourceData(data, id);
  return { trigger: 'cloudevent', record: message ? withGiven(message, beside) : recordOf(data, id, beside) };
}
