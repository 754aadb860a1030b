// What `npm run smoke` makes of FC's answer to its DryRun invocation, read
// from the body whatever the status: FC passes an HTTP-trigger function's
// status through, so a 404 or 502 may be the function's own answer (a result)
// or FC's (a JSON with ErrorCode). Exit codes: 0 ok, or Live has no such caster
// or resource (the role reached Live); 1 a failure, a wrong shape, FC's own
// error or a body that is not JSON; 3 a failure that points at the deployment.
import type { IncomingHttpHeaders } from 'node:http';
import { failuresOf, isObj, resultProblems } from '../../dev/result-shape';
import { EXIT } from './cli';

export const SMOKE_EXIT = { ...EXIT, deployment: 3 } as const;

/** FC's answer, as it came whatever its status. */
export interface FcAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Verdict {
  code: number;
  report: string;
}

/** Where the invocation went, to name in a report. */
export interface Target {
  functionName: string;
  where: string;
}

type Failure = ReturnType<typeof failuresOf>[number];

/** Live's "no such caster or resource": the function's role was let in. */
const REACHED_LIVE = new Set(['InvalidCaster.NotFound', 'InvalidResource.NotFound']);
/** The function's own codes for a deployment it cannot work in. */
const DEPLOYMENT_CODES = new Set(['MissingCredentials', 'InvalidConfiguration', 'UpstreamRejected']);

/** A failure the deployment causes: its configuration, or Live refusing the role (the function answers those 502). */
export function isDeploymentFault(error: Failure): boolean {
  return DEPLOYMENT_CODES.has(error.code) || error.status === 502;
}

/** SDK fields the local server puts at the top of a failed answer (invoke-api.ts `withSdkFields`): not the result's. */
const SDK_FIELDS = ['Code', 'Message', 'RequestId', 'ErrorCode', 'ErrorMessage'];

function withoutSdkFields(value: unknown): unknown {
  if (!isObj(value) || !isObj(value.error) || value.ErrorCode !== value.error.code) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !SDK_FIELDS.includes(key)));
}

/** Without an HTTP trigger, FC answers 200 with whatever the function returned: an HTTP-shaped answer, read its body. */
export function unwrap(value: unknown): unknown {
  if (isObj(value) && typeof value.statusCode === 'number' && typeof value.body === 'string') {
    try {
      return JSON.parse(value.body);
    } catch {
      return value;
    }
  }
  return value;
}

/** FC's own error (no function answer in it), in one line with what to do about the usual ones. */
function fcError(answer: FcAnswer, error: Record<string, unknown>, target: Target): string {
  const requestId = answer.headers['x-fc-request-id'] ?? error.RequestId ?? 'unknown';
  const hint =
    answer.status === 404
      ? ` — no function named ${target.functionName} at ${target.where} (\`s info\` lists what is deployed).`
      : answer.status === 403
        ? ' — FC refused the credentials: check ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET and ALIBABA_CLOUD_ACCOUNT_ID.'
        : '';
  return `FC answered HTTP ${answer.status} (request ${String(requestId)}): ${String(error.ErrorCode)}: ${String(error.ErrorMessage ?? '')}${hint}`;
}

const said = (e: Failure) => `${e.code} (${e.status}): ${e.message}`;

export function smokeVerdict(answer: FcAnswer, target: Target): Verdict {
  const failed = (report: string) => ({ code: SMOKE_EXIT.failed, report });
  if (answer.headers['x-fc-error-type'])
    return failed(`the function threw (${String(answer.headers['x-fc-error-type'])}): ${answer.body}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    const type = answer.headers['content-type'] || 'no content type';
    const shown = answer.body.trim() === '' ? '(an empty body)' : answer.body.slice(0, 500);
    return failed(`FC answered HTTP ${answer.status} with a body that is not JSON (${type}):\n${shown}`);
  }
  const isResult = isObj(parsed) && (Object.hasOwn(parsed, 'ok') || Object.hasOwn(parsed, 'results'));
  if (isObj(parsed) && !isResult && typeof parsed.ErrorCode === 'string')
    return failed(fcError(answer, parsed, target));

  const result = withoutSdkFields(unwrap(parsed));
  const shown = JSON.stringify(result, null, 2);
  const problems = resultProblems(result);
  if (problems.length > 0) return failed(`wrong result shape:\n  - ${problems.join('\n  - ')}\n${shown}`);
  const failures = failuresOf(result);
  if (failures.length === 0) return { code: SMOKE_EXIT.ok, report: `ok: the function answered in shape\n${shown}` };
  const deployment = failures.find(isDeploymentFault);
  if (deployment) {
    return {
      code: SMOKE_EXIT.deployment,
      report: `deployment fault: the function answered in shape, but failed with ${said(deployment)}\nSee README "Troubleshooting".\n${shown}`,
    };
  }
  if (failures.every((e) => REACHED_LIVE.has(e.code))) {
    return {
      code: SMOKE_EXIT.ok,
      report: `ok: the function answered in shape: Live has no such caster or resource (${failures[0].code}), so the role reached Live (pass --caster and --resource of a real one to see the whole answer)\n${shown}`,
    };
  }
  const first = failures.find((e) => !REACHED_LIVE.has(e.code))!;
  const why =
    first.code === 'FunctionFault'
      ? ' — a bug in the function: report it with its invocationId'
      : first.retryable
        ? ' — a passing failure: try again later'
        : '';
  return failed(`the function answered in shape, but failed with ${said(first)}${why}\n${shown}`);
}
