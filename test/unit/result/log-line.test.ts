import { Logger } from '../../../functions/delete-caster-video-resource/logger';
import { logLine } from '../../../functions/delete-caster-video-resource/result/log-line';
import { resultOf } from '../../../functions/delete-caster-video-resource/result/result';
import type { BatchResult, ItemResult } from '../../../functions/delete-caster-video-resource/result/types';
import { deletedRan, ran } from '../../support/work';

const ok = resultOf({ shape: 'single', done: ran(deletedRan) }, 'inv').result as ItemResult;
const failed: ItemResult = {
  ok: false,
  casterId: 'c',
  resourceId: 'r',
  invocationId: 'inv',
  attempts: 4,
  error: { code: 'Throttling.User', message: 'm', status: 429, retryable: true, requestId: 'RID2', details: [] },
};

function line(result: ItemResult | BatchResult, redeliver: string[] = []) {
  const lines: string[] = [];
  logLine(new Logger('debug', { invocationId: 'inv' }, [], (l) => lines.push(l)), result, redeliver, 12);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]);
}

// A success's line, and a batch's items with their records, are
// test/integration/http-trigger.test.ts's and envelopes.test.ts's.
describe('logLine', () => {
  it('logs a failure with its code and status', () => {
    expect(line(failed)).toMatchObject({ errorCode: 'Throttling.User', status: 429 });
  });

  it('logs a failure that is redelivered at error, naming what is redelivered', () => {
    expect(line(failed, ['Throttling.User'])).toMatchObject({ level: 'error', redeliver: ['Throttling.User'] });
  });

  it('logs an acknowledged caller error at warn', () => {
    expect(line({ ...failed, error: { ...failed.error, code: 'InvalidRequest', status: 400 } }).level).toBe('warn');
  });

  it('lists the first 100 items of a larger batch, and counts the rest', () => {
    const results = Array.from({ length: 130 }, () => ok);
    const summary = { deleted: 130, already_absent: 0, would_delete: 0, failed: 0 };
    const logged = line({ ok: true, results, summary, invocationId: 'inv' });
    expect([logged.items.length, logged.itemsNotListed]).toEqual([100, 30]);
  });
});
