// `npm start`: the built function on http://127.0.0.1:$PORT with HTTP-trigger
// semantics, wired to a local Live API emulator (or, with --live, to Live).
//   npm start [-- --port 9000] [--seed seed.json] [--live]
import { parseArgs } from 'node:util';
import { createLiveEmulator, DEMO_CASTER_ID, DEMO_CREDENTIALS, loadSeedFile, type LiveEmulator } from '../dev/live-emulator';
import { loadBundle } from './local/bundle';
import { LOCAL_FUNCTION, localContext, shellCredentials, type RoleCredentials } from './local/fc-context';
import { startLocalServer } from './local/server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT || '9000' },
    seed: { type: 'string' },
    live: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number (got ${values.port}).`);

  let emulator: LiveEmulator | undefined;
  let credentials: RoleCredentials;
  let firstCaster = DEMO_CASTER_ID;
  let firstResource = 'demo-resource-1';
  if (values.live) {
    credentials = shellCredentials() ?? fail('--live needs ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET in the shell.');
    if (!process.env.LIVE_REGION) fail('--live needs LIVE_REGION (e.g. cn-shanghai), the region of your casters.');
    firstCaster = '<your CasterId>';
    firstResource = '<ResourceId>';
  } else {
    const seed = values.seed ? loadSeedFile(values.seed) : undefined;
    emulator = createLiveEmulator(seed ? { seed } : {});
    await emulator.start();
    // The bundle reads LIVE_ENDPOINT on every invocation; loopback http is allowed.
    process.env.LIVE_ENDPOINT = emulator.url;
    const sts = DEMO_CREDENTIALS.find((c) => c.securityToken)!;
    credentials = { accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret, securityToken: sts.securityToken };
    if (seed) {
      firstCaster = Object.keys(seed.casters)[0] ?? firstCaster;
      firstResource = emulator.resources(firstCaster)?.[0] ?? firstResource;
    }
  }

  const server = await startLocalServer({
    bundle: loadBundle(),
    context: (name) => localContext(credentials, name),
    port,
  });

  const lines = [
    '',
    `caster-video-resource-delete is running at ${server.url}  (HTTP-trigger semantics: POST or DELETE)`,
    emulator
      ? `Live API: local emulator at ${emulator.url}, caster ${firstCaster} with ${(emulator.resources(firstCaster) ?? []).join(', ')}`
      : `!!! LIVE MODE: requests go to the REAL ApsaraVideo Live API (${process.env.LIVE_ENDPOINT || 'live.aliyuncs.com'}) in ${process.env.LIVE_REGION}, with AccessKey ${(credentials.accessKeyId ?? "").slice(0, 4)}****. Deletes are real. !!!`,
    `FC invoke API: POST ${server.url}/2023-03-30/functions/${LOCAL_FUNCTION.name}/invocations`,
    '',
    'Delete a video resource:',
    `  curl -X DELETE ${server.url}/casters/${firstCaster}/video-resources/${firstResource}`,
    'Or check first, deleting nothing:',
    `  curl -X POST ${server.url} -H 'content-type: application/json' -d '{"CasterId":"${firstCaster}","ResourceId":"${firstResource}","DryRun":true}'`,
    '',
    'Ctrl-C stops.',
    '',
  ];
  (emulator ? console.log : console.warn)(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await emulator?.stop();
    console.log(`Stopped (${signal}).`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: Error) => fail(err.message));
