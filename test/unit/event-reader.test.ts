import { readInvocation } from '../../functions/delete-caster-video-resource/event-reader';
import { cloudEvent, cloudEventBatch, httpEvent, plainPayload } from '../support/events';

describe('readInvocation', () => {
  it('recognises an FC 3.0 HTTP-trigger event, also when it arrives as a Buffer', () => {
    expect(readInvocation(httpEvent()).trigger).toBe('http');
    expect(readInvocation(Buffer.from(JSON.stringify(httpEvent()))).trigger).toBe('http');
  });

  it('reads a CloudEvent whose data is an object or a JSON string', () => {
    const asObject = readInvocation(cloudEvent({ CasterId: 'c', ResourceId: 'r' }));
    const asString = readInvocation(plainPayload(cloudEvent(JSON.stringify({ CasterId: 'c', ResourceId: 'r' }))));
    for (const inv of [asObject, asString]) {
      expect(inv).toMatchObject({ trigger: 'cloudevent', batch: false, payloads: [{ CasterId: 'c', ResourceId: 'r' }] });
    }
  });

  it('reads data_base64 of a CloudEvent', () => {
    const data_base64 = Buffer.from(JSON.stringify({ CasterId: 'c', ResourceId: 'r' })).toString('base64');
    const inv = readInvocation({ specversion: '1.0', id: '1', data_base64 });
    expect(inv).toMatchObject({ trigger: 'cloudevent', payloads: [{ CasterId: 'c' }] });
  });

  it('treats an array of CloudEvents as a batch, in order', () => {
    const inv = readInvocation(cloudEventBatch([{ ResourceId: 'a' }, { ResourceId: 'b' }]));
    expect(inv).toMatchObject({ trigger: 'cloudevent-batch', batch: true, payloads: [{ ResourceId: 'a' }, { ResourceId: 'b' }] });
  });

  it('treats anything else as a plain payload (console test, RawData)', () => {
    expect(readInvocation(plainPayload({ CasterId: 'c', ResourceId: 'r' }))).toMatchObject({
      trigger: 'payload',
      payloads: [{ CasterId: 'c', ResourceId: 'r' }],
    });
    expect(readInvocation({ data: { CasterId: 'c' } }).trigger).toBe('payload');
    expect(readInvocation(Buffer.alloc(0))).toMatchObject({ trigger: 'payload', payloads: [{}] });
  });

  it('reports unreadable JSON instead of throwing', () => {
    expect(readInvocation(Buffer.from('{not json'))).toMatchObject({ trigger: 'payload', unreadable: expect.stringMatching(/not valid JSON/) });
    expect(readInvocation(cloudEvent('{oops'))).toMatchObject({ trigger: 'cloudevent', unreadable: expect.stringMatching(/^data is not valid JSON/) });
  });
});
