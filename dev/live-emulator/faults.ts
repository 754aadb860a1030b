// Injected failures, consumed in order by the requests they match.
import type { LiveErrorCode } from './errors';
import type { FaultSpec } from './types';

const FAULT_KINDS = [
  'throttle',
  'unavailable',
  'internal',
  'forbidden',
  'reset',
  'hang',
  'delay',
  'badBody',
  'echo',
  'answer',
  'flood',
  'list',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How a 'list' fault spoils a DescribeCasterVideoResources answer (FaultSpec.list). */
const LIST_SPOILS = ['partial', 'noTotal', 'unreadableEntry', 'upperCase'] as const;
export type ListSpoil = (typeof LIST_SPOILS)[number];

/** Faults that answer as a Live error. */
const FAULT_ERRORS = {
  throttle: 'Throttling.User',
  unavailable: 'ServiceUnavailable',
  internal: 'InternalError',
  forbidden: 'Forbidden.RAM',
} as const satisfies Partial<Record<FaultKind, LiveErrorCode>>;

/** The Live error a fault answers with, or undefined for faults that do something else. */
export function faultErrorCode(kind: FaultKind): LiveErrorCode | undefined {
  return Object.hasOwn(FAULT_ERRORS, kind) ? FAULT_ERRORS[kind as keyof typeof FAULT_ERRORS] : undefined;
}

/** The Live error an 'echo' fault answers with, by its status. */
const ECHO_ERRORS = {
  400: 'InvalidParameter',
  503: 'ServiceUnavailable',
} as const satisfies Record<number, LiveErrorCode>;

export function echoErrorCode(spec: FaultSpec): LiveErrorCode {
  return ECHO_ERRORS[spec.status ?? 400];
}

/** A Describe answer that no longer proves what it lists (FaultSpec.list). */
export function spoilList(result: Record<string, unknown>, spoil: ListSpoil): Record<string, unknown> {
  const container = result.VideoResources as { VideoResource?: Array<Record<string, unknown>> } | undefined;
  const list = container?.VideoResource;
  if (!Array.isArray(list)) return result;
  if (spoil === 'noTotal') {
    const { Total: _total, ...rest } = result;
    return rest;
  }
  const spoilt =
    spoil === 'partial'
      ? list.slice(0, Math.floor(list.length / 2))
      : spoil === 'unreadableEntry'
        ? [...list, { ResourceName: 'no id' }]
        : list.map((r) => ({ ...r, ResourceId: String(r.ResourceId).toUpperCase() }));
  return {
    ...result,
    Total: spoil === 'unreadableEntry' ? spoilt.length : result.Total,
    VideoResources: { VideoResource: spoilt },
  };
}

interface QueuedFault {
  spec: FaultSpec;
  remaining: number;
}

export class FaultQueue {
  private queue: QueuedFault[] = [];

  add(spec: FaultSpec): void {
    if (!FAULT_KINDS.includes(spec.kind)) throw new Error(`Unknown fault kind "${String(spec.kind)}".`);
    const times = spec.times ?? 1;
    if (!(times >= 1)) throw new Error('FaultSpec.times must be at least 1.');
    if (spec.kind === 'delay' && !(Number(spec.delayMs) >= 0)) throw new Error('A delay fault needs delayMs >= 0.');
    if (spec.status !== undefined && (spec.kind !== 'echo' || !Object.hasOwn(ECHO_ERRORS, spec.status))) {
      throw new Error('FaultSpec.status is for echo faults only: 400 or 503.');
    }
    if (
      (spec.kind === 'answer') !== (spec.answer !== undefined) ||
      (spec.answer && !(spec.answer.status >= 200 && spec.answer.status < 600))
    ) {
      throw new Error("An 'answer' fault, and only one, needs answer.status (200-599).");
    }
    if ((spec.kind === 'flood') !== (spec.flood !== undefined) || (spec.flood && !(spec.flood.bytes >= 0))) {
      throw new Error("A 'flood' fault, and only one, needs flood.bytes (>= 0).");
    }
    if ((spec.kind === 'list') !== (spec.list !== undefined) || (spec.list && !LIST_SPOILS.includes(spec.list))) {
      throw new Error(`A 'list' fault, and only one, needs list: ${LIST_SPOILS.join(', ')}.`);
    }
    this.queue.push({ spec: { ...spec }, remaining: times });
  }

  /** The first queued fault for this action, used up by one; undefined when none applies. */
  take(action: string): FaultSpec | undefined {
    const at = this.queue.findIndex(
      (f) =>
        (f.spec.action === undefined || f.spec.action === action) &&
        // A spoilt list only means something on a list.
        (f.spec.kind !== 'list' || action === 'DescribeCasterVideoResources'),
    );
    if (at < 0) return undefined;
    const fault = this.queue[at]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.queue.splice(at, 1);
    return fault.spec;
  }

  clear(): void {
    this.queue = [];
  }
}
