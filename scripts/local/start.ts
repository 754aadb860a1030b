// `npm start`: the built function on http://127.0.0.1:$PORT with HTTP-trigger
// semantics, wired to a local Live API emulator (or, with --live, to Live).
import { loadBundle } from '../../dev/bundle';
import { DEMO_CASTER_ID, DEMO_CREDENTIALS, DEMO_PLAIN_KEY, type LiveEmulator } from '../../dev/live-emulator';
import { parseEnvironment } from '../../functions/delete-caster-video-resource/config';
import { EXIT, integerSetting, parseCommandLine } from './cli';
import {
  DEMO_ROLE,
  FAULT_USAGE,
  FAULTS,
  faultNamed,
  faultSpec,
  readSeed,
  SEED_USAGE,
  startLocalEmulator,
} from './emulator';
import { LOCAL_FUNCTION, localContext, shellCredentials } from './fc-context';
import { startLocalServer } from './server';
import type { AcceptedKey } from './trigger-auth';

const SPEC = {
  command: 'npm start',
  synopsis: `[--port N] [--seed seed.json] [--live] [--auth] [--function-name NAME] [${FAULT_USAGE}] [--timeout SECONDS]`,
  details: [
    '--port N              port on 127.0.0.1 (default $PORT, then 9000; 0 picks a free one)',
    `--seed FILE           ${SEED_USAGE}`,
    "--live                call the REAL Live API with the shell's ALIBABA_CLOUD_* keys and LIVE_REGION",
    '--auth                accept only ACS3-HMAC-SHA256-signed requests on the HTTP path (authType: function)',
    `--function-name NAME  the name the invoke API answers for (default $FUNCTION_NAME, then ${LOCAL_FUNCTION.name})`,
    ...Object.entries(FAULTS).map(([name, what]) => `--fault ${name.padEnd(13)} ${what}`),
    `--timeout SECONDS     the function's timeout (default ${LOCAL_FUNCTION.timeoutSeconds}, as in s.yaml)`,
    'Ctrl-C or SIGTERM stops it.',
  ],
  options: {
    port: { type: 'string' },
    seed: { type: 'string' },
    live: { type: 'boolean', default: false },
    auth: { type: 'boolean', default: false },
    'function-name': { type: 'string' },
    fault: { type: 'string' },
    timeout: { type: 'string' },
  },
} as const;

export interface Running {
  url: string;
  /** What to print: on stderr in --live mode, so that it is seen. */
  banner: string;
  live: boolean;
  stop(): Promise<void>;
}

/** Every setting is checked (a usage error names the first wrong one) before anything starts. */
export async function main(argv = process.argv.slice(2), env = process.env): Promise<Running> {
  const { values, fail } = parseCommandLine(SPEC, argv);
  /** The setting the user actually gave, so that an error names it. */
  const portSetting = values.port !== undefined ? '--port' : env.PORT ? 'PORT' : 'the default port';
  const port = integerSetting(values.port ?? (env.PORT || '9000'), portSetting, fail, 0, 65535);
  const functionName = values['function-name'] || env.FUNCTION_NAME || LOCAL_FUNCTION.name;
  // FC's rule for function names.
  if (!/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(functionName))
    fail(
      `${values['function-name'] ? '--function-name' : 'FUNCTION_NAME'} "${functionName}" is not a name FC takes: letters, digits, _ and -, not starting with a digit or -, at most 64`,
    );
  const fault = values.fault === undefined ? undefined : faultNamed(values.fault, fail);
  if (fault && values.live) fail('--fault works on the local emulator; it cannot go with --live');
  const timeoutSeconds =
    values.timeout === undefined
      ? LOCAL_FUNCTION.timeoutSeconds
      : integerSetting(values.timeout, '--timeout', fail, 1, 86_400);
  // The function would refuse every invocation with InvalidConfiguration; say so now, naming the variable.
  // Against the emulator, the shell's LIVE_ENDPOINT is replaced, so it is not judged.
  try {
    parseEnvironment(values.live ? env : { ...env, LIVE_ENDPOINT: undefined });
  } catch (err) {
    fail(`${(err as Error).message} Fix it in your shell and start again.`);
  }
  const shell = shellCredentials(env);
  if (values.live && !shell)
    fail('--live needs ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET in the shell.');
  if (values.live && !env.LIVE_REGION) fail('--live needs LIVE_REGION (e.g. cn-shanghai), the region of your casters.');
  const seed = values.seed ? readSeed(values.seed, fail) : undefined;
  const credentials = values.live ? shell! : DEMO_ROLE;

  // --auth: the keys FC would accept for this account: the shell's, and the emulator's demo keys.
  const acceptedKeys: AcceptedKey[] | undefined = values.auth
    ? [...(shell ? [shell as AcceptedKey] : []), ...DEMO_CREDENTIALS]
    : undefined;
  // The port first: when it is taken, nothing else has started.
  const server = await startLocalServer({
    bundle: loadBundle(),
    context: (name) => localContext(credentials, name ?? functionName, timeoutSeconds),
    functionName,
    acceptedKeys,
    port,
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE')
      fail(`port ${port} (${portSetting}) is already in use: stop the other server, or pass --port 0 for a free port`);
    throw err;
  });
  let emulator: LiveEmulator | undefined;
  if (!values.live) emulator = await startLocalEmulator(seed, fault && faultSpec(fault, timeoutSeconds));
  const caster = values.live ? '<your CasterId>' : (Object.keys(seed?.casters ?? {})[0] ?? DEMO_CASTER_ID);
  const resource = emulator?.resources(caster)?.[0] ?? (values.live ? '<ResourceId>' : 'demo-resource-1');
  const demo = DEMO_PLAIN_KEY;
  const demoEnv = `ALIBABA_CLOUD_ACCESS_KEY_ID=${demo.accessKeyId} ALIBABA_CLOUD_ACCESS_KEY_SECRET=${demo.accessKeySecret}`;
  const dryRun = `'{"CasterId":"${caster}","ResourceId":"${resource}","DryRun":true}'`;
  const banner = [
    '',
    `${functionName} is running at ${server.url}  (HTTP-trigger semantics: POST or DELETE${values.auth ? '; signed requests only' : ''})`,
    emulator
      ? `Live API: local emulator at ${emulator.url}, caster ${caster} with ${(emulator.resources(caster) ?? []).join(', ')}${fault ? `\nFault: ${FAULTS[fault]}` : ''}`
      : `!!! LIVE MODE: requests go to the REAL ApsaraVideo Live API (${env.LIVE_ENDPOINT || 'live.aliyuncs.com'}) in ${env.LIVE_REGION}, with AccessKey ${credentials.accessKeyId?.slice(0, 4)}****. Deletes are real. !!!`,
    `FC invoke API: POST ${server.url}/2023-03-30/functions/${functionName}/invocations`,
    ...(!values.auth
      ? []
      : shell
        ? [
            `Signed requests only: your shell's AccessKey ${shell.accessKeyId?.slice(0, 4)}**** or the demo key (${demoEnv}).`,
          ]
        : [`Signed requests only. Sign with the demo key: export ${demoEnv}`]),
    '',
    'Delete a video resource:',
    values.auth
      ? `  npm run call -- ${server.url}/casters/${caster}/video-resources/${resource} --method DELETE`
      : `  curl -X DELETE ${server.url}/casters/${caster}/video-resources/${resource}`,
    'Or check first, deleting nothing:',
    values.auth
      ? `  npm run call -- ${server.url} ${dryRun}`
      : `  curl -X POST ${server.url} -H 'content-type: application/json' -d ${dryRun}`,
    '',
    'Ctrl-C stops.',
    '',
  ].join('\n');
  const stop = async () => {
    await server.close();
    await emulator?.stop();
  };
  return { url: server.url, banner, live: values.live === true, stop };
}

if (require.main === module) {
  main().then(
    ({ banner, live, stop }) => {
      (live ? console.warn : console.log)(banner);
      let stopping = false;
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.on(signal, () => {
          if (stopping) return;
          stopping = true;
          void stop().then(() => {
            console.log(`Stopped (${signal}).`);
            process.exit(EXIT.ok);
          });
        });
    },
    (err: Error) => {
      console.error(`npm start: ${err.message}`);
      process.exit(EXIT.failed);
    },
  );
}
