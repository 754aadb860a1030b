import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { ROOT } from '../../dev/processes';
import { FUNCTION_RESOURCE } from '../../scripts/deploy/check';
import { LOCAL_FUNCTION } from '../../scripts/local/fc-context';
import { rendered } from './rendered';

const ROLE = 'acs:ram::1234567890123456:role/caster-video-resource-delete';
const DLQ = 'acs:mns:cn-beijing:1234567890123456:/queues/caster-delete-dlq';
const ON_FAILURE = 'acs:mns:cn-beijing:1234567890123456:/queues/caster-delete-failed/messages';
const validate = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(fs.readFileSync(path.join(__dirname, 'fc3-props.schema.json'), 'utf8')),
);
const schemaErrors = (props: unknown) => (validate(props) ? [] : validate.errors);
const trigger = (props: any, name: string) => props.triggers.find((t: any) => t.triggerName === name);

describe('s.yaml (Serverless Devs, fc3 component)', () => {
  let whole: any;
  /** The function as s.yaml renders it with only the role and the timer's IDs given. */
  let props: any;
  /** ... and with every other variable it reads set. */
  let changed: any;

  beforeAll(async () => {
    const base = { FUNCTION_ROLE_ARN: ROLE, REGION: 'cn-beijing' };
    const timer = { TIMER_CASTER_ID: 'LIVEPRODUCER_POST-cn-demo0001', TIMER_RESOURCE_ID: 'demo-resource-1' };
    whole = await rendered({ ...base, ...timer });
    props = whole.resources[FUNCTION_RESOURCE].props;
    const variables = {
      MAX_INSTANCES: '25',
      DEAD_LETTER_QUEUE_ARN: DLQ,
      ASYNC_FAILURE_DESTINATION_ARN: ON_FAILURE,
      MNS_QUEUE_NAME: 'ops-deletes',
      MNS_QUEUE_TRIGGER: 'on',
      TIMER_TRIGGER: 'on',
    };
    changed = (await rendered({ ...base, ...variables })).resources[FUNCTION_RESOURCE].props;
  });

  it("gives the local server the deployed function's timeout and async retries", () => {
    expect([props.timeout, props.asyncInvokeConfig.maxAsyncRetryAttempts]).toEqual([
      LOCAL_FUNCTION.timeoutSeconds,
      LOCAL_FUNCTION.asyncRetryAttempts,
    ]);
  });

  it('renders props that validate against the fc3 component schema', () => {
    expect(schemaErrors(props)).toEqual([]);
  });

  it('renders props that still validate with every variable it reads set', () => {
    expect(schemaErrors(changed)).toEqual([]);
  });

  it('deploys ./dist with index.handler on nodejs20, built before deploy', () => {
    expect(whole.edition).toBe('3.0.0');
    expect(props).toMatchObject({ runtime: 'nodejs20', code: './dist', handler: 'index.handler', role: ROLE });
    expect(whole.resources[FUNCTION_RESOURCE].actions['pre-deploy']).toEqual([{ run: 'npm run build', path: './' }]);
    expect([props.region, props.environmentVariables.LIVE_REGION]).toEqual(['cn-beijing', 'cn-beijing']);
    expect(props.logConfig).toBeDefined();
  });

  it('sets no instance concurrency: nodejs20 on FC 3.0 runs one invocation per instance', () => {
    expect(props).not.toHaveProperty('instanceConcurrency');
  });

  it.each<[string, () => any, number]>([
    ['by default', () => props, 10],
    ['MAX_INSTANCES=25', () => changed, 25],
  ])('caps the instances, %s, and tells the function the same cap', (_name, of, cap) => {
    const { concurrencyConfig, environmentVariables } = of();
    expect([concurrencyConfig, environmentVariables.MAX_INSTANCES]).toEqual([{ reservedConcurrency: cap }, `${cap}`]);
  });

  it('never exposes the HTTP trigger anonymously and allows only POST and DELETE', () => {
    const http = props.triggers.find((t: any) => t.triggerType === 'http');
    expect(http.triggerConfig.authType).toBe('function');
    expect(http.triggerConfig.methods.sort()).toEqual(['DELETE', 'POST']);
  });

  it('has no trigger on the default bus: application events reach only a custom bus (deploy/eventbridge.ros.yaml)', () => {
    const sources = props.triggers.map((t: any) => t.triggerConfig.eventSourceConfig?.eventSourceType);
    expect(sources).not.toContain('Default');
  });

  it('gives the queue trigger a dead-letter queue and async invocations a failure destination, from the environment', () => {
    expect(trigger(changed, 'mns-queue').triggerConfig.runOptions).toMatchObject({
      mode: 'event-streaming',
      errorsTolerance: 'ALL',
      retryStrategy: { PushRetryStrategy: 'BACKOFF_RETRY' },
      deadLetterQueue: { Arn: DLQ },
    });
    expect(changed.asyncInvokeConfig).toMatchObject({
      maxAsyncRetryAttempts: 3,
      destinationConfig: { onFailure: { destination: ON_FAILURE } },
    });
  });

  it('renders them empty when unset (the triggers ship disabled; `npm run preview` refuses one turned on)', () => {
    expect(trigger(props, 'mns-queue').triggerConfig.runOptions.deadLetterQueue).toEqual({ Arn: '' });
    expect(props.asyncInvokeConfig.destinationConfig.onFailure).toEqual({ destination: '' });
  });

  it('has a disabled MNS queue trigger: EventBridge MNS source, event-streaming in batches', () => {
    const mns = trigger(props, 'mns-queue');
    expect(mns.triggerType).toBe('eventbridge');
    expect(mns.triggerConfig).toMatchObject({
      triggerEnable: false,
      asyncInvocationType: false,
      eventSourceConfig: {
        eventSourceType: 'MNS',
        eventSourceParameters: {
          sourceMNSParameters: {
            RegionId: 'cn-beijing',
            QueueName: 'caster-video-resource-delete',
            IsBase64Decode: false,
          },
        },
      },
      eventSinkConfig: { deliveryOption: { mode: 'event-streaming', eventSchema: 'CloudEvents' } },
      runOptions: { mode: 'event-streaming', errorsTolerance: 'ALL' },
    });
    const { CountBasedWindow, TimeBasedWindow } = mns.triggerConfig.runOptions.batchWindow;
    expect(CountBasedWindow).toBeGreaterThanOrEqual(1);
    expect(CountBasedWindow).toBeLessThanOrEqual(100); // the function's batch limit
    expect(TimeBasedWindow).toBeGreaterThan(0);
    expect(typeof mns.triggerConfig.eventRuleFilterPattern).toBe('string');
  });

  it('reads the queue MNS_QUEUE_NAME names', () => {
    const { sourceMNSParameters } = trigger(changed, 'mns-queue').triggerConfig.eventSourceConfig.eventSourceParameters;
    expect(sourceMNSParameters.QueueName).toBe('ops-deletes');
  });

  it('has a disabled timer trigger whose payload is the delete request TIMER_CASTER_ID and TIMER_RESOURCE_ID name', () => {
    const timer = props.triggers.find((t: any) => t.triggerType === 'timer');
    expect([timer.triggerName, timer.triggerConfig.enable]).toEqual(['timer', false]);
    expect(timer.triggerConfig.cronExpression).toMatch(/^(@every \d+[mh]|(\S+ ){5}\S+)$/);
    expect(JSON.parse(timer.triggerConfig.payload)).toEqual({
      CasterId: 'LIVEPRODUCER_POST-cn-demo0001',
      ResourceId: 'demo-resource-1',
    });
  });

  it('names no demo caster or resource the timer would delete by default', () => {
    expect(fs.readFileSync(path.join(ROOT, 's.yaml'), 'utf8')).not.toMatch(/LIVEPRODUCER_POST|demo-resource/);
  });

  it.each<[string, () => any, boolean]>([
    ['off by default', () => props, false],
    ['on from its variable', () => changed, true],
  ])('keeps every trigger but the HTTP one %s', (_name, of, on) => {
    const enabled = ({ triggerName, triggerConfig: c }: any) => [triggerName, c.triggerEnable ?? c.enable ?? true];
    expect(of().triggers.map(enabled)).toEqual([
      ['http', true],
      ['mns-queue', on],
      ['timer', on],
    ]);
  });

  it('refuses to render without a role, rather than deploy a function with no credentials', async () => {
    await expect(rendered({ FUNCTION_ROLE_ARN: '' })).rejects.toThrow();
  });
});
