import { itemResult } from '../../functions/delete-caster-video-resource/batch/settle';
import { FunctionError, MethodNotAllowedError } from '../../functions/delete-caster-video-resource/errors';
import { Logger } from '../../functions/delete-caster-video-resource/logger';
import { redact, redactValue } from '../../functions/delete-caster-video-resource/redaction';
import { httpStatus, toHttpResponse } from '../../functions/delete-caster-video-resource/result/http-response';
import { batchResult, failure } from '../../functions/delete-caster-video-resource/result/result';

const item = { casterId: 'c', resourceId: 'r', regionId: 'cn-shanghai', dryRun: false };
const work = { index: 0, casterId: 'c', resourceId: 'r', item };

describe('result shaping', () => {
  it('shapes a success as SPEC §5 shows it', () => {
    expect(itemResult({ work, attempts: 2, outcome: 'deleted', requestId: 'RID' }, 'inv', false)).toEqual({
      ok: true,
      outcome: 'deleted',
      casterId: 'c',
      resourceId: 'r',
      regionId: 'cn-shanghai',
      requestId: 'RID',
      invocationId: 'inv',
      attempts: 2,
      dryRun: false,
    });
  });

  it('summarises a batch in input order and is ok only when every item is', () => {
    const ok = itemResult({ work, attempts: 1, outcome: 'already_absent', requestId: null }, 'inv', false);
    const bad = failure(new FunctionError('InvalidCaster.NotFound', 'x', 404), 'inv', {
      casterId: 'c',
      resourceId: 'r2',
      attempts: 1,
    });
    const batch = batchResult([ok, bad, ok], 'inv');
    expect(batch.summary).toEqual({ deleted: 0, already_absent: 2, would_delete: 0, failed: 1 });
    expect(batch.ok).toBe(false);
    expect(batch.results.map((r) => r.resourceId)).toEqual(['r', 'r2', 'r']);
    expect(httpStatus(batch)).toBe(207);
    expect(httpStatus(batchResult([ok], 'inv'))).toBe(200);
  });

  it('maps failures to their status with Allow and Retry-After headers', () => {
    const methodResult = failure(new MethodNotAllowedError('GET', ['POST', 'DELETE']), 'inv');
    expect(toHttpResponse(methodResult, '{}')).toMatchObject({
      statusCode: 405,
      headers: { allow: 'POST, DELETE' },
      isBase64Encoded: false,
    });
    const throttled = failure(new FunctionError('Throttling.User', 'x', 429, { retryable: true }), 'inv');
    expect(toHttpResponse(throttled, '{}', 3).headers).toMatchObject({
      'retry-after': '3',
      'content-type': 'application/json; charset=utf-8',
    });
  });
});

describe('redaction', () => {
  it('masks every occurrence of a secret in text and in values', () => {
    expect(redact('a SECRET123 b SECRET123', ['SECRET123'])).toBe('a *** b ***');
    expect(redactValue({ m: ['x TOKEN-abc'] }, ['TOKEN-abc'])).toEqual({ m: ['x ***'] });
    expect(redactValue({ a: { 'TOKEN-abc': 1 } }, ['TOKEN-abc'])).toEqual({ a: { '***': 1 } });
    expect(redactValue({ a: [{ b: [null, 2, 'deep TOKEN-abc'] }] }, ['TOKEN-abc'])).toEqual({
      a: [{ b: [null, 2, 'deep ***'] }],
    });
    const clean = { m: 'nothing to hide', n: [1, { o: null }] };
    expect(redactValue(clean, ['TOKEN-abc'])).toBe(clean);
  });

  it('masks secrets in log lines and honours the level', () => {
    const lines: string[] = [];
    const logger = new Logger('warn', { invocationId: 'inv' }, ['s3cr3t-value'], (l) => lines.push(l));
    logger.log('info', 'dropped');
    logger.log('error', 'kept', { detail: 'leak s3cr3t-value' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'error',
      message: 'kept',
      invocationId: 'inv',
      detail: 'leak ***',
    });
  });

  it('writes each line as one JSON object, whether the base or the fields are empty', () => {
    const lines: string[] = [];
    new Logger('debug', {}, [], (l) => lines.push(l)).log('info', 'say "hi"\n');
    new Logger('debug', { invocationId: 'inv', trigger: 'http' }, [], (l) => lines.push(l)).log('warn', 'w');
    new Logger('debug', {}, [], (l) => lines.push(l)).log('debug', 'd', { n: 1, nested: { a: [1, '2'] } });
    expect(lines.every((l) => l.endsWith('}\n') && l.split('\n').length === 2)).toBe(true);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed[0]).toEqual({
      level: 'info',
      message: 'say "hi"\n',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(Object.keys(parsed[1])).toEqual(['level', 'message', 'time', 'invocationId', 'trigger']);
    expect(parsed[2]).toMatchObject({ level: 'debug', n: 1, nested: { a: [1, '2'] } });
  });
});
