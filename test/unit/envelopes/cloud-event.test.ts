import { openCloudEvent } from '../../../functions/delete-caster-video-resource/envelopes/cloud-event';

const request = { CasterId: 'c', ResourceId: 'r' };
const text = JSON.stringify(request);
const base = { specversion: '1.0', id: '1', type: 'caster:VideoResource:Delete' };

describe('openCloudEvent', () => {
  it('reads data that is an object', () => {
    expect(openCloudEvent({ ...base, data: request })).toEqual({
      trigger: 'cloudevent',
      record: { kind: 'message', payload: request, given: [], identity: { id: '1' } },
    });
  });

  it('reads data that is JSON text', () => {
    expect(openCloudEvent({ ...base, data: text }).record).toMatchObject({ payload: request });
  });

  it('reads data_base64', () => {
    const data_base64 = Buffer.from(text).toString('base64');
    expect(openCloudEvent({ specversion: '1.0', id: '1', data_base64 }).record).toMatchObject({ payload: request });
  });

  it('gives a dryrun extension attribute with the data', () => {
    expect(openCloudEvent({ ...base, dryrun: 'true', data: request }).record).toMatchObject({
      given: [{ from: 'envelope', key: 'dryrun', value: 'true' }],
    });
  });

  it('refuses a request field beside the data', () => {
    expect(openCloudEvent({ ...base, casterid: 'x', data: request }).record).toMatchObject({
      kind: 'unreadable',
      field: 'casterid',
    });
  });

  it('keeps its own attributes with what a known source wraps', () => {
    const mns = { ...base, type: 'mns:Queue:SendMessage', dryrun: true, data: { messageBody: text, DryRun: true } };
    expect(openCloudEvent(mns).record).toMatchObject({
      given: [
        { from: 'envelope', key: 'dryrun', value: true },
        { from: 'envelope', key: 'DryRun', value: true },
      ],
    });
  });
});
