import { randomUUID } from 'node:crypto';
import { defaultRegion, functionTimeoutMs } from './config';
import { credentialsOf } from './credentials';
import { isObject } from './decode/json';
import { type HttpResponse, toHttpResponse } from './delivery/http-event';
import { type Delivery, recognise } from './delivery/recognise';
import { FunctionError, FunctionFaultError, InvalidRequestError } from './errors';
import { takeFromInstance } from './instance';
import { Logger } from './logger';
import { now as clock } from './policy/clock';
import { redeliverCodes } from './policy/redelivery';
import { redactValue } from './redaction';
import { httpRecord, invocationRecords } from './request/http';
import { type Limits, planWork } from './request/plan';
import { httpAnswer } from './result/http-answer';
import { logLine } from './result/log-line';
import { requestFailure, resultOf, type Shaped } from './result/result';
import { retryLater } from './result/retry-later';
import type { HttpAnswer, InvocationResult } from './result/types';
import { type LiveAccess, runPlan } from './run/run';
import type { FcContext, Records, Trigger } from './types';

type HttpDelivery = Extract<Delivery, { kind: 'http' | 'invoke' }>;

/**
 * FC 3.0 entry point. HTTP-trigger calls (and InvokeFunction through an HTTP
 * trigger) get an HTTP answer; every other event gets the result itself, or a
 * throw when a redelivery could still do what this invocation could not. What
 * only resembles an HTTP call is thrown: whether anyone waits is unknown.
 */
export async function handler(event: unknown, context?: FcContext | null): Promise<InvocationResult | HttpResponse> {
  const delivery = recognise(event);
  switch (delivery.kind) {
    case 'event':
      return answerEvent(delivery, context);
    case 'unanswerable':
      throw retryLater(await invoke(delivery, context));
    default:
      return toHttpResponse(await answerHttp(delivery, context));
  }
}

/** Nobody waits for an event: only a throw gets it delivered again. */
async function answerEvent(delivery: Delivery, context: FcContext | null | undefined): Promise<InvocationResult> {
  const invoked = await invoke(delivery, context);
  if (invoked.redeliver.length > 0) throw retryLater(invoked);
  return invoked.result;
}

/** An HTTP caller's answer; an asynchronous call, which no caller waits for, throws as an event does. */
export async function answerHttp(
  delivery: HttpDelivery,
  context: FcContext | null | undefined,
  started = clock(),
): Promise<HttpAnswer> {
  const invoked = await invoke(delivery, context, started);
  if (delivery.request.async && invoked.redeliver.length > 0) throw retryLater(invoked);
  return httpAnswer(invoked);
}

interface Invoked extends Shaped {
  /** The codes of the failures a redelivery or a fixed deployment can cure; empty: acknowledge. */
  redeliver: string[];
  invocationId: string;
  secrets: string[];
}

/**
 * The story of one invocation: read the records, plan the work (validated and
 * authorized), run it against Live under the rate and retry policy, shape the
 * result, decide what must be redelivered, log it. Whatever fails on the way
 * is answered in the same shape.
 */
async function invoke(delivery: Delivery, given: FcContext | null | undefined, started = clock()): Promise<Invoked> {
  // A hand-made call may pass no context: then there is nothing to sign with, and the answer says so.
  const context: FcContext = isObject(given) ? given : {};
  const invocationId = context.requestId || randomUUID();
  // Read once: to sign with, and to know what to mask even when the call path fails.
  const credentials = credentialsOf(context);
  const { parts, logLevel, secrets } = takeFromInstance(credentials);
  const logger = new Logger(logLevel, { invocationId, trigger: triggerOf(delivery) }, secrets);
  let shaped: Shaped;
  let redeliver: string[];
  try {
    if (parts instanceof FunctionError) throw parts;
    const { config, limiter, live } = parts;
    const { records, limits } = recordsOf(delivery);
    const plan = planWork(records, {
      limits,
      defaultRegion: defaultRegion(config, context),
      allowedCasterIds: config.allowedCasterIds,
    });
    const access: LiveAccess =
      credentials instanceof FunctionError
        ? { kind: 'refused', error: credentials }
        : { kind: 'signed', connection: live, credentials };
    const settled = await runPlan(plan, access, {
      limiter,
      maxAttempts: config.maxAttempts,
      timeoutMs: functionTimeoutMs(context),
      started,
      noCallerWaits: delivery.kind === 'event' || (delivery.kind !== 'unanswerable' && delivery.request.async),
    });
    redeliver = redeliverCodes(settled);
    shaped = resultOf(settled, invocationId);
  } catch (err) {
    if (!(err instanceof FunctionError)) logger.log('error', 'unexpected failure', { errorName: (err as Error)?.name });
    const error = err instanceof FunctionError ? err : new FunctionFaultError();
    // Whether anyone waits is unknown for what only resembles an HTTP call: it is never acknowledged.
    redeliver = delivery.kind === 'unanswerable' ? [error.code] : redeliverCodes(error);
    shaped = requestFailure(error, invocationId);
  }
  const result = redactValue(shaped.result, secrets);
  logLine(logger, result, redeliver, Math.round(clock() - started));
  return { result, retryAfterSeconds: shaped.retryAfterSeconds, redeliver, invocationId, secrets };
}

function triggerOf(delivery: Delivery): Trigger {
  if (delivery.kind === 'unanswerable') return 'http';
  return delivery.kind === 'event' ? delivery.trigger : delivery.kind;
}

/** The records to plan, and the limits they are planned under; what refuses a whole HTTP request is thrown. */
function recordsOf(delivery: Delivery): { records: Records; limits: Limits } {
  switch (delivery.kind) {
    case 'http':
      return { records: { shape: 'single', record: httpRecord(delivery.request) }, limits: 'request' };
    case 'invoke':
      return { records: invocationRecords(delivery.request), limits: 'request' };
    case 'event':
      return { records: delivery.records, limits: 'delivery' };
    case 'unanswerable':
      throw new InvalidRequestError([delivery.problem]);
  }
}
