// A record is already_absent only when Live said so for it (InvalidResource.NotFound),
// or a self-consistent list of its caster leaves it out exactly. A list that is
// partial, unreadable or differs only in letter case proves nothing: the record
// is sent its own delete, or ends retryable (built bundle against the emulator).

import { plainPayload } from '../../dev/events';
import type { ListSpoil } from '../../dev/live-emulator';
import { CASTER, deleteRequests, invoke, roleContext, useLive } from '../support/harness';

const live = useLive();
const SPOILS: ListSpoil[] = ['partial', 'noTotal', 'unreadableEntry', 'upperCase'];
const describes = () => live.emulator.requests.filter((r) => r.action === 'DescribeCasterVideoResources');

async function settle(event: unknown) {
  try {
    return { thrown: false, result: await invoke(live, event, roleContext({ function: { timeout: 5 } })) };
  } catch (err: any) {
    return { thrown: true, result: err.result };
  }
}

describe('a batch deletes what a spoilt list leaves out', () => {
  it.each(SPOILS)('list %s: every record gets its own delete, and is deleted', async (list) => {
    live.emulator.injectFault({ kind: 'list', list });
    const ids = ['demo-resource-1', 'demo-resource-2', 'demo-resource-3'];
    const { thrown, result } = await settle(plainPayload({ CasterId: CASTER, ResourceIds: ids }));
    expect(thrown).toBe(false);
    expect(result.results.map((r: any) => r.outcome)).toEqual(['deleted', 'deleted', 'deleted']);
    expect(deleteRequests(live).map((r) => r.query.ResourceId)).toEqual(expect.arrayContaining(ids));
    expect(live.emulator.resources(CASTER)).toEqual(['demo-resource-4', 'demo-resource-5']);
  });

  it('a complete list settles records it leaves out, and only those, without a delete each', async () => {
    const { result } = await settle(
      plainPayload({ CasterId: CASTER, ResourceIds: ['demo-resource-1', 'gone-1', 'gone-2'] }),
    );
    expect(result.results.map((r: any) => r.outcome)).toEqual(['deleted', 'already_absent', 'already_absent']);
    expect(deleteRequests(live).map((r) => r.query.ResourceId)).toEqual(['demo-resource-1']);
  });

  it('an ID that a list holds only in another letter case is sent its own delete, as it would be alone', async () => {
    const batch = await settle(plainPayload({ CasterId: CASTER, ResourceIds: ['DEMO-RESOURCE-1', 'demo-resource-2'] }));
    expect(batch.result.results.map((r: any) => r.outcome)).toEqual(['already_absent', 'deleted']);
    expect(deleteRequests(live).map((r) => r.query.ResourceId)).toEqual(
      expect.arrayContaining(['DEMO-RESOURCE-1', 'demo-resource-2']),
    );
  });
});

describe('a dry run is answered only from a list that proves it', () => {
  it.each<[ListSpoil, string]>([
    ['partial', 'gone-1'],
    ['noTotal', 'gone-1'],
    ['unreadableEntry', 'gone-1'],
    // Listed only as DEMO-RESOURCE-5.
    ['upperCase', 'demo-resource-5'],
  ])('list %s: a lone dry run of %s ends retryable, and is thrown back', async (list, resource) => {
    live.emulator.injectFault({ kind: 'list', list, times: Infinity });
    const { thrown, result } = await settle(plainPayload({ CasterId: CASTER, ResourceId: resource, DryRun: true }));
    expect(thrown).toBe(true);
    expect(result).toMatchObject({ ok: false, error: { code: 'UpstreamUnavailable', retryable: true } });
  });

  it('list partial: a batch of dry runs claims no absence', async () => {
    live.emulator.injectFault({ kind: 'list', list: 'partial', times: Infinity });
    const { result } = await settle(
      plainPayload({ CasterId: CASTER, ResourceIds: ['demo-resource-5', 'gone-1'], DryRun: true }),
    );
    expect(result.results.map((r: any) => r.outcome ?? r.error.code)).toEqual([
      'UpstreamUnavailable',
      'UpstreamUnavailable',
    ]);
    expect(deleteRequests(live)).toEqual([]);
  });

  it('list upperCase: a batch of dry runs claims nothing of an ID listed in another case, and absence of one listed in none', async () => {
    live.emulator.injectFault({ kind: 'list', list: 'upperCase', times: Infinity });
    const { result } = await settle(
      plainPayload({ CasterId: CASTER, ResourceIds: ['demo-resource-5', 'gone-1'], DryRun: true }),
    );
    expect(result.results.map((r: any) => r.outcome ?? r.error.code)).toEqual([
      'UpstreamUnavailable',
      'already_absent',
    ]);
  });

  it('a complete list answers both ways', async () => {
    const { result } = await settle(
      plainPayload({ CasterId: CASTER, ResourceIds: ['demo-resource-1', 'gone-1'], DryRun: true }),
    );
    expect(result.results.map((r: any) => r.outcome)).toEqual(['would_delete', 'already_absent']);
    expect(describes()).toHaveLength(1);
  });
});
