// Local ApsaraVideo Live API emulator (a dev tool; never bundled into the function).

export { DEMO_CREDENTIALS } from './credentials';
export { LIVE_ERRORS, type LiveErrorCode } from './errors';
export { createLiveEmulator } from './server';
export {
  ACS3,
  acsEncode,
  type CanonicalRequestInput,
  canonicalQueryString,
  canonicalRequest,
  type ParsedAuthorization,
  parseAuthorization,
  sha256Hex,
  sign,
  stringToSign,
} from './signature';
export { DEFAULT_SEED, DEMO_CASTER_ID, loadSeedFile, parseSeed } from './state';
export type {
  EmulatorCredential,
  EmulatorOptions,
  FaultKind,
  FaultSpec,
  ListSpoil,
  LiveEmulator,
  RecordedRequest,
  Seed,
  SeedResource,
  VideoResource,
} from './types';
