// The invariants of a load run, checked against the emulator's records and
// final state. Each returns the violations it found (empty: it held).

import type { Outcome } from '../../../dev/invocations/run';
import type { RecordedRequest, Seed } from '../../../dev/live-emulator';
import {
  assertNoProblems,
  eventOutcomeProblems,
  failuresOf,
  httpAnswerProblems,
  isUnexpectedFailure,
} from '../../../dev/result-shape';
import { checkLogs, checkRate, checkSecrets } from './invariants-output';
import { FORBIDDEN_CASTER, INVALID_MARK, type Planned } from './seed';

export interface Settled {
  planned: Planned;
  invocationId: string;
  outcome: Outcome;
  /** Wall time of the invocation, ms. */
  ms: number;
}

export interface RunFacts {
  settled: Settled[];
  requests: RecordedRequest[];
  seed: Seed;
  /** Resource IDs per caster after the run. */
  finalState: (casterId: string) => string[] | undefined;
  qps: number;
  delayMs: number;
  logLines: string[];
  secrets: string[];
}

const DELETE = 'DeleteCasterVideoResource';
const DESCRIBE = 'DescribeCasterVideoResources';
const CALLER_CODES = new Set(['InvalidRequest', 'PayloadTooLarge', 'UnsupportedMediaType', 'MethodNotAllowed']);

type Violations = string[];

/** The result an invocation produced: returned, in the HTTP body, or carried by the thrown error. */
export function resultOf(s: Settled): any {
  return s.outcome.result;
}

function itemsOf(result: any): any[] {
  if (!result || typeof result !== 'object') return [];
  return Array.isArray(result.results) ? result.results : [result];
}

/** Every invocation answered in the shape the README gives; events threw only RetryLaterError with a retryable failure. */
export function checkAnswered(f: RunFacts): Violations {
  const v: Violations = [];
  for (const s of f.settled) {
    const { inv } = s.planned;
    const problems = inv.http
      ? s.outcome.thrown
        ? [`HTTP invocation threw ${String((s.outcome.thrown as Error)?.message)}`]
        : httpAnswerProblems(s.outcome.answer)
      : eventOutcomeProblems(s.outcome);
    try {
      assertNoProblems(problems);
    } catch (err) {
      v.push(`#${s.planned.index} ${s.planned.kind}: ${(err as Error).message}`);
    }
    const unexpected = failuresOf(resultOf(s)).filter(isUnexpectedFailure);
    if (unexpected.length) v.push(`#${s.planned.index} ${s.planned.kind}: unexpected failure ${unexpected[0]!.code}`);
    const result = resultOf(s);
    // Invalid input is refused as a whole, or (in a batch) as the records that were invalid.
    const refused = itemsOf(result).some((r: any) => r?.ok === false && CALLER_CODES.has(r.error?.code));
    if (s.planned.invalid && !(result?.ok === false && refused)) {
      v.push(`#${s.planned.index}: invalid input answered ${JSON.stringify(result).slice(0, 200)}`);
    }
    if (s.planned.forbidden && result?.error?.code !== 'CasterNotAllowed')
      v.push(`#${s.planned.index}: forbidden caster answered ${JSON.stringify(result).slice(0, 200)}`);
  }
  return v;
}

/** No invocation ran past FC's timeout; Timeout answers came in time. */
export function checkDeadlines(f: RunFacts): Violations {
  return f.settled
    .filter((s) => s.ms >= s.planned.timeoutSeconds * 1000)
    .map(
      (s) =>
        `#${s.planned.index} ${s.planned.kind}: ran ${s.ms.toFixed(0)} ms with a ${s.planned.timeoutSeconds} s timeout`,
    );
}

/** When Live processed a request: at arrival, or after the injected delay. */
const processedAt = (r: RecordedRequest, delayMs: number) => r.time + (r.fault === 'delay' ? delayMs : 0);

/** Every deleted / already_absent / would_delete is what the emulator's records and state say. */
export function checkOutcomesAgainstLive(f: RunFacts): Violations {
  const v: Violations = [];
  const byId = new Map(f.requests.map((r) => [r.requestId, r]));
  const seeded = (c: string, r: string) =>
    (f.seed.casters[c] ?? []).some((x) => (typeof x === 'string' ? x : x.ResourceId) === r);
  const deletedAt = new Map<string, number>();
  for (const r of f.requests) {
    if (r.action === DELETE && r.status === 200) {
      const key = `${r.query.CasterId}/${r.query.ResourceId}`;
      if (deletedAt.has(key)) v.push(`${key} deleted twice at Live`);
      deletedAt.set(key, processedAt(r, f.delayMs));
    }
  }
  const gone = (c: string, r: string) => !(f.finalState(c) ?? []).includes(r);
  for (const s of f.settled) {
    for (const item of itemsOf(resultOf(s))) {
      if (item?.ok !== true) continue;
      const where = `#${s.planned.index} ${item.casterId}/${item.resourceId} ${item.outcome}`;
      const rec = byId.get(item.requestId);
      if (!rec) {
        v.push(`${where}: no Live request ${String(item.requestId)}`);
        continue;
      }
      if (rec.query.CasterId !== item.casterId) v.push(`${where}: Live request names caster ${rec.query.CasterId}`);
      const key = `${item.casterId}/${item.resourceId}`;
      if (item.outcome === 'deleted') {
        if (rec.action !== DELETE || rec.status !== 200 || rec.query.ResourceId !== item.resourceId)
          v.push(`${where}: Live answered ${rec.action} ${rec.status} ${rec.code}`);
        if (!gone(item.casterId, item.resourceId)) v.push(`${where}: still in Live`);
      } else if (item.outcome === 'already_absent' && !item.dryRun && rec.action === DESCRIBE) {
        // A batch's one describe per caster found it gone before any delete was sent.
        if (rec.status !== 200) v.push(`${where}: Live answered ${rec.action} ${rec.status}`);
        if (seeded(item.casterId, item.resourceId) && (deletedAt.get(key) ?? Infinity) > rec.time)
          v.push(`${where}: the resource was there`);
        if (!gone(item.casterId, item.resourceId)) v.push(`${where}: still in Live`);
      } else if (item.outcome === 'already_absent' && !item.dryRun) {
        if (
          rec.action !== DELETE ||
          rec.code !== 'InvalidResource.NotFound' ||
          rec.query.ResourceId !== item.resourceId
        )
          v.push(`${where}: Live answered ${rec.action} ${rec.status} ${rec.code}`);
        if (!gone(item.casterId, item.resourceId)) v.push(`${where}: still in Live`);
      } else if (item.outcome === 'would_delete') {
        if (rec.action !== DESCRIBE || rec.status !== 200)
          v.push(`${where}: Live answered ${rec.action} ${rec.status}`);
        if (!seeded(item.casterId, item.resourceId) || (deletedAt.get(key) ?? Infinity) < rec.time)
          v.push(`${where}: the resource was not there`);
      } else if (item.outcome === 'already_absent' && item.dryRun) {
        if (rec.action !== DESCRIBE || rec.status !== 200)
          v.push(`${where}: Live answered ${rec.action} ${rec.status}`);
        if (seeded(item.casterId, item.resourceId) && (deletedAt.get(key) ?? Infinity) > rec.time)
          v.push(`${where}: the resource was there`);
      }
    }
  }
  return v;
}

/** Nothing deleted or sent that no invocation named; forbidden and invalid IDs never sent. */
export function checkOnlyNamed(f: RunFacts): Violations {
  const v: Violations = [];
  const namedDeletes = new Set<string>();
  const namedCasters = new Set<string>();
  for (const s of f.settled) {
    for (const i of s.planned.named) {
      namedCasters.add(i.casterId);
      if (!i.dryRun) namedDeletes.add(`${i.casterId}/${i.resourceId}`);
    }
  }
  for (const r of f.requests) {
    const c = r.query.CasterId ?? '';
    if (c === FORBIDDEN_CASTER || c === INVALID_MARK) v.push(`a request named ${c}`);
    if (r.action === DELETE && !namedDeletes.has(`${c}/${r.query.ResourceId}`))
      v.push(`Delete ${c}/${r.query.ResourceId} was never asked for`);
    if (r.action === DESCRIBE && !namedCasters.has(c)) v.push(`Describe ${c} was never asked for`);
  }
  for (const [caster, entries] of Object.entries(f.seed.casters)) {
    const now = new Set(f.finalState(caster) ?? []);
    for (const e of entries) {
      const id = typeof e === 'string' ? e : e.ResourceId;
      if (!now.has(id) && !namedDeletes.has(`${caster}/${id}`))
        v.push(`${caster}/${id} deleted, but no invocation named it`);
    }
  }
  return v;
}

export function checkAll(f: RunFacts): Record<string, Violations> {
  return {
    'every invocation answered in the shape the README gives (events throw only RetryLaterError)': checkAnswered(f),
    'no invocation past its deadline': checkDeadlines(f),
    'deleted / already_absent / would_delete match Live': checkOutcomesAgainstLive(f),
    'nothing deleted or sent that no invocation named': checkOnlyNamed(f),
    'never more than LIVE_QPS requests in any second': checkRate(f),
    'one JSON log line per invocation': checkLogs(f),
    'no secret or token in results, logs or thrown errors': checkSecrets(f),
  };
}
