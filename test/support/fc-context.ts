import type { FcContext } from '../../functions/delete-caster-video-resource/types';

let counter = 0;

/** The FC 3.0 context as the runtime passes it; credentials default to a role's STS triple. */
export function fcContext(overrides: Partial<FcContext> = {}): FcContext {
  counter += 1;
  return {
    requestId: `inv-${process.pid}-${counter}`,
    region: 'cn-shanghai',
    accountId: '1234567890123456',
    credentials: {},
    function: { name: 'caster-video-resource-delete', handler: 'index.handler', memory: 256, timeout: 30 },
    ...overrides,
  };
}
