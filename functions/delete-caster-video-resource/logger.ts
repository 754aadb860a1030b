import type { LogLevel } from './config';
import { redact } from './redaction';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type LogFields = Record<string, unknown>;

/**
 * Structured JSON lines on stdout, where FC's log service collects them. One
 * summary line per invocation (`invocation`), debug lines only when asked for.
 * Every line passes `redact`, whatever a field holds.
 */
export class Logger {
  /** The base fields as JSON members (`,"k":v…`), written once per logger rather than once per line. */
  private readonly baseJson: string;

  constructor(
    private readonly level: LogLevel,
    base: LogFields,
    private readonly secrets: readonly string[] = [],
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {
    const json = JSON.stringify(base);
    this.baseJson = json === '{}' ? '' : `,${json.slice(1, -1)}`;
  }

  /** `fields` must not repeat a base field's name (a JSON key would then appear twice). */
  log(level: Exclude<LogLevel, 'silent'>, message: string, fields: LogFields = {}): void {
    if (RANK[level] < RANK[this.level]) return;
    // Pieced together rather than spread into one object: the line is written on every invocation.
    const rest = JSON.stringify(fields);
    const line = `{"level":"${level}","message":${JSON.stringify(message)},"time":"${new Date().toISOString()}"${this.baseJson}${rest === '{}' ? '}' : `,${rest.slice(1)}`}`;
    this.write(`${redact(line, this.secrets)}\n`);
  }
}
