import { cloudEvent, cloudEventBatch, httpEvent, plainPayload } from '../../../dev/events';
import {
  type Delivery,
  openInvocation,
  recognise,
} from '../../../functions/delete-caster-video-resource/delivery/recognise';
import { Unreadable } from '../../../functions/delete-caster-video-resource/json';

const request = { CasterId: 'c', ResourceId: 'r' };
const text = JSON.stringify(request);
const invokePath = '/2023-03-30/functions/f/invocations';

function event(value: unknown): Extract<Delivery, { kind: 'event' }> {
  const delivery = recognise(value);
  if (delivery.kind !== 'event') throw new Error(`expected an event, got ${delivery.kind}`);
  return delivery;
}

describe('recognise', () => {
  it('recognises an FC 3.0 HTTP-trigger event', () => {
    expect(recognise(httpEvent()).kind).toBe('http');
  });

  it('recognises one that arrives as a Buffer', () => {
    expect(recognise(Buffer.from(JSON.stringify(httpEvent()))).kind).toBe('http');
  });

  it('recognises InvokeFunction through an HTTP trigger by its path', () => {
    expect(recognise(httpEvent({ path: invokePath })).kind).toBe('invoke');
  });

  it('recognises InvokeFunction by its X-Acs-Action header', () => {
    expect(recognise(httpEvent({ headers: { 'X-Acs-Action': 'InvokeFunction' } })).kind).toBe('invoke');
  });

  it('treats anything else as an event', () => {
    expect(recognise(plainPayload(request)).kind).toBe('event');
  });

  it('reads a plain payload as one record', () => {
    expect(event(plainPayload(request))).toMatchObject({
      trigger: 'payload',
      records: { shape: 'single', record: { kind: 'message', payload: request } },
    });
  });

  it('reads an empty event as an empty payload', () => {
    expect(event(Buffer.alloc(0)).records).toMatchObject({ shape: 'single', record: { payload: {} } });
  });

  it('reads bytes that are not JSON as an unreadable record, never throwing', () => {
    expect(event(Buffer.from('{not json')).records).toMatchObject({ record: { kind: 'unreadable' } });
  });

  it('reads an array of CloudEvents as a batch, in order', () => {
    const delivery = event(cloudEventBatch([{ ResourceId: 'a' }, { ResourceId: 'b' }]));
    expect(delivery).toMatchObject({
      trigger: 'cloudevent-batch',
      records: { shape: 'batch', records: [{ payload: { ResourceId: 'a' } }, { payload: { ResourceId: 'b' } }] },
    });
  });

  it('names a batch by its source when every record has the same one', () => {
    const kafka = { specversion: '1.0', id: 'k', type: 'alikafka:Topic:Message', data: { value: request } };
    expect(event([kafka, kafka]).trigger).toBe('kafka');
  });

  it('reads a RawData array of payloads as a batch', () => {
    expect(event([request, text]).records).toMatchObject({ records: [{ payload: request }, { payload: request }] });
  });

  it('refuses more than 10,000 records unread', () => {
    expect(event(Array.from({ length: 10_001 }, () => request)).records).toMatchObject({
      shape: 'single',
      record: { kind: 'unreadable', problem: expect.stringMatching(/at most 10000/) },
    });
  });
});

describe('openInvocation', () => {
  it('reads the body of an InvokeFunction call as the event', () => {
    expect(openInvocation(Buffer.from(text))).toMatchObject({ shape: 'single', record: { payload: request } });
  });

  it('opens the envelope such a body holds', () => {
    const body = Buffer.from(JSON.stringify(cloudEvent(request)));
    expect(openInvocation(body)).toMatchObject({ record: { payload: request, identity: { id: expect.any(String) } } });
  });

  it('turns a body that could not be read into an unreadable record', () => {
    expect(openInvocation(new Unreadable('body must be a string'))).toMatchObject({
      record: { kind: 'unreadable', problem: 'body must be a string' },
    });
  });
});
