import { randomUUID } from 'node:crypto';
import { DEFAULTS, TRIGGERS } from './constants';
import { readConfig, type Config } from './config';
import { resolveCredentials } from './credentials';
import { Deadline } from './deadline';
import { authorize, runItems, type ItemRun, type ResolvedItem } from './delete-video-resource';
import { FunctionError, InternalError, InvalidRequestError, MissingCredentialsError, RetryLaterError } from './errors';
import { readInvocation } from './event-reader';
import { readHttpRequest } from './http-request';
import { toHttpResponse } from './http-response';
import { LiveClient } from './live-client';
import { Logger } from './logger';
import { limiterFor } from './rate-limiter';
import { redact, redactValue, secretsOf } from './redaction';
import { readRequest, type RawRequest } from './request-model';
import { batchResult, failure, itemResult } from './result';
import type { Credentials, FcContext, HttpResponse, HttpTriggerEvent, InvocationResult, Trigger } from './types';
import { resolveRegions, validateRequest } from './validation';

interface Settled {
  result: InvocationResult;
  /** The failure that should make an event invocation throw, when one remains retryable. */
  retryable?: FunctionError;
  retryAfterSeconds?: number;
}

/** What an invocation ended with, its ID, and the values to keep out of every output. */
interface Finished extends Settled {
  invocationId: string;
  secrets: string[];
}

/** FC 3.0 entry point: HTTP-trigger events get an HTTP answer, every other event the result itself. */
export async function handler(event: unknown, context: FcContext = {}): Promise<InvocationResult | HttpResponse> {
  const invocation = readInvocation(event);
  if (invocation.trigger === TRIGGERS.http) return handleHttp(invocation.event, context);

  const settled = await invoke(invocation.trigger, context, () => {
    if (invocation.unreadable) throw new InvalidRequestError([{ field: '(event)', problem: invocation.unreadable }]);
    return readRequest(invocation.payloads, invocation.batch);
  });
  if (settled.retryable) {
    // EventBridge / FC async retry takes over; the delete is idempotent.
    const e = settled.retryable;
    const message = `${e.code} (HTTP ${e.status}) remained after retries; invocation ${settled.invocationId} should be retried.`;
    throw new RetryLaterError(redact(message, settled.secrets), settled.result);
  }
  return settled.result;
}

export async function handleHttp(event: HttpTriggerEvent, context: FcContext): Promise<HttpResponse> {
  const settled = await invoke(TRIGGERS.http, context, () => readRequest([readHttpRequest(event)], false));
  // Already redacted by invoke().
  return toHttpResponse(settled.result, JSON.stringify(settled.result), settled.retryAfterSeconds);
}

/** The story of one invocation: parse, validate, authorize, call, shape the result, log. */
async function invoke(trigger: Trigger, context: FcContext, read: () => RawRequest): Promise<Finished> {
  const started = Date.now();
  const invocationId = context.requestId || randomUUID();
  // Read once: to sign with, and to know what to mask even when the call path fails.
  const credentials = readCredentials(context);
  const secrets = secretsOf(credentials);
  let logger = new Logger(DEFAULTS.logLevel, { invocationId, trigger });
  let settled: Settled;
  try {
    const config = readConfig(context);
    logger = new Logger(config.logLevel, { invocationId, trigger });
    const request = read();
    const items = resolveRegions(validateRequest(request), config.defaultRegion);
    const refusals = items.map((item) => authorize(item, config.allowedCasterIds));
    const runs = refusals.every(Boolean) ? (refusals as ItemRun[]) : await call(items, refusals, credentials, config, started);
    settled = shape(runs, request.batch, invocationId);
  } catch (err) {
    const error = err instanceof FunctionError ? err : new InternalError();
    if (!(err instanceof FunctionError)) logger.log('error', 'unexpected failure', { errorName: (err as Error)?.name });
    settled = { result: failure(error, invocationId) };
  }
  const finished = { ...settled, result: redactValue(settled.result, secrets), invocationId, secrets };
  logSummary(logger.withSecrets(secrets), finished, Date.now() - started);
  return finished;
}

async function call(
  items: ResolvedItem[],
  refusals: Array<ItemRun | undefined>,
  credentials: Credentials | undefined,
  config: Config,
  started: number,
): Promise<ItemRun[]> {
  if (!credentials) throw new MissingCredentialsError();
  const client = new LiveClient(config.endpoint, credentials);
  const retry = {
    maxAttempts: config.maxAttempts,
    deadline: new Deadline(config.functionTimeoutMs, Date.now, started),
    limiter: limiterFor(config.qps),
  };
  return runItems(items, refusals, client, retry);
}

function shape(runs: ItemRun[], batch: boolean, invocationId: string): Settled {
  const results = runs.map((run) => itemResult(run, invocationId));
  const failed = runs.filter((r) => r.error).map((r) => r.error!);
  const retryable = failed.find((e) => e.retryable);
  const retryAfterSeconds = failed.find((e) => e.retryAfterSeconds !== undefined)?.retryAfterSeconds;
  const result = batch ? batchResult(results, invocationId) : results[0];
  return { result, retryable, retryAfterSeconds };
}

/** The invocation's credentials, or undefined: a missing role is reported only if Live must be called. */
function readCredentials(context: FcContext): Credentials | undefined {
  try {
    return resolveCredentials(context);
  } catch {
    return undefined;
  }
}

function logSummary(logger: Logger, settled: Settled, durationMs: number): void {
  const { result } = settled;
  const level = result.ok ? 'info' : settled.retryable || ('error' in result && result.error.status >= 500) ? 'error' : 'warn';
  if ('results' in result) {
    logger.log(level, 'batch invocation', {
      outcome: result.ok ? 'ok' : 'partial_failure',
      summary: result.summary,
      items: result.results.map((r) => ({
        casterId: r.casterId,
        resourceId: r.resourceId,
        ...(r.ok ? { outcome: r.outcome, requestId: r.requestId } : { errorCode: r.error.code, requestId: r.error.requestId }),
        attempts: r.attempts,
      })),
      durationMs,
    });
    return;
  }
  logger.log(level, result.ok ? 'video resource delete' : 'video resource delete failed', {
    casterId: result.casterId,
    resourceId: result.resourceId,
    ...(result.ok
      ? { outcome: result.outcome, dryRun: result.dryRun, regionId: result.regionId, requestId: result.requestId }
      : { errorCode: result.error.code, status: result.error.status, requestId: result.error.requestId }),
    attempts: result.attempts ?? 0,
    durationMs,
  });
}
