// What is answered, in the shapes the README gives: one result, a batch, and
// the HTTP answer that carries one of them.
import type { Outcome } from '../types';

/** An item's record in the results: its place, and its identity in the source. */
export interface RecordRef {
  index: number;
  [key: string]: string | number;
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
  /** null only for a slot that Live lists empty. */
  resourceId: string | null;
  regionId: string;
  requestId: string | null;
  invocationId: string;
  attempts: number;
  dryRun: boolean;
  /** As Live lists the resource, when a list was read (dry runs, slots). */
  resourceName?: string | null;
  locationId?: string | null;
}

export interface ItemFailure {
  ok: false;
  record?: RecordRef;
  casterId: string | null;
  resourceId: string | null;
  invocationId: string;
  /** Absent when the whole request failed before any item was read. */
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

/** An answer for a caller waiting on HTTP. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  /** The result as JSON. */
  body: string;
}
