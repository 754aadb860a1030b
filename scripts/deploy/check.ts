// What `npm run preview` and `npm run deploy` refuse, as a pure function of the environment and
// s.yaml as `s preview` renders it: one line per problem, each naming the variable to fix.
import { ID_PATTERN } from '../../functions/delete-caster-video-resource/request/validate';

type Env = Record<string, string | undefined>;

/** `s preview -t s.yaml -o json`: the resources with vars and env resolved. */
export interface Rendered {
  resources: Record<string, { component: string; props: any }>;
}

export const FUNCTION_RESOURCE = 'caster-video-resource-delete';
export const EVENTS_RESOURCE = 'caster-ops-events';

const ROLE_ARN = /^acs:ram::\d+:role\/[A-Za-z0-9.-]{1,64}$/;
const WHOLE_FROM_ONE = /^[1-9]\d*$/;
/** The dead-letter targets EventBridge documents: an MNS queue, a RocketMQ or Kafka topic, a bus. */
const DEAD_LETTER_ARN = /^acs:(mns|mq|alikafka|eventbridge):[a-z0-9-]+:\d+:\S+$/;
const BUS_NAME = /^[A-Za-z0-9-]{2,127}$/;
const SWITCHES = ['EVENTBRIDGE_TRIGGER', 'MNS_QUEUE_TRIGGER', 'TIMER_TRIGGER'] as const;
const DROPS = 'without one EventBridge drops the events it cannot deliver';

/** s.yaml's env(): an empty variable counts as unset. */
const read = (env: Env, name: string): string | undefined => (env[name] === '' ? undefined : env[name]);
const isOn = (env: Env, name: string) => read(env, name) === 'on';

function environmentProblems(env: Env): string[] {
  const out: string[] = [];
  const role = read(env, 'FUNCTION_ROLE_ARN');
  if (role === undefined)
    out.push(
      'FUNCTION_ROLE_ARN is not set: the function would have no credentials (acs:ram::<account-id>:role/<name>)',
    );
  else if (!ROLE_ARN.test(role))
    out.push(`FUNCTION_ROLE_ARN is not a RAM role ARN, acs:ram::<account-id>:role/<name> (got "${role}")`);

  const maxInstances = read(env, 'MAX_INSTANCES') ?? '10';
  if (!WHOLE_FROM_ONE.test(maxInstances))
    out.push(`MAX_INSTANCES must be a whole number from 1 (got "${maxInstances}")`);

  for (const name of SWITCHES) {
    const value = read(env, name);
    if (value !== undefined && value !== 'on' && value !== 'off')
      out.push(`${name} must be on or off (got "${value}")`);
  }

  const deadLetter = read(env, 'DEAD_LETTER_QUEUE_ARN');
  for (const name of ['EVENTBRIDGE_TRIGGER', 'MNS_QUEUE_TRIGGER'])
    if (isOn(env, name) && deadLetter === undefined) out.push(`${name}=on needs DEAD_LETTER_QUEUE_ARN: ${DROPS}`);
  if (deadLetter !== undefined && !DEAD_LETTER_ARN.test(deadLetter))
    out.push(
      `DEAD_LETTER_QUEUE_ARN is not an MNS queue, RocketMQ or Kafka topic, or EventBridge bus ARN (got "${deadLetter}")`,
    );

  for (const name of ['TIMER_CASTER_ID', 'TIMER_RESOURCE_ID']) {
    const id = read(env, name);
    if (id === undefined && isOn(env, 'TIMER_TRIGGER'))
      out.push(`TIMER_TRIGGER=on needs ${name}: the timer deletes the resource it names, and has no default`);
    if (id !== undefined && !ID_PATTERN.test(id))
      out.push(`${name} must be 1 to 128 letters, digits or _ . : - (got "${id}")`);
  }

  for (const name of ['EVENT_BUS_NAME', 'EXISTING_EVENT_BUS_NAME']) {
    const bus = read(env, name);
    if (bus === 'default')
      out.push(`${name} cannot be the default bus: it carries Alibaba Cloud services' events, not PutEvents`);
    else if (bus !== undefined && !BUS_NAME.test(bus))
      out.push(`${name} must be 2 to 127 letters, digits or hyphens (got "${bus}")`);
  }
  return out;
}

/** What s.yaml would deploy, whatever variables led there: the same lines, so each problem is named once. */
function renderedProblems(env: Env, rendered: Rendered): string[] {
  const fn = rendered.resources[FUNCTION_RESOURCE]?.props;
  if (!fn) return [`s.yaml renders no resource ${FUNCTION_RESOURCE}`];
  const out: string[] = [];
  const cap = fn.concurrencyConfig?.reservedConcurrency;
  if (!(Number.isInteger(cap) && cap >= 1) && WHOLE_FROM_ONE.test(read(env, 'MAX_INSTANCES') ?? '10'))
    out.push(`MAX_INSTANCES renders reservedConcurrency as ${JSON.stringify(cap)}: s.yaml must render a whole number`);

  const trigger = (name: string) => (fn.triggers ?? []).find((t: any) => t.triggerName === name)?.triggerConfig;
  const queue = trigger('mns-queue');
  if (queue?.triggerEnable === true && !queue.runOptions?.deadLetterQueue?.Arn)
    out.push(`MNS_QUEUE_TRIGGER=on needs DEAD_LETTER_QUEUE_ARN: ${DROPS}`);

  const timer = trigger('timer');
  if (timer?.enable === true) {
    const payload = JSON.parse(timer.payload ?? '{}');
    for (const [field, name] of [
      ['CasterId', 'TIMER_CASTER_ID'],
      ['ResourceId', 'TIMER_RESOURCE_ID'],
    ])
      if (!payload[field])
        out.push(`TIMER_TRIGGER=on needs ${name}: the timer deletes the resource it names, and has no default`);
  }

  const events = rendered.resources[EVENTS_RESOURCE]?.props?.parameters;
  if (!events) return [...out, `s.yaml renders no resource ${EVENTS_RESOURCE}`];
  if (events.RuleStatus === 'ENABLE' && !events.DeadLetterQueueArn)
    out.push(`EVENTBRIDGE_TRIGGER=on needs DEAD_LETTER_QUEUE_ARN: ${DROPS}`);
  if (events.FunctionName !== fn.functionName)
    out.push(`FUNCTION_NAME: the EventBridge rule targets ${events.FunctionName}, not ${fn.functionName}`);
  return out;
}

/** Every problem, once; none means the configuration may be deployed. */
export function problems(env: Env, rendered?: Rendered): string[] {
  return [...new Set([...environmentProblems(env), ...(rendered ? renderedProblems(env, rendered) : [])])];
}

/** What would be deployed, in a few lines. */
export function summary(rendered: Rendered): string[] {
  const fn = rendered.resources[FUNCTION_RESOURCE].props;
  const events = rendered.resources[EVENTS_RESOURCE].props.parameters;
  const enabled = (fn.triggers as any[]).map((t) => {
    const on = t.triggerConfig?.triggerEnable ?? t.triggerConfig?.enable ?? true;
    return `${t.triggerName} ${on ? 'on' : 'off'}`;
  });
  const bus = events.ExistingEventBusName
    ? `existing bus ${events.ExistingEventBusName}`
    : `bus ${events.EventBusName} (created)`;
  const dlq = events.DeadLetterQueueArn || 'none';
  return [
    `function ${fn.functionName} in ${fn.region}, role ${fn.role}, at most ${fn.concurrencyConfig.reservedConcurrency} instances`,
    `triggers: ${enabled.join(', ')}; dead-letter queue: ${dlq}`,
    events.RuleStatus === 'ENABLE'
      ? `EventBridge: rule ${events.RuleName} on ${bus}, stack ${rendered.resources[EVENTS_RESOURCE].props.name}`
      : 'EventBridge: off (EVENTBRIDGE_TRIGGER is not on; the stack is not deployed)',
  ];
}
