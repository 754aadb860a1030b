// The emulator's public contract; other code (tests, the local dev server)
// depends on exactly these shapes.
import type { FaultKind, ListSpoil } from './faults';

export type { FaultKind, ListSpoil };

/** An accessKeyId starting with "STS." requires securityToken. */
export interface EmulatorCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export interface FaultSpec {
  kind: FaultKind;
  /** Only requests for this action consume the fault; any action when unset. */
  action?: string;
  /** How many matching requests it hits; default 1, Infinity allowed. */
  times?: number;
  /**
   * For 'delay': answer normally (and take effect) after delayMs. A slow Live
   * for a whole run: { kind: 'delay', delayMs: N, times: Infinity }.
   */
  delayMs?: number;
  /**
   * For 'echo' (a badly behaved upstream that quotes the caller's credentials
   * back in its error Message): 400 (default, InvalidParameter) or 503 (ServiceUnavailable).
   */
  status?: 400 | 503;
  /**
   * For 'answer': answer this HTTP status with `body` (default: a Live error
   * body carrying `code`, or no Code at all when `code` is unset) as `contentType`
   * (default JSON). Whatever a gateway or a misbehaving upstream might say.
   */
  answer?: { status: number; code?: string; contentType?: string; body?: string };
  /**
   * For 'flood': a 200 JSON answer (a RequestId, then padding) of `bytes` bytes,
   * streamed as the client reads it (never built whole), with Content-Length or,
   * when `chunked`, without. Stops when the client hangs up.
   */
  flood?: { bytes: number; chunked?: boolean };
  /**
   * For 'list': a DescribeCasterVideoResources answer that proves nothing:
   * 'partial' lists only the first half but keeps the true Total, 'noTotal'
   * leaves Total out, 'unreadableEntry' adds an entry without a ResourceId,
   * 'upperCase' lists every ID in upper case.
   */
  list?: ListSpoil;
}

export interface RecordedRequest {
  /** Clock value on arrival. */
  time: number;
  action: string | null;
  query: Record<string, string>;
  accessKeyId: string | null;
  /** HTTP status answered; 0 when the socket was reset or left hanging. */
  status: number;
  /** Live error code, null on success. */
  code: string | null;
  fault: FaultKind | null;
  requestId: string;
}

/** A video resource as DescribeCasterVideoResources reports it. */
export interface VideoResource {
  ResourceId: string;
  ResourceName: string;
  LocationId: string;
  LiveStreamUrl: string;
  RepeatNum: number;
  VodUrl: string;
  MaterialId: string;
  BeginOffset: number;
  EndOffset: number;
  PtsCallbackInterval: number;
  ImageId: string;
  ImageUrl: string;
}

/** A resource in a seed: its id alone, or an object with at least ResourceId. */
export type SeedResource = string | (Partial<VideoResource> & { ResourceId: string });

export interface Seed {
  casters: Record<string, SeedResource[]>;
}

export interface EmulatorOptions {
  credentials?: EmulatorCredential[];
  seed?: Seed;
  /**
   * The account's flow-control quota, shared by every key and caller: beyond
   * this many accepted requests in any sliding 1 s window, Live answers 400
   * Throttling.User. Refused requests take no slot. Default: no quota.
   */
  accountQps?: number;
  /** With a quota refusal, send x-acs-retry-after: ms until a slot frees. Default false. */
  retryAfterHeader?: boolean;
}

export interface LiveEmulator {
  /** e.g. "http://127.0.0.1:54321", valid after start(). */
  readonly url: string;
  /** "127.0.0.1:54321", the form openapi-client's `endpoint` takes. */
  readonly host: string;
  start(): Promise<string>;
  /** Closes the server and destroys open or hanging sockets. */
  stop(): Promise<void>;
  requests: RecordedRequest[];
  injectFault(spec: FaultSpec): void;
  /** Changes the account quota at run time (undefined: none); the current window is kept. */
  setAccountQuota(qps: number | undefined, options?: { retryAfterHeader?: boolean }): void;
  resources(casterId: string): string[] | undefined;
  addCaster(casterId: string, resourceIds: string[]): void;
  /** State back to the creation seed; requests, faults, nonces and the quota window cleared. */
  reset(): void;
}
