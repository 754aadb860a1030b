// Every input is read one way or refused (built bundle): a repeated key in
// any spelling, look-alike letters, a second message, a request that also
// wraps one at any depth, a rounded number, and an HTTP event that FC did not
// make (an HTTP request's own parts: http-reading.test.ts).
import { cloudEvent, httpEvent, plainPayload } from '../../dev/events';
import { CASTER, deleteRequests, firstItem, expectRefused as refused, useLive } from '../support/harness';

const live = useLive();
const text = (fields: string) => `{"CasterId":"${CASTER}",${fields}}`;
const json = (value: unknown) => JSON.stringify(value);
const request = (resourceId: string, more: Record<string, unknown> = {}) => ({
  CasterId: CASTER,
  ResourceId: resourceId,
  ...more,
});

const answer = (event: unknown) => firstItem(live, event);
const expectRefused = (event: unknown, name: string) => refused(live, event, name);

describe('a key repeated in any spelling is refused', () => {
  it.each([
    ['DryRun, then Dry\\u0052un', text('"ResourceId":"demo-resource-1","DryRun":true,"Dry\\u0052un":false'), 'DryRun'],
    [
      'ResourceId, then Resource\\u0049d',
      text('"ResourceId":"demo-resource-5","Resource\\u0049d":"demo-resource-4"'),
      'ResourceId',
    ],
    ['DryRun, then dryrun', text('"ResourceId":"demo-resource-1","DryRun":true,"dryrun":false'), 'DryRun'],
  ])('%s', async (_name, body, field) => {
    await expectRefused(Buffer.from(body), field);
  });

  it('in an HTTP body', async () => {
    await expectRefused(
      httpEvent({ body: text('"ResourceId":"demo-resource-1","DryRun":true,"Dry\\u0052un":false') }),
      'DryRun',
    );
  });

  it('in a message inside an envelope', async () => {
    const message = text('"ResourceId":"demo-resource-1","DryRun":1,"Dry\\u0052un":0');
    await expectRefused(Buffer.from(json({ triggerTime: 't', triggerName: 'n', payload: message })), 'DryRun');
  });
});

describe('a name that reads as a field is refused, with every other problem', () => {
  it.each([
    ['full-width', 'ＤｒｙＲｕｎ'],
    ['mathematical bold', '𝐃𝐫𝐲𝐑𝐮𝐧'],
    ['a Cyrillic letter', 'DrуRun'],
    ['Cyrillic and Armenian letters', 'Dr\u0443R\u057d\u0578'],
    ['small capitals', 'ᴅʀʏʀᴜɴ'],
    ['letters no look-alike table holds', 'Dr𑣜𖼵𑣘n'],
    ['a near miss', 'DryRn'],
    ['a separator', 'Dry_Run'],
  ])('%s', async (_name, key) => {
    const item = await answer(plainPayload({ CasterId: CASTER, ResourceId: 'bad id!', [key]: true }));
    expect(item.error.details.map((d: { field: string }) => d.field)).toEqual([key, 'ResourceId']);
    expect(deleteRequests(live)).toEqual([]);
  });
});

describe('two messages in one envelope are refused', () => {
  it('a CloudEvent with data and data_base64', async () => {
    const event = cloudEvent(request('demo-resource-1', { DryRun: true }), {
      data_base64: Buffer.from(json(request('demo-resource-1'))).toString('base64'),
    });
    await expectRefused(event, 'data');
  });

  it.each([
    [
      'payload and body',
      { payload: json(request('demo-resource-1', { DryRun: true })), body: json(request('demo-resource-1')) },
    ],
    ['messageBody and Body', { messageBody: json(request('demo-resource-1')), Body: json(request('demo-resource-2')) }],
    ['Message and value', { Message: json(request('demo-resource-1')), value: json(request('demo-resource-2')) }],
  ])('%s', async (_name, event) => {
    await expectRefused(plainPayload(event), '');
  });
});

describe('a request that also wraps one is refused at every depth', () => {
  const wrapping = json(request('demo-resource-1', { body: json(request('demo-resource-2', { DryRun: true })) }));

  it.each([
    ['at the top', Buffer.from(wrapping)],
    [
      'in an MNS messageBody',
      cloudEvent({ messageBody: wrapping, messageId: 'm1' }, { type: 'mns:Queue:SendMessage' }),
    ],
    [
      'in a Kafka value',
      cloudEvent({ topic: 't', partition: 0, offset: 1, value: wrapping }, { type: 'alikafka:Topic:Message' }),
    ],
    ['in an HTTP body', httpEvent({ body: wrapping })],
    ['in an Items entry', plainPayload({ Items: [JSON.parse(wrapping)] })],
  ])('%s', async (_name, event) => {
    await expectRefused(event, 'body');
  });

  it('an envelope nested where the request belongs', async () => {
    const nested = json({ triggerTime: 't', triggerName: 'n', payload: json(request('demo-resource-1')) });
    await expectRefused(cloudEvent({ messageBody: nested }, { type: 'mns:Queue:SendMessage' }), 'payload');
  });
});

describe('fields beside a message count for it', () => {
  it('an MNS topic STREAM attribute DryRun keeps a dry run', async () => {
    const item = await answer(plainPayload({ body: json(request('demo-resource-1')), attrs: { DryRun: 'true' } }));
    expect(item).toMatchObject({ ok: true, outcome: 'would_delete', dryRun: true });
    expect(deleteRequests(live)).toEqual([]);
  });

  it('an MNS topic JSON attribute DryRun keeps a dry run', async () => {
    const event = {
      TopicOwner: '1',
      TopicName: 't',
      MessageId: 'm',
      Message: json(request('demo-resource-1')),
      DryRun: 'true',
    };
    expect(await answer(plainPayload(event))).toMatchObject({ ok: true, outcome: 'would_delete' });
    expect(deleteRequests(live)).toEqual([]);
  });
});

describe('DryRun numbers are only the literals 0 and 1', () => {
  it.each(['1e-400', '0.0', '1.0', '-0', '1E0'])('%s is refused', async (literal) => {
    await expectRefused(Buffer.from(text(`"ResourceId":"demo-resource-1","DryRun":${literal}`)), 'DryRun');
  });

  it('the literal 0 deletes', async () => {
    expect(await answer(Buffer.from(text('"ResourceId":"demo-resource-1","DryRun":0')))).toMatchObject({
      outcome: 'deleted',
    });
  });
});

describe('what only resembles an HTTP-trigger event is thrown, never answered', () => {
  it.each([
    [
      'requestContext.http.method alone',
      { requestContext: { http: { method: 'POST' } }, body: json(request('demo-resource-1')) },
    ],
    ['an event without headers', { ...httpEvent({ body: request('demo-resource-1') }), headers: undefined }],
    [
      'an HTTP event that is also a CloudEvent',
      { ...httpEvent({ body: request('demo-resource-1') }), specversion: '1.0' },
    ],
  ])('%s', async (_name, event) => {
    const item = await answer(Buffer.from(json(event)));
    expect(item).toMatchObject({ thrown: true, name: 'RetryLaterError', ok: false });
    expect(deleteRequests(live)).toEqual([]);
  });
});
