// The envelope factories (test/support/envelopes) put the message where, and as, the
// events/README.md row of the fixture they copy says: the integration tests that use
// them would still pass with a message in the wrong encoding, since the function reads both.
import * as env from '../support/envelopes';
import { asValue, readMessages, rowFor } from './events-readme';

const one = [{ CasterId: 'LIVEPRODUCER_POST-cn-demo0001', ResourceId: 'demo-resource-2' }];
const two = [...one, { ...one[0]!, ResourceId: 'demo-resource-3' }];
type Build = (messages: env.Message[]) => unknown;

describe('envelope factories (test/support/envelopes)', () => {
  it.each<[string, env.Message[], Build]>([
    ['eventbridge/custom-bus.json', one, ([m]) => env.eventBridgeEvent(m!)],
    ['cloudevent-batch.json', two, (ms) => env.eventBridgeBatch(ms)],
    ['mns-queue/event-driven.json', one, ([m]) => env.mnsQueueEvent(m!)],
    ['mns-queue/event-driven-base64.json', one, ([m]) => env.mnsQueueEvent(m!, { base64: true })],
    ['mns-queue/event-driven.json', ['TEST'], ([m]) => env.mnsQueueEvent(m!)],
    ['mns-queue/event-streaming.json', two, (ms) => env.mnsQueueStream(ms)],
    ['mns-queue/event-streaming-base64.json', two, (ms) => env.mnsQueueStream(ms, { base64: true })],
    ['mns-topic/json.json', one, ([m]) => env.mnsTopicJson(m!)],
    ['mns-topic/json-attributes.json', one, ([m]) => env.mnsTopicJson(m!, { attributes: { key: 'value' } })],
    ['mns-topic/stream-attributes.json', one, ([m]) => env.mnsTopicStream(m!, { attrs: true })],
    ['mns-topic/stream.json', one, ([m]) => env.mnsTopicStream(m!)],
    ['mns-topic/documented-stream.txt', ['hello topic'], ([m]) => env.mnsTopicStream(m!)],
    ['rocketmq/event-driven.json', one, ([m]) => env.rocketMqEvent(m!)],
    ['rocketmq/event-streaming.json', two, (ms) => env.rocketMqStream(ms)],
    ['kafka/text.json', two, (ms) => env.kafkaStream(ms)],
    ['kafka/json.json', two, (ms) => env.kafkaStream(ms, { format: 'json' })],
    ['kafka/json.json', ['hello kafka msg'], (ms) => env.kafkaStream(ms, { format: 'json' })],
    ['kafka/base64.json', two, (ms) => env.kafkaStream(ms, { format: 'base64' })],
    ['kafka/legacy.json', two, (ms) => env.kafkaStream(ms, { format: 'legacy' })],
    ['rabbitmq/event-driven.json', one, ([m]) => env.rabbitMqEvent(m!)],
    ['rabbitmq/event-streaming.json', two, (ms) => env.rabbitMqStream(ms)],
    ['rabbitmq/documented-event-streaming.json', ['消息发送Body010'], (ms) => env.rabbitMqStream(ms)],
    ['timer/timer.json', one, ([m]) => env.timerEvent(m!)],
    ['rawdata/payload.json', one, ([m]) => env.rawData(m!)],
    ['rawdata/array.json', two, (ms) => env.rawDataArray(ms)],
    ['fc-invoke/invoke-api.json', one, ([m]) => env.invokeApiEvent(m!)],
  ])('%s: the factory puts %j where and as its README row says', (row, messages, build) => {
    const { at, encoding } = rowFor(row);
    const read = readMessages(build(messages), at, encoding);
    expect(read.map(asValue)).toEqual(messages.map(asValue));
    if (encoding === 'text' || encoding === 'base64')
      expect(read).toEqual(messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))));
  });
});
