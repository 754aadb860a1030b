// `npm run invoke -- <event.json> [--seed FILE]`: one invocation of dist/index.js
// with that event, against a fresh Live emulator (holding FILE's casters, so a
// batch against other casters can be tried). stdout is the result JSON alone (the
// function's log line goes to stderr), so `npm run -s invoke -- e.json | jq` works.
import { loadBundle } from '../../dev/bundle';
import { EXIT, integerSetting, parseCommandLine, readInputFile } from './cli';
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
import { LOCAL_FUNCTION, localContext } from './fc-context';
import { unwrap } from './smoke-verdict';

const SPEC = {
  command: 'npm run invoke',
  synopsis: `<event.json> [--seed seed.json] [${FAULT_USAGE}] [--timeout SECONDS]`,
  details: [
    "Runs dist/index.js once with the file's bytes as the event, against a fresh Live emulator.",
    'Ready events: events/http-trigger.json, events/cloudevent.json, events/cloudevent-batch.json, events/console-payload.json',
    `--seed FILE         ${SEED_USAGE} (as npm start's)`,
    ...Object.entries(FAULTS).map(([name, what]) => `--fault ${name.padEnd(11)} ${what}`),
    `--timeout SECONDS   the function's timeout (default ${LOCAL_FUNCTION.timeoutSeconds}, as in s.yaml)`,
    'Exit codes: 0 the result is ok, 1 it is not (or the function threw), 2 a usage error.',
  ],
  options: { seed: { type: 'string' }, fault: { type: 'string' }, timeout: { type: 'string' } },
  positionals: { min: 1, max: 1 },
} as const;

/** ok of a result, or of an HTTP answer's JSON body. */
const resultOk = (result: unknown) => (unwrap(result) as { ok?: unknown } | null)?.ok === true;

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values, positionals, fail } = parseCommandLine(SPEC, argv);
  const fault = values.fault === undefined ? undefined : faultNamed(values.fault, fail);
  const timeoutSeconds =
    values.timeout === undefined
      ? LOCAL_FUNCTION.timeoutSeconds
      : integerSetting(values.timeout, '--timeout', fail, 1, 86_400);
  const seed = values.seed === undefined ? undefined : readSeed(values.seed, fail);
  // FC hands the function the event's bytes; so do we.
  const event = readInputFile(positionals[0], fail);
  const bundle = loadBundle();
  const emulator = await startLocalEmulator(seed, fault && faultSpec(fault, timeoutSeconds));
  const stdout = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof stdout;
  const print = (value: unknown) => stdout.call(process.stdout, `${JSON.stringify(value, null, 2)}\n`);
  try {
    const result = await bundle.handler(event, localContext(DEMO_ROLE, LOCAL_FUNCTION.name, timeoutSeconds));
    print(result);
    return resultOk(result) ? EXIT.ok : EXIT.failed;
  } catch (err) {
    // An event invocation throws when a retryable failure remains: FC would retry it.
    const error = err as Error & { result?: unknown };
    process.stderr.write(`npm run invoke: the function threw ${error.name}: ${error.message}\n`);
    if (error.result !== undefined) print(error.result);
    return EXIT.failed;
  } finally {
    process.stdout.write = stdout;
    await emulator.stop();
  }
}

if (require.main === module)
  main().then(
    (code) => process.exit(code),
    (err: Error) => {
      process.stderr.write(`npm run invoke: ${err.message}\n`);
      process.exit(EXIT.failed);
    },
  );
