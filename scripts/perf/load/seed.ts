// What Live holds for a load run, and the casters the workload names.
import type { Invocation } from '../../../dev/invocations/encode';
import type { Seed } from '../../../dev/live-emulator';

export const LOAD_CASTERS = Array.from({ length: 8 }, (_, i) => `LIVEPRODUCER_POST-load-${i}`);
/** In Live, but not in ALLOWED_CASTER_IDS: nothing of it may ever be sent or deleted. */
export const FORBIDDEN_CASTER = 'LIVEPRODUCER_POST-load-forbidden';
/** Allowed, but not in Live: answers InvalidCaster.NotFound. */
export const GHOST_CASTER = 'LIVEPRODUCER_POST-load-ghost';
/** Named only by invalid invocations: never sent. */
export const INVALID_MARK = 'LIVEPRODUCER_POST-load-invalid';
export const RESOURCES_PER_CASTER = 300;

export const resourceName = (i: number) => `res-${String(i).padStart(3, '0')}`;

export function loadSeed(): Seed {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => resourceName(i));
  return {
    casters: {
      ...Object.fromEntries(LOAD_CASTERS.map((c) => [c, ids(RESOURCES_PER_CASTER)])),
      [FORBIDDEN_CASTER]: ids(50),
    },
  };
}

export const ALLOWED_CASTER_IDS = [...LOAD_CASTERS, GHOST_CASTER].join(',');

export interface NamedItem {
  casterId: string;
  resourceId: string;
  dryRun: boolean;
}

export interface Planned {
  index: number;
  /** The workload kind, e.g. "http-path" or "event-batch". */
  kind: string;
  inv: Invocation;
  timeoutSeconds: number;
  /** What a valid invocation asks for. */
  named: NamedItem[];
  /** Refused before any network call: invalid by construction. */
  invalid: boolean;
  /** Names a caster outside ALLOWED_CASTER_IDS. */
  forbidden: boolean;
}

/** `count` invocations drawn from the seed, with function timeouts from `timeouts` (seconds). */
