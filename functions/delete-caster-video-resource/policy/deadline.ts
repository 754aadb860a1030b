import { DEADLINE_RESERVE } from '../constants';

/** The point by which this invocation must have its answer ready, FC's timeout less a reserve. */
export class Deadline {
  readonly at: number;

  constructor(functionTimeoutMs: number, private readonly now: () => number = Date.now, start = now()) {
    const reserve = Math.min(
      DEADLINE_RESERVE.maxMs,
      Math.max(DEADLINE_RESERVE.minMs, functionTimeoutMs * DEADLINE_RESERVE.fraction),
    );
    this.at = start + functionTimeoutMs - reserve;
  }

  remaining(): number {
    return Math.max(0, this.at - this.now());
  }
}
