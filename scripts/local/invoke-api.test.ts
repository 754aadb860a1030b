// The local server's FC 3.0 API driven by FC's own clients, as an operator
// points them at `npm start`: @alicloud/fc20230330 (FC 3.0) and @alicloud/fc2.
import { Readable } from 'node:stream';
import FC2 from '@alicloud/fc2';
import FC3, * as $FC3 from '@alicloud/fc20230330';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import * as $dara from '@darabonba/typescript';
import { DEMO_CASTER_ID } from '../../dev/live-emulator';
import { asyncInvocationsSettled } from './invoke-api';
import { startTestServer, type TestServer } from './test-server';

const NAME = 'caster-video-resource-delete';
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ functionName: NAME });
});
beforeEach(() => {
  server.emulator.reset();
  server.told.length = 0;
});
afterAll(() => server.close());

function fc3(): FC3 {
  const endpoint = new URL(server.url).host;
  return new FC3(
    new $OpenApiUtil.Config({ accessKeyId: 'local', accessKeySecret: 'local', endpoint, protocol: 'http' }),
  );
}

function invoke(payload: object, type: 'Sync' | 'Async') {
  const request = new $FC3.InvokeFunctionRequest({ body: Readable.from([Buffer.from(JSON.stringify(payload))]) });
  const headers = new $FC3.InvokeFunctionHeaders({ xFcInvocationType: type });
  return fc3().invokeFunctionWithOptions(NAME, request, headers, new $dara.RuntimeOptions({ autoretry: false }));
}

const deletes = () => server.emulator.requests.filter((r) => r.action === 'DeleteCasterVideoResource').length;
const text = async (body: Readable | undefined) => (body ? Buffer.concat(await body.toArray()).toString() : '');

describe('InvokeFunction through @alicloud/fc20230330', () => {
  it('deletes on a synchronous call, answering the result', async () => {
    const response = await invoke({ CasterId: DEMO_CASTER_ID, ResourceId: 'demo-resource-1' }, 'Sync');
    expect(JSON.parse(await text(response.body))).toMatchObject({ ok: true, outcome: 'deleted' });
  });

  it('answers an asynchronous call 202 at once', async () => {
    const response = await invoke({ CasterId: DEMO_CASTER_ID, ResourceId: 'demo-resource-2' }, 'Async');
    expect([response.statusCode, deletes()]).toEqual([202, 0]);
    await asyncInvocationsSettled();
  });

  it('runs an asynchronous call in the background', async () => {
    await invoke({ CasterId: DEMO_CASTER_ID, ResourceId: 'demo-resource-2' }, 'Async');
    await asyncInvocationsSettled();
    expect(server.emulator.resources(DEMO_CASTER_ID)).not.toContain('demo-resource-2');
  });

  it("retries a thrown asynchronous invocation as the function's async configuration says", async () => {
    server.emulator.injectFault({ kind: 'unavailable', times: Infinity });
    await invoke({ CasterId: DEMO_CASTER_ID, ResourceId: 'demo-resource-3' }, 'Async');
    await asyncInvocationsSettled();
    expect([deletes(), server.told.at(-1)]).toEqual([
      4,
      expect.stringMatching(/no retries left: FC would send it to the onFailure destination/),
    ]);
  });

  it("raises the function's own error code and message for a failed invocation", async () => {
    const error = await invoke({ CasterId: 'bad id!', ResourceId: 'r' }, 'Sync').catch((err) => err);
    expect(error).toMatchObject({
      code: 'InvalidRequest',
      message: expect.stringMatching(/code: 400, Invalid request: CasterId: may hold only/),
    });
  });

  it('answers a GET on the invocations path 405, allowing POST', async () => {
    const res = await fetch(`${server.url}/2023-03-30/functions/${NAME}/invocations`);
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('names the request of a failed invocation', async () => {
    const error = await invoke({ CasterId: 'bad id!', ResourceId: 'r' }, 'Sync').catch((err) => err);
    expect(error.requestId).toMatch(/^local-/);
  });
});

describe('InvokeFunction through @alicloud/fc2', () => {
  it("raises the function's own error code and message for a failed invocation", async () => {
    const client = new FC2('0000000000000000', {
      accessKeyID: 'local',
      accessKeySecret: 'local',
      region: 'cn-shanghai',
      endpoint: server.url,
    });
    client.version = '2023-03-30';
    const payload = JSON.stringify({ CasterId: 'bad id!', ResourceId: 'r' });
    const error = await client.post(`/functions/${NAME}/invocations`, payload, {}).catch((err: Error) => err);
    expect(error).toMatchObject({
      code: 'InvalidRequest',
      message: expect.stringMatching(/failed with 400\..*message: Invalid request: CasterId/),
    });
  });
});
