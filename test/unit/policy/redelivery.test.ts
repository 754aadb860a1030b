// Which failures an event acknowledges. Live's answers either way, invalid
// records, a caster not allowed and a failure of the whole request are
// test/integration/acknowledge.test.ts's, not-the-records-fault.test.ts's and
// configuration.test.ts's; an HTTP refusal reaches an event only through an
// asynchronous HTTP call, which none of them makes.
import {
  type FunctionError,
  FunctionFaultError,
  MethodNotAllowedError,
  NotAttemptedError,
  PathNotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
} from '../../../functions/delete-caster-video-resource/errors';
import { mustRedeliver, redeliverCodes } from '../../../functions/delete-caster-video-resource/policy/redelivery';
import { ran } from '../../support/work';

const failed = (error: FunctionError, index = 0) => ran({ ok: false, attempts: 1, error }, index);

describe('mustRedeliver', () => {
  it.each<[string, FunctionError]>([
    ['PayloadTooLarge', new PayloadTooLargeError(1)],
    ['UnsupportedMediaType', new UnsupportedMediaTypeError('text/plain')],
    ['MethodNotAllowed', new MethodNotAllowedError('GET', ['POST'])],
    ['NotFound', new PathNotFoundError('/x', '/')],
  ])("acknowledges %s: it is the record's own, and would fail the same way again", (_name, error) => {
    expect(mustRedeliver(error)).toBe(false);
  });
});

describe('redeliverCodes', () => {
  it('names each code to redeliver once', () => {
    const done = [
      failed(new NotAttemptedError(), 0),
      failed(new NotAttemptedError(), 1),
      failed(new FunctionFaultError(), 2),
    ];
    expect(redeliverCodes({ shape: 'batch', done })).toEqual(['NotAttempted', 'FunctionFault']);
  });
});
