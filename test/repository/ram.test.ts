// The RAM policies the README hands the function's role, its deployer and its callers.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
type Statement = { Effect: string; Action: string | string[]; Resource: string | string[] };
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

describe('ram/', () => {
  it.each([
    'function-role-policy.json',
    'function-role-trust-policy.json',
    'deployer-policy.json',
    'caller-policy.json',
  ])('%s is a RAM policy document', (file) => {
    expect(policy(file)).toMatchObject({ Version: '1', Statement: expect.any(Array) });
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

  it('lets a caller invoke the function, nothing else of it', () => {
    expect(policy('caller-policy.json').Statement.flatMap((s) => [s.Action].flat())).toEqual([
      'fc:InvokeFunction',
      'fc:GetFunction',
    ]);
  });

  it("keeps the function's own role to the delete and its read-only check", () => {
    expect(
      policy('function-role-policy.json')
        .Statement.flatMap((s) => [s.Action].flat())
        .sort(),
    ).toEqual(['live:DeleteCasterVideoResource', 'live:DescribeCasterVideoResources']);
  });
});
