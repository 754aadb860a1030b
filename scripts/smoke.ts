// `npm run smoke -- <function-name> [--endpoint URL] [--region R] [--caster ID --resource ID]`
// Invokes a deployed function through @alicloud/fc2 on FC 3.0's invoke path
// (2023-03-30, as the fc3 component does with this client) with a DryRun
// payload, and checks the result's shape. Exit codes: 0 the function answered
// in shape (ok, or Live said the caster/resource does not exist: the role
// reached Live), 1 a wrong shape or no answer, 3 a well-shaped failure that
// points at the deployment (role, permissions, configuration).
import FC from '@alicloud/fc2';
import { parseArgs } from 'node:util';
import { resultProblems } from './local/result-shape';

const REACHED_LIVE = new Set(['InvalidCaster.NotFound', 'InvalidResource.NotFound']);
const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\/?$/;

interface SmokeOptions {
  functionName: string;
  endpoint?: string;
  region: string;
  casterId: string;
  resourceId: string;
  env?: NodeJS.ProcessEnv;
}

export async function smoke(opts: SmokeOptions): Promise<{ code: number; report: string }> {
  const env = opts.env ?? process.env;
  const local = opts.endpoint !== undefined && LOOPBACK.test(opts.endpoint);
  const accessKeyID = env.ALIBABA_CLOUD_ACCESS_KEY_ID ?? (local ? 'local' : undefined);
  const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ?? (local ? 'local' : undefined);
  const accountId = env.ALIBABA_CLOUD_ACCOUNT_ID ?? env.FC_ACCOUNT_ID ?? (local ? '0000000000000000' : undefined);
  if (!accessKeyID || !accessKeySecret || !accountId) {
    return { code: 1, report: 'smoke needs ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and ALIBABA_CLOUD_ACCOUNT_ID (or --endpoint to a local server).' };
  }
  const client = new FC(accountId, {
    accessKeyID,
    accessKeySecret,
    securityToken: env.ALIBABA_CLOUD_SECURITY_TOKEN,
    region: opts.region,
    endpoint: opts.endpoint?.replace(/\/$/, ''),
    secure: true,
    timeout: 60_000,
  });
  // The fc2 client speaks FC 2.0 paths by default; FC 3.0 functions live under 2023-03-30.
  (client as unknown as { version: string }).version = '2023-03-30';
  const payload = JSON.stringify({ CasterId: opts.casterId, ResourceId: opts.resourceId, DryRun: true });
  let response: { headers: Record<string, string>; data: unknown };
  try {
    response = await client.post(`/functions/${encodeURIComponent(opts.functionName)}/invocations`, payload, {
      'x-fc-invocation-type': 'Sync',
      'x-fc-log-type': 'None',
    });
  } catch (err) {
    return { code: 1, report: `invoke failed: ${(err as Error).message}` };
  }
  if (response.headers['x-fc-error-type']) {
    return { code: 1, report: `the function threw (${response.headers['x-fc-error-type']}): ${JSON.stringify(response.data)}` };
  }
  const result = typeof response.data === 'string' ? safeJson(response.data) : response.data;
  const problems = resultProblems(result);
  const shown = JSON.stringify(result, null, 2);
  if (problems.length > 0) return { code: 1, report: `wrong result shape:\n  - ${problems.join('\n  - ')}\n${shown}` };
  const r = result as { ok: boolean; error?: { code: string } };
  if (r.ok || REACHED_LIVE.has(r.error!.code)) return { code: 0, report: `ok: the function answered in shape\n${shown}` };
  return { code: 3, report: `the function answered in shape, but failed with ${r.error!.code}: see README "Troubleshooting"\n${shown}` };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      endpoint: { type: 'string' },
      region: { type: 'string', default: process.env.REGION || process.env.LIVE_REGION || 'cn-shanghai' },
      caster: { type: 'string', default: 'LIVEPRODUCER_POST-cn-demo0001' },
      resource: { type: 'string', default: 'demo-resource-1' },
    },
  });
  const functionName = positionals[0];
  if (!functionName) {
    console.error('usage: npm run smoke -- <function-name> [--endpoint URL] [--region R] [--caster ID --resource ID]');
    return 2;
  }
  const { code, report } = await smoke({
    functionName,
    endpoint: values.endpoint,
    region: values.region!,
    casterId: values.caster!,
    resourceId: values.resource!,
  });
  (code === 0 ? console.log : console.error)(report);
  return code;
}

if (require.main === module) main().then((code) => process.exit(code));
