// The status of a batch and of a failure, and the Allow header of a 405, are
// test/integration/http-trigger.test.ts's, http-limits.test.ts's and authorization.test.ts's.
import { FunctionError } from '../../../functions/delete-caster-video-resource/errors';
import { httpAnswer } from '../../../functions/delete-caster-video-resource/result/http-answer';
import { requestFailure, resultOf } from '../../../functions/delete-caster-video-resource/result/result';
import type { InvocationResult } from '../../../functions/delete-caster-video-resource/result/types';
import { deletedRan, ran } from '../../support/work';

const answer = (result: InvocationResult, retryAfterSeconds = 1) => httpAnswer({ result, retryAfterSeconds });

describe('httpAnswer', () => {
  it('answers a success 200 with the result as JSON, never to be cached', () => {
    const { result } = resultOf({ shape: 'single', done: ran(deletedRan) }, 'inv');
    expect(answer(result)).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      body: JSON.stringify(result),
    });
  });

  it.each([429, 503])('says when to retry on a %i', (status) => {
    const { result } = requestFailure(new FunctionError('X', 'x', status), 'inv');
    expect(answer(result, 3).headers['retry-after']).toBe('3');
  });
});
