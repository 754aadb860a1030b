// The Live emulator of a load run, in a process of its own: like the real
// Live, it has its own event loop, so the arrival times it records are not
// skewed by the function's CPU load, and the function keeps a core to itself.
// Driven over IPC by ../load.ts (fork with serialization 'advanced').
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import {
  createLiveEmulator,
  type FaultSpec,
  type LiveEmulator,
  type RecordedRequest,
  type Seed,
} from '../../../dev/live-emulator';
import { seededRandom } from '../../../dev/random';

interface StartMessage {
  type: 'start';
  seed: Seed;
  randomSeed: number;
  faults: FaultSpec[];
}
type ParentMessage = StartMessage | { type: 'finish' };
type ChildMessage =
  | { type: 'ready'; url: string }
  | {
      type: 'records';
      requests: RecordedRequest[];
      state: Record<string, string[] | undefined>;
    }
  | { type: 'error'; message: string };

/** Set in the child's environment: run as the emulator process. */
const CHILD_FLAG = 'CASTER_LOAD_LIVE_PROCESS';

export interface LiveRecords {
  requests: RecordedRequest[];
  state: Record<string, string[] | undefined>;
  /** How late the emulator's own event loop ran: its arrival times are stamped that late. */
}

/** The parent's handle on the emulator process. */
export class LiveProcess {
  private readonly child: ChildProcess;
  private readonly messages: ChildMessage[] = [];
  private waiting?: (m: ChildMessage) => void;
  private exited?: string;

  constructor() {
    this.child = fork(__filename, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      cwd: path.resolve(__dirname, '../../..'),
      env: { ...process.env, [CHILD_FLAG]: '1' },
    });
    this.child.on('message', (m: ChildMessage) => this.deliver(m));
    // 'close', not 'exit': messages sent just before exiting are delivered first.
    this.child.on('close', (code) => {
      this.exited = `the Live emulator process exited (${code})`;
      this.deliver({ type: 'error', message: this.exited });
    });
  }

  private deliver(m: ChildMessage): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w(m);
    } else this.messages.push(m);
  }

  private next(): Promise<ChildMessage> {
    const queued = this.messages.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  private async expect<T extends ChildMessage['type']>(type: T): Promise<Extract<ChildMessage, { type: T }>> {
    const m = await this.next();
    if (m.type === 'error') throw new Error(m.message);
    if (m.type !== type) throw new Error(`expected ${type} from the Live emulator process, got ${m.type}`);
    return m as Extract<ChildMessage, { type: T }>;
  }

  /** Starts the emulator with this state and fault plan; resolves to its URL. */
  async start(seed: Seed, faults: FaultSpec[], randomSeed: number): Promise<string> {
    this.child.send({ type: 'start', seed, faults, randomSeed } satisfies ParentMessage);
    return (await this.expect('ready')).url;
  }

  /** Stops it and returns every recorded request and the final resources of each seeded caster. */
  async finish(): Promise<LiveRecords> {
    this.child.send({ type: 'finish' } satisfies ParentMessage);
    const { requests, state } = await this.expect('records');
    return { requests, state };
  }

  kill(): void {
    if (!this.exited && this.child.exitCode === null) this.child.kill();
  }
}

// ---- the child ----

if (process.env[CHILD_FLAG] === '1' && process.send) {
  let emulator: LiveEmulator | undefined;
  let seed: Seed | undefined;
  const send = (m: ChildMessage) => process.send!(m);
  process.on('message', (m: ParentMessage) => {
    void (async () => {
      try {
        if (m.type === 'start') {
          seed = m.seed;
          emulator = createLiveEmulator({ seed: m.seed, random: seededRandom(m.randomSeed) });
          for (const f of m.faults) emulator.injectFault(f);
          send({ type: 'ready', url: await emulator.start() });
        } else if (m.type === 'finish' && emulator && seed) {
          const state = Object.fromEntries(Object.keys(seed.casters).map((c) => [c, emulator!.resources(c)]));
          await emulator.stop();
          send({ type: 'records', requests: emulator.requests, state });
        }
      } catch (err) {
        send({ type: 'error', message: String((err as Error)?.message ?? err) });
      }
    })();
  });
}
