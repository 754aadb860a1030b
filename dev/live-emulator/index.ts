// Local ApsaraVideo Live API emulator (a dev tool; never bundled into the function).

export { DEMO_CREDENTIALS, DEMO_PLAIN_KEY, DEMO_STS_KEY } from './credentials';
export { createLiveEmulator } from './server';
export { DEMO_CASTER_ID, parseSeed } from './state';
export type { EmulatorCredential, FaultSpec, ListSpoil, LiveEmulator, RecordedRequest, Seed } from './types';
