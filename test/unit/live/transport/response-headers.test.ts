import {
  NONCE_HEADER,
  received,
  unwatch,
  watch,
} from '../../../../functions/delete-caster-video-resource/live/transport/response-headers';

describe('response headers, by the nonce of the call they answer', () => {
  afterEach(() => unwatch('n1'));

  it.each([
    ["hands Live's x-acs-retry-after to the call whose nonce signed the request", '1500', 'n1', 1500],
    ['caps the pause Live asks for at a minute', '3600000', 'n1', 60_000],
    ["leaves another call's headers alone", '1500', 'n2', undefined],
    ['ignores a value that is not a positive number', 'soon', 'n1', undefined],
  ])('%s', (_name, retryAfter, nonce, retryAfterMs) => {
    const seen = watch('n1');
    received({ 'x-acs-retry-after': retryAfter }, { [NONCE_HEADER]: nonce });
    expect(seen.retryAfterMs).toBe(retryAfterMs);
  });

  it('forgets a call once it is no longer watched', () => {
    const seen = watch('n1');
    unwatch('n1');
    received({ 'x-acs-retry-after': '1500' }, { [NONCE_HEADER]: 'n1' });
    expect(seen.retryAfterMs).toBeUndefined();
  });
});
