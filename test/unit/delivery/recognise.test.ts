// What recognise decides at its edges. The ordinary deliveries (an HTTP event as
// bytes, a plain payload, bytes that are not JSON, a batch in order) are
// test/integration/ready-events.test.ts's and events.test.ts's; the look-alike
// HTTP events a caller can send, test/integration/one-reading.test.ts's.
import { httpEvent } from '../../../dev/events';
import {
  type Delivery,
  MAX_RECORDS,
  recognise,
} from '../../../functions/delete-caster-video-resource/delivery/recognise';

function event(value: unknown): Extract<Delivery, { kind: 'event' }> {
  const delivery = recognise(value);
  if (delivery.kind !== 'event') throw new Error(`expected an event, got ${delivery.kind}`);
  return delivery;
}

describe('recognise', () => {
  it('recognises InvokeFunction by its path or its action header', () => {
    const byPath = httpEvent({ path: '/2023-03-30/functions/f/invocations' });
    const byHeader = httpEvent({ headers: { 'X-Acs-Action': 'InvokeFunction' } });
    expect([recognise(byPath).kind, recognise(byHeader).kind]).toEqual(['invoke', 'invoke']);
  });

  it.each([
    ['an HTTP event without queryParameters', { ...httpEvent(), queryParameters: undefined }],
    ['an HTTP event with a body that is not text', { ...httpEvent(), body: {} }],
    ['an HTTP event that also holds a payload', { ...httpEvent(), payload: '{}' }],
  ])('finds %s unanswerable', (_name, value) => {
    expect(recognise(JSON.parse(JSON.stringify(value))).kind).toBe('unanswerable');
  });

  it('reads an empty event as an empty payload', () => {
    expect(event(Buffer.alloc(0)).records).toMatchObject({ record: { payload: {} } });
  });

  it(`refuses a delivery of more than ${MAX_RECORDS} records unread`, () => {
    expect(event(Array(MAX_RECORDS + 1).fill({ CasterId: 'c', ResourceId: 'r' })).records).toMatchObject({
      shape: 'single',
      record: { kind: 'unreadable' },
    });
  });
});
