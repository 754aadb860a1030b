// Put in place of @alicloud/credentials in the bundle (scripts/build.mjs).
//
// Why this is safe: the function never lets the SDK build credentials.
// The Live client (../client.ts) gives @alicloud/openapi-client a
// ready `config.credential` object and never sets `config.accessKeyId`,
// `accessKeySecret` or `bearerToken`, and those two branches of the Client
// constructor are the only places that call `new Credential(...)` or
// `new Config(...)` from this package. The provider chain (environment,
// profile files, ECS metadata, OIDC, RAM role, CLI profile, with `ini`)
// therefore never runs. The only other references are the `types()` tables of
// openapi-client's Config and gateway-spi's InterceptorContext, which name the
// class as a field's type; tea's Model only asks it for static names()/types()
// (isModelClass), which the real Credential class does not have either, so the
// value we pass goes through untouched, exactly as before.
//
// Reached anyway (a future change sets accessKeyId on the Config)? Then it
// throws at once instead of silently signing with nothing.

Object.defineProperty(exports, '__esModule', { value: true });

function unavailable(what) {
  throw new Error(
    `${what}: @alicloud/credentials is stubbed out of this bundle (live/transport/alicloud-credentials.js); ` +
      'pass a credential object to the client instead.',
  );
}

class Credential {
  constructor() {
    unavailable('new Credential()');
  }
}

class Config {
  constructor() {
    unavailable('new Credential.Config()');
  }
}

exports.default = Credential;
exports.Config = Config;
