// What the built bundle's tests do not see of a result. A success as the
// README shows it, a failure's IDs and attempts, a batch's summary, order, ok
// and each record's identity are test/integration/http-trigger.test.ts's,
// authorization.test.ts's and envelopes.test.ts's.
import { FunctionError, InvalidRequestError } from '../../../functions/delete-caster-video-resource/errors';
import { requestFailure, resultOf } from '../../../functions/delete-caster-video-resource/result/result';
import type { Ran } from '../../../functions/delete-caster-video-resource/types';
import { deletedRan, ran, refused } from '../../support/work';

const notFound: Ran = { ok: false, attempts: 1, error: new FunctionError('InvalidCaster.NotFound', 'x', 404) };

describe('resultOf', () => {
  it('shapes a refused item with no attempts', () => {
    const done = { kind: 'refused' as const, work: refused(new InvalidRequestError([])) };
    expect(resultOf({ shape: 'single', done }, 'inv').result).toMatchObject({ ok: false, attempts: 0 });
  });

  it('asks a caller to wait as long as the first failure said', () => {
    const throttled: Ran = {
      ok: false,
      attempts: 4,
      error: new FunctionError('Throttling.User', 'x', 429, { retryAfterSeconds: 3 }),
    };
    expect(resultOf({ shape: 'batch', done: [ran(deletedRan), ran(throttled, 1)] }, 'inv').retryAfterSeconds).toBe(3);
  });

  it('asks for a second when no failure said how long', () => {
    expect(resultOf({ shape: 'single', done: ran(notFound) }, 'inv').retryAfterSeconds).toBe(1);
  });
});

describe('requestFailure', () => {
  it('names no IDs and no attempts when the whole request failed', () => {
    expect(requestFailure(new InvalidRequestError([]), 'inv').result).toEqual({
      ok: false,
      casterId: null,
      resourceId: null,
      invocationId: 'inv',
      error: expect.objectContaining({ code: 'InvalidRequest' }),
    });
  });
});
