// The emulator's two actions over HTTP, called as the SDK calls them.
import { rejection } from '../promises';
import { createLiveEmulator } from './index';
import { CASTER, callLive, client, deleteQuery, deleteResource, REGION, STS, UPPER_UUID } from './test-client';

describe('Live emulator over HTTP', () => {
  const emulator = createLiveEmulator();

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  describe('DeleteCasterVideoResource', () => {
    it('deletes the resource, answers 200 with an upper-case UUID RequestId and records the call', async () => {
      const res = await deleteResource(client(emulator), 'demo-resource-2');
      expect(res.statusCode).toBe(200);
      expect(Object.keys(res.body)).toEqual(['RequestId']);
      expect(res.body.RequestId).toMatch(UPPER_UUID);
      expect(emulator.resources(CASTER)).toEqual([
        'demo-resource-1',
        'demo-resource-3',
        'demo-resource-4',
        'demo-resource-5',
      ]);
      expect(emulator.requests).toEqual([
        {
          time: expect.any(Number),
          action: 'DeleteCasterVideoResource',
          query: deleteQuery('demo-resource-2'),
          accessKeyId: STS.accessKeyId,
          status: 200,
          code: null,
          fault: null,
          requestId: res.body.RequestId,
        },
      ]);
    });

    it('answers InvalidResource.NotFound (404) with Live’s error body when the resource is already gone', async () => {
      const api = client(emulator);
      await deleteResource(api, 'demo-resource-1');
      const err = await rejection(deleteResource(api, 'demo-resource-1'));
      expect(err.code).toBe('InvalidResource.NotFound');
      expect(err.statusCode).toBe(404);
      expect(err.data).toEqual({
        RequestId: expect.stringMatching(UPPER_UUID),
        HostId: emulator.host,
        Code: 'InvalidResource.NotFound',
        Message: expect.any(String),
        Recommend: expect.stringMatching(
          /^https:\/\/api\.aliyun\.com\/troubleshoot\?q=InvalidResource\.NotFound&product=live/,
        ),
        statusCode: 404,
      });
      expect(emulator.requests.map((r) => [r.status, r.code])).toEqual([
        [200, null],
        [404, 'InvalidResource.NotFound'],
      ]);
    });

    it('answers InvalidCaster.NotFound (404) for an unknown caster', async () => {
      const err = await rejection(deleteResource(client(emulator), 'demo-resource-1', 'LIVEPRODUCER_POST-cn-nope'));
      expect([err.code, err.statusCode]).toEqual(['InvalidCaster.NotFound', 404]);
    });

    it.each([
      ['CasterId', 'MissingCasterId'],
      ['ResourceId', 'MissingResourceId'],
      ['RegionId', 'MissingRegionId'],
    ])('answers 400 when %s is missing', async (param, code) => {
      const query = deleteQuery('demo-resource-1');
      delete query[param];
      const err = await rejection(callLive(client(emulator), 'DeleteCasterVideoResource', query));
      expect([err.code, err.statusCode]).toEqual([code, 400]);
      expect(emulator.resources(CASTER)).toHaveLength(5);
    });

    it.each(['json', 'formData'])('accepts the parameters in a %s body', async (reqBodyType) => {
      const res = await callLive(
        client(emulator),
        'DeleteCasterVideoResource',
        {},
        { body: deleteQuery('demo-resource-3'), reqBodyType },
      );
      expect(res.statusCode).toBe(200);
      expect(emulator.resources(CASTER)).not.toContain('demo-resource-3');
    });

    it('verifies signatures over ids that need percent-encoding', async () => {
      const odd = "slot (1)!*'~ 直播+x";
      emulator.addCaster('LIVEPRODUCER_POST-cn-odd', [odd, 'other']);
      await deleteResource(client(emulator), odd, 'LIVEPRODUCER_POST-cn-odd');
      expect(emulator.resources('LIVEPRODUCER_POST-cn-odd')).toEqual(['other']);
    });
  });

  describe('DescribeCasterVideoResources', () => {
    it('lists the caster’s resources in order, with Live’s fields', async () => {
      const res = await callLive(client(emulator), 'DescribeCasterVideoResources', {
        CasterId: CASTER,
        RegionId: REGION,
      });
      expect(res.body.RequestId).toMatch(UPPER_UUID);
      expect(res.body.Total).toBe(5);
      const list = res.body.VideoResources.VideoResource;
      expect(list.map((r: any) => r.ResourceId)).toEqual(emulator.resources(CASTER));
      expect(list[0]).toEqual({
        ResourceId: 'demo-resource-1',
        ResourceName: 'demo-resource-1',
        LocationId: 'RV01',
        LiveStreamUrl: expect.stringMatching(/^rtmp:\/\//),
        RepeatNum: 0,
        VodUrl: '',
        MaterialId: '',
        BeginOffset: 0,
        EndOffset: 0,
        PtsCallbackInterval: 0,
        ImageId: '',
        ImageUrl: '',
      });
    });

    it('answers InvalidCaster.NotFound for an unknown caster', async () => {
      const err = await rejection(
        callLive(client(emulator), 'DescribeCasterVideoResources', { CasterId: 'nope', RegionId: REGION }),
      );
      expect([err.code, err.statusCode]).toEqual(['InvalidCaster.NotFound', 404]);
    });
  });
});
