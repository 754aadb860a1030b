// Requests made invalid in ways only JSON can carry.
import fc from 'fast-check';
import { type Json, obj } from '../../../dev/invocations/json';
import { idField } from './breaks-flat';
import { CASTER, POOL } from './state';
import { deepJson, invalidDryRunString, invalidIdString, invalidRegionString, wrongTypeId } from './values';

/** Breaks only JSON can carry: wrong types, broken batches, IDs only under prototype keys. */
export const jsonBreak: fc.Arbitrary<[string, Json]> = fc.oneof(
  fc.tuple(idField, wrongTypeId).map(([names, v]): [string, Json] => [
    `${names[0]} of a wrong type`,
    obj([
      [names[0] === 'CasterId' ? 'ResourceId' : 'CasterId', names[0] === 'CasterId' ? POOL[0]! : CASTER],
      [names[0]!, v],
    ]),
  ]),
  fc
    .oneof(
      fc.integer(),
      fc.constant(obj([])),
      fc.array(fc.integer(), { minLength: 1, maxLength: 2 }),
      invalidRegionString,
    )
    .map((v): [string, Json] => [
      'RegionId of a wrong type',
      obj([
        ['CasterId', CASTER],
        ['ResourceId', POOL[0]!],
        ['RegionId', v],
      ]),
    ]),
  // 1 and 0 are read as true and false, so they are not wrong types.
  fc
    .oneof(
      fc.integer().filter((n) => n !== 0 && n !== 1),
      fc.constant(obj([])),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 2 }),
      invalidDryRunString,
    )
    .map((v): [string, Json] => [
      'DryRun of a wrong type',
      obj([
        ['CasterId', CASTER],
        ['ResourceId', POOL[0]!],
        ['DryRun', v],
      ]),
    ]),
  fc
    .oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(obj([])), fc.constant([] as Json[]), deepJson)
    .map((v): [string, Json] => [
      'ResourceIds not a non-empty array',
      obj([
        ['CasterId', CASTER],
        ['ResourceIds', v],
      ]),
    ]),
  fc.integer({ min: 101, max: 5_000 }).map((n): [string, Json] => [
    `${n} ResourceIds`,
    obj([
      ['CasterId', CASTER],
      ['ResourceIds', Array.from({ length: n }, (_, i) => POOL[i % POOL.length]!)],
    ]),
  ]),
  fc
    .tuple(fc.array(fc.constantFrom(...POOL), { maxLength: 3 }), fc.oneof(invalidIdString, wrongTypeId))
    .map(([ids, bad]): [string, Json] => [
      'a bad entry in ResourceIds',
      obj([
        ['CasterId', CASTER],
        ['ResourceIds', [...ids, bad]],
      ]),
    ]),
  fc
    .oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(obj([])), fc.constant([] as Json[]))
    .map((v): [string, Json] => ['Items not a non-empty array', obj([['Items', v]])]),
  fc.integer({ min: 101, max: 5_000 }).map((n): [string, Json] => [
    `${n} Items`,
    obj([
      [
        'Items',
        Array.from({ length: n }, (_, i) =>
          obj([
            ['CasterId', CASTER],
            ['ResourceId', POOL[i % POOL.length]!],
          ]),
        ),
      ],
    ]),
  ]),
  fc
    .oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null), fc.constant([] as Json[]), deepJson)
    .map((v): [string, Json] => [
      'an Items entry not an object',
      obj([
        [
          'Items',
          [
            obj([
              ['CasterId', CASTER],
              ['ResourceId', POOL[0]!],
            ]),
            v,
          ],
        ],
      ]),
    ]),
  fc.oneof(invalidIdString, wrongTypeId).map((v): [string, Json] => [
    'an Items entry with a bad ID',
    obj([
      [
        'Items',
        [
          obj([
            ['CasterId', CASTER],
            ['ResourceId', POOL[0]!],
          ]),
          obj([
            ['CasterId', CASTER],
            ['ResourceId', v],
          ]),
        ],
      ],
    ]),
  ]),
  fc.constant<[string, Json]>([
    'an Items entry without ResourceId',
    obj([
      ['CasterId', CASTER],
      ['Items', [obj([['ResourceId', POOL[0]!]]), obj([['DryRun', true]])]],
    ]),
  ]),
  fc.constant<[string, Json]>([
    'Items and ResourceIds',
    obj([
      ['CasterId', CASTER],
      ['Items', [obj([['ResourceId', POOL[0]!]])]],
      ['ResourceIds', [POOL[1]!]],
    ]),
  ]),
  fc.constant<[string, Json]>([
    'ResourceId beside ResourceIds',
    obj([
      ['CasterId', CASTER],
      ['ResourceId', POOL[0]!],
      ['ResourceIds', [POOL[1]!]],
    ]),
  ]),
  fc.constant<[string, Json]>([
    'ResourceId beside Items',
    obj([
      ['ResourceId', POOL[0]!],
      [
        'Items',
        [
          obj([
            ['CasterId', CASTER],
            ['ResourceId', POOL[1]!],
          ]),
        ],
      ],
    ]),
  ]),
  fc.constantFrom('__proto__', 'constructor', 'prototype').map((k): [string, Json] => [
    `IDs only under ${k}`,
    obj([
      [
        k,
        obj([
          ['CasterId', CASTER],
          ['ResourceId', POOL[0]!],
        ]),
      ],
    ]),
  ]),
  fc.constant<[string, Json]>([
    'IDs only under constructor.prototype',
    obj([
      [
        'constructor',
        obj([
          [
            'prototype',
            obj([
              ['CasterId', CASTER],
              ['ResourceId', POOL[0]!],
            ]),
          ],
        ]),
      ],
    ]),
  ]),
  fc
    .tuple(fc.constantFrom(...POOL), fc.constantFrom(...POOL))
    .filter(([a, b]) => a !== b)
    .map(([a, b]): [string, Json] => [
      'Items under both spellings, different',
      obj([
        ['CasterId', CASTER],
        ['Items', [obj([['ResourceId', a]])]],
        ['items', [obj([['ResourceId', b]])]],
      ]),
    ]),
  fc.tuple(deepJson, deepJson).map(([a, b]): [string, Json] => [
    'deep values under both spellings',
    obj([
      ['CasterId', a],
      ['casterId', b],
      ['ResourceId', POOL[0]!],
    ]),
  ]),
  fc
    .oneof(
      fc.integer(),
      fc.boolean(),
      fc.string({ maxLength: 10 }).map((s) => `#${s}`),
      fc.array(fc.oneof(fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 3 }),
    )
    .map((v): [string, Json] => ['not an object', v]),
  fc.constant<[string, Json]>(['an empty object', obj([])]),
);
