// `npm run invoke -- <event.json>`: one invocation of dist/index.js with that
// event, against a fresh Live emulator; prints the result JSON.
import { readFileSync } from 'node:fs';
import { createLiveEmulator, DEMO_CREDENTIALS } from '../dev/live-emulator';
import { loadBundle } from './local/bundle';
import { localContext } from './local/fc-context';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run invoke -- <event.json>   (ready events: events/*.json)');
    return 2;
  }
  // FC hands the function the event's bytes; so do we.
  const event = readFileSync(file);
  const emulator = createLiveEmulator();
  await emulator.start();
  process.env.LIVE_ENDPOINT = emulator.url;
  const sts = DEMO_CREDENTIALS.find((c) => c.securityToken)!;
  // The function's log line goes to stderr, so stdout is the result alone (`| jq` works).
  const writeOut = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  const print = (value: unknown) => writeOut(`${JSON.stringify(value, null, 2)}\n`);
  try {
    const result = await loadBundle().handler(event, localContext(sts));
    print(result);
    return 0;
  } catch (err) {
    // An event invocation throws when a retryable failure remains: FC would retry it.
    const error = err as Error & { result?: unknown };
    print({ thrown: error.name, message: error.message, result: error.result });
    return 1;
  } finally {
    await emulator.stop();
  }
}

main().then((code) => process.exit(code));
