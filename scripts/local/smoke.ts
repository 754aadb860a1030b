// `npm run smoke -- <function-name> [--endpoint URL] [--region R] [--caster ID --resource ID]`
// Invokes a deployed function through @alicloud/fc2 on FC 3.0's invoke path
// (2023-03-30, as the fc3 component does with this client) with a DryRun
// payload, and checks the result's shape. Exit codes: 0 the function answered
// in shape (ok, or Live said the caster/resource does not exist: the role
// reached Live), 1 a wrong shape or no answer, 2 a usage error (bad option,
// endpoint without a scheme, missing credentials), 3 a well-shaped failure
// that points at the deployment (role, permissions, configuration).
import FC from '@alicloud/fc2';
import { resultProblems } from '../../dev/result-shape';
import { EXIT, parseCommandLine } from './cli';

const REACHED_LIVE = new Set(['InvalidCaster.NotFound', 'InvalidResource.NotFound']);
const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\/?$/;
export const SMOKE_EXIT = { ...EXIT, deployment: 3 } as const;

interface SmokeOptions {
  functionName: string;
  endpoint?: string;
  region: string;
  casterId: string;
  resourceId: string;
  env?: NodeJS.ProcessEnv;
}

/** Why FC (or the network) gave no result, in one line: fc2 and httpx run their messages together. */
export function describeInvokeError(err: Error & { code?: string }, opts: SmokeOptions, where: string): string {
  if (err.code && /^E[A-Z]+$/.test(err.code)) {
    const known: Record<string, string> = {
      ECONNREFUSED: 'connection refused',
      ENOTFOUND: 'host not found',
      ECONNRESET: 'connection reset',
      ETIMEDOUT: 'timed out',
    };
    return `no answer from ${where}: ${known[err.code] ?? err.code} (${err.code})`;
  }
  const http = /failed with (\d{3})\. requestid: ([^,]*), message: (.*)\.$/.exec(err.message);
  if (!http) return `invoke failed: ${err.message}`;
  const [, status, requestId, message] = http;
  // The function's own code and message, where the answer carried them at its top (as the local server's does).
  const code = err.code && err.code !== 'undefined' ? `${err.code}: ` : '';
  const said = message && message !== 'undefined' ? `: ${code}${message}` : code ? `: ${err.code}` : '';
  const hint =
    status === '404'
      ? ` — no function named ${opts.functionName} at ${where} (\`s info\` lists what is deployed).`
      : status === '403'
        ? ' — FC refused the credentials: check ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET and ALIBABA_CLOUD_ACCOUNT_ID.'
        : '';
  return `FC answered HTTP ${status} (request ${requestId || 'unknown'})${said}${hint}`;
}

async function functionExists(client: FC, name: string): Promise<boolean> {
  try {
    await client.get(`/functions/${encodeURIComponent(name)}`, {}, {});
    return true;
  } catch {
    return false;
  }
}

/** FC may return an HTTP-trigger function's answer as its {statusCode, headers, body}: read the body. */
function unwrap(result: unknown): unknown {
  const r = result as { statusCode?: unknown; body?: unknown } | null;
  if (typeof r === 'object' && r !== null && typeof r.statusCode === 'number' && typeof r.body === 'string')
    return safeJson(r.body);
  return result;
}

export async function smoke(
  opts: SmokeOptions,
  fail: (message: string) => never,
): Promise<{ code: number; report: string }> {
  const env = opts.env ?? process.env;
  if (opts.endpoint !== undefined && !/^https?:\/\//i.test(opts.endpoint)) {
    fail(`--endpoint ${opts.endpoint} has no scheme: write http://${opts.endpoint} or https://${opts.endpoint}`);
  }
  const local = opts.endpoint !== undefined && LOOPBACK.test(opts.endpoint);
  const accessKeyID = env.ALIBABA_CLOUD_ACCESS_KEY_ID || (local ? 'local' : undefined);
  const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET || (local ? 'local' : undefined);
  const accountId = env.ALIBABA_CLOUD_ACCOUNT_ID || env.FC_ACCOUNT_ID || (local ? '0000000000000000' : undefined);
  if (!accessKeyID || !accessKeySecret || !accountId) {
    const missing = [
      'ALIBABA_CLOUD_ACCESS_KEY_ID',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
      'ALIBABA_CLOUD_ACCOUNT_ID',
    ].filter((k) => !env[k]);
    fail(`set ${missing.join(', ')} (or point --endpoint at a local server)`);
  }
  const client = new FC(accountId!, {
    accessKeyID: accessKeyID!,
    accessKeySecret: accessKeySecret!,
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
    const where = opts.endpoint ?? `FC in ${opts.region}`;
    // FC turns the function's own 404 (Live: no such caster or resource) into the HTTP status, and fc2
    // drops the body; GetFunction tells that apart from a function that does not exist.
    const code = (err as { code?: string }).code;
    const liveSaidNotFound = code !== undefined && REACHED_LIVE.has(code);
    if (
      /failed with 404\./.test((err as Error).message) &&
      (liveSaidNotFound || (await functionExists(client, opts.functionName)))
    ) {
      return {
        code: SMOKE_EXIT.ok,
        report: `ok: ${opts.functionName} exists and answered 404: Live has no such caster or resource, so the role reached Live (pass --caster and --resource of a real one to see the whole answer)`,
      };
    }
    return { code: SMOKE_EXIT.failed, report: describeInvokeError(err as Error, opts, where) };
  }
  if (response.headers['x-fc-error-type']) {
    return {
      code: SMOKE_EXIT.failed,
      report: `the function threw (${response.headers['x-fc-error-type']}): ${JSON.stringify(response.data)}`,
    };
  }
  const result = unwrap(typeof response.data === 'string' ? safeJson(response.data) : response.data);
  const problems = resultProblems(result);
  const shown = JSON.stringify(result, null, 2);
  if (problems.length > 0)
    return { code: SMOKE_EXIT.failed, report: `wrong result shape:\n  - ${problems.join('\n  - ')}\n${shown}` };
  const r = result as { ok: boolean; error?: { code: string } };
  if (r.ok || REACHED_LIVE.has(r.error!.code))
    return { code: SMOKE_EXIT.ok, report: `ok: the function answered in shape\n${shown}` };
  return {
    code: SMOKE_EXIT.deployment,
    report: `the function answered in shape, but failed with ${r.error!.code}: see README "Troubleshooting"\n${shown}`,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function main(): Promise<number> {
  const { values, positionals, fail } = parseCommandLine({
    command: 'npm run smoke',
    synopsis: '<function-name> [--endpoint URL] [--region R] [--caster ID --resource ID]',
    details: [
      "Invokes the function through @alicloud/fc2 (FC 3.0 path) with a DryRun payload and checks the answer's shape.",
      'Needs ALIBABA_CLOUD_ACCESS_KEY_ID, _SECRET and ALIBABA_CLOUD_ACCOUNT_ID, except against a loopback --endpoint.',
      'Exit codes: 0 answered in shape, 1 wrong shape or no answer, 2 usage error, 3 a failure that points at the deployment.',
    ],
    options: {
      endpoint: { type: 'string' },
      region: { type: 'string' },
      caster: { type: 'string' },
      resource: { type: 'string' },
    },
    positionals: { min: 1, max: 1 },
  });
  if ((values.caster === undefined) !== (values.resource === undefined)) {
    fail(
      values.caster === undefined
        ? '--resource needs --caster'
        : '--caster needs --resource: name the resource to check',
    );
  }
  const region = values.region || process.env.REGION || process.env.LIVE_REGION || 'cn-shanghai';
  if (!/^[a-z]{2,}(-[a-z0-9]+)+$/.test(region)) {
    const setting = values.region ? '--region' : process.env.REGION ? 'REGION' : 'LIVE_REGION';
    fail(`${setting} "${region}" is not a region ID such as cn-shanghai`);
  }
  const { code, report } = await smoke(
    {
      functionName: positionals[0],
      endpoint: values.endpoint,
      region,
      casterId: values.caster || 'LIVEPRODUCER_POST-cn-demo0001',
      resourceId: values.resource || 'demo-resource-1',
    },
    fail,
  );
  (code === SMOKE_EXIT.ok ? console.log : console.error)(report);
  return code;
}

if (require.main === module) void main().then((code) => process.exit(code));
