import type { Listed } from '../types';

/**
 * The resources a DescribeCasterVideoResources answer lists
 * (`VideoResources.VideoResource[]`), by ID and by slot, and whether the answer
 * is self-consistent: its `Total` equals what it lists and every entry has an
 * ID. Only such an answer proves that a resource (or a slot) it does not list
 * is empty. Entries keep their name and slot, never their URLs.
 */
export interface Listing {
  byId: ReadonlyMap<string, Listed>;
  /** The listed IDs in lower case, to tell an ID that differs only in letter case. */
  lower: ReadonlySet<string>;
  /** Each slot's entries: more than one proves nothing about the slot. */
  bySlot: ReadonlyMap<string, readonly Listed[]>;
  complete: boolean;
}

function totalOf(body: Record<string, unknown>): number {
  const { Total: total } = body;
  if (typeof total === 'number') return total;
  return typeof total === 'string' && /^\d+$/.test(total) ? Number(total) : Number.NaN;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** undefined when the answer has no list at all: an upstream fault, never a sign that anything is gone. */
export function listedResources(body: Record<string, unknown>): Listing | undefined {
  const container = body.VideoResources as { VideoResource?: unknown } | undefined;
  if (!Array.isArray(container?.VideoResource)) return undefined;
  const entries = container.VideoResource as unknown[];
  const byId = new Map<string, Listed>();
  const bySlot = new Map<string, Listed[]>();
  const twice = new Set<string>();
  let readable = true;
  for (const entry of entries) {
    const fields = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const resourceId = text(fields.ResourceId);
    if (resourceId === null || byId.has(resourceId) || twice.has(resourceId)) {
      readable = false;
      // A resource listed twice is listed nowhere for sure: neither entry is proof.
      if (resourceId !== null) {
        byId.delete(resourceId);
        twice.add(resourceId);
      }
      continue;
    }
    const listed: Listed = { resourceId, resourceName: text(fields.ResourceName), locationId: text(fields.LocationId) };
    byId.set(resourceId, listed);
    if (listed.locationId === null) continue;
    const there = bySlot.get(listed.locationId);
    if (there) there.push(listed);
    else bySlot.set(listed.locationId, [listed]);
  }
  const lower = new Set([...byId.keys()].map((id) => id.toLowerCase()));
  return { byId, lower, bySlot, complete: readable && totalOf(body) === entries.length };
}

/** What a listing proves about one resource or one slot. */
export type Found = { kind: 'present'; listed: Listed } | { kind: 'absent' } | { kind: 'unknown'; why: string };

/**
 * A resource: listed exactly, it is there; not listed by a complete answer,
 * it is gone; an incomplete answer, or an ID listed in another letter case, proves nothing.
 */
export function findResource(listing: Listing, resourceId: string): Found {
  const listed = listing.byId.get(resourceId);
  if (listed) return { kind: 'present', listed };
  if (!listing.complete) return { kind: 'unknown', why: 'is incomplete' };
  if (listing.lower.has(resourceId.toLowerCase()))
    return { kind: 'unknown', why: 'lists it only in another letter case' };
  return { kind: 'absent' };
}

/** A slot: one entry there, it holds that resource; none in a complete answer, it is empty. */
export function findSlot(listing: Listing, locationId: string): Found {
  const there = listing.bySlot.get(locationId) ?? [];
  if (there.length === 1 && listing.complete) return { kind: 'present', listed: there[0] };
  if (there.length > 1) return { kind: 'unknown', why: 'lists more than one resource at this slot' };
  if (!listing.complete) return { kind: 'unknown', why: 'is incomplete' };
  return { kind: 'absent' };
}
