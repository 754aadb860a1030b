// The function's routes, matched from a path.
import { routeOf } from '../../../functions/delete-caster-video-resource/delivery/route';

describe('routeOf', () => {
  // A prefix before the REST path is test/integration/http-limits.test.ts's.
  it.each([
    ['the empty path as the root', '', { kind: 'root' }],
    ['/ as the root', '/', { kind: 'root' }],
    ['the root with a query as the root', '/?DryRun=true', { kind: 'root' }],
    [
      'the REST path, URL-decoded',
      '/casters/LIVEPRODUCER_POST-cn-1/video-resources/res%3A1',
      { kind: 'resource', casterId: 'LIVEPRODUCER_POST-cn-1', resourceId: 'res:1' },
    ],
    ['a segment that does not decode as it is', '/casters/c%/video-resources/r', { casterId: 'c%' }],
    ['the REST path with more after it as unknown', '/casters/c/video-resources/r/x', { kind: 'unknown' }],
    ['part of the REST path as unknown', '/casters/c', { kind: 'unknown' }],
    ['the FC 3.0 InvokeFunction path', '/2023-03-30/functions/my-fn/invocations', { kind: 'invoke' }],
  ])('reads %s', (_name, path, route) => {
    expect(routeOf(path)).toMatchObject(route);
  });
});
