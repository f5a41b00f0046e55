/**
 * A job as the status bar, Show Jobs and the Studio see it (src/jobs/pure/jobSnapshot.ts): whether it
 * still runs decides where the lists put it and whether it can be cancelled (Show Jobs, the tracker).
 */
import * as assert from 'node:assert/strict';
import { isRunning } from '../../../../src/jobs/pure/jobSnapshot';
import { JOB_STATE_NAMES } from '../../../../src/shared/jobStates';

describe('jobSnapshot', () => {
  it('a job runs from its submit until it is downloaded', () => {
    for (const state of ['submitting', 'queued', 'processing', 'rate-limited', 'downloading'] as const) assert.equal(isRunning({ state }), true, state);
  });

  it('a saved, failed, cancelled or expired job has ended, and every state is one or the other', () => {
    const ended = ['saved', 'failed', 'cancelled', 'expired'] as const;
    for (const state of ended) assert.equal(isRunning({ state }), false, state);
    assert.equal(JOB_STATE_NAMES.filter((state) => !isRunning({ state })).join(), ended.join(), 'a new state must be placed deliberately');
  });
});
