import { resultShapeProblems } from '../../scripts/local/result-shape';

const success = {
  ok: true, outcome: 'would_delete', casterId: 'c', resourceId: 'r', regionId: 'cn-shanghai',
  requestId: 'RID', invocationId: 'inv', attempts: 1, dryRun: true,
};
const failure = {
  ok: false, casterId: 'c', resourceId: 'r', invocationId: 'inv',
  error: { code: 'InvalidCaster.NotFound', message: 'm', status: 404, retryable: false, requestId: null, details: [] },
};

describe('resultShapeProblems (what npm run smoke checks)', () => {
  it('accepts the SPEC §5 single, failure and batch shapes', () => {
    expect(resultShapeProblems(success)).toEqual([]);
    expect(resultShapeProblems(failure)).toEqual([]);
    const batch = { ok: false, results: [success, failure], summary: { deleted: 0, already_absent: 0, would_delete: 1, failed: 1 }, invocationId: 'inv' };
    expect(resultShapeProblems(batch)).toEqual([]);
  });

  it('names what is wrong', () => {
    expect(resultShapeProblems({ hello: 'world' })).toContain('result.ok must be true or false');
    expect(resultShapeProblems({ ...success, outcome: 'removed' })).toEqual(['result.outcome must be one of deleted, already_absent, would_delete']);
    expect(resultShapeProblems({ ...failure, error: { ...failure.error, status: 200 } })).toEqual(['result.error.status must be 400–599']);
    const badSum = { ok: true, results: [success], summary: { deleted: 1, already_absent: 0, would_delete: 1, failed: 0 }, invocationId: 'i' };
    expect(resultShapeProblems(badSum)).toEqual(['summary counts must add up to the number of results']);
    expect(resultShapeProblems('text')).toEqual(['result is not an object']);
  });
});
