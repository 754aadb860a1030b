// deploy/eventbridge.ros.yaml, the stack s.yaml's caster-ops-events resource deploys: the documented
// shape of its two ROS resource types, and what it does with the parameters s.yaml renders.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { EVENTS_RESOURCE, FUNCTION_RESOURCE, type Rendered } from '../../scripts/deploy/check';
import { fixture } from '../support/envelopes';
import { rendered as render } from './rendered';
import { instantiate, loadTemplate, matches, type Stack } from './ros-template';

const ACCOUNT = '1234567890123456';
const DLQ = `acs:mns:cn-beijing:${ACCOUNT}:/queues/caster-delete-dlq`;
const SCHEMA = JSON.parse(fs.readFileSync(path.join(__dirname, 'ros-eventbridge.schema.json'), 'utf8'));
const template = loadTemplate();

let rendered: Rendered;
let parameters: Record<string, string>;
/** The stack as ROS would create it from s.yaml's parameters, with some of them changed. */
const stack = (change: Record<string, string> = {}): Stack =>
  instantiate(
    template,
    { ...parameters, ...change },
    {
      'ALIYUN::Region': rendered.resources[EVENTS_RESOURCE].props.region,
      'ALIYUN::AccountId': ACCOUNT,
    },
  );
const target = (s: Stack) => s.resources.Rule.Properties.Targets[0];

beforeAll(async () => {
  rendered = await render({
    FUNCTION_ROLE_ARN: `acs:ram::${ACCOUNT}:role/caster-video-resource-delete`,
    FUNCTION_NAME: 'caster-delete-staging',
    REGION: 'cn-beijing',
    EVENTBRIDGE_TRIGGER: 'on',
    DEAD_LETTER_QUEUE_ARN: DLQ,
  });
  parameters = rendered.resources[EVENTS_RESOURCE].props.parameters;
});

describe('deploy/eventbridge.ros.yaml', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);

  it('has the documented shape of ALIYUN::EventBridge::EventBus and ALIYUN::EventBridge::Rule', () => {
    expect([validate(template), validate.errors ?? []]).toEqual([true, []]);
  });

  it('would be refused with a status, retry strategy or parameter form the documentation does not list', () => {
    const wrong = structuredClone(template);
    wrong.Resources.Rule.Properties.Status = 'ON';
    Object.assign(wrong.Resources.Rule.Properties.Targets[0], { PushRetryStrategy: 'FOREVER' });
    wrong.Resources.Rule.Properties.Targets[0].ParamList[0].Form = 'LITERAL';
    validate(wrong);
    expect((validate.errors ?? []).map((e) => e.instancePath)).toEqual(
      expect.arrayContaining([
        '/Resources/Rule/Properties/Status',
        '/Resources/Rule/Properties/Targets/0/PushRetryStrategy',
        '/Resources/Rule/Properties/Targets/0/ParamList/0/Form',
      ]),
    );
  });

  it('is deployed in the region of the function, with only parameters the template declares', () => {
    const events = rendered.resources[EVENTS_RESOURCE].props;
    expect(events.region).toBe(rendered.resources[FUNCTION_RESOURCE].props.region);
    expect(Object.keys(events.parameters).filter((name) => !(name in template.Parameters))).toEqual([]);
  });

  it('creates the custom bus caster-ops and puts the rule on it', () => {
    const s = stack();
    expect([s.resources.EventBus?.Properties.EventBusName, s.resources.Rule.Properties.EventBusName]).toEqual([
      'caster-ops',
      'caster-ops',
    ]);
  });

  it('creates no bus when EXISTING_EVENT_BUS_NAME names one, and puts the rule on that', () => {
    const s = stack({ ExistingEventBusName: 'ops-bus' });
    expect([s.resources.EventBus, s.resources.Rule.Properties.EventBusName]).toEqual([undefined, 'ops-bus']);
  });

  it('is on when EVENTBRIDGE_TRIGGER=on', () => {
    expect(stack().resources.Rule.Properties.Status).toBe('ENABLE');
  });

  it('targets the FC 3.0 function s.yaml deploys, by its ARN and name', () => {
    const t = target(stack());
    const fn = rendered.resources[FUNCTION_RESOURCE].props;
    expect([t.Type, t.Endpoint, t.ParamList.find((p: any) => p.ResourceKey === 'functionName').Value]).toEqual([
      'acs.fc.function',
      `acs:fc:${fn.region}:${ACCOUNT}:functions/${fn.functionName}`,
      fn.functionName,
    ]);
  });

  it('hands the function the whole CloudEvent, synchronously, on LATEST', () => {
    const params = Object.fromEntries(target(stack()).ParamList.map((p: any) => [p.ResourceKey, [p.Form, p.Value]]));
    expect(params).toMatchObject({
      Body: ['ORIGINAL', undefined],
      InvocationType: ['CONSTANT', 'Sync'],
      Qualifier: ['CONSTANT', 'LATEST'],
      DataFormat: ['CONSTANT', 'Object'],
    });
  });

  it('retries with backoff, then puts what it could not deliver in DEAD_LETTER_QUEUE_ARN', () => {
    expect(target(stack())).toMatchObject({
      PushRetryStrategy: 'BACKOFF_RETRY',
      ErrorsTolerance: 'ALL',
      DeadLetterQueue: { Arn: DLQ },
    });
  });

  it('refuses to enable the rule without a dead-letter queue', () => {
    expect(stack({ DeadLetterQueueArn: '' }).refused).toEqual([
      'An enabled rule needs DeadLetterQueueArn (DEAD_LETTER_QUEUE_ARN).',
    ]);
  });

  it('routes the CloudEvent kept in events/eventbridge/custom-bus.json, on the bus it names', () => {
    const event = fixture('eventbridge/custom-bus.json');
    const rule = stack().resources.Rule.Properties;
    expect([matches(rule.FilterPattern, event), rule.EventBusName]).toEqual([true, event.aliyuneventbusname]);
  });

  it('routes no event of another source', () => {
    const event = { ...fixture('eventbridge/custom-bus.json'), source: 'acs.custom.caster-ops' };
    expect(matches(stack().resources.Rule.Properties.FilterPattern, event)).toBe(false);
  });

  it('outputs the bus and the rule names', () => {
    expect(stack().outputs).toEqual({ EventBusName: 'caster-ops', RuleName: 'caster-delete-staging' });
  });
});
