/**
 * The instance's clock: the wall clock as it read when the process started,
 * advanced by a monotonic timer. Deadlines and the send rate read it, so a
 * step of the wall clock (an NTP correction) neither ends an invocation early
 * nor stretches it. Instances that started with agreeing clocks agree on it,
 * which the shared send grid (adaptive-rate.ts) relies on.
 */
// Read once: the getter goes to the runtime on every call, and the origin never changes.
const ORIGIN = performance.timeOrigin;

export function now(): number {
  return ORIGIN + performance.now();
}
