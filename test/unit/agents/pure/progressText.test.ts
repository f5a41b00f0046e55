/**
 * What an agent's call says while it runs (src/agents/pure/progressText.ts): the MCP progress
 * messages, "queued 0:05", "processing 1:40", "image 2 of 3: saving", "making 2 of 3: public/og.png".
 */
import * as assert from 'node:assert/strict';
import { fillProgressText, jobProgressText } from '../../../../src/agents/pure/progressText';

describe('Progress an agent reads', () => {
  it('each phase in words, the waiting ones with the time as m:ss', () => {
    assert.equal(jobProgressText('submitting', 3_000), 'submitting');
    assert.equal(jobProgressText('queued', 5_000), 'queued 0:05');
    assert.equal(jobProgressText('processing', 100_000), 'processing 1:40');
    assert.equal(jobProgressText('rate-limited', 61_999), 'rate-limited, waiting 1:01');
    assert.equal(jobProgressText('downloading', 90_000), 'saving', 'the agent is told the file is being saved, not how a download works');
  });

  it('the clock counts whole seconds, pads them, and never goes below 0:00 (a clock set back)', () => {
    assert.equal(jobProgressText('processing', 999), 'processing 0:00');
    assert.equal(jobProgressText('processing', 600_000), 'processing 10:00');
    assert.equal(jobProgressText('queued', -4_000), 'queued 0:00');
  });

  it('names the image only when the call makes several', () => {
    assert.equal(jobProgressText('downloading', 0, { index: 2, of: 3 }), 'image 2 of 3: saving');
    assert.equal(jobProgressText('queued', 40_000, { index: 1, of: 1 }), 'queued 0:40');
  });

  it('a fill counts its targets from 1 and names the one being made', () => {
    assert.equal(fillProgressText(0, 3, 'public/og.png'), 'making 1 of 3: public/og.png');
    assert.equal(fillProgressText(2, 3, 'img/b.webp'), 'making 3 of 3: img/b.webp');
  });
});
