import { type FaultKind, FaultQueue } from './faults';
import type { FaultSpec } from './types';

describe('emulator FaultQueue', () => {
  it('takes faults in order, each as many times as it was given, for the actions it names', () => {
    const q = new FaultQueue();
    q.add({ kind: 'throttle', times: 2 });
    q.add({ kind: 'reset', action: 'DescribeCasterVideoResources' });
    q.add({ kind: 'internal' });
    expect(q.take('DescribeCasterVideoResources')?.kind).toBe('throttle');
    expect(q.take('DeleteCasterVideoResource')?.kind).toBe('throttle');
    expect(q.take('DeleteCasterVideoResource')?.kind).toBe('internal');
    expect(q.take('DeleteCasterVideoResource')).toBeUndefined();
    expect(q.take('DescribeCasterVideoResources')?.kind).toBe('reset');
    expect(q.take('DescribeCasterVideoResources')).toBeUndefined();
  });

  it('spoils only a list with a list fault', () => {
    const q = new FaultQueue();
    q.add({ kind: 'list', list: 'partial' });
    expect(q.take('DeleteCasterVideoResource')).toBeUndefined();
    expect(q.take('DescribeCasterVideoResources')?.kind).toBe('list');
  });

  it.each<[string, FaultSpec, RegExp]>([
    ['an unknown kind', { kind: 'explode' as FaultKind }, /kind/],
    ['times 0', { kind: 'throttle', times: 0 }, /times/],
    ['a delay without delayMs', { kind: 'delay' }, /delayMs/],
    ['a flood without bytes', { kind: 'flood' }, /flood/],
    ['a list without its spoil', { kind: 'list' }, /list/],
    ['an answer without its status', { kind: 'answer' }, /answer/],
    ['a status on any fault but echo', { kind: 'throttle', status: 400 }, /echo/],
    ['an echo status Live does not answer with', { kind: 'echo', status: 418 as never }, /echo/],
  ])('refuses %s', (_label, spec, message) => {
    expect(() => new FaultQueue().add(spec)).toThrow(message);
  });
});
