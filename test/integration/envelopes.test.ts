// Every documented delivery path, built from the documented examples with the
// message replaced by a delete request: the request is found, run, and each
// result and the log line carry the record's identity.
import * as env from '../support/envelopes';
import { CASTER, invoke, logLines, useLive } from '../support/harness';

const live = useLive();
const del = (n: number) => ({ CasterId: CASTER, ResourceId: `demo-resource-${n}` });
const remaining = () => live.emulator.resources(CASTER);

/** What the function reports of a record: its identity, and its index in a batch. */
function identityOf(result: any): Record<string, unknown> {
  const { index: _index, ...identity } = result.record ?? {};
  return identity;
}

describe('documented single-message deliveries (built bundle against the Live emulator)', () => {
  it.each([
    ['EventBridge custom bus', () => env.eventBridgeEvent(del(1))],
    ['MNS queue, event-driven', () => env.mnsQueueEvent(del(1))],
    ['MNS queue, event-driven, base64 decoding off', () => env.mnsQueueEvent(del(1), { base64: true })],
    ['MNS topic, JSON format', () => env.mnsTopicJson(del(1))],
    ['MNS topic, JSON format with attributes', () => env.mnsTopicJson(del(1), { attributes: { key: 'value' } })],
    ['MNS topic, STREAM format with attributes', () => env.mnsTopicStream(del(1), { attrs: true } as never)],
    ['MNS topic, STREAM format without attributes', () => env.mnsTopicStream(del(1))],
    ['RocketMQ, event-driven', () => env.rocketMqEvent(del(1))],
    ['RabbitMQ, event-driven', () => env.rabbitMqEvent(del(1))],
    ['timer', () => env.timerEvent(del(1))],
    ['RawData payload', () => env.rawData(del(1))],
  ])('deletes from %s, keeping the record identity', async (_name, build) => {
    const event = build();
    const [identity] = env.expectedIdentities(event);
    const result = await invoke(live, Buffer.from(Buffer.isBuffer(event) ? event : JSON.stringify(event)));
    expect(result).toMatchObject({ ok: true, outcome: 'deleted', casterId: CASTER, resourceId: 'demo-resource-1' });
    expect(identityOf(result)).toEqual(identity);
    expect(remaining()).not.toContain('demo-resource-1');
    const [line] = logLines(live);
    expect(identityOf(line)).toEqual(identity);
  });

  it('answers InvokeFunction through an HTTP trigger in the HTTP shape, whatever the body type', async () => {
    for (const [n, base64] of [
      [1, false],
      [2, true],
    ] as const) {
      const answer = await invoke(live, env.invokeApiEvent(del(n), { base64 }));
      expect(answer.statusCode).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: true, outcome: 'deleted', resourceId: `demo-resource-${n}` });
    }
    const wrapped = await invoke(live, env.invokeApiEvent(JSON.stringify(env.mnsQueueEvent(del(3)))));
    expect(JSON.parse(wrapped.body)).toMatchObject({ ok: true, outcome: 'deleted', resourceId: 'demo-resource-3' });
    expect(logLines(live).map((l) => l.trigger)).toEqual(['invoke', 'invoke', 'invoke']);
  });
});

describe('documented event-streaming deliveries (built bundle against the Live emulator)', () => {
  it.each([
    ['EventBridge batch', (m: env.Message[]) => env.eventBridgeBatch(m)],
    ['MNS queue, event-streaming', (m: env.Message[]) => env.mnsQueueStream(m)],
    ['MNS queue, event-streaming, base64', (m: env.Message[]) => env.mnsQueueStream(m, { base64: true })],
    ['RocketMQ', (m: env.Message[]) => env.rocketMqStream(m)],
    ['Kafka, Text format', (m: env.Message[]) => env.kafkaStream(m, { format: 'text' })],
    ['Kafka, Json format', (m: env.Message[]) => env.kafkaStream(m, { format: 'json' })],
    ['Kafka, Binary format', (m: env.Message[]) => env.kafkaStream(m, { format: 'base64' })],
    ['Kafka, older string elements', (m: env.Message[]) => env.kafkaStream(m, { format: 'legacy' })],
    ['RabbitMQ', (m: env.Message[]) => env.rabbitMqStream(m)],
    ['RawData array', (m: env.Message[]) => env.rawDataArray(m)],
  ])('runs %s record by record: a bad record is reported and the others still delete', async (_name, build) => {
    const event = build([del(1), 'TEST', del(2)]);
    const identities = env.expectedIdentities(event);
    const result = await invoke(live, Buffer.from(JSON.stringify(event)));
    expect(result.results.map((r: any) => (r.ok ? r.outcome : r.error.code))).toEqual([
      'deleted',
      'InvalidRequest',
      'deleted',
    ]);
    expect(result.results.map((r: any) => r.record.index)).toEqual([0, 1, 2]);
    expect(result.results.map(identityOf)).toEqual(identities);
    expect(result.summary).toEqual({ deleted: 2, already_absent: 0, would_delete: 0, failed: 1 });
    expect(remaining()).toEqual(['demo-resource-3', 'demo-resource-4', 'demo-resource-5']);
    const [line] = logLines(live);
    expect(line.items.map((i: any) => i.record)).toEqual(result.results.map((r: any) => r.record));
  });

  it('reports the documented example messages, which are not delete requests, as invalid records without calling Live', async () => {
    for (const file of [
      'mns-queue/documented-event-streaming.json',
      'rocketmq/documented-event-streaming.json',
      'kafka/documented-event-streaming.json',
    ]) {
      const result = await invoke(live, Buffer.from(env.fixtureText(file)));
      expect(result.results.every((r: any) => r.error.code === 'InvalidRequest')).toBe(true);
    }
    expect(live.emulator.requests).toHaveLength(0);
  });
});
