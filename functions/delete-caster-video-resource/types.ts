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
