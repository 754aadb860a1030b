// A dry run never becomes a delete: a DryRun that is present but empty, given
// twice with different values, or given beside a wrapped message is either
// honoured or refused, in every shape that can carry it (built bundle).

import { cloudEvent, httpEvent, plainPayload } from '../../dev/events';
import { invokeApiEvent } from '../support/envelopes';
import { CASTER, deleteRequests, invoke, useLive } from '../support/harness';

const live = useLive();
const RES = 'demo-resource-1';
const body = (dryRun: unknown) => ({ CasterId: CASTER, ResourceId: RES, DryRun: dryRun });

/** What the invocation answered, as a result object, whichever shape it came in. */
async function answer(event: unknown) {
  try {
    const out = await invoke(live, event);
    return out.statusCode !== undefined ? { status: out.statusCode, ...JSON.parse(out.body) } : out;
  } catch (err: any) {
    return { thrown: true, ...err.result };
  }
}

async function expectRefused(event: unknown, field = 'DryRun') {
  const out = await answer(event);
  const item = out.results ? out.results[0] : out;
  expect(item).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
  expect(item.error.details.map((d: { field: string }) => d.field)).toContainEqual(expect.stringContaining(field));
  expect(deleteRequests(live)).toEqual([]);
}

describe('a DryRun present but empty is refused, never read as false', () => {
  it.each([
    ['null in a JSON body', httpEvent({ body: body(null) })],
    ['"" in a JSON body', httpEvent({ body: body('') })],
    ['blank in a JSON body', httpEvent({ body: body('   ') })],
    ['a bare ?DryRun', httpEvent({ body: { CasterId: CASTER, ResourceId: RES }, query: { DryRun: '' } })],
    [
      'DryRun= in a form body',
      httpEvent({
        body: `CasterId=${CASTER}&ResourceId=${RES}&DryRun=`,
        contentType: 'application/x-www-form-urlencoded',
      }),
    ],
    ['null in a plain payload', plainPayload(body(null))],
    ['"" in CloudEvent data', cloudEvent(body(''))],
    ['null in an Items entry', plainPayload({ Items: [{ CasterId: CASTER, ResourceId: RES, DryRun: null }] })],
    ['null in a bare list entry', cloudEvent([{ CasterId: CASTER, ResourceId: RES, DryRun: null }])],
  ])('%s', async (_name, event) => {
    await expectRefused(event);
  });

  it('refuses padding around a clear answer (" false")', async () => {
    await expectRefused(plainPayload(body(' false')));
  });
});

describe('a DryRun given twice with different values is refused', () => {
  const twice = `{"CasterId":"${CASTER}","ResourceId":"${RES}","DryRun":true,"DryRun":false}`;

  it.each([
    ['a JSON key repeated in a plain payload', Buffer.from(twice)],
    ['a JSON key repeated in an HTTP body', httpEvent({ body: twice })],
    ['a JSON key repeated in CloudEvent data', cloudEvent(twice)],
    ['a JSON key repeated in an InvokeFunction body', invokeApiEvent(twice)],
    [
      'two spellings with different values',
      plainPayload({ CasterId: CASTER, ResourceId: RES, DryRun: true, dryRun: false }),
    ],
    [
      "an item's false against ?DryRun=true",
      httpEvent({ body: { Items: [{ CasterId: CASTER, ResourceId: RES, DryRun: false }] }, query: { DryRun: 'true' } }),
    ],
    [
      "an item's false against the request's true",
      plainPayload({ DryRun: true, Items: [{ CasterId: CASTER, ResourceId: RES, DryRun: false }] }),
    ],
    ['the query against the body', httpEvent({ body: body(false), query: { DryRun: 'true' } })],
  ])('%s', async (_name, event) => {
    await expectRefused(event);
  });

  it('refuses a ResourceId repeated with different values, instead of taking the last', async () => {
    await expectRefused(
      Buffer.from(`{"CasterId":"${CASTER}","ResourceId":"demo-resource-2","ResourceId":"${RES}"}`),
      'ResourceId',
    );
  });
});

describe('fields beside a wrapped message are kept, or the object is refused', () => {
  const message = JSON.stringify({ CasterId: CASTER, ResourceId: RES });

  it.each(['body', 'Message', 'value', 'payload', 'messageBody'])(
    '{"DryRun": true, "%s": …} stays a dry run',
    async (key) => {
      const out = await answer(plainPayload({ DryRun: true, [key]: message }));
      expect(out).toMatchObject({ ok: true, outcome: 'would_delete', dryRun: true });
      expect(deleteRequests(live)).toEqual([]);
    },
  );

  it('a CloudEvent extension attribute dryrun counts for its data', async () => {
    const out = await answer(cloudEvent({ CasterId: CASTER, ResourceId: RES }, { dryrun: true }));
    expect(out).toMatchObject({ ok: true, outcome: 'would_delete' });
    expect(deleteRequests(live)).toEqual([]);
  });

  it("an MNS message's envelope DryRun joins the message it carries", async () => {
    const mns = {
      specversion: '1.0',
      id: 'e1',
      type: 'mns:Queue:SendMessage',
      data: { messageId: 'm1', DryRun: 'true', messageBody: message },
    };
    expect(await answer(mns)).toMatchObject({ ok: true, outcome: 'would_delete' });
    expect(deleteRequests(live)).toEqual([]);
  });

  it('keeps a RegionId beside the message', async () => {
    const out = await answer(plainPayload({ RegionId: 'cn-beijing', DryRun: true, body: message }));
    expect(out).toMatchObject({ ok: true, regionId: 'cn-beijing' });
  });

  it('refuses an envelope DryRun that differs from the message its own', async () => {
    await expectRefused(
      plainPayload({ DryRun: true, body: JSON.stringify({ CasterId: CASTER, ResourceId: RES, DryRun: false }) }),
    );
  });

  it('refuses an object that is a request and wraps another one', async () => {
    await expectRefused(plainPayload({ CasterId: CASTER, ResourceId: 'demo-resource-2', body: message }), 'CasterId');
  });
});
