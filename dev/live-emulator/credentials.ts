// The AccessKey pairs the emulator accepts. All values are made up.
import type { EmulatorCredential } from './types';

const STS_PREFIX = 'STS.';

export const DEMO_CREDENTIALS: EmulatorCredential[] = [
  { accessKeyId: 'LTAIdemoEmulatorPlainKey01', accessKeySecret: 'demoEmulatorPlainSecretNotReal01' },
  {
    accessKeyId: 'STS.demoEmulatorRoleKey0001',
    accessKeySecret: 'demoEmulatorStsSecretNotReal0001',
    securityToken: 'CAISdemoEmulatorSecurityTokenNotReal0001',
  },
];
/** The emulator's plain AccessKey pair, and its STS one (as FC hands a function its role's). */
export const DEMO_PLAIN_KEY = DEMO_CREDENTIALS.find((c) => !c.securityToken)!;
export const DEMO_STS_KEY = DEMO_CREDENTIALS.find((c) => c.securityToken)!;

export function isStsKey(accessKeyId: string): boolean {
  return accessKeyId.startsWith(STS_PREFIX);
}

export class CredentialStore {
  private readonly byId = new Map<string, EmulatorCredential>();

  constructor(credentials: readonly EmulatorCredential[]) {
    for (const c of credentials) {
      // A misconfigured pair would make every call fail for a confusing reason; refuse it up front.
      if (!c.accessKeyId || !c.accessKeySecret)
        throw new Error('Emulator credentials need accessKeyId and accessKeySecret.');
      if (isStsKey(c.accessKeyId) !== Boolean(c.securityToken)) {
        throw new Error(
          `Emulator credential ${c.accessKeyId}: an "${STS_PREFIX}" key needs a securityToken, any other key must not have one.`,
        );
      }
      this.byId.set(c.accessKeyId, { ...c });
    }
  }

  find(accessKeyId: string): EmulatorCredential | undefined {
    return this.byId.get(accessKeyId);
  }
}
