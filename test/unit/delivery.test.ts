import { readDelivery, readInvocation } from '../../functions/delete-caster-video-resource/delivery/recognise';
import { Unreadable } from '../../functions/delete-caster-video-resource/json';
import { cloudEvent, cloudEventBatch, httpEvent, plainPayload } from '../support/events';

const request = { CasterId: 'c', ResourceId: 'r' };
const text = JSON.stringify(request);
const b64 = Buffer.from(text).toString('base64');

function records(event: unknown) {
  const d = readDelivery(event);
  if (d.kind !== 'records') throw new Error('expected records');
  return d;
}

describe('readDelivery', () => {
  it('recognises an FC 3.0 HTTP-trigger event, also when it arrives as a Buffer', () => {
    expect(readDelivery(httpEvent()).kind).toBe('http');
    expect(readDelivery(Buffer.from(JSON.stringify(httpEvent()))).kind).toBe('http');
  });

  it('recognises an InvokeFunction call through an HTTP trigger, and reads its body as its payload', () => {
    const event = httpEvent({
      path: '/2023-03-30/functions/f/invocations',
      body: text,
      contentType: 'application/octet-stream',
    });
    expect(readDelivery(event).kind).toBe('invoke');
    expect(readInvocation(event as never)).toMatchObject({
      trigger: 'invoke',
      batch: false,
      records: [{ payload: request }],
    });
    const wrapped = httpEvent({
      path: '/2023-03-30/functions/f/invocations',
      body: JSON.stringify(cloudEvent(request)),
      base64: true,
    });
    expect(readInvocation(wrapped as never)).toMatchObject({
      trigger: 'invoke',
      records: [{ payload: request, identity: { id: expect.any(String) } }],
    });
  });

  it('reads a CloudEvent whose data is an object, a JSON string or base64', () => {
    expect(records(cloudEvent(request))).toMatchObject({ trigger: 'cloudevent', records: [{ payload: request }] });
    expect(records(plainPayload(cloudEvent(text))).records[0].payload).toEqual(request);
    expect(records({ specversion: '1.0', id: '1', data_base64: b64 }).records[0]).toEqual({
      payload: request,
      identity: { id: '1' },
    });
  });

  it('opens the message of each queue source and keeps its identity', () => {
    const mns = records({
      specversion: '1.0',
      id: 'e1',
      type: 'mns:Queue:SendMessage',
      data: { messageId: 'm1', messageBody: b64 },
    });
    expect(mns).toMatchObject({
      trigger: 'mns-queue',
      records: [{ payload: request, identity: { id: 'e1', messageId: 'm1' } }],
    });
    const kafka = records([
      {
        specversion: '1.0',
        id: 'k',
        type: 'alikafka:Topic:Message',
        data: { topic: 't', partition: 7, offset: 25, value: request },
      },
    ]);
    expect(kafka).toMatchObject({
      trigger: 'kafka',
      batch: true,
      records: [{ payload: request, identity: { topic: 't', partition: 7, offset: 25 } }],
    });
    const legacy = records([
      JSON.stringify({ specversion: '1.0', id: 'k', type: 'alikafka:Topic:Message', data: { value: text } }),
    ]);
    expect(legacy.records[0].payload).toEqual(request);
    const topic = records({ TopicOwner: 'o', TopicName: 't', MessageId: 'M1', Message: text, color: 'red' });
    expect(topic).toMatchObject({
      trigger: 'mns-topic',
      records: [{ payload: request, identity: { messageId: 'M1', topic: 't' } }],
    });
    expect(records({ body: text, attrs: { MessageId: 'M2' } })).toMatchObject({
      trigger: 'mns-topic',
      records: [{ payload: request }],
    });
    const timer = records({ triggerTime: '2023-12-26T07:49:00Z', triggerName: 'tick', payload: text });
    expect(timer).toMatchObject({
      trigger: 'timer',
      records: [{ payload: request, identity: { triggerName: 'tick' } }],
    });
  });

  it('reports a message that is not a delete request as unreadable, never throwing', () => {
    const mns = records({
      specversion: '1.0',
      id: 'e1',
      type: 'mns:Queue:SendMessage',
      data: { messageId: 'm1', messageBody: 'TEST' },
    });
    expect(mns.records[0].payload).toBeInstanceOf(Unreadable);
    expect(records(Buffer.from('{not json')).records[0].payload).toBeInstanceOf(Unreadable);
  });

  it('treats an array as a batch of records in order: CloudEvents or RawData payloads', () => {
    expect(records(cloudEventBatch([{ ResourceId: 'a' }, { ResourceId: 'b' }]))).toMatchObject({
      trigger: 'cloudevent-batch',
      batch: true,
      records: [{ payload: { ResourceId: 'a' } }, { payload: { ResourceId: 'b' } }],
    });
    expect(records([request, text]).records.map((r) => r.payload)).toEqual([request, request]);
  });

  it('treats anything else as a plain payload (console test, RawData)', () => {
    expect(records(plainPayload(request))).toMatchObject({
      trigger: 'payload',
      batch: false,
      records: [{ payload: request }],
    });
    expect(records({ data: { CasterId: 'c' } }).records[0].payload).toEqual({ data: { CasterId: 'c' } });
    expect(records(Buffer.alloc(0)).records[0].payload).toEqual({});
  });
});

describe('readDelivery, RawData of a message source', () => {
  it('opens the message field of a source data object delivered without its CloudEvent', () => {
    const mns = records({
      requestId: 'x',
      messageId: 'm9',
      messageBody: JSON.stringify({ CasterId: 'c', ResourceId: 'r' }),
    });
    expect(mns.records[0]).toEqual({ payload: { CasterId: 'c', ResourceId: 'r' }, identity: { messageId: 'm9' } });
    const rabbit = records([{ envelope: { deliveryTag: 1 }, props: {}, body: { CasterId: 'c', ResourceId: 'r' } }]);
    expect(rabbit.records[0].payload).toEqual({ CasterId: 'c', ResourceId: 'r' });
  });
});
