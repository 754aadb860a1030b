// The run stage from the sources, against the Live emulator over real HTTP, for
// what the built bundle's tests do not show. One delete for copies of a
// resource, a listing that proves a resource gone and no way to Live are
// test/integration/bounded-work.test.ts's, absence-proof.test.ts's and authorization.test.ts's.
import { createLiveEmulator, DEMO_CASTER_ID, DEMO_CREDENTIALS } from '../../../dev/live-emulator';
import { parseEndpoint } from '../../../functions/delete-caster-video-resource/config';
import { MissingCredentialsError } from '../../../functions/delete-caster-video-resource/errors';
import { LiveConnection } from '../../../functions/delete-caster-video-resource/live/client';
import { RateLimiter } from '../../../functions/delete-caster-video-resource/policy/rate-limiter';
import { type LiveAccess, runPlan } from '../../../functions/delete-caster-video-resource/run/run';
import type { Done, Work } from '../../../functions/delete-caster-video-resource/types';
import { refused } from '../../support/work';

const emulator = createLiveEmulator();
let access: LiveAccess;
let connection: LiveConnection;

beforeAll(async () => {
  await emulator.start();
  connection = new LiveConnection(parseEndpoint(emulator.url));
  access = { kind: 'signed', connection, credentials: DEMO_CREDENTIALS[1] };
});
beforeEach(() => emulator.reset());
afterAll(() => emulator.stop());

const work = (resourceId: string, dryRun: boolean, index: number): Work => ({
  kind: 'live',
  origin: { index, identity: {} },
  item: { kind: 'resource', casterId: DEMO_CASTER_ID, resourceId, regionId: 'cn-shanghai', dryRun, locationId: null },
});
const budget = () => ({
  limiter: new RateLimiter(10),
  maxAttempts: 4,
  timeoutMs: 10_000,
  started: Date.now(),
  noCallerWaits: false,
});
const outcome = (d: Done) => (d.kind === 'ran' && d.ran.ok ? d.ran.outcome : 'failed');

async function batch(items: Work[]): Promise<readonly Done[]> {
  const settled = await runPlan({ shape: 'batch', work: items }, access, budget());
  if (settled.shape !== 'batch') throw new Error('expected a batch');
  return settled.done;
}

describe('runPlan', () => {
  it('runs a dry run after a delete of the same resource in order, so it sees the delete', async () => {
    const done = await batch([work('demo-resource-1', false, 0), work('demo-resource-1', true, 1)]);
    expect(done.map(outcome)).toEqual(['deleted', 'already_absent']);
  });

  it('does not reach for Live when no item needs it', async () => {
    const reached = jest.spyOn(connection, 'clientFor');
    await batch([refused(new MissingCredentialsError())]);
    expect(reached).not.toHaveBeenCalled();
  });
});
