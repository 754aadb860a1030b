// Another client of the same account (a console user, another job): it signs
// with its own key and sends DescribeCasterVideoResources at a steady rate,
// whatever Live answers, taking its part of the account's quota.
import * as $Util from '@alicloud/tea-util';
import { DEMO_PLAIN_KEY } from '../../../dev/live-emulator';
import { callLiveSdk, liveSdkClient } from '../../../dev/live-sdk';

export const OTHER_CLIENT_KEY = DEMO_PLAIN_KEY;

/** Starts sending `qps` requests a second to the emulator at `host`; the returned function stops it. */
export function startOtherClient(host: string, qps: number, casterId: string): () => Promise<void> {
  const client = liveSdkClient(host, OTHER_CLIENT_KEY);
  const runtime = new $Util.RuntimeOptions({ autoretry: false, readTimeout: 5000, connectTimeout: 1000 });
  const inFlight = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    const query = { CasterId: casterId, RegionId: 'cn-shanghai' };
    const call = callLiveSdk(client, 'DescribeCasterVideoResources', query, { runtime }).catch(() => undefined);
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call));
  }, 1000 / qps);
  return async () => {
    clearInterval(timer);
    await Promise.all(inFlight);
  };
}
