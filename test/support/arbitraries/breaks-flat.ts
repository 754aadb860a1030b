// Requests made invalid by construction, in ways a flat (form, query, path) carrier can hold.
import fc from 'fast-check';
import type { Invocation } from '../../../dev/invocations/encode';
import { type Json, obj, RawJson } from '../../../dev/invocations/json';
import { POOL } from './state';
import { invalidDryRunString, invalidIdString, invalidRegionString } from './values';

export interface InvalidCase {
  inv: Invocation;
  /** What was broken, for the failure report. */
  why: string;
}

/** Replaces (or removes) the value of the first key among `names` in a payload object. */
function setField(payload: Json, names: string[], value: Json | undefined): Json {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload) || payload instanceof RawJson)
    return payload;
  const key = names.find((n) => Object.hasOwn(payload, n)) ?? names[0]!;
  return obj([
    ...Object.keys(payload)
      .filter((k) => k !== key)
      .map((k): [string, Json] => [k, payload[k]!]),
    [key, value],
  ]);
}

export const idField: fc.Arbitrary<string[]> = fc.constantFrom(['CasterId', 'casterId'], ['ResourceId', 'resourceId']);

/** Breaks of a flat single request that survive every carrier. */
export const flatBreak: fc.Arbitrary<[string, (p: Json) => Json]> = fc.oneof(
  idField.map((names): [string, (p: Json) => Json] => [`${names[0]} missing`, (p) => setField(p, names, undefined)]),
  fc
    .tuple(idField, invalidIdString)
    .map(([names, v]): [string, (p: Json) => Json] => [
      `${names[0]}=${JSON.stringify(v).slice(0, 60)}`,
      (p) => setField(p, names, v),
    ]),
  invalidRegionString.map((v): [string, (p: Json) => Json] => [
    `RegionId=${JSON.stringify(v)}`,
    (p) => setField(p, ['RegionId', 'regionId'], v),
  ]),
  invalidDryRunString.map((v): [string, (p: Json) => Json] => [
    `DryRun=${JSON.stringify(v)}`,
    (p) => setField(p, ['DryRun', 'dryRun'], v),
  ]),
  fc.constantFrom(...POOL).map((other): [string, (p: Json) => Json] => [
    'both spellings, different values',
    (p) => {
      const o = p as { [k: string]: Json };
      const has = Object.hasOwn(o, 'ResourceId') ? 'resourceId' : 'ResourceId';
      const current = o.ResourceId ?? o.resourceId;
      return obj([
        ...Object.keys(o).map((k): [string, Json] => [k, o[k]!]),
        [has, current === other ? `${other}-x` : other],
      ]);
    },
  ]),
);
