import {
  initialState,
  QUOTA_WINDOW_MS,
  type RateEvent,
  rateLimits,
  step,
  TRIP_MS,
} from '../../../functions/delete-caster-video-resource/policy/adaptive-rate';
import { clearTime, spreadMs } from '../../../functions/delete-caster-video-resource/policy/permit';

const QPS = 10;
const limits = rateLimits(QPS, QPS / 40);
const SLOT = (QUOTA_WINDOW_MS + TRIP_MS) / QPS;
const T = 1_000_000;
const answered = (event: RateEvent) => step(initialState(limits, false), event, limits);

describe('when a throttled request may try again', () => {
  it("once this instance's last accepted send of that quota has left the window", () => {
    const state = answered({ kind: 'answer', at: T + 20, sentAt: T + 20, quota: 'delete' });
    expect(clearTime(state, T + 30, 'delete')).toBe(T + 20 + QUOTA_WINDOW_MS + TRIP_MS);
  });

  it('a whole window on when none of its sends of that quota is in the window', () => {
    const state = answered({ kind: 'answer', at: T, sentAt: T, quota: 'describe' });
    expect(clearTime(state, T + 30, 'delete')).toBe(T + 30 + QUOTA_WINDOW_MS);
  });

  it('spread over up to half a period of two slots at the least', () => {
    expect(spreadMs(initialState(limits, false), limits, 1)).toBeCloseTo(SLOT, 9);
  });
});
