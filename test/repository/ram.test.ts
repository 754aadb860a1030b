// The RAM policies the README hands the function's role, its deployer, its operators and its callers:
// each grants no more than it must, on the names s.yaml and the fc3 component give the resources.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../dev/processes';
import { FUNCTION_RESOURCE } from '../../scripts/deploy/check';
import { rendered } from './rendered';

type Statement = { Effect: string; Action: string | string[]; Resource: string | string[]; Condition?: any };
const policy = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'ram', file), 'utf8')) as { Version: string; Statement: Statement[] };
const grants = (file: string, action: string) =>
  policy(file)
    .Statement.filter(
      (s) =>
        s.Effect === 'Allow' &&
        [s.Action].flat().some((a) => a === action || (a.endsWith('*') && action.startsWith(a.slice(0, -1)))),
    )
    .flatMap((s) => [s.Resource].flat());
/** Every (action, resource) pair a policy allows. */
const pairs = (file: string) =>
  policy(file).Statement.flatMap((s) =>
    [s.Action].flat().flatMap((action) => [s.Resource].flat().map((resource) => ({ action, resource, s }))),
  );
const ACCESS = ['deployer-policy.json', 'operator-policy.json', 'caller-policy.json'];

/** Action wildcards, each with why it stays. */
const JUSTIFIED_WILDCARDS: Record<string, string> = {
  'fc:*': 'only on this function and its triggers: fc3 deploy, info and remove call many of their sub-APIs',
};
/** Actions allowed on every resource: they list or read account-wide, or (CreateServiceLinkedRole) a condition names the service. */
const ON_EVERY_RESOURCE = [
  'fc:ListFunctions',
  'fc:GetAccountSettings',
  'ros:ListStacks',
  'ram:CreateServiceLinkedRole',
];
/** Resources named by pattern only, each with why no name can narrow them. */
const JUSTIFIED_PATTERNS: Record<string, string> = {
  'acs:ros:*:ACCOUNT_ID:stack/*':
    'a ROS stack ARN carries the stack ID, not its name; what the stack creates is still bound by the EventBridge statements, since ROS acts with the caller’s permissions',
  'acs:eventbridge:*:ACCOUNT_ID:eventstreaming/*': 'FC names the event stream behind the mns-queue trigger itself',
};

let functionName: string;
let names: RegExp[];
beforeAll(async () => {
  const { props } = (await rendered({ FUNCTION_ROLE_ARN: 'acs:ram::1:role/x' })).resources[FUNCTION_RESOURCE];
  functionName = props.functionName;
  const { project, logstore } = slsAuto(functionName);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  names = [
    `acs:fc:*:ACCOUNT_ID:functions/${functionName}`,
    `acs:fc:*:ACCOUNT_ID:functions/${functionName}/*`,
    `acs:ram::ACCOUNT_ID:role/${functionName}`,
    `acs:log:*:ACCOUNT_ID:project/${project}`,
    `acs:log:*:ACCOUNT_ID:project/${project}/logstore/${logstore}`,
    'acs:eventbridge:*:ACCOUNT_ID:eventbus/caster-ops',
    'acs:eventbridge:*:ACCOUNT_ID:eventbus/caster-ops/rule/*',
    `acs:mns:*:ACCOUNT_ID:/queues/${functionName}`,
    'acs:mns:*:ACCOUNT_ID:/queues',
  ].map((name) => new RegExp(`^${esc(name)}$`));
});

/** What `logConfig: auto` creates (devsapp/fc3 src/resources/sls: generateProjectName, generateLogstoreName), any region. */
function slsAuto(name: string) {
  // Longer names get an md5-derived logstore the policy could not name.
  if (name.length > 40) throw new Error(`${name}: fc3 hashes a function name over 40 characters`);
  return { project: 'ACCOUNT_ID-*-logproject', logstore: `fc-v3-${name}-logstore`.toLowerCase() };
}

describe('ram/', () => {
  it.each([
    'function-role-policy.json',
    'function-role-trust-policy.json',
    'deployer-policy.json',
    'operator-policy.json',
    'caller-policy.json',
  ])('%s is a RAM policy document that only allows', (file) => {
    expect(policy(file)).toMatchObject({ Version: '1', Statement: expect.any(Array) });
    expect(policy(file).Statement.map((s) => s.Effect)).not.toContain('Deny');
  });

  it.each(ACCESS)('%s uses no action wildcard but the justified ones', (file) => {
    const wild = pairs(file).filter(({ action }) => action.includes('*') && !(action in JUSTIFIED_WILDCARDS));
    expect(wild.map(({ action }) => action)).toEqual([]);
  });

  it.each(ACCESS)('%s allows on every resource only listing, reading and service-linked roles', (file) => {
    const anywhere = pairs(file).filter(({ resource }) => resource === '*');
    expect(anywhere.map(({ action }) => action).filter((a) => !ON_EVERY_RESOURCE.includes(a))).toEqual([]);
  });

  it('lets the deployer create service-linked roles only for FC and EventBridge', () => {
    const slr = pairs('deployer-policy.json').find(({ action }) => action === 'ram:CreateServiceLinkedRole');
    const services: string[] = slr?.s.Condition.StringEquals['ram:ServiceName'];
    expect(services.filter((name) => !/^([\w-]+\.)?(fc|eventbridge)\.aliyuncs\.com$/.test(name))).toEqual([]);
  });

  it.each(ACCESS)("%s names this function's, bus's, rule's and logs' resources, or a justified pattern", (file) => {
    const unnamed = pairs(file).filter(
      ({ resource }) => resource !== '*' && !(resource in JUSTIFIED_PATTERNS) && !names.some((n) => n.test(resource)),
    );
    expect(unnamed.map(({ resource }) => resource)).toEqual([]);
  });

  it('scopes SLS to the project and logstore logConfig: auto creates for the function s.yaml renders', () => {
    const { project, logstore } = slsAuto(functionName);
    const sls = pairs('deployer-policy.json').filter(({ action }) => action.startsWith('log:'));
    expect([...new Set(sls.map(({ resource }) => resource))].sort()).toEqual([
      `acs:log:*:ACCOUNT_ID:project/${project}`,
      `acs:log:*:ACCOUNT_ID:project/${project}/logstore/${logstore}`,
    ]);
  });

  it('leaves reading the logs to the operator, on that logstore only', () => {
    const { project, logstore } = slsAuto(functionName);
    expect([
      grants('deployer-policy.json', 'log:GetLogStoreLogs'),
      grants('operator-policy.json', 'log:GetLogStoreLogs'),
    ]).toEqual([[], [`acs:log:*:ACCOUNT_ID:project/${project}/logstore/${logstore}`]]);
  });

  it('lets the deployer pass the function role, and only it', () => {
    expect(grants('deployer-policy.json', 'ram:PassRole')).toEqual([
      'acs:ram::ACCOUNT_ID:role/caster-video-resource-delete',
    ]);
  });

  it('lets the deployer create and update the function and its triggers', () => {
    expect(grants('deployer-policy.json', 'fc:CreateTrigger')).toContain(
      'acs:fc:*:ACCOUNT_ID:functions/caster-video-resource-delete/*',
    );
  });

  it('lets the deployer manage the caster-ops bus and its rules, and no other', () => {
    expect([...new Set(grants('deployer-policy.json', 'eventbridge:CreateRule'))].sort()).toEqual([
      'acs:eventbridge:*:ACCOUNT_ID:eventbus/caster-ops',
      'acs:eventbridge:*:ACCOUNT_ID:eventbus/caster-ops/rule/*',
    ]);
  });

  it('lets a caller invoke the function, nothing else of it', () => {
    expect(pairs('caller-policy.json').map(({ action, resource }) => [action, resource])).toEqual([
      ['fc:InvokeFunction', `acs:fc:*:ACCOUNT_ID:functions/${functionName}`],
    ]);
  });

  it("keeps the function's own role to the delete and its read-only check, on casters only", () => {
    const allowed = pairs('function-role-policy.json');
    expect([...new Set(allowed.map(({ action }) => action))].sort()).toEqual([
      'live:DeleteCasterVideoResource',
      'live:DescribeCasterVideoResources',
    ]);
    expect(allowed.filter(({ resource }) => !/^acs:live:\*:[^:]+:caster\/.+$/.test(resource))).toEqual([]);
  });

  it('lets only Function Compute assume the function role', () => {
    expect(policy('function-role-trust-policy.json').Statement).toEqual([
      { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['fc.aliyuncs.com'] } },
    ]);
  });
});
