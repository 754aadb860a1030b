import { randomUUID } from 'node:crypto';
import { processWork, settledWithoutLive } from './batch/process';
import { planWork, type Work } from './batch/records';
import { redeliverCodes, retryLater, type Settled, settle } from './batch/settle';
import { defaultRegion, functionTimeoutMs } from './config';
import { TRIGGERS } from './constants';
import { resolveCredentials } from './credentials';
import { readHttpRequest } from './delivery/http-request';
import { readDelivery, readInvocation } from './delivery/recognise';
import { FunctionError, FunctionFaultError, MissingCredentialsError } from './errors';
import { currentInstance, type Ready } from './instance';
import { isObject } from './json';
import { Logger } from './logger';
import { Deadline } from './policy/deadline';
import { redactValue } from './redaction';
import { toHttpResponse } from './result/http-response';
import { logSummary } from './result/log-summary';
import { failure } from './result/result';
import type {
  Credentials,
  DeliveredRecord,
  FcContext,
  HttpResponse,
  HttpTriggerEvent,
  InvocationResult,
  Trigger,
} from './types';

/**
 * The records of one invocation; reading may throw a FunctionError that
 * refuses the whole request (HTTP). `http`: HTTP limits hold (at most 100 items).
 */
type Read = () => { records: DeliveredRecord[]; batch: boolean; http: boolean };

interface Finished extends Settled {
  invocationId: string;
  secrets: string[];
}

/**
 * FC 3.0 entry point. HTTP-trigger calls (and InvokeFunction through an HTTP
 * trigger) get an HTTP answer; every other event gets the result itself, or a
 * throw when a redelivery could still do what this invocation could not.
 */
export async function handler(event: unknown, context?: FcContext | null): Promise<InvocationResult | HttpResponse> {
  const delivery = readDelivery(event);
  // Nobody waits for an event or an asynchronous call: only a throw gets it delivered again.
  const redeliverable = delivery.kind === 'records' || delivery.async;
  const read: Read =
    delivery.kind === 'http'
      ? httpReader(delivery.event)
      : delivery.kind === 'invoke'
        ? () => ({ ...readInvocation(delivery.event), http: true })
        : () => ({ ...delivery, http: false });
  const trigger =
    delivery.kind === 'http' ? TRIGGERS.http : delivery.kind === 'invoke' ? TRIGGERS.invoke : delivery.trigger;
  const finished = await invoke(trigger, context, read, redeliverable);
  if (redeliverable && finished.redeliver.length > 0)
    throw retryLater(finished, finished.invocationId, finished.secrets);
  return delivery.kind === 'records' ? finished.result : answerHttp(finished);
}

/** An HTTP request; `unreadable` when its body could not be read at all (an FC 2.0 stream that failed). */
export async function handleHttp(
  event: HttpTriggerEvent,
  context: FcContext | null | undefined,
  unreadable?: FunctionError,
): Promise<HttpResponse> {
  return answerHttp(await invoke(TRIGGERS.http, context, httpReader(event, unreadable), false));
}

function httpReader(event: HttpTriggerEvent, unreadable?: FunctionError): Read {
  return () => {
    if (unreadable) throw unreadable;
    return { records: [{ payload: readHttpRequest(event) }], batch: false, http: true };
  };
}

function answerHttp(finished: Finished): HttpResponse {
  // Already redacted by invoke().
  return toHttpResponse(finished.result, JSON.stringify(finished.result), finished.retryAfterSeconds);
}

/**
 * The story of one invocation: read, validate and authorize each record, call
 * Live, settle, log. `redeliverable`: no caller waits, so throttled requests
 * are retried for as long as the invocation has time.
 */
async function invoke(
  trigger: Trigger,
  given: FcContext | null | undefined,
  read: Read,
  redeliverable: boolean,
): Promise<Finished> {
  const started = Date.now();
  // A hand-made call may pass no context: then there is nothing to sign with, and the answer says so.
  const context: FcContext = isObject(given) ? given : {};
  const invocationId = context.requestId || randomUUID();
  const instance = currentInstance();
  // Read once: to sign with, and to know what to mask even when the call path fails.
  const credentials = readCredentials(context);
  const secrets = instance.secretsOf(credentials);
  const logger = new Logger(instance.logLevel, { invocationId, trigger }, secrets);
  let settled: Settled;
  try {
    const ready = instance.use();
    const { records, batch, http } = read();
    const plan = planWork(records, batch, defaultRegion(ready.config, context), ready.config.allowedCasterIds, http);
    const needsLive = plan.work.some((w) => w.item && !w.error);
    const runs = needsLive
      ? await call(plan.work, credentials, ready, { timeoutMs: functionTimeoutMs(context), started, redeliverable })
      : settledWithoutLive(plan.work);
    settled = settle(runs, plan.batch, invocationId);
  } catch (err) {
    const error = err instanceof FunctionError ? err : new FunctionFaultError();
    if (!(err instanceof FunctionError)) logger.log('error', 'unexpected failure', { errorName: (err as Error)?.name });
    const result = failure(error, invocationId);
    settled = { result, redeliver: redeliverCodes(result), retryAfterSeconds: error.retryAfterSeconds };
  }
  const finished = { ...settled, result: redactValue(settled.result, secrets), invocationId, secrets };
  logSummary(logger, finished.result, finished.redeliver, Date.now() - started);
  return finished;
}

async function call(
  work: Work[],
  credentials: Credentials | undefined,
  { config, limiter, live }: Ready,
  { timeoutMs, started, redeliverable }: { timeoutMs: number; started: number; redeliverable: boolean },
) {
  if (!credentials) {
    const missing = new MissingCredentialsError();
    return settledWithoutLive(work.map((w) => (w.error || !w.item ? w : { ...w, error: missing })));
  }
  const retry = {
    maxAttempts: config.maxAttempts,
    deadline: Deadline.forInvocation(timeoutMs, Date.now, started),
    limiter,
    retryThrottlesUntilDeadline: redeliverable,
  };
  return processWork(work, live.clientFor(credentials), retry);
}

/** The invocation's credentials, or undefined: a missing role is reported only if Live must be called. */
function readCredentials(context: FcContext): Credentials | undefined {
  try {
    return resolveCredentials(context);
  } catch {
    return undefined;
  }
}
