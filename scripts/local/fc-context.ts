// The FC 3.0 context a local invocation gets: a fresh request ID, the region,
// the function's timeout and the "role" credentials (the emulator's STS key,
// or in --live mode the shell's ALIBABA_CLOUD_* keys).
import { randomUUID } from 'node:crypto';
import type { FcContext } from '../../functions/delete-caster-video-resource/types';

export const LOCAL_FUNCTION = {
  name: 'caster-video-resource-delete',
  /** Matches `timeout` in s.yaml, so a local run has the deadline a deployed one has. */
  timeoutSeconds: 30,
  /** Matches `asyncInvokeConfig.maxAsyncRetryAttempts` in s.yaml. */
  asyncRetryAttempts: 3,
  region: 'cn-shanghai',
} as const;

export type RoleCredentials = NonNullable<FcContext['credentials']>;

export function localContext(
  credentials: RoleCredentials,
  functionName: string = LOCAL_FUNCTION.name,
  timeoutSeconds: number = LOCAL_FUNCTION.timeoutSeconds,
): FcContext {
  return {
    requestId: `local-${randomUUID()}`,
    region: process.env.LIVE_REGION || process.env.FC_REGION || LOCAL_FUNCTION.region,
    accountId: '0000000000000000',
    credentials,
    function: { name: functionName, handler: 'index.handler', memory: 256, timeout: timeoutSeconds },
  };
}

/** The shell's keys, for --live; undefined when they are not set. */
export function shellCredentials(env = process.env): RoleCredentials | undefined {
  const accessKeyId = env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  if (!accessKeyId || !accessKeySecret) return undefined;
  return { accessKeyId, accessKeySecret, securityToken: env.ALIBABA_CLOUD_SECURITY_TOKEN || undefined };
}
