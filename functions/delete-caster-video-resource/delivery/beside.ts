import { isObject, type JsonObject, Unreadable } from '../json';

/** Fields an envelope may hold beside the message it wraps, which then count for the message. */
const CARRIED = new Map([
  ['dryrun', 'DryRun'],
  ['regionid', 'RegionId'],
]);
/** Fields that beside a message would make the object two requests at once. */
const REQUEST = new Set(['casterid', 'resourceid', 'resourceids', 'items']);

const sameText = (a: unknown, b: unknown) =>
  a === b || (typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b));

/**
 * The message `payload` opened from `container`, with the request fields the
 * container holds beside it. They are never dropped: `{"DryRun": true, "body":
 * "{…}"}` stays a dry run. A DryRun or RegionId beside the message joins it,
 * and one that differs from the message's own is refused; a CasterId,
 * ResourceId, ResourceIds or Items beside it is refused as ambiguous.
 */
export function withFieldsBeside(container: JsonObject, messageKeys: readonly string[], payload: unknown): unknown {
  let carried: Array<[string, unknown]> | undefined;
  for (const key in container) {
    if (!Object.hasOwn(container, key) || messageKeys.includes(key)) continue;
    const lower = key.toLowerCase();
    if (REQUEST.has(lower))
      return new Unreadable(`is beside the message this object wraps: two requests in one`, key.slice(0, 64));
    const name = CARRIED.get(lower);
    if (name !== undefined) (carried ??= []).push([name, container[key]]);
  }
  if (carried === undefined || payload instanceof Unreadable) return payload;
  const message: JsonObject | undefined = Array.isArray(payload)
    ? { Items: payload }
    : isObject(payload)
      ? { ...payload }
      : undefined;
  if (message === undefined) return payload;
  for (const [name, value] of carried) {
    const own = Object.keys(message).find((k) => k.toLowerCase() === name.toLowerCase());
    if (own === undefined) message[name] = value;
    else if (!sameText(message[own], value))
      return new Unreadable('differs between the message and the envelope around it', name);
  }
  return message;
}
