// `--fault` of `npm run invoke` and `npm start`: the local Live emulator
// answers every call with one failure, so that an operator can watch what the
// function does with it (an HTTP caller's 429/503/504/502, an event's throw).
import type { FaultSpec } from '../../dev/live-emulator';

export const FAULTS = {
  throttle: 'every call answers 400 Throttling.User (the account quota)',
  '5xx': 'every call answers 503 ServiceUnavailable',
  slow: "every answer comes later than the function's timeout",
  credentials: "every call answers 403 Forbidden.RAM (the function's role refused)",
} as const;

export type FaultName = keyof typeof FAULTS;

export const FAULT_USAGE = `--fault ${Object.keys(FAULTS).join('|')}`;

/** The fault named, or a usage error naming the choices. */
export function faultNamed(name: string, fail: (message: string) => never): FaultName {
  if (Object.hasOwn(FAULTS, name)) return name as FaultName;
  return fail(`--fault must be one of ${Object.keys(FAULTS).join(', ')} (got "${name}")`);
}

/** What the emulator is told; `timeoutSeconds`: the function's, which a slow answer outlasts. */
export function faultSpec(name: FaultName, timeoutSeconds: number): FaultSpec {
  switch (name) {
    case 'throttle':
      return { kind: 'throttle', times: Number.POSITIVE_INFINITY };
    case '5xx':
      return { kind: 'unavailable', times: Number.POSITIVE_INFINITY };
    case 'slow':
      return { kind: 'delay', delayMs: timeoutSeconds * 1000 + 1000, times: Number.POSITIVE_INFINITY };
    case 'credentials':
      return { kind: 'forbidden', times: Number.POSITIVE_INFINITY };
  }
}
