import fs from 'node:fs';
import path from 'node:path';
import { CASTER, invoke, useLive } from '../support/harness';

const live = useLive();
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/events', name));

describe('recorded event fixtures (as FC passes them: Buffers)', () => {
  it('HTTP POST with a JSON body deletes demo-resource-1', async () => {
    const res = await invoke(live, fixture('http-post-json.json'));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ outcome: 'deleted', resourceId: 'demo-resource-1' });
  });

  it('HTTP DELETE on the REST path deletes demo-resource-2', async () => {
    const res = await invoke(live, fixture('http-delete-rest-path.json'));
    expect(JSON.parse(res.body)).toMatchObject({ outcome: 'deleted', resourceId: 'demo-resource-2', dryRun: false });
  });

  it('a CloudEvent with string data deletes demo-resource-3', async () => {
    expect(await invoke(live, fixture('cloudevent-data-string.json'))).toMatchObject({
      outcome: 'deleted',
      resourceId: 'demo-resource-3',
    });
  });

  it('a CloudEvent batch deletes in order and counts the absent one', async () => {
    const result = await invoke(live, fixture('cloudevent-batch.json'));
    expect(result.summary).toEqual({ deleted: 2, already_absent: 1, would_delete: 0, failed: 0 });
    expect(live.emulator.resources(CASTER)).toEqual(['demo-resource-1', 'demo-resource-2', 'demo-resource-3']);
  });

  it('a console payload with DryRun deletes nothing', async () => {
    expect(await invoke(live, fixture('console-payload.json'))).toMatchObject({
      outcome: 'would_delete',
      dryRun: true,
    });
    expect(live.emulator.resources(CASTER)).toHaveLength(5);
  });
});
