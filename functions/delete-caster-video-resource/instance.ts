import { type Config, parseEnvironment } from './config';
import { DEFAULTS } from './constants';
import { sameCredentials } from './credentials';
import { InvalidConfigurationError } from './errors';
import { LiveConnection } from './live/client';
import { RateLimiter } from './policy/rate-limiter';
import { secretsOf } from './redaction';
import type { Credentials } from './types';

type Env = Record<string, string | undefined>;

export interface Ready {
  config: Config;
  limiter: RateLimiter;
  live: LiveConnection;
}

/**
 * Everything that lives as long as the FC instance, and nothing else: the
 * configuration, the Live connection and the rate limiter that concurrent
 * invocations and batch records share. Built at the first invocation: FC
 * starts new instances when a function's configuration changes, so the
 * environment read then holds for the instance's life. A bad environment is
 * kept as its error, and every invocation fails with it.
 */
export class Instance {
  private readonly ready: Ready | InvalidConfigurationError;
  private lastSecrets: { credentials: Credentials; list: string[] } | undefined;

  constructor(env: Env) {
    this.ready = prepare(env);
  }

  /** Known even with a bad environment, so that its failure is still logged. */
  get logLevel(): Config['logLevel'] {
    return this.ready instanceof InvalidConfigurationError ? DEFAULTS.logLevel : this.ready.config.logLevel;
  }

  /** The instance's configuration, limiter and Live connection; throws InvalidConfiguration when the environment is bad. */
  use(): Ready {
    if (this.ready instanceof InvalidConfigurationError) throw this.ready;
    return this.ready;
  }

  /** The secret variants to mask, worked out once per credentials (they change only when the role's rotate). */
  secretsOf(credentials: Credentials | undefined): string[] {
    if (!credentials) return [];
    const last = this.lastSecrets;
    if (last && sameCredentials(last.credentials, credentials)) return last.list;
    const list = secretsOf(credentials);
    this.lastSecrets = { credentials, list };
    return list;
  }
}

function prepare(env: Env): Ready | InvalidConfigurationError {
  try {
    const config = parseEnvironment(env);
    // Never slower than a fleet twice the instance cap would need: room for other clients of the account.
    const limiter = new RateLimiter(config.qps, { floor: config.qps / (2 * config.maxInstances) });
    return { config, limiter, live: new LiveConnection(config.endpoint) };
  } catch (err) {
    if (err instanceof InvalidConfigurationError) return err;
    throw err;
  }
}

let current: Instance | undefined;

/** This process's instance, built at the first call; the one place instance state is held. */
export function currentInstance(): Instance {
  current ??= new Instance(process.env);
  return current;
}
