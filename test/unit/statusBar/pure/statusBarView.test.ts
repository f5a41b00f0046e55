import * as assert from 'node:assert/strict';
import { JobFailedError } from '../../../../src/domain/errors/errors';
import type { JobSnapshot } from '../../../../src/jobs/pure/jobSnapshot';
import { formatDuration as formatElapsed } from '../../../../src/shared/format';
import { jobLine, statusBarView, type StatusBarInput } from '../../../../src/statusBar/pure/statusBarView';

const NOW = 1_700_000_100_000;

function job(overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    id: 'j1',
    model: 'gpt-image-1',
    prompt: 'a red fox',
    state: 'processing',
    startedAt: NOW - 41_000,
    resumed: false,
    requestId: 'req-1',
    ...overrides,
  };
}

function input(overrides: Partial<StatusBarInput> = {}): StatusBarInput {
  return { jobs: [], key: 'stored', lowCreditWarning: 5, now: NOW, credits: { credits: 12.345, freeCredits: 0.018 }, ...overrides };
}

describe('statusBarView', () => {
  it('idle with a key: the balance, clicking shows jobs', () => {
    const view = statusBarView(input());
    assert.equal(view.text, '$(credit-card) 12.35');
    assert.equal(view.command, 'segmind.showJobs');
    assert.equal(view.warning, false);
    assert.match(view.tooltip, /Credits: \*\*12\.35\*\* · free credits: 0\.02/);
  });

  it('warns below the threshold', () => {
    const view = statusBarView(input({ credits: { credits: 4.99 } }));
    assert.equal(view.warning, true);
    assert.match(view.tooltip, /below 5/);
    assert.match(view.accessibilityLabel, /low/);
    assert.equal(statusBarView(input({ credits: { credits: 5 } })).warning, false);
  });

  it('no key: Set API Key, clicking sets it', () => {
    const view = statusBarView(input({ key: 'none', credits: undefined }));
    assert.equal(view.text, '$(key) Set API Key');
    assert.equal(view.command, 'segmind.setApiKey');
    assert.match(view.tooltip, /command:segmind\.setApiKey/);
  });

  it('says when the key comes from the environment', () => {
    assert.match(statusBarView(input({ key: 'environment' })).tooltip, /SEGMIND_API_KEY/);
  });

  it('credits unknown: a neutral label with the reason in the tooltip', () => {
    const view = statusBarView(input({ credits: undefined, creditsProblem: 'key refused' }));
    assert.equal(view.text, '$(credit-card) Segmind');
    assert.match(view.tooltip, /unknown \(key refused\)/);
  });

  it("busy: spinner, job count and the oldest job's elapsed time", () => {
    const one = statusBarView(input({ jobs: [job()] }));
    assert.equal(one.text, '$(sync~spin) 1 job · 0:41');
    const two = statusBarView(
      input({ jobs: [job(), job({ id: 'j2', startedAt: NOW - 5_000, state: 'queued' }), job({ id: 'j3', state: 'saved', finishedAt: NOW })] }),
    );
    assert.equal(two.text, '$(sync~spin) 2 jobs · 0:41');
    assert.equal(two.command, 'segmind.showJobs');
    assert.equal(two.warning, false, 'busy hides the low-credit colour');
  });

  it('the tooltip has one line per job with its state, and recent ones', () => {
    const view = statusBarView(
      input({
        jobs: [
          job(),
          job({ id: 'b', state: 'rate-limited', retryAt: NOW + 4_200 }),
          job({ id: 'c', state: 'failed', failure: new JobFailedError('r-1', 'blocked'), finishedAt: NOW }),
        ],
      }),
    );
    assert.match(view.tooltip, /\*\*processing\*\* 0:41 · gpt-image-1 · “a red fox”/);
    assert.match(view.tooltip, /\*\*rate-limited, retrying in 5 s\*\*/);
    assert.match(view.tooltip, /Recent:/);
    assert.match(view.tooltip, /\*\*failed\*\*: Generation failed: blocked/);
  });

  it('every state has its words', () => {
    const words: Record<JobSnapshot['state'], RegExp> = {
      submitting: /submitting/,
      queued: /queued/,
      processing: /processing/,
      'rate-limited': /rate-limited/,
      downloading: /downloading/,
      saved: /saved/,
      failed: /failed/,
      cancelled: /cancelled/,
      expired: /expired\*\* \(kept 1 hour\)/,
    };
    for (const [state, pattern] of Object.entries(words)) {
      assert.match(jobLine(job({ state: state as JobSnapshot['state'], finishedAt: NOW }), NOW), pattern);
    }
  });

  it('escapes Markdown in prompts so a prompt cannot inject links or commands', () => {
    const line = jobLine(job({ prompt: '[click](command:workbench.action.quit) *bold*' }), NOW);
    assert.doesNotMatch(line, /\]\(command:/);
    assert.match(line, /\\\[click\\\]\\\(command:workbench\\\.action\\\.quit\\\)/);
  });

  it('formats elapsed time as m:ss, then h:mm:ss', () => {
    assert.equal(formatElapsed(0), '0:00');
    assert.equal(formatElapsed(61_999), '1:01');
    assert.equal(formatElapsed(3_661_000), '1:01:01');
    assert.equal(formatElapsed(-5), '0:00');
  });
});
