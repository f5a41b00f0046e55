/**
 * Spending that stays in bounds, in the real VS Code against the fake Segmind: the daily limit and
 * the agent's refuse before any request, through the registered command and the agent tool; a run
 * counts when its jobs are submitted, failed ones too; parallel runs cannot pass a limit together.
 * (The Studio's refusal is in studio.test.ts, the palette's in the end-to-end flows.)
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { isSegmindError } from '../../src/domain/errors/errors';
import { ScriptedAsker } from '../../src/flow/scriptedAsker';
import { generateRejection, setting, useFakeSegmind } from './support/segmindFixture';
import { testServices, type TestServices } from './support/testServices';
import { scripted } from './support/commands';

/** A limit below any run: whatever this window spent before, the next run would pass it. */
const BELOW_ANY_RUN = 0.001;

describe('Spending limits (real VS Code, fake Segmind)', function () {
  const segmind = useFakeSegmind();

  it('segmind.dailySpendLimit refuses a scripted run before any request, naming the spend, the limit and the setting', async () => {
    await setting('dailySpendLimit', BELOW_ANY_RUN);
    const message = await generateRejection({ prompt: 'Over the limit', variants: 2 });
    assert.match(
      message,
      /^Not sent: this run \(up to \$0\.50\) would take today's spend of \$\d+\.\d\d past your limit of < \$0\.01 \(segmind\.dailySpendLimit\)\. Raise the limit/,
    );
    assert.equal(segmind.fake.requests.length, 0);
  });

  it('segmind.agentDailySpendLimit refuses the agent tool before any request, and the error says to ask the user to raise it', async () => {
    await setting('agentDailySpendLimit', BELOW_ANY_RUN);
    let message = '';
    try {
      await vscode.lm.invokeTool('segmind_generate_image', { input: { prompt: 'Agent over its limit' }, toolInvocationToken: undefined });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    assert.match(message, /Refused before anything was sent.*ask the user to raise segmind\.agentDailySpendLimit/);
    assert.equal(segmind.fake.requests.length, 0);
    // The agent's limit is the agent's alone: a scripted call still runs.
    const uris = await scripted('segmind.generateImage', { prompt: 'Not the agent' });
    assert.equal(uris?.length, 1);
  });

  describe('what counts (a window of its own, nothing spent yet)', () => {
    let services: TestServices;
    const asker = (): ScriptedAsker => new ScriptedAsker(services.logger, 'spending test');
    /** gpt-image-1-mini, high, 1024x1024: held at $0.044 a job (the published price is $0.036); the fake reports $0.04. */
    const MINI = { model: 'gpt-image-1-mini', quality: 'high', size: '1024x1024' } as const;

    beforeEach(async () => {
      services = await testServices('spending tests');
      await setting('dailySpendLimit', 0.1);
    });

    afterEach(() => services.dispose());

    it('each submitted job counts, at the cost Segmind reports once it does; the run that would pass the limit is refused, nothing sent', async () => {
      const first = await services.flow.run({ options: { prompt: 'Two of them', variants: 2, ...MINI } }, asker());
      assert.ok(first.ran && first.outcome.saved.length === 2);
      assert.equal(services.spending.today().totalUsd.toFixed(3), '0.080', 'the reported $0.04 a job, not the $0.044 held');
      const before = segmind.fake.requests.length;
      await assert.rejects(
        services.flow.run({ options: { prompt: 'One more', ...MINI } }, asker()),
        (error: unknown) => isSegmindError(error) && error.kind === 'spend-limit',
      );
      assert.equal(segmind.fake.requests.length, before, 'nothing sent for the refused run');
    });

    it('a job that fails counts too (Segmind may charge either way)', async () => {
      segmind.fake.planNextJob({ outcome: 'FAILED', error: 'blocked' });
      const result = await services.flow.run({ options: { prompt: 'A failing one', ...MINI } }, asker());
      assert.ok(result.ran && result.outcome.failures.length === 1);
      assert.equal(services.spending.today().totalUsd.toFixed(3), '0.044', 'no cost was reported: the hold stays');
    });

    it('two runs at once cannot pass a limit together: one is refused before it sends anything', async () => {
      segmind.fake.planNextJob({ durationMs: 800 });
      const runs = await Promise.allSettled([
        services.flow.run({ options: { prompt: 'Parallel one', variants: 2, ...MINI } }, asker()),
        services.flow.run({ options: { prompt: 'Parallel two', variants: 2, ...MINI } }, asker()),
      ]);
      const refused = runs.filter((run) => run.status === 'rejected' && isSegmindError(run.reason) && run.reason.kind === 'spend-limit');
      assert.equal(refused.length, 1);
      assert.equal(segmind.fake.requestsTo('api', 'POST').length, 2, 'only the run that fits was submitted');
      assert.equal(services.spending.today().totalUsd.toFixed(2), '0.08');
    });

    it('the hold follows the quality and the size: gpt-image-1 high at 1536x1024 ($0.25) does not pass under a $0.10 limit', async () => {
      await assert.rejects(
        services.flow.run({ options: { prompt: 'A large, careful one', model: 'gpt-image-1', quality: 'high', size: '1536x1024' } }, asker()),
        (error: unknown) => isSegmindError(error) && error.kind === 'spend-limit' && error.estimateUsd > 0.25,
      );
      assert.equal(segmind.fake.requests.length, 0, 'held as $0.04 in 0.3, it was sent');
    });

    it('two windows (two ledgers on one storage) race one limit: one run is refused before it sends anything', async () => {
      const other = await testServices('spending tests, second window', true, services.storage);
      try {
        segmind.fake.planNextJob({ durationMs: 800 });
        const runs = await Promise.allSettled([
          services.flow.run({ options: { prompt: 'Window one', variants: 2, ...MINI } }, asker()),
          other.flow.run({ options: { prompt: 'Window two', variants: 2, ...MINI } }, new ScriptedAsker(other.logger, 'second window')),
        ]);
        const refused = runs.filter((run) => run.status === 'rejected' && isSegmindError(run.reason) && run.reason.kind === 'spend-limit');
        assert.equal(refused.length, 1, 'each window alone was under the limit; together they were not');
        assert.equal(segmind.fake.requestsTo('api', 'POST').length, 2);
        assert.equal((await other.spending.refresh()).totalUsd.toFixed(2), '0.08', 'the other window sees the same day');
      } finally {
        other.dispose();
      }
    });
  });
});
