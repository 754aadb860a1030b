// Production studios (casters) and their ordered video resources, in memory.
import type { Seed, SeedResource, VideoResource } from './types';

export const DEMO_CASTER_ID = 'LIVEPRODUCER_POST-cn-demo0001';

export const DEFAULT_SEED: Seed = {
  casters: {
    [DEMO_CASTER_ID]: ['demo-resource-1', 'demo-resource-2', 'demo-resource-3', 'demo-resource-4', 'demo-resource-5'],
  },
};

/** Fields Live reports for a resource that the seed did not set. */
const RESOURCE_DEFAULTS = {
  RepeatNum: 0,
  VodUrl: '',
  MaterialId: '',
  BeginOffset: 0,
  EndOffset: 0,
  PtsCallbackInterval: 0,
  ImageId: '',
  ImageUrl: '',
} as const;

function toResource(entry: SeedResource, index: number): VideoResource {
  const given = typeof entry === 'string' ? { ResourceId: entry } : entry;
  return {
    ...RESOURCE_DEFAULTS,
    ResourceName: given.ResourceId,
    // Live names a caster's input slots RV01, RV02, ...
    LocationId: `RV${String(index + 1).padStart(2, '0')}`,
    LiveStreamUrl: `rtmp://live.example.com/caster/${encodeURIComponent(given.ResourceId)}`,
    ...given,
  };
}

export class CasterState {
  private casters = new Map<string, VideoResource[]>();

  constructor(seed: Seed = DEFAULT_SEED) {
    this.load(seed);
  }

  load(seed: Seed): void {
    const checked = parseSeed(seed);
    this.casters = new Map(Object.entries(checked.casters).map(([id, entries]) => [id, entries.map(toResource)]));
  }

  /** Copies, so callers cannot change the state behind the server's back. */
  list(casterId: string): VideoResource[] | undefined {
    return this.casters.get(casterId)?.map((r) => ({ ...r }));
  }

  ids(casterId: string): string[] | undefined {
    return this.casters.get(casterId)?.map((r) => r.ResourceId);
  }

  addCaster(casterId: string, resources: SeedResource[]): void {
    this.casters.set(casterId, resources.map(toResource));
  }

  delete(casterId: string, resourceId: string): 'deleted' | 'noCaster' | 'noResource' {
    const list = this.casters.get(casterId);
    if (!list) return 'noCaster';
    const at = list.findIndex((r) => r.ResourceId === resourceId);
    if (at < 0) return 'noResource';
    list.splice(at, 1);
    return 'deleted';
  }
}

function isSeedResource(value: unknown): value is SeedResource {
  if (typeof value === 'string') return value.length > 0;
  return (
    typeof value === 'object' && value !== null && typeof (value as { ResourceId?: unknown }).ResourceId === 'string'
  );
}

/** Validates an untrusted seed (e.g. from a file) and says what is wrong. */
export function parseSeed(value: unknown): Seed {
  const casters = (value as { casters?: unknown } | null)?.casters;
  if (typeof casters !== 'object' || casters === null || Array.isArray(casters)) {
    throw new Error('Seed must be an object { "casters": { "<CasterId>": [ResourceId or resource object, ...] } }.');
  }
  for (const [id, entries] of Object.entries(casters)) {
    if (!Array.isArray(entries) || !entries.every(isSeedResource)) {
      throw new Error(`Seed caster "${id}" must list ResourceId strings or objects with a string ResourceId.`);
    }
  }
  return { casters: casters as Seed['casters'] };
}
