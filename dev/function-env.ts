/** Every environment variable the function reads: a run meant to be repeatable sets these itself. */
export const FUNCTION_ENV = [
  'LIVE_ENDPOINT',
  'LIVE_REGION',
  'LIVE_QPS',
  'LIVE_MAX_ATTEMPTS',
  'MAX_INSTANCES',
  'ALLOWED_CASTER_IDS',
  'LOG_LEVEL',
  'FC_REGION',
  'ALIBABA_CLOUD_ACCESS_KEY_ID',
  'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  'ALIBABA_CLOUD_SECURITY_TOKEN',
] as const;
