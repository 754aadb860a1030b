// What a key of a request or an envelope names, decided once per key: a
// request field, a key a message sits under, a name that reads as a field to a
// person but is not one, or anything else (a pipeline's own metadata).
import { ENVELOPES, RECORD_CARRIERS, SOURCES } from '../delivery/shapes';

/** The request fields, read in any ASCII letter case. */
export const FIELDS = {
  casterId: 'CasterId',
  resourceId: 'ResourceId',
  regionId: 'RegionId',
  dryRun: 'DryRun',
  /** The slot an input sits at in the caster (RV01…), as layouts, channels and the console name it. */
  locationId: 'LocationId',
  resourceIds: 'ResourceIds',
  items: 'Items',
} as const;

export type FieldName = (typeof FIELDS)[keyof typeof FIELDS];

export type KeyName =
  | { kind: 'field'; name: FieldName }
  /** A key a message sits under in some envelope, in any spelling: beside a request, or beside another, two readings. */
  | { kind: 'carrier'; name: string }
  /** Reads as `meant` to a person: look-alike letters, or a near miss (`DryRn`, `Resource_Id`). */
  | { kind: 'misread'; meant: FieldName; lookalike: boolean }
  | { kind: 'other' };

const BY_LOWER = new Map<string, FieldName>(Object.values(FIELDS).map((name) => [name.toLowerCase(), name]));
/** Every key a message sits under, as the declared shapes name them. */
const CARRIER_NAMES = [
  ...new Set([...ENVELOPES.flatMap((e) => e.carriers), ...SOURCES.map((s) => s.carrier), ...RECORD_CARRIERS]),
];
const ASCII = /^[\x20-\x7e]*$/;
/** Names longer than this, once folded, are no near miss of any field. */
const MAX_FOLDED = 16;

/** In a folded key: a letter that may look like any Latin one. */
const WILD = '?';
const WILD_CODE = WILD.charCodeAt(0);
/** Scripts with no Latin look-alikes, in which pipelines name their own metadata. */
const NO_LOOKALIKES =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}]/u;
const LETTER = /\p{L}/u;

/**
 * A key as a person reads it: compatibility forms folded (full-width and
 * mathematical letters become ASCII), accents dropped, letters of other
 * scripts that look Latin read as the Latin ones (Cyrillic у, Armenian ս,
 * small capitals), case ignored, and anything but a letter or digit left out
 * (`Resource_Id`, `DRY-RUN`). The look-alike table is the confusables
 * package's: Unicode normalisation alone leaves other scripts as they are.
 * No table is complete, so any other letter, outside the scripts that have
 * no Latin look-alikes, is WILD: it could be read as any letter, and a key is
 * never taken as harmless only because its look-alikes are rare.
 */
function folded(key: string): string {
  if (ASCII.test(key)) return key.toLowerCase().replace(/[^a-z0-9]/g, '');
  let out = '';
  for (const ch of latin(key.normalize('NFKD').replace(/\p{M}/gu, '')).toLowerCase()) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
    else if (LETTER.test(ch) && !NO_LOOKALIKES.test(ch)) out += WILD;
    // Longer than any name it could be read as: the rest cannot change that.
    if (out.length > MAX_FOLDED) break;
  }
  return out;
}

let removeConfusables: ((text: string) => string) | undefined;
/** Loaded at the first key that needs it: building its table costs every cold start otherwise. */
function latin(text: string): string {
  removeConfusables ??= (require('confusables') as typeof import('confusables')).remove;
  return removeConfusables(text);
}

const CARRIERS = new Map(CARRIER_NAMES.map((name) => [name.toLowerCase(), name]));
/** Carriers are matched only once folded: their names are short, and common words lie near them. */
const FOLDED_CARRIERS = new Map(CARRIER_NAMES.map((name) => [folded(name), name]));

/** The carrier a folded key reads as, a WILD letter standing for any. */
function carrierOf(simple: string): string | undefined {
  const exact = FOLDED_CARRIERS.get(simple);
  if (exact !== undefined || !simple.includes(WILD)) return exact;
  for (const [name, carrier] of FOLDED_CARRIERS) {
    if (name.length === simple.length && [...name].every((c, i) => simple[i] === c || simple[i] === WILD))
      return carrier;
  }
  return undefined;
}

/** Letters and digits counted, WILD letters last, for a cheap lower bound on the edit distance. */
function counts(text: string): Int8Array {
  const out = new Int8Array(37);
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    out[c === WILD_CODE ? 36 : c >= 97 ? c - 87 : c - 48] += 1;
  }
  return out;
}

/** A field's near misses lie within a third of its length (at least 2) of its name. */
const NEAR = Object.values(FIELDS).map((name) => {
  const simple = name.toLowerCase();
  return { simple, name, limit: Math.max(2, Math.floor(name.length / 3)), counts: counts(simple) };
});

/** At least this many edits part `key` from `target`: the target's characters the key lacks, less its WILD letters. */
function missing(key: Int8Array, target: Int8Array): number {
  let lacking = 0;
  for (let i = 0; i < 36; i += 1) if (target[i] > key[i]) lacking += target[i] - key[i];
  return Math.max(0, lacking - key[36]);
}

const rows = [new Int32Array(MAX_FOLDED + 2), new Int32Array(MAX_FOLDED + 2)];

/** Whether the edit distance of `a` and `b` is at most `limit`; both at most MAX_FOLDED long. */
function within(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let [previous, row] = rows;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    let best = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const same = c === b.charCodeAt(j - 1) || c === WILD_CODE;
      const v = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (same ? 0 : 1));
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return false;
    [previous, row] = [row, previous];
  }
  return previous[b.length] <= limit;
}

/**
 * What a key that is neither a field nor a carrier as written reads as. The
 * folding is linear in the key; the edit distance runs only on folded names
 * short enough to be near a field, so a key's cost is bounded.
 */
function misreadAs(key: string): KeyName {
  const simple = folded(key);
  if (simple.length === 0 || simple.length > MAX_FOLDED) return { kind: 'other' };
  const carrier = carrierOf(simple);
  if (carrier !== undefined) return { kind: 'carrier', name: carrier };
  const mine = counts(simple);
  for (const near of NEAR) {
    if (missing(mine, near.counts) > near.limit || !within(simple, near.simple, near.limit)) continue;
    return { kind: 'misread', meant: near.name, lookalike: !ASCII.test(key) };
  }
  return { kind: 'other' };
}

/**
 * What `key` names at a glance: a field as written, or a carrier as written or
 * once folded, else nothing; no near miss is sought. Enough to tell an
 * envelope from a request; `nameOf` then reads the keys of whichever it is.
 */
export function glance(key: string): KeyName {
  const written = asWritten(key);
  if (written !== undefined) return written;
  const carrier = carrierOf(folded(key));
  return carrier === undefined ? { kind: 'other' } : { kind: 'carrier', name: carrier };
}

/** What `key` names. */
export function nameOf(key: string): KeyName {
  return asWritten(key) ?? misreadAs(key);
}

/** A field or a carrier as written, in any ASCII letter case. */
function asWritten(key: string): KeyName | undefined {
  if (!ASCII.test(key)) return undefined;
  const lower = key.toLowerCase();
  const field = BY_LOWER.get(lower);
  if (field !== undefined) return { kind: 'field', name: field };
  return CARRIERS.has(lower) ? { kind: 'carrier', name: key } : undefined;
}
