// The local Live emulator as `npm start` and `npm run invoke` start it: its
// casters (`--seed FILE`), one failure on every call (`--fault`, to watch what
// the function does with it: an HTTP caller's 429/503/504/502, an event's
// throw), and the role credentials the function gets (the emulator's STS key).
import {
  createLiveEmulator,
  DEMO_STS_KEY,
  type FaultSpec,
  type LiveEmulator,
  parseSeed,
  type Seed,
} from '../../dev/live-emulator';
import { ID_PATTERN } from '../../functions/delete-caster-video-resource/request/validate';
import { readInputFile } from './cli';
import type { RoleCredentials } from './fc-context';

export const FAULTS = {
  throttle: 'every call answers 400 Throttling.User (the account quota)',
  '5xx': 'every call answers 503 ServiceUnavailable',
  slow: "every answer comes later than the function's timeout",
  credentials: "every call answers 403 Forbidden.RAM (the function's role refused)",
} as const;
export type FaultName = keyof typeof FAULTS;
export const FAULT_USAGE = `--fault ${Object.keys(FAULTS).join('|')}`;
export const SEED_USAGE = 'emulator casters: {"casters": {"LIVEPRODUCER_POST-…": ["res-a", "res-b"]}}';

/** The emulator's STS key, as FC hands the function its role's credentials. */
const { accessKeyId, accessKeySecret, securityToken } = DEMO_STS_KEY;
export const DEMO_ROLE: RoleCredentials = { accessKeyId, accessKeySecret, securityToken };

/** The fault named, or a usage error naming the choices. */
export function faultNamed(name: string, fail: (message: string) => never): FaultName {
  if (Object.hasOwn(FAULTS, name)) return name as FaultName;
  return fail(`--fault must be one of ${Object.keys(FAULTS).join(', ')} (got "${name}")`);
}

/** What the emulator is told; `timeoutSeconds`: the function's, which a slow answer outlasts. */
export function faultSpec(name: FaultName, timeoutSeconds: number): FaultSpec {
  const times = Number.POSITIVE_INFINITY;
  if (name === 'slow') return { kind: 'delay', delayMs: timeoutSeconds * 1000 + 1000, times };
  return { kind: ({ throttle: 'throttle', '5xx': 'unavailable', credentials: 'forbidden' } as const)[name], times };
}

/** The IDs the function takes: a seed holding another could never be deleted through it. */
const NOT_AN_ID = 'is not an ID the function takes (1–128 of A–Z a–z 0–9 _ . : -)';

/** The seed in `file`, or a usage error naming the file and what is wrong in it. */
export function readSeed(file: string, fail: (message: string) => never): Seed {
  const text = readInputFile(file, fail).toString('utf8');
  let seed: Seed;
  try {
    seed = parseSeed(JSON.parse(text));
  } catch (err) {
    return fail(`--seed ${file}: ${(err as Error).message}`);
  }
  for (const [caster, resources] of Object.entries(seed.casters)) {
    if (!ID_PATTERN.test(caster)) fail(`--seed ${file}: caster "${caster}" ${NOT_AN_ID}`);
    for (const entry of resources) {
      const id = typeof entry === 'string' ? entry : entry.ResourceId;
      if (!ID_PATTERN.test(id)) fail(`--seed ${file}: resource "${id}" of ${caster} ${NOT_AN_ID}`);
    }
  }
  return seed;
}

/** Starts the emulator and points the bundle at it (it reads LIVE_ENDPOINT at its first invocation). */
export async function startLocalEmulator(seed?: Seed, fault?: FaultSpec): Promise<LiveEmulator> {
  const emulator = createLiveEmulator({ seed });
  await emulator.start();
  if (fault) emulator.injectFault(fault);
  process.env.LIVE_ENDPOINT = emulator.url;
  return emulator;
}
