/**
 * What the Studio webview is sent about models, choices and jobs (studio/pure/studioViews): views
 * made from the catalog and job snapshots, prices as the spending hold, errors put into words.
 */
import * as assert from 'node:assert/strict';
import { MODELS } from '../../../../src/domain/generation/catalog';
import { catalogSpec, customModelSpec } from '../../../../src/domain/generation/customModels';
import { MissingApiKeyError } from '../../../../src/domain/errors/errors';
import type { JobSnapshot } from '../../../../src/jobs/pure/jobSnapshot';
import { jobView, modelView, runSummary, studioChoices } from '../../../../src/studio/pure/studioViews';

const job = (overrides: Partial<JobSnapshot>): JobSnapshot => ({
  id: 'job-1',
  model: 'gpt-image-1',
  prompt: 'a fox',
  state: 'processing',
  startedAt: 10_000,
  resumed: false,
  ...overrides,
});
const relative = (uri: string): string => uri.replace('file:///ws/', '');

describe('Studio views (studio/pure/studioViews)', () => {
  it('shows a model with what it takes, and prices every size and quality at most what one image can cost', () => {
    const edit = modelView(catalogSpec('gpt-image-1-edit'));
    assert.deepEqual([edit.slug, edit.textToImage, edit.maxEditImages, edit.acceptsMask], ['gpt-image-1-edit', false, 16, true]);
    assert.equal(modelView(catalogSpec('gpt-image-2')).acceptsMask, false, 'gpt-image-2 edits one image, without a mask');
    const plain = modelView(catalogSpec('gpt-image-1'));
    assert.deepEqual(Object.keys(plain.pricesUsd), ['auto', '1024x1024', '1536x1024', '1024x1536']);
    assert.deepEqual(plain.pricesUsd['1024x1024'], { low: 0.021, medium: 0.042, high: 0.168, auto: 0.168 });
    assert.equal(plain.pricesUsd['auto']?.['low'], 0.032, '"auto" size is held as the largest it may choose');
    assert.notEqual(plain.defaults, MODELS['gpt-image-1'].defaults, 'a copy: the catalog cannot be changed through a view');
    assert.notEqual(plain.sizes, MODELS['gpt-image-1'].sizes);
  });

  it('shows a custom model under its own slug, with the sizes and prices of the model it is like', () => {
    const custom = modelView(customModelSpec({ slug: 'gpt-image-1.5', like: 'gpt-image-2', label: 'Next' }));
    const like = modelView(catalogSpec('gpt-image-2'));
    assert.deepEqual([custom.slug, custom.label], ['gpt-image-1.5', 'Next (like gpt-image-2)']);
    assert.deepEqual(custom.sizes, like.sizes);
    assert.deepEqual(custom.pricesUsd, like.pricesUsd);
    assert.equal(custom.pricesUsd['3840x2160']?.['high'], like.pricesUsd['3840x2160']?.['high']);
  });

  it('offers the catalog’s choices and limits, so the webview repeats none', () => {
    const choices = studioChoices();
    assert.deepEqual([choices.maxVariants, choices.maxInputs, choices.defaultEditModel], [4, 16, 'gpt-image-1-edit']);
    assert.deepEqual(choices.qualities, ['low', 'medium', 'high', 'auto']);
    assert.deepEqual(choices.outputFormats, ['png', 'jpeg', 'webp']);
    assert.deepEqual(choices.fits, ['cover', 'contain', 'fill']);
    assert.ok(choices.sizePresets.length > 0 && choices.sizePresets.every((preset) => /^\d+x\d+$/.test(preset.size) && preset.label));
  });

  it('shows a running job with its time so far and no fields it does not have yet', () => {
    const view = jobView(job({}), 25_000, relative);
    assert.deepEqual(view, { id: 'job-1', model: 'gpt-image-1', prompt: 'a fox', state: 'processing', running: true, elapsedMs: 15_000 });
    assert.equal(jobView(job({}), 5_000, relative).elapsedMs, 0, 'a clock behind the start shows 0, not a negative time');
  });

  it('shows a finished job with its time to the end, its saved path and its failure in words', () => {
    const saved = jobView(job({ state: 'saved', finishedAt: 70_000, requestId: 'r-1', savedUri: 'file:///ws/images/fox.png' }), 999_000, relative);
    assert.deepEqual([saved.running, saved.elapsedMs, saved.requestId, saved.savedPath], [false, 60_000, 'r-1', 'images/fox.png']);
    const failed = jobView(job({ state: 'failed', finishedAt: 11_000, failure: new MissingApiKeyError() }), 20_000, relative);
    assert.equal(failed.error, 'No Segmind API key is set. Set one to generate images.', 'the typed error in the user’s words, not its log message');
    assert.equal(jobView(job({ state: 'failed', failure: new Error('disk full') }), 20_000, relative).error, 'disk full');
  });

  it('sums up a run: what was saved, how many failed, and warnings with the log offered', () => {
    assert.deepEqual(runSummary('fox.png', [], 0), { severity: 'info', text: 'Saved fox.png.', actions: [] });
    assert.deepEqual(runSummary('fox.png, fox-2.png', [], 1), { severity: 'info', text: 'Saved fox.png, fox-2.png (1 failed).', actions: [] });
    assert.deepEqual(runSummary('fox.png', ['No transparency.', 'Resized.'], 2), {
      severity: 'warning',
      text: 'Saved fox.png. No transparency. Resized.',
      actions: ['showLog'],
    });
  });
});
