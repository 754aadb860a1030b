// Local ApsaraVideo Live API emulator (a dev tool; never bundled into the function).
export { createLiveEmulator } from './server';
export { DEFAULT_SEED, DEMO_CASTER_ID, loadSeedFile, parseSeed } from './state';
export { DEMO_CREDENTIALS } from './credentials';
export { LIVE_ERRORS, type LiveErrorCode } from './errors';
export {
  ACS3,
  acsEncode,
  canonicalQueryString,
  canonicalRequest,
  parseAuthorization,
  sha256Hex,
  sign,
  stringToSign,
  type CanonicalRequestInput,
  type ParsedAuthorization,
} from './signature';
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
