// Checks shared by the property tests: each invocation answered in the README's
// shape, one parseable log line, nothing the input did not name sent to Live.

import type { Invocation } from '../../dev/invocations/encode';
import { type Outcome, run } from '../../dev/invocations/run';
import type { RecordedRequest } from '../../dev/live-emulator';
import {
  assertNoProblems,
  eventOutcomeProblems,
  failuresOf,
  httpAnswerProblems,
  isUnexpectedFailure,
} from '../../dev/result-shape';
import { CASTER, DECOY_CASTER, DECOYS, POOL, PROPERTY_SEED } from './arbitraries/state';
import { roleContext, type useLive } from './harness';

type Live = ReturnType<typeof useLive>;

/** Runs one invocation on a fresh Live state and keeps every output for the file's secret scan. */
export async function runFresh(live: Live, inv: Invocation): Promise<Outcome & { invocationId: string }> {
  live.emulator.reset(PROPERTY_SEED);
  live.stdout.length = 0;
  const context = roleContext();
  const out = await run(live.bundle, inv, context);
  live.outputs.push(out.answer ? JSON.stringify(out.answer) : JSON.stringify(out.result ?? null));
  if (out.thrown)
    live.outputs.push(
      String((out.thrown as Error).message),
      JSON.stringify(out.thrown),
      String((out.thrown as Error).stack),
    );
  return { ...out, invocationId: context.requestId! };
}

/** The shape of whatever came back; the event path may throw only RetryLaterError. */
export function assertAnswered(out: Outcome, inv: Invocation, label: string): void {
  const problems = inv.http
    ? out.thrown
      ? [`an HTTP invocation threw: ${String((out.thrown as Error)?.message)}`]
      : httpAnswerProblems(out.answer)
    : eventOutcomeProblems(out);
  assertNoProblems(problems, { label, shape: inv.shape, result: out.result });
}

/** Hostile input is a caller's mistake, never an unexpected failure of the function. */
export function assertNoUnexpectedFailure(out: Outcome, label: string): void {
  const unexpected = failuresOf(out.result).filter(isUnexpectedFailure);
  if (unexpected.length > 0)
    throw new Error(`${label}: unexpected failure: ${JSON.stringify(out.result).slice(0, 500)}`);
}

/** Exactly one JSON log line for the invocation, whatever the input. */
export function assertOneLogLine(live: Live, invocationId: string, label: string): Record<string, unknown> {
  const lines = live.stdout.join('').split('\n').filter(Boolean);
  if (lines.length !== 1) throw new Error(`${label}: ${lines.length} log lines, expected 1`);
  const line = JSON.parse(lines[0]!);
  if (line.invocationId !== invocationId)
    throw new Error(`${label}: log line for ${String(line.invocationId)}, expected ${invocationId}`);
  return line;
}

const DECOY_IDS = new Set([DECOY_CASTER, ...DECOYS]);

/** Decoys (only ever under keys the function must not read) are never sent and never deleted. */
export function assertDecoysUntouched(live: Live, label: string): void {
  const touched = live.emulator.requests.filter(
    (r) => DECOY_IDS.has(r.query.CasterId ?? '') || DECOY_IDS.has(r.query.ResourceId ?? ''),
  );
  if (touched.length > 0)
    throw new Error(`${label}: decoy sent to Live: ${JSON.stringify(touched.map((r) => r.query))}`);
  const casterKeeps = DECOYS.every((d) => live.emulator.resources(CASTER)?.includes(d));
  const decoyCaster = live.emulator.resources(DECOY_CASTER);
  if (!casterKeeps || decoyCaster?.length !== DECOYS.length) throw new Error(`${label}: a decoy resource was deleted`);
}

/** Every resource missing from the seed was deleted by a request naming it, answered 200. */
export function assertOnlyNamedDeleted(live: Live, label: string): void {
  const deleted = new Set(
    live.emulator.requests
      .filter((r) => r.action === 'DeleteCasterVideoResource' && r.status === 200)
      .map((r) => `${r.query.CasterId}/${r.query.ResourceId}`),
  );
  for (const [caster, ids] of Object.entries(PROPERTY_SEED.casters)) {
    const now = new Set(live.emulator.resources(caster) ?? []);
    for (const id of ids) {
      if (!now.has(id as string) && !deleted.has(`${caster}/${id as string}`))
        throw new Error(`${label}: ${caster}/${id as string} vanished without a request`);
    }
  }
}

export function deleteRequests(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.action === 'DeleteCasterVideoResource');
}

export { CASTER, POOL };
