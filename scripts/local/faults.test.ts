// `--fault`: the redelivery path watched locally. Each fault makes an HTTP
// caller's answer what the README's troubleshooting table says, and makes an
// event invocation throw, so that FC or EventBridge would deliver it again.
import { runScript } from '../../dev/processes';
import { FAULTS } from './faults';

const run = (event: string, fault: string) => runScript('local/invoke.ts', [event, '--fault', fault, '--timeout', '3']);

describe('npm run invoke -- --fault', () => {
  it.concurrent.each([
    ['throttle', 429, 'Throttling.User'],
    ['5xx', 503, 'ServiceUnavailable'],
    ['slow', 504, 'Timeout'],
    ['credentials', 502, 'Forbidden.RAM'],
  ])('%s: an HTTP caller gets %i %s', async (fault, status, code) => {
    const answer = JSON.parse((await run('events/http-trigger.json', fault)).stdout);
    expect([answer.statusCode, JSON.parse(answer.body).error.code]).toEqual([status, code]);
  });

  it.concurrent.each([
    ['throttle', 'Throttling.User'],
    ['5xx', 'ServiceUnavailable'],
    ['slow', 'Timeout'],
    ['credentials', 'Forbidden.RAM'],
  ])('%s: an event invocation throws %s back for redelivery', async (fault, code) => {
    const outcome = await run('events/cloudevent.json', fault);
    expect([outcome.code, outcome.stderr]).toEqual([
      1,
      expect.stringContaining(`the function threw RetryLaterError: ${code} remained`),
    ]);
  });

  it('offers every fault in the usage', async () => {
    const help = await runScript('local/invoke.ts', ['--help']);
    expect(Object.keys(FAULTS).filter((name) => !help.stdout.includes(`--fault ${name}`))).toEqual([]);
  });
});
