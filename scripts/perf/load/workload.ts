// The invocations of one load run: every invocation shape (HTTP trigger JSON,
// form, query, REST path, base64; FC 2.0; CloudEvent object, string, base64,
// batch; plain payloads single and batch; dry runs), plus refused ones
// (invalid input, a caster outside ALLOWED_CASTER_IDS) and an unknown caster.
// Drawn from a seeded generator, so a seed names a workload.
import { seededRandom } from '../../../dev/random';
import { MAKERS, Rng } from './kinds';
import type { Planned } from './seed';

export function planWorkload(count: number, seed: number, timeouts: readonly number[]): Planned[] {
  const r = new Rng(seededRandom(seed));
  const total = MAKERS.reduce((sum, [w]) => sum + w, 0);
  return Array.from({ length: count }, (_, index) => {
    let ticket = r.next() * total;
    let maker = MAKERS[0]![1];
    for (const [weight, make] of MAKERS) {
      ticket -= weight;
      maker = make;
      if (ticket < 0) break;
    }
    return { index, timeoutSeconds: r.pick(timeouts), ...maker(r) };
  });
}
