import type { OUTCOMES, TRIGGERS } from './constants';

export type Outcome = (typeof OUTCOMES)[keyof typeof OUTCOMES];
export type Trigger = (typeof TRIGGERS)[keyof typeof TRIGGERS];

/** The parts of the FC 3.0 context this function reads. */
export interface FcContext {
  requestId?: string;
  region?: string;
  accountId?: string;
  credentials?: { accessKeyId?: string; accessKeySecret?: string; securityToken?: string };
  function?: { name?: string; timeout?: number; memory?: number; handler?: string };
  logger?: unknown;
}

/** FC 3.0 HTTP-trigger event (SPEC §3). */
export interface HttpTriggerEvent {
  version?: string;
  rawPath?: string;
  headers?: Record<string, string | string[] | undefined>;
  queryParameters?: Record<string, string | string[] | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: {
    http: { method: string; path?: string; protocol?: string; sourceIp?: string; userAgent?: string };
    requestId?: string;
    accountId?: string;
    domainName?: string;
    time?: string;
    timeEpoch?: string;
  };
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

/** What identifies a record in its source: CloudEvent id, MNS messageId, Kafka topic/partition/offset, ... */
export type Identity = Record<string, string | number>;

/** One message a delivery carried, opened from its envelope; `payload` is still unvalidated. */
export interface DeliveredRecord {
  payload: unknown;
  identity?: Identity;
}

/**
 * What arrived: an HTTP request, or records (answered as results, or in the
 * HTTP shape for InvokeFunction). `async`: the HTTP headers said
 * X-Fc-Invocation-Type: Async, so no caller waits and only a throw is retried.
 */
export type Delivery =
  | { kind: 'http'; event: HttpTriggerEvent; async: boolean }
  /** InvokeFunction through an HTTP trigger: the body is an event, read under every HTTP limit. */
  | { kind: 'invoke'; event: HttpTriggerEvent; async: boolean }
  | { kind: 'records'; trigger: Trigger; records: DeliveredRecord[]; batch: boolean };

/** Where an item sits in the results, and the identity of the record it came from. */
export interface RecordRef {
  index: number;
  [key: string]: string | number;
}

/** One validated delete request. */
export interface DeleteItem {
  casterId: string;
  resourceId: string;
  regionId?: string;
  dryRun: boolean;
}

export interface ErrorBody {
  code: string;
  message: string;
  status: number;
  retryable: boolean;
  requestId: string | null;
  details: unknown[];
}

export interface ItemSuccess {
  ok: true;
  record?: RecordRef;
  outcome: Outcome;
  casterId: string;
  resourceId: string;
  regionId: string;
  requestId: string | null;
  invocationId: string;
  attempts: number;
  dryRun: boolean;
}

export interface ItemFailure {
  ok: false;
  record?: RecordRef;
  casterId: string | null;
  resourceId: string | null;
  invocationId: string;
  attempts?: number;
  error: ErrorBody;
}

export type ItemResult = ItemSuccess | ItemFailure;

export interface BatchResult {
  ok: boolean;
  results: ItemResult[];
  summary: Record<Outcome | 'failed', number>;
  invocationId: string;
}

export type InvocationResult = ItemResult | BatchResult;

/** Credentials used to sign; never logged, never returned. */
export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}
