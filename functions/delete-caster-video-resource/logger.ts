import { redact } from './result/redaction';
import type { LogLevel } from './config';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type LogFields = Record<string, unknown>;

/**
 * Structured JSON lines on stdout, where FC's log service collects them. One
 * summary line per invocation (`invocation`), debug lines only when asked for.
 * Every line passes `redact`, whatever a field holds.
 */
export class Logger {
  constructor(
    private readonly level: LogLevel,
    private readonly base: LogFields,
    private readonly secrets: readonly string[] = [],
    private readonly write: (line: string) => void = (line) => process.stdout.write(line),
  ) {}

  log(level: Exclude<LogLevel, 'silent'>, message: string, fields: LogFields = {}): void {
    if (RANK[level] < RANK[this.level]) return;
    const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...this.base, ...fields });
    this.write(redact(line, this.secrets) + '\n');
  }
}
