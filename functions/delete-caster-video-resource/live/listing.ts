/**
 * The resources a DescribeCasterVideoResources answer lists
 * (`VideoResources.VideoResource[]`), and whether the answer is
 * self-consistent: its `Total` equals what it lists and every entry has an ID.
 * Only such an answer proves that a resource it does not list is gone.
 */
export interface Listing {
  ids: ReadonlySet<string>;
  /** The listed IDs in lower case, to tell an ID that differs only in letter case. */
  lower: ReadonlySet<string>;
  complete: boolean;
}

function totalOf(body: Record<string, unknown>): number {
  const { Total: total } = body;
  if (typeof total === 'number') return total;
  return typeof total === 'string' && /^\d+$/.test(total) ? Number(total) : Number.NaN;
}

/** undefined when the answer has no list at all: an upstream fault, never a sign that anything is gone. */
export function listedResources(body: Record<string, unknown>): Listing | undefined {
  const container = body.VideoResources as { VideoResource?: unknown } | undefined;
  if (!Array.isArray(container?.VideoResource)) return undefined;
  const entries = container.VideoResource as unknown[];
  const ids = new Set<string>();
  let readable = true;
  for (const entry of entries) {
    const id = (entry as { ResourceId?: unknown } | null)?.ResourceId;
    if (typeof id === 'string' && id !== '') ids.add(id);
    else readable = false;
  }
  const lower = new Set([...ids].map((id) => id.toLowerCase()));
  return { ids, lower, complete: readable && totalOf(body) === entries.length };
}

/**
 * What a listing proves about one resource: listed exactly, it is there; not
 * listed by a complete answer, it is gone; anything else (an incomplete
 * answer, an ID listed in another letter case) proves nothing.
 */
export function presence(listing: Listing, resourceId: string): 'present' | 'absent' | 'unknown' {
  if (listing.ids.has(resourceId)) return 'present';
  if (!listing.complete || listing.lower.has(resourceId.toLowerCase())) return 'unknown';
  return 'absent';
}
