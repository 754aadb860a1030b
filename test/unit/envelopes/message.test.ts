import { fieldsBeside, openMessage, recordOf } from '../../../functions/delete-caster-video-resource/envelopes/message';
import { Unreadable } from '../../../functions/delete-caster-video-resource/json';

const request = { CasterId: 'c', ResourceId: 'r' };
const text = JSON.stringify(request);

describe('openMessage', () => {
  it('passes a parsed message through', () => {
    expect(openMessage(request)).toBe(request);
  });

  it('parses JSON text', () => {
    expect(openMessage(` ${text} `)).toEqual(request);
  });

  it('parses JSON bytes', () => {
    expect(openMessage(Buffer.from(text))).toEqual(request);
  });

  it('decodes base64 of JSON text', () => {
    expect(openMessage(Buffer.from(text).toString('base64'))).toEqual(request);
  });

  it('opens a message serialised twice', () => {
    expect(openMessage(JSON.stringify(text))).toEqual(request);
  });

  it('refuses an empty message', () => {
    expect(openMessage('  ')).toEqual(new Unreadable('is empty'));
  });

  it('refuses text that is neither JSON nor base64 of JSON, quoting its start', () => {
    expect(openMessage('TEST')).toEqual(
      new Unreadable('is not a delete request: "TEST" is neither JSON nor base64 of JSON'),
    );
  });
});

describe('fieldsBeside', () => {
  it('gives DryRun and RegionId beside the message, as written', () => {
    expect(fieldsBeside({ body: text, DryRun: true, regionid: 'cn-beijing', other: 1 }, ['body'])).toEqual([
      { from: 'envelope', key: 'DryRun', value: true },
      { from: 'envelope', key: 'regionid', value: 'cn-beijing' },
    ]);
  });

  it.each(['CasterId', 'resourceid', 'ResourceIds', 'items'])('refuses %s beside the message', (key) => {
    expect(fieldsBeside({ body: text, [key]: 'x' }, ['body'])).toEqual(
      new Unreadable('is beside the message this object wraps: two requests in one', key),
    );
  });
});

describe('recordOf', () => {
  it('is a message with what is given beside it', () => {
    const given = [{ from: 'envelope', key: 'DryRun', value: true }];
    expect(recordOf(request, { id: '1' }, given)).toEqual({
      kind: 'message',
      payload: request,
      given,
      identity: { id: '1' },
    });
  });

  it('is unreadable when the message could not be opened', () => {
    expect(recordOf(new Unreadable('is empty'), {})).toEqual({
      kind: 'unreadable',
      field: '(event)',
      problem: 'is empty',
      identity: {},
    });
  });

  it("takes the envelope's refusal first", () => {
    const refused = new Unreadable('two requests', 'CasterId');
    expect(recordOf(new Unreadable('is empty'), {}, refused)).toMatchObject({
      field: 'CasterId',
      problem: 'two requests',
    });
  });
});
