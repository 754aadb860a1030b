// For tests: what `npm start` serves, in-process, against a fresh Live
// emulator: no npm, no build, no child process. Needs a built dist/index.js.
import { loadBundle } from '../../dev/bundle';
import type { LiveEmulator } from '../../dev/live-emulator';
import { setEnv } from '../in-process';
import { DEMO_ROLE, startLocalEmulator } from './emulator';
import { LOCAL_FUNCTION, localContext } from './fc-context';
import { type LocalServer, type LocalServerOptions, startLocalServer } from './server';

export interface TestServer extends LocalServer {
  emulator: LiveEmulator;
  /** What the server told of its asynchronous invocations. */
  told: string[];
}

/** The environment the bundle reads: one Live attempt, no wait on its own rate limit, no log lines in the test output. */
const ENV = { LIVE_MAX_ATTEMPTS: '1', LIVE_QPS: '1000', LOG_LEVEL: 'silent' };

export async function startTestServer(options: Partial<LocalServerOptions> = {}): Promise<TestServer> {
  const restore = setEnv(ENV);
  const emulator = await startLocalEmulator();
  const told: string[] = [];
  const server = await startLocalServer({
    bundle: loadBundle(),
    context: (name) => localContext({ ...DEMO_ROLE }, name ?? LOCAL_FUNCTION.name),
    functionName: LOCAL_FUNCTION.name,
    asyncRetryDelayMs: 10,
    onAsync: (line) => told.push(line),
    port: 0,
    ...options,
  });
  return {
    ...server,
    emulator,
    told,
    close: async () => {
      await server.close();
      await emulator.stop();
      restore();
    },
  };
}
