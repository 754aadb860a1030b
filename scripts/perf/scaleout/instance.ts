// One function instance of a scale-out run, in a process of its own as FC
// runs it: dist/index.js required once, its own rate limiter and event loop,
// C invocations at a time (FC 3.0's nodejs20: one). The parent forks it,
// waits until every instance has loaded the bundle, then starts them together
// and, as FC's dispatcher does, hands each idle instance the next invocation
// of one queue, so they contend for the account's quota as a scale-out does.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBundle } from '../../../dev/bundle';
import { FUNCTION_ENV } from '../../../dev/function-env';
import { DEMO_CREDENTIALS } from '../../../dev/live-emulator';
import { eventOutcomeProblems, failuresOf } from '../../../dev/result-shape';
import type { FcContext } from '../../../functions/delete-caster-video-resource/types';
import { localContext } from '../../local/fc-context';
import { type FromInstance, type InvocationRecord, type ScaleoutOptions, type ToInstance, target } from './plan';

/** Set in the child's environment: which instance it is, and the run's options. */
const INSTANCE_ENV = 'CASTER_SCALEOUT_INSTANCE';
const OPTIONS_ENV = 'CASTER_SCALEOUT_OPTIONS';
const MANAGED_ENV = FUNCTION_ENV;

/** The parent's handle on one instance process. */
export class InstanceProcess {
  private readonly child: ChildProcess;
  private readonly inbox: FromInstance[] = [];
  private waiting?: (m: FromInstance) => void;
  private stderr = '';

  constructor(
    readonly instance: number,
    options: ScaleoutOptions,
    liveUrl: string,
    /** FC's dispatcher: the next invocation of the queue, or null when none is left. */
    private readonly nextInvocation: () => number | null,
  ) {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of MANAGED_ENV) delete env[k];
    Object.assign(env, {
      LIVE_ENDPOINT: liveUrl,
      LIVE_QPS: String(options.qps),
      // The run's K instances are the function's whole fleet: its instance cap.
      MAX_INSTANCES: String(options.instances),
      LOG_LEVEL: 'info',
      [INSTANCE_ENV]: String(instance),
      [OPTIONS_ENV]: JSON.stringify(options),
    });
    // The function's log lines (stdout) are written, as in FC, but not shown; stderr is kept for errors.
    this.child = fork(__filename, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      cwd: path.resolve(__dirname, '../../..'),
      env,
    });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + String(d)).slice(-2000)));
    this.child.on('message', (m: FromInstance) => this.deliver(m));
    // 'close', not 'exit': a message sent just before exiting is delivered first.
    this.child.on('close', (code) =>
      this.deliver({
        type: 'error',
        message: `instance ${instance} exited (${code})${this.stderr ? `: ${this.stderr.trim()}` : ''}`,
      }),
    );
  }

  private deliver(m: FromInstance): void {
    if (m.type === 'idle') {
      this.child.send({ type: 'invocation', index: this.nextInvocation() } satisfies ToInstance);
      return;
    }
    const w = this.waiting;
    this.waiting = undefined;
    if (w) w(m);
    else this.inbox.push(m);
  }

  private async expect<T extends FromInstance['type']>(type: T): Promise<Extract<FromInstance, { type: T }>> {
    const m = this.inbox.shift() ?? (await new Promise<FromInstance>((resolve) => (this.waiting = resolve)));
    if (m.type === 'error') throw new Error(m.message);
    if (m.type !== type) throw new Error(`instance ${this.instance}: expected ${type}, got ${m.type}`);
    return m as Extract<FromInstance, { type: T }>;
  }

  /** Resolves once the instance has loaded the bundle. */
  async ready(): Promise<void> {
    await this.expect('ready');
  }

  /** Starts its invocations; resolves to how each one ended. */
  async run(): Promise<InvocationRecord[]> {
    this.child.send({ type: 'go' } satisfies ToInstance);
    return (await this.expect('done')).records;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

// ---- the child ----

type Settled = { result?: unknown; thrown?: unknown } | 'killed';

async function invokeOne(
  bundle: ReturnType<typeof loadBundle>,
  k: number,
  i: number,
  o: ScaleoutOptions,
): Promise<InvocationRecord> {
  const role = DEMO_CREDENTIALS.find((c) => c.securityToken)!;
  const { casterId, resourceId } = target(o, i);
  const local = localContext({
    accessKeyId: role.accessKeyId,
    accessKeySecret: role.accessKeySecret,
    securityToken: role.securityToken,
  });
  const context: FcContext = {
    ...local,
    requestId: `scaleout-${k}-${i}`,
    function: { ...local.function, timeout: o.timeoutSeconds },
  };
  // FC 3.0 hands an event function the payload's bytes.
  const event = Buffer.from(JSON.stringify({ CasterId: casterId, ResourceId: resourceId }));
  let timer: NodeJS.Timeout | undefined;
  // FC kills an invocation at its timeout; the function must have answered by then.
  const killed = new Promise<'killed'>(
    (resolve) => (timer = setTimeout(() => resolve('killed'), o.timeoutSeconds * 1000)),
  );
  const t0 = performance.now();
  const settled: Settled = await Promise.race([
    bundle.handler(event, context).then(
      (result) => ({ result }),
      (thrown: unknown) => ({ thrown, result: (thrown as { result?: unknown })?.result }),
    ),
    killed,
  ]);
  const ms = performance.now() - t0;
  clearTimeout(timer);
  const base = { instance: k, index: i, casterId, resourceId, ms };
  if (settled === 'killed')
    return {
      ...base,
      ending: 'killed',
      outcome: 'killed',
      problems: [`still running at the ${o.timeoutSeconds} s timeout`],
    };
  const problems = eventOutcomeProblems(settled);
  const failures = failuresOf(settled.result);
  const result = settled.result as { ok?: boolean; outcome?: string } | undefined;
  if (settled.thrown !== undefined) {
    // A thrown invocation comes back; only a failure that a retry can cure should make it.
    for (const f of failures) if (!f.retryable) problems.push(`threw with a non-retryable ${f.code}`);
    return { ...base, ending: 'thrown', outcome: failures[0]?.code ?? 'thrown', problems };
  }
  if (result?.ok === true) return { ...base, ending: 'ok', outcome: String(result.outcome), problems };
  return { ...base, ending: 'failed', outcome: failures[0]?.code ?? 'failed', problems };
}

async function runInstance(k: number, o: ScaleoutOptions): Promise<InvocationRecord[]> {
  const bundle = loadBundle();
  process.send!({ type: 'ready' } satisfies FromInstance);
  await new Promise<void>((resolve) => process.once('message', (m: ToInstance) => m.type === 'go' && resolve()));
  const records: InvocationRecord[] = [];
  // The parent answers 'idle' messages in the order they were sent.
  const replies: Array<(index: number | null) => void> = [];
  process.on('message', (m: ToInstance) => {
    if (m.type === 'invocation') replies.shift()?.(m.index);
  });
  const next = () =>
    new Promise<number | null>((resolve) => {
      replies.push(resolve);
      process.send!({ type: 'idle' } satisfies FromInstance);
    });
  const worker = async () => {
    for (let i = await next(); i !== null; i = await next()) records.push(await invokeOne(bundle, k, i, o));
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  return records;
}

if (process.env[INSTANCE_ENV] !== undefined && process.send) {
  // Exit once the message is out: the SDK's keep-alive sockets would hold the process open.
  const reply = (m: FromInstance) => process.send!(m, undefined, {}, () => process.exit(0));
  runInstance(Number(process.env[INSTANCE_ENV]), JSON.parse(process.env[OPTIONS_ENV]!) as ScaleoutOptions).then(
    (records) => reply({ type: 'done', records }),
    (err: Error) => reply({ type: 'error', message: String(err?.message ?? err) }),
  );
}
