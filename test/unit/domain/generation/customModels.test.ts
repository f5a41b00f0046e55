/**
 * segmind.customModels: a slug the catalog does not know yet takes the parameters, sizes, defaults
 * and price of the model it is like; a wrong entry is refused with a sentence that says which and
 * why; every plan accepts a configured custom slug, sends and records it, and holds the like's price.
 */
import * as assert from 'node:assert/strict';
import { MODELS } from '../../../../src/domain/generation/catalog';
import { customModelSpec, modelSpecOf, parseCustomModels, textToImageSpecs } from '../../../../src/domain/generation/customModels';
import { jobPriceOf, planEdit, planGeneration, planPriceUsd, type GenerationDefaults } from '../../../../src/domain/generation/plan';
import { readSidecar } from '../../../../src/domain/images/sidecar';
import { jobPriceUsd } from '../../../../src/domain/spending/pricing';
import { modelView } from '../../../../src/studio/pure/studioViews';
import { refusal } from '../../support/assertions';

const PREVIEW = customModelSpec({ slug: 'gpt-image-3-preview', like: 'gpt-image-2' });
const defaults = (customModels = [PREVIEW], customModelProblems: string[] = []): GenerationDefaults => ({
  defaultModel: 'gpt-image-1',
  parameters: {},
  customModels,
  customModelProblems,
});

describe('segmind.customModels', () => {
  it('a custom model is its like under its own slug: kind, sizes, parameters, defaults and price', () => {
    const like = MODELS['gpt-image-2'];
    assert.equal(PREVIEW.slug, 'gpt-image-3-preview');
    assert.equal(PREVIEW.like, 'gpt-image-2');
    assert.equal(PREVIEW.custom, true);
    assert.equal(PREVIEW.label, 'gpt-image-3-preview (like gpt-image-2)');
    assert.deepEqual(
      [PREVIEW.textToImage, PREVIEW.editInput, PREVIEW.maxEditImages, PREVIEW.sizes, PREVIEW.defaults, PREVIEW.compressionRange, PREVIEW.estimatedCostUsd],
      [like.textToImage, like.editInput, like.maxEditImages, like.sizes, like.defaults, like.compressionRange, like.estimatedCostUsd],
    );
    assert.equal(customModelSpec({ slug: 'nano', like: 'gpt-image-1-mini', label: 'Nano' }).label, 'Nano (like gpt-image-1-mini)');
    assert.equal(modelSpecOf('gpt-image-3-preview', [PREVIEW]), PREVIEW);
    assert.equal(modelSpecOf('gpt-image-3-preview'), undefined, 'unknown without the setting');
    assert.equal(modelSpecOf('gpt-image-1', [PREVIEW])?.custom, false);
    assert.deepEqual(
      textToImageSpecs([PREVIEW, customModelSpec({ slug: 'edit-next', like: 'gpt-image-1-edit' })]).map((spec) => spec.slug),
      ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-2', 'gpt-image-3-preview'],
      'pickers of new images list the catalog then the custom models that make new images',
    );
  });

  it('the setting: valid entries become specs, each refused entry a sentence naming it and why', () => {
    const parsed = parseCustomModels([
      { slug: 'gpt-image-3-preview', like: 'gpt-image-2' },
      { slug: 'GPT Image 3', like: 'gpt-image-2' },
      { slug: '', like: 'gpt-image-2' },
      { slug: 'next', like: 'dall-e-3' },
      { slug: 'gpt-image-1', like: 'gpt-image-2' },
      { slug: 'gpt-image-3-preview', like: 'gpt-image-1' },
      { slug: 'labelled', like: 'gpt-image-1', label: 7 },
      'gpt-image-4',
      { slug: 'nano-2', like: 'gpt-image-1-mini', label: 'Nano 2' },
    ]);
    assert.deepEqual(
      parsed.specs.map((spec) => [spec.slug, spec.like, spec.label]),
      [
        ['gpt-image-3-preview', 'gpt-image-2', 'gpt-image-3-preview (like gpt-image-2)'],
        ['nano-2', 'gpt-image-1-mini', 'Nano 2 (like gpt-image-1-mini)'],
      ],
    );
    assert.deepEqual(parsed.problems, [
      'segmind.customModels, entry 2: "slug" must be a non-empty slug of a–z, 0–9, ".", "_" and "-", not "GPT Image 3".',
      'segmind.customModels, entry 3: "slug" must be a non-empty slug of a–z, 0–9, ".", "_" and "-", not "".',
      'segmind.customModels, entry 4: "like" must be one of gpt-image-1, gpt-image-1-mini, gpt-image-2, gpt-image-1-edit, not "dall-e-3".',
      'segmind.customModels, entry 5: gpt-image-1 is already in the catalog; use it as it is.',
      'segmind.customModels, entry 6: gpt-image-3-preview is named twice.',
      'segmind.customModels, entry 7: "label" must be text.',
      'segmind.customModels, entry 8: each entry is an object { "slug", "like", "label"? }.',
    ]);
    assert.deepEqual(parseCustomModels(undefined), { specs: [], problems: [] });
    assert.deepEqual(parseCustomModels({ slug: 'x', like: 'gpt-image-2' }).problems, ['segmind.customModels must be a list of { "slug", "like", "label"? }.']);
  });

  it('a generation plan with the custom slug: sent and recorded as itself, checked and priced as its like', () => {
    const plan = planGeneration({ prompt: 'a lighthouse', model: 'gpt-image-3-preview', size: '2048x2048' }, defaults());
    assert.deepEqual([plan.model, plan.like, plan.parameters.size], ['gpt-image-3-preview', 'gpt-image-2', '2048x2048']);
    assert.equal(jobPriceOf(plan), jobPriceUsd({ model: 'gpt-image-2', quality: 'high', size: '2048x2048' }));
    assert.equal(planPriceUsd({ ...plan, variants: 2 }), Math.round(jobPriceOf(plan) * 2 * 1000) / 1000);
    // The like's sizes, and messages that name the custom slug.
    const mini = customModelSpec({ slug: 'mini-next', like: 'gpt-image-1-mini' });
    const refused = refusal(() => planGeneration({ prompt: 'a lighthouse', model: 'mini-next', size: '2048x2048' }, defaults([mini])));
    assert.match(refused.problems[0]?.message ?? '', /on mini-next/);
  });

  it('an unknown slug is refused before anything is sent, naming the models there are (and why an entry was refused)', () => {
    const unknown = refusal(() => planGeneration({ prompt: 'a lighthouse', model: 'gpt-image-3' }, defaults()));
    assert.equal(unknown.problems[0]?.message, 'Unknown model "gpt-image-3" (choose gpt-image-1, gpt-image-1-mini, gpt-image-2, gpt-image-3-preview).');
    const typo = refusal(() =>
      planGeneration(
        { prompt: 'a lighthouse', model: 'gpt-image-3' },
        defaults([], ['segmind.customModels, entry 1: "like" must be one of …, not "gpt-image-9".']),
      ),
    );
    assert.match(typo.problems[0]?.message ?? '', /choose gpt-image-1, gpt-image-1-mini, gpt-image-2\)\. segmind\.customModels, entry 1: "like"/);
    refusal(() => planGeneration({ prompt: 'a lighthouse', model: 'gpt-image-3-preview' }, defaults([])));
  });

  it('an edit with a custom model like gpt-image-1-edit takes its images, mask and body fields', () => {
    const editNext = customModelSpec({ slug: 'edit-next', like: 'gpt-image-1-edit' });
    const plan = planEdit({ prompt: 'make it blue', model: 'edit-next' }, defaults([editNext]), { images: ['a.png', 'b.png'], mask: 'm.png' }, new Date(0));
    assert.deepEqual([plan.model, plan.like, plan.sourceImages?.length, plan.mask?.path], ['edit-next', 'gpt-image-1-edit', 2, 'm.png']);
    assert.equal(jobPriceOf(plan), jobPriceUsd({ model: 'gpt-image-1-edit', quality: plan.parameters.quality, size: plan.parameters.size, inputImages: 3 }));
    const refused = refusal(() =>
      planEdit({ prompt: 'make it blue', model: 'gpt-image-3-preview' }, defaults([editNext]), { images: ['a.png', 'b.png'] }, new Date(0)),
    );
    assert.equal(refused.problems[0]?.message, 'Unknown model "gpt-image-3-preview" (edits use gpt-image-2, gpt-image-1-edit, edit-next).');
  });

  it("the Studio's model list shows a custom model by its label, with its like's sizes and prices", () => {
    const view = modelView(PREVIEW);
    const like = modelView(modelSpecOf('gpt-image-2') ?? assert.fail('gpt-image-2'));
    assert.deepEqual([view.slug, view.label], ['gpt-image-3-preview', 'gpt-image-3-preview (like gpt-image-2)']);
    assert.deepEqual([view.sizes, view.pricesUsd, view.defaults], [like.sizes, like.pricesUsd, like.defaults]);
  });

  it('a sidecar of a custom model runs again while the setting names it', () => {
    const text = JSON.stringify({ prompt: 'a lighthouse', model: 'gpt-image-3-preview', parameters: { size: '2048x2048', quality: 'high' } });
    assert.equal(readSidecar(text)?.settings, undefined, 'not without the setting');
    const settings = readSidecar(text, [PREVIEW])?.settings;
    assert.deepEqual([settings?.model, settings?.parameters.size], ['gpt-image-3-preview', '2048x2048']);
  });
});
