// The invariants of a load run about what left the function: its rate, its log lines, its secrets.
import type { RecordedRequest } from '../../../dev/live-emulator';
import { maxInAnySecond } from '../stats';
import type { RunFacts } from './invariants';

type Violations = string[];

/** Sliding one-second windows over arrival times: never more than LIVE_QPS requests. */
export function maxPerSecond(requests: RecordedRequest[]): number {
  return maxInAnySecond(requests.map((r) => r.time));
}

export function checkRate(f: RunFacts): Violations {
  const max = maxPerSecond(f.requests);
  return max > f.qps ? [`${max} requests in one second, LIVE_QPS is ${f.qps}`] : [];
}

/** Exactly one parseable log line per invocation. */
export function checkLogs(f: RunFacts): Violations {
  const v: Violations = [];
  const count = new Map<string, number>();
  for (const line of f.logLines) {
    try {
      const id = JSON.parse(line).invocationId as string;
      count.set(id, (count.get(id) ?? 0) + 1);
    } catch {
      v.push(`log line is not JSON: ${line.slice(0, 120)}`);
    }
  }
  for (const s of f.settled)
    if (count.get(s.invocationId) !== 1) v.push(`#${s.planned.index}: ${count.get(s.invocationId) ?? 0} log lines`);
  return v;
}

/** No secret or token in any result, answer, thrown error or log line. */
export function checkSecrets(f: RunFacts): Violations {
  const texts = [
    ...f.settled.flatMap((s) => [
      JSON.stringify(s.outcome.answer ?? null),
      JSON.stringify(s.outcome.result ?? null),
      ...(s.outcome.thrown
        ? [
            String((s.outcome.thrown as Error).message),
            JSON.stringify(s.outcome.thrown),
            String((s.outcome.thrown as Error).stack),
          ]
        : []),
    ]),
    ...f.logLines,
  ];
  const v: Violations = [];
  for (const secret of f.secrets)
    if (texts.some((t) => t.includes(secret))) v.push(`a secret (${secret.slice(0, 4)}…) left the function`);
  return v;
}
