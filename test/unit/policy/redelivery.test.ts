import {
  FunctionError,
  FunctionFaultError,
  InvalidRequestError,
  NotAttemptedError,
} from '../../../functions/delete-caster-video-resource/errors';
import { mustRedeliver, redeliverCodes } from '../../../functions/delete-caster-video-resource/policy/redelivery';
import type { Done } from '../../../functions/delete-caster-video-resource/types';

const item = { casterId: 'c', resourceId: 'r', regionId: 'cn-shanghai', dryRun: false };
const failed = (error: FunctionError, index = 0): Done => ({
  kind: 'ran',
  work: { kind: 'live', origin: { index, identity: {} }, item },
  ran: { ok: false, attempts: 1, error },
});

describe('mustRedeliver', () => {
  it.each([
    'InvalidRequest',
    'CasterNotAllowed',
    'InvalidCaster.NotFound',
    'InvalidCasterId.Malformed',
    'MethodNotAllowed',
    'NotFound',
  ])("acknowledges %s: it is the record's own, and would fail the same way again", (code) => {
    expect(mustRedeliver({ code })).toBe(false);
  });

  it.each([
    'Throttling.User',
    'UpstreamUnavailable',
    'Timeout',
    'NotAttempted',
    'FunctionFault',
    'Forbidden.RAM',
    'SomethingNew',
  ])('redelivers %s: a retry, a fixed deployment or a fixed Live may cure it', (code) => {
    expect(mustRedeliver({ code })).toBe(true);
  });
});

describe('redeliverCodes', () => {
  it('is empty when every failure is acknowledged', () => {
    expect(redeliverCodes({ shape: 'single', done: failed(new InvalidRequestError([])) })).toEqual([]);
  });

  it('names each code to redeliver once', () => {
    const done = [
      failed(new NotAttemptedError(), 0),
      failed(new NotAttemptedError(), 1),
      failed(new FunctionFaultError(), 2),
    ];
    expect(redeliverCodes({ shape: 'batch', done })).toEqual(['NotAttempted', 'FunctionFault']);
  });

  it('judges a failure of the whole request by its own code', () => {
    expect(redeliverCodes(new FunctionError('InvalidConfiguration', 'x', 500))).toEqual(['InvalidConfiguration']);
  });
});
