/** Fixed facts of the Live API operation this function calls (SPEC §6). */
export const LIVE_API = {
  version: '2016-11-01',
  deleteAction: 'DeleteCasterVideoResource',
  describeAction: 'DescribeCasterVideoResources',
  defaultEndpoint: 'live.aliyuncs.com',
  pathname: '/',
  method: 'POST',
  authType: 'AK',
  style: 'RPC',
  bodyType: 'json',
} as const;

/** Live error codes that carry meaning for this function. */
export const LIVE_CODES = {
  resourceNotFound: 'InvalidResource.NotFound',
  casterNotFound: 'InvalidCaster.NotFound',
} as const;

/** The function's own error codes (SPEC §5); Live's codes pass through as they are. */
export const ERROR_CODES = {
  invalidRequest: 'InvalidRequest',
  payloadTooLarge: 'PayloadTooLarge',
  unsupportedMediaType: 'UnsupportedMediaType',
  methodNotAllowed: 'MethodNotAllowed',
  casterNotAllowed: 'CasterNotAllowed',
  missingCredentials: 'MissingCredentials',
  upstreamUnavailable: 'UpstreamUnavailable',
  upstreamRejected: 'UpstreamRejected',
  throttled: 'Throttled',
  timeout: 'Timeout',
  notAttempted: 'NotAttempted',
  notFound: 'NotFound',
  invalidConfiguration: 'InvalidConfiguration',
  functionFault: 'FunctionFault',
} as const;

export const OUTCOMES = {
  deleted: 'deleted',
  alreadyAbsent: 'already_absent',
  wouldDelete: 'would_delete',
} as const;

/**
 * Where an invocation came from, as logged (`trigger`). Every source but
 * `http` is an event invocation: it throws when a retry could cure a failure.
 */
export const TRIGGERS = {
  http: 'http',
  /** InvokeFunction (console test, `s invoke`, SDK) on a function that has an HTTP trigger. */
  invoke: 'invoke',
  cloudEvent: 'cloudevent',
  cloudEventBatch: 'cloudevent-batch',
  mnsQueue: 'mns-queue',
  mnsTopic: 'mns-topic',
  rocketMq: 'rocketmq',
  kafka: 'kafka',
  rabbitMq: 'rabbitmq',
  timer: 'timer',
  payload: 'payload',
} as const;

export const LIMITS = {
  idPattern: /^[A-Za-z0-9_.:-]{1,128}$/,
  idMaxLength: 128,
  regionPattern: /^[a-z]{2,}(-[a-z0-9]+)+$/,
  maxBatchItems: 100,
  /** Records one delivery may carry (event-streaming batches); more is refused unread. */
  maxRecords: 10_000,
  /** Items one event invocation reads and runs; the rest of a delivery is NotAttempted and redelivered. */
  maxItemsPerInvocation: 1000,
  maxHttpBodyBytes: 64 * 1024,
  /** Batch items in flight at once; the QPS limiter is what bounds the send rate. */
  batchConcurrency: 4,
} as const;

export const DEFAULTS = {
  maxAttempts: 4,
  qps: 10,
  /** s.yaml's default instance cap. */
  maxInstances: 10,
  logLevel: 'info',
  /** FC 3.0's default function timeout, used when the context does not say. */
  functionTimeoutSeconds: 60,
  /** Cap for one attempt; the remaining time caps it further. */
  attemptTimeoutMs: 10_000,
  connectTimeoutMs: 3_000,
  backoffBaseMs: 100,
  backoffCapMs: 2_000,
} as const;

/**
 * Time kept back from the function timeout to shape and return the answer, so
 * that a hanging upstream ends in our 504 rather than FC killing the instance.
 */
export const DEADLINE_RESERVE = { fraction: 0.1, minMs: 150, maxMs: 1_000 } as const;

export const HTTP = {
  allowedMethods: ['POST', 'DELETE'],
  jsonContentType: 'application/json; charset=utf-8',
  /** Matched from the start, so that no prefix can stand before it. */
  restPath: /^\/casters\/([^/]+)\/video-resources\/([^/]+)\/?$/,
  restPathShape: '/casters/{CasterId}/video-resources/{ResourceId}',
  /** FC 3.0 InvokeFunction, as it reaches a function that has an HTTP trigger. */
  invokePath: /^\/2023-03-30\/functions\/[^/]+\/invocations\/?$/,
} as const;
