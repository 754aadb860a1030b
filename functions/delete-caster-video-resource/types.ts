// The data model of one invocation, stage by stage: what arrived, what it asks
// for, what ran, and what is answered. Each stage hands the next one shape.
import type { FieldProblem, FunctionError } from './errors';
import type { FieldName } from './request/names';

// --- The platform -----------------------------------------------------------

/** The parts of the FC 3.0 context this function reads. */
export interface FcContext {
  requestId?: string;
  region?: string;
  accountId?: string;
  credentials?: { accessKeyId?: string; accessKeySecret?: string; securityToken?: string };
  function?: { name?: string; timeout?: number; memory?: number; handler?: string };
  logger?: unknown;
}

/** Credentials used to sign; never logged, never returned. */
export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

// --- What arrived -----------------------------------------------------------

/** Where an invocation came from, as logged. */
export type Trigger =
  | 'http'
  /** InvokeFunction (console test, `s invoke`, SDK) on a function that has an HTTP trigger. */
  | 'invoke'
  | 'cloudevent'
  | 'cloudevent-batch'
  | 'mns-queue'
  | 'mns-topic'
  | 'rocketmq'
  | 'kafka'
  | 'rabbitmq'
  | 'timer'
  | 'payload';

/** An HTTP request as the function reads it, whichever runtime delivered it. */
export interface HttpRequest {
  /** Upper case. */
  method: string;
  route: Route;
  /** An InvokeFunction call through the HTTP trigger (by its path or its action header): the body is the event. */
  invocation: boolean;
  /** Each query parameter with every value it was given. */
  query: ReadonlyArray<readonly [string, readonly unknown[]]>;
  /** The media type in lower case, without parameters; '' when none was sent. */
  contentType: string;
  body: HttpBody;
  /** `X-Fc-Invocation-Type: Async`: FC answered the caller already, and only a throw is retried. */
  async: boolean;
}

/** The path, matched: `/`, the REST path with its parameters, the InvokeFunction path, or none of them. */
export type Route =
  | { kind: 'root' }
  | { kind: 'resource'; casterId: string; resourceId: string }
  | { kind: 'invoke' }
  | { kind: 'unknown'; path: string };

/** The body's bytes, or why there are none to read. */
export type HttpBody =
  | { kind: 'bytes'; bytes: Buffer }
  | { kind: 'too-large'; limit: number }
  | { kind: 'not-text' }
  /** Marked base64 by `isBase64Encoded`, and not base64: decoding would drop what it cannot read. */
  | { kind: 'not-base64' }
  | { kind: 'broken' }
  /** Not whole by the invocation's deadline (an FC 2.0 request stream that stalled). */
  | { kind: 'late' };

/** What identifies a record in its source: CloudEvent id, MNS messageId, Kafka topic/partition/offset, ... */
export type Identity = Record<string, string | number>;

/**
 * A request field given beside the payload: in the path or query of an HTTP
 * request, or in the envelope around a message. It counts for the payload,
 * and must agree with it.
 */
export interface Given {
  /** Where it was given, for the problem that names a disagreement: `path`, `query`, `envelope`. */
  from: string;
  name: FieldName;
  value: unknown;
}

/**
 * One message a delivery carried, opened from its envelope: its payload is not
 * read yet. `problems`: what is wrong with its envelope, listed with the
 * payload's own when it is read.
 */
export type DeliveredRecord =
  | {
      kind: 'message';
      payload: unknown;
      given: readonly Given[];
      problems: readonly FieldProblem[];
      identity: Identity;
    }
  /** It could not be opened (not JSON, two messages in one envelope, ...): it becomes one invalid item. */
  | { kind: 'unreadable'; problems: readonly FieldProblem[]; identity: Identity };

/** A delivery's records: answered as one result, or (an array delivery) as a batch. */
export type Records =
  | { shape: 'single'; record: DeliveredRecord }
  | { shape: 'batch'; records: readonly DeliveredRecord[] };

// --- What it asks for -------------------------------------------------------

/**
 * One validated request: a resource, to delete or check (its slot, when
 * given, a precondition), or, for a dry run only, a slot to look up.
 */
export type DeleteItem =
  | {
      kind: 'resource';
      casterId: string;
      regionId: string;
      dryRun: boolean;
      resourceId: string;
      locationId: string | null;
    }
  | { kind: 'slot'; casterId: string; regionId: string; dryRun: true; locationId: string };

/** Where an item sits in the results, and the identity of the record it came from. */
export interface Origin {
  index: number;
  identity: Identity;
}

/** One item of work, in result order: to run against Live, or refused without a network call. */
export type Work =
  | { kind: 'live'; origin: Origin; item: DeleteItem }
  /** The IDs are the caller's when well-formed, for the failure to echo. */
  | { kind: 'refused'; origin: Origin; casterId: string | null; resourceId: string | null; error: FunctionError };

/** The work of one invocation, and the shape it is answered in, decided once when it is planned. */
export type Plan = { shape: 'single'; work: Work } | { shape: 'batch'; work: readonly Work[] };

// --- What ran ---------------------------------------------------------------

export type Outcome = 'deleted' | 'already_absent' | 'would_delete';

/** A resource as Live lists it: never its stream or VOD URL, which can carry auth keys. */
export interface Listed {
  resourceId: string;
  resourceName: string | null;
  locationId: string | null;
}

/**
 * Live's answer to one item, after every retry. `listed`: the resource as
 * Live's list shows it, when a list was read; `null` for a slot it shows empty.
 */
export type Ran =
  | { ok: true; outcome: Outcome; attempts: number; requestId: string | null; listed?: Listed | null }
  | { ok: false; attempts: number; error: FunctionError };

export type LiveWork = Extract<Work, { kind: 'live' }>;
export type RefusedWork = Extract<Work, { kind: 'refused' }>;

/** What became of one item of work. */
export type Done = { kind: 'refused'; work: RefusedWork } | { kind: 'ran'; work: LiveWork; ran: Ran };

/** What became of the plan's work, in its shape. */
export type Settled = { shape: 'single'; done: Done } | { shape: 'batch'; done: readonly Done[] };

// What is answered, the shapes the README gives: result/types.ts.
