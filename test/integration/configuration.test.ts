// The environment is read once per instance:
// a bad value fails every invocation of that instance with InvalidConfiguration
// (thrown for events, so nothing is dropped), and a good one holds for the
// instance's life. Each case loads its own bundle, as FC starts an instance.
import { httpEvent } from '../../dev/events';
import { CASTER, deleteRequests, loadBundle, logLines, roleContext, useLive } from '../support/harness';

const live = useLive();
const del = (n: number) => ({ CasterId: CASTER, ResourceId: `demo-resource-${n}` });

async function thrownBy(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
}

describe('configuration read once per instance (built bundle against the Live emulator)', () => {
  it('fails every invocation with InvalidConfiguration naming LOG_LEVEL when it is not a documented value', async () => {
    process.env.LOG_LEVEL = 'verbose';
    const bundle = loadBundle();
    for (let i = 0; i < 2; i++) {
      const answer = await bundle.handler(httpEvent({ body: del(1) }), roleContext());
      expect(answer.statusCode).toBe(500);
      expect(JSON.parse(answer.body).error).toMatchObject({
        code: 'InvalidConfiguration',
        message: 'LOG_LEVEL must be one of debug, info, warn, error, silent (got "verbose").',
      });
      const thrown = await thrownBy(bundle.handler(Buffer.from(JSON.stringify(del(1))), roleContext()));
      expect(thrown).toMatchObject({ name: 'RetryLaterError', result: { error: { code: 'InvalidConfiguration' } } });
    }
    expect(live.emulator.requests).toHaveLength(0);
    // Still logged, at the default level, with the code to search for.
    expect(logLines(live).filter((l) => l.level === 'error' && l.errorCode === 'InvalidConfiguration')).toHaveLength(4);
  });

  it('keeps failing after the variable is corrected: only a new instance reads the environment again', async () => {
    process.env.LIVE_QPS = 'fast';
    const bundle = loadBundle();
    expect((await bundle.handler(httpEvent({ body: del(1) }), roleContext())).statusCode).toBe(500);
    process.env.LIVE_QPS = '10';
    expect((await bundle.handler(httpEvent({ body: del(1) }), roleContext())).statusCode).toBe(500);
    expect((await loadBundle().handler(httpEvent({ body: del(1) }), roleContext())).statusCode).toBe(200);
  });

  it('keeps the configuration it started with when the environment changes under it', async () => {
    const bundle = loadBundle();
    expect(await bundle.handler(Buffer.from(JSON.stringify(del(1))), roleContext())).toMatchObject({
      ok: true,
      outcome: 'deleted',
    });
    process.env.LIVE_ENDPOINT = 'ftp://elsewhere';
    process.env.ALLOWED_CASTER_IDS = 'LIVEPRODUCER_POST-other';
    expect(await bundle.handler(Buffer.from(JSON.stringify(del(2))), roleContext())).toMatchObject({
      ok: true,
      outcome: 'deleted',
    });
    expect(deleteRequests(live)).toHaveLength(2);
  });
});
