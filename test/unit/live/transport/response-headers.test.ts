import {
  NONCE_HEADER,
  received,
  unwatch,
  watch,
} from '../../../../functions/delete-caster-video-resource/live/transport/response-headers';

describe('response headers, by the nonce of the call they answer', () => {
  afterEach(() => unwatch('n1'));

  it("hands Live's x-acs-retry-after to the call whose nonce signed the request", () => {
    const seen = watch('n1');
    received({ 'x-acs-retry-after': '1500' }, { [NONCE_HEADER]: 'n1' });
    expect(seen.retryAfterMs).toBe(1500);
  });

  it('caps the pause Live asks for at a minute', () => {
    const seen = watch('n1');
    received({ 'x-acs-retry-after': '3600000' }, { [NONCE_HEADER]: 'n1' });
    expect(seen.retryAfterMs).toBe(60_000);
  });

  it("leaves another call's headers alone", () => {
    const seen = watch('n1');
    received({ 'x-acs-retry-after': '1500' }, { [NONCE_HEADER]: 'n2' });
    expect(seen.retryAfterMs).toBeUndefined();
  });

  it('ignores a value that is not a positive number', () => {
    const seen = watch('n1');
    received({ 'x-acs-retry-after': 'soon' }, { [NONCE_HEADER]: 'n1' });
    expect(seen.retryAfterMs).toBeUndefined();
  });

  it('forgets a call once it is no longer watched', () => {
    const seen = watch('n1');
    unwatch('n1');
    received({ 'x-acs-retry-after': '1500' }, { [NONCE_HEADER]: 'n1' });
    expect(seen.retryAfterMs).toBeUndefined();
  });
});
