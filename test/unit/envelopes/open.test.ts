import { openEvent } from '../../../functions/delete-caster-video-resource/envelopes/open';

const request = { CasterId: 'c', ResourceId: 'r' };
const text = JSON.stringify(request);
const b64 = Buffer.from(text).toString('base64');

describe('openEvent', () => {
  it('opens an MNS queue message, base64 or not, with its ids', () => {
    const mns = {
      specversion: '1.0',
      id: 'e1',
      type: 'mns:Queue:SendMessage',
      data: { messageId: 'm1', messageBody: b64 },
    };
    expect(openEvent(mns)).toEqual({
      trigger: 'mns-queue',
      record: { kind: 'message', payload: request, given: [], identity: { id: 'e1', messageId: 'm1' } },
    });
  });

  it('opens a Kafka value with its topic, partition and offset', () => {
    const data = { topic: 't', partition: 7, offset: 25, value: request };
    expect(openEvent({ specversion: '1.0', id: 'k', type: 'alikafka:Topic:Message', data })).toMatchObject({
      trigger: 'kafka',
      record: { payload: request, identity: { id: 'k', topic: 't', partition: 7, offset: 25 } },
    });
  });

  it("opens Kafka's older form, a CloudEvent as JSON text", () => {
    const legacy = JSON.stringify({
      specversion: '1.0',
      id: 'k',
      type: 'alikafka:Topic:Message',
      data: { value: text },
    });
    expect(openEvent(legacy)).toMatchObject({ trigger: 'kafka', record: { payload: request } });
  });

  it('opens a RocketMQ body with the UNIQ_KEY as its msgId', () => {
    const data = { topic: 't', body: text, systemProperties: { UNIQ_KEY: 'u1' } };
    expect(openEvent({ specversion: '1.0', id: 'q', type: 'mq:Topic:SendMessage', data })).toMatchObject({
      trigger: 'rocketmq',
      record: { payload: request, identity: { id: 'q', topic: 't', msgId: 'u1' } },
    });
  });

  it('opens a RabbitMQ body with its messageId and deliveryTag', () => {
    const data = { body: request, props: { messageId: 'p1' }, envelope: { deliveryTag: 3 } };
    expect(openEvent({ specversion: '1.0', id: 'a', type: 'amqp:Queue:SendMessage', data })).toMatchObject({
      trigger: 'rabbitmq',
      record: { payload: request, identity: { messageId: 'p1', deliveryTag: 3 } },
    });
  });

  it('opens an MNS topic notification in the JSON format, whatever attributes sit beside it', () => {
    const topic = { TopicOwner: 'o', TopicName: 't', MessageId: 'M1', Message: text, color: 'red' };
    expect(openEvent(topic)).toMatchObject({
      trigger: 'mns-topic',
      record: { payload: request, identity: { messageId: 'M1', topic: 't' } },
    });
  });

  it('opens an MNS topic notification in the STREAM format with attributes', () => {
    expect(openEvent({ body: text, attrs: { MessageId: 'M2' } })).toMatchObject({
      trigger: 'mns-topic',
      record: { payload: request, identity: { messageId: 'M2' } },
    });
  });

  it("opens a timer tick's payload", () => {
    const tick = { triggerTime: '2023-12-26T07:49:00Z', triggerName: 'tick', payload: text };
    expect(openEvent(tick)).toMatchObject({
      trigger: 'timer',
      record: { payload: request, identity: { triggerName: 'tick' } },
    });
  });

  it("opens a message source's data delivered without its CloudEvent (RawData)", () => {
    expect(openEvent({ requestId: 'x', messageId: 'm9', messageBody: text })).toEqual({
      trigger: 'payload',
      record: { kind: 'message', payload: request, given: [], identity: { messageId: 'm9' } },
    });
  });

  it('takes any other object as the payload itself', () => {
    expect(openEvent({ data: { CasterId: 'c' } })).toMatchObject({ record: { payload: { data: { CasterId: 'c' } } } });
  });

  it('refuses a request that also wraps a message: it could be read two ways', () => {
    expect(openEvent({ CasterId: 'c', ResourceId: 'r', body: text })).toMatchObject({
      record: { kind: 'unreadable', field: 'CasterId', problem: expect.stringMatching(/two requests in one/) },
    });
  });

  it('reports a message that is not a request as unreadable', () => {
    const mns = { specversion: '1.0', id: 'e1', type: 'mns:Queue:SendMessage', data: { messageBody: 'TEST' } };
    expect(openEvent(mns).record.kind).toBe('unreadable');
  });
});
