// Virtual time for the rate limiter, the adaptive rate and the retry policy:
// they take their clock and timers as parameters, so tests run them without waiting.

/** Virtual time: timers run in time order; nothing waits for real time. */
export class VirtualClock {
  constructor(public now = 1_000_000) {}
  private timers: Array<{ at: number; seq: number; run: () => void }> = [];
  private seq = 0;

  setTimer = (run: () => void, ms: number): (() => void) => {
    const timer = { at: this.now + Math.max(0, ms), seq: this.seq++, run };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  };

  sleep = (ms: number) => new Promise<void>((resolve) => this.setTimer(resolve, ms));

  /** Runs timers until `done`, letting promise callbacks settle between them. */
  async run(done: () => boolean, limitMs = 600_000): Promise<void> {
    const end = this.now + limitMs;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (done()) return;
      if (this.timers.length === 0 || this.now > end) throw new Error('the simulation stalled');
      let first = 0;
      for (let i = 1; i < this.timers.length; i += 1) {
        const t = this.timers[i];
        const f = this.timers[first];
        if (t.at < f.at || (t.at === f.at && t.seq < f.seq)) first = i;
      }
      const [timer] = this.timers.splice(first, 1);
      this.now = Math.max(this.now, timer.at);
      timer.run();
    }
  }
}
