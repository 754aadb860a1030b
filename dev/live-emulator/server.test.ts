// The emulator's two actions over HTTP, called as the SDK (the function's client) calls them.
import { callLiveSdk } from '../live-sdk';
import { rejection } from '../promises';
import { createLiveEmulator } from './index';
import { CASTER, client, deleteQuery, deleteResource, REGION, STS, UPPER_UUID } from './test-client';

const NO_CASTER = 'LIVEPRODUCER_POST-cn-nope';
const RECOMMEND = /^https:\/\/api\.aliyun\.com\/troubleshoot\?q=InvalidResource\.NotFound&product=live/;

describe('Live emulator over HTTP', () => {
  const emulator = createLiveEmulator();
  const describeCaster = (CasterId: string) =>
    callLiveSdk(client(emulator), 'DescribeCasterVideoResources', { CasterId, RegionId: REGION });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.reset());

  it('deletes the resource, answers 200 with an upper-case UUID RequestId and records the call', async () => {
    const res = await deleteResource(client(emulator), 'demo-resource-2');
    expect([res.statusCode, Object.keys(res.body)]).toEqual([200, ['RequestId']]);
    expect(res.body.RequestId).toMatch(UPPER_UUID);
    const left = ['demo-resource-1', 'demo-resource-3', 'demo-resource-4', 'demo-resource-5'];
    expect(emulator.resources(CASTER)).toEqual(left);
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
    expect([err.code, err.statusCode]).toEqual(['InvalidResource.NotFound', 404]);
    expect(err.data).toEqual({
      RequestId: expect.stringMatching(UPPER_UUID),
      HostId: emulator.host,
      Code: 'InvalidResource.NotFound',
      Message: expect.any(String),
      Recommend: expect.stringMatching(RECOMMEND),
      statusCode: 404,
    });
  });

  it.each([
    ['DeleteCasterVideoResource', () => deleteResource(client(emulator), 'demo-resource-1', NO_CASTER)],
    ['DescribeCasterVideoResources', () => describeCaster(NO_CASTER)],
  ])('%s answers InvalidCaster.NotFound (404) for an unknown caster', async (_action, call) => {
    const err = await rejection(call());
    expect([err.code, err.statusCode]).toEqual(['InvalidCaster.NotFound', 404]);
  });

  it.each([
    ['CasterId', 'MissingCasterId'],
    ['ResourceId', 'MissingResourceId'],
    ['RegionId', 'MissingRegionId'],
  ])('answers 400 when %s is missing', async (param, code) => {
    const query = deleteQuery('demo-resource-1');
    delete query[param];
    const err = await rejection(callLiveSdk(client(emulator), 'DeleteCasterVideoResource', query));
    expect([err.code, err.statusCode]).toEqual([code, 400]);
    expect(emulator.resources(CASTER)).toHaveLength(5);
  });

  it('verifies signatures over ids that need percent-encoding', async () => {
    const odd = "slot (1)!*'~ 直播+x";
    emulator.addCaster('LIVEPRODUCER_POST-cn-odd', [odd, 'other']);
    await deleteResource(client(emulator), odd, 'LIVEPRODUCER_POST-cn-odd');
    expect(emulator.resources('LIVEPRODUCER_POST-cn-odd')).toEqual(['other']);
  });

  it('lists the caster’s resources in order, with Live’s fields', async () => {
    const res = await describeCaster(CASTER);
    expect([res.body.RequestId, res.body.Total]).toEqual([expect.stringMatching(UPPER_UUID), 5]);
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
});
