/**
 * The persisted job record (src/jobs/pure/jobRecord.ts): what survives a window reload, what is
 * dropped as untrustworthy storage, and the one-hour retention after which a job cannot be resumed.
 */
import * as assert from 'node:assert/strict';
import { RESULT_RETENTION_MS, isExpired, sortStoredJobs, type JobRecord } from '../../../../src/jobs/pure/jobRecord';

const NOW = 1_700_000_000_000;

function record(overrides: Partial<JobRecord> = {}): JobRecord {
  return {
    version: 1,
    id: 'local-1',
    requestId: 'req-1',
    model: 'gpt-image-1',
    prompt: 'a fox',
    parameters: { size: '1024x1024', quality: 'auto', background: 'opaque', outputFormat: 'png', outputCompression: 100, moderation: 'auto' },
    outputFolder: 'file:///ws/assets',
    baseName: 'a-fox',
    saveMetadata: true,
    submittedAt: NOW - 60_000,
    ...overrides,
  };
}

describe('jobRecord', () => {
  it('resumes jobs younger than an hour and reports older ones as expired', () => {
    const young = record({ id: 'young', submittedAt: NOW - RESULT_RETENTION_MS + 1 });
    const old = record({ id: 'old', submittedAt: NOW - RESULT_RETENTION_MS });
    const sorted = sortStoredJobs([young, old], NOW);
    assert.deepEqual(
      sorted.resumable.map((r) => r.id),
      ['young'],
    );
    assert.deepEqual(
      sorted.expired.map((r) => r.id),
      ['old'],
    );
    assert.equal(sorted.invalid, 0);
  });

  it('drops what is not a record instead of trusting storage', () => {
    const sorted = sortStoredJobs([record(), { id: 'x' }, 'junk', null, record({ model: 'DALL·E 3' }), { ...record(), version: 2 }], NOW);
    assert.equal(sorted.resumable.length, 1);
    assert.equal(sorted.invalid, 5);
    assert.deepEqual(sortStoredJobs('not an array', NOW), { resumable: [], expired: [], invalid: 0 });
  });

  it('keeps edit sources and variant through a round trip', () => {
    const withSources = record({
      variant: { index: 2, of: 3 },
      sourceImages: [{ path: 'images/logo.png', uploadedUrl: 'https://x/a.png' }],
      mask: { path: 'mask.png' },
    });
    const [back] = sortStoredJobs(JSON.parse(JSON.stringify([withSources])), NOW).resumable;
    assert.deepEqual(back, withSources);
  });

  it('keeps a custom model (segmind.customModels) and its like through a reload, so the resumed job polls and saves under its slug', () => {
    const custom = record({ model: 'gpt-image-3-preview', like: 'gpt-image-2' });
    const [back] = sortStoredJobs(JSON.parse(JSON.stringify([custom])), NOW).resumable;
    assert.deepEqual(back, custom);
    assert.equal(sortStoredJobs([record({ model: 'gpt-image-3-preview', like: 'dall-e-3' as never })], NOW).invalid, 1);
  });

  it('isExpired is exactly the 1-hour retention', () => {
    assert.equal(isExpired({ submittedAt: NOW - RESULT_RETENTION_MS + 1 }, NOW), false);
    assert.equal(isExpired({ submittedAt: NOW - RESULT_RETENTION_MS }, NOW), true);
  });
});
