/**
 * Plans (src/domain/generation/plan.ts): options over settings over the model's defaults, checked
 * against the model before anything is sent; exact sizes; edits and their uploaded sources; what a
 * plan costs.
 */
import * as assert from 'node:assert/strict';
import { MAX_VARIANTS } from '../../../../src/domain/generation/options';
import {
  DEFAULT_EDIT_MODEL,
  planEdit,
  planGeneration,
  planPriceUsd,
  withUploadedSources,
  type GenerationDefaults,
} from '../../../../src/domain/generation/plan';
import { refusal } from '../../support/assertions';

const noSettings: GenerationDefaults = { defaultModel: 'gpt-image-1', parameters: {} };
const at = new Date(2026, 10, 22, 3, 15, 2);
const one = { images: ['images/logo.png'] };
const two = { images: ['images/logo.png', 'art/other.jpg'] };

describe('planEdit', () => {
  it('defaults to gpt-image-1-edit with its defaults, whatever the text-to-image default model is', () => {
    const plan = planEdit({ prompt: '  make it blue ' }, { ...noSettings, defaultModel: 'gpt-image-2' }, two, at);
    assert.equal(DEFAULT_EDIT_MODEL, 'gpt-image-1-edit');
    assert.equal(plan.model, 'gpt-image-1-edit');
    assert.equal(plan.prompt, 'make it blue');
    assert.equal(plan.variants, 1);
    assert.deepEqual(plan.parameters, { size: 'auto', quality: 'auto', background: 'opaque', outputFormat: 'png', outputCompression: 100, moderation: 'auto' });
    assert.equal(plan.baseName, 'logo-edit-20261122-031502', 'named after the first image');
    assert.deepEqual(plan.sourceImages, [{ path: 'images/logo.png' }, { path: 'art/other.jpg' }]);
    assert.equal(plan.mask, undefined);
    assert.equal(plan.body['image_urls'], undefined, 'no URLs before the upload');
    assert.equal(plan.body['image'], undefined);
  });

  it('validates parameters per model as generate does: options over settings over model defaults', () => {
    const plan = planEdit(
      { prompt: 'x', size: '1024x1536', quality: 'high' },
      { ...noSettings, parameters: { size: '1536x1024', outputFormat: 'webp' } },
      one,
      at,
    );
    assert.equal(plan.parameters.size, '1024x1536');
    assert.equal(plan.parameters.quality, 'high');
    assert.equal(plan.parameters.outputFormat, 'webp');
    assert.equal(plan.body['size'], '1024x1536');
    assert.equal(plan.body['output_format'], 'webp');

    assert.match(
      refusal(() => planEdit({ prompt: 'x', size: '2048x2048' }, noSettings, one, at)).message,
      /only available on gpt-image-2, not on gpt-image-1-edit/,
    );
    assert.match(refusal(() => planEdit({ prompt: 'x' }, { ...noSettings, parameters: { size: '3840x2160' } }, one, at)).message, /segmind\.size/);
    assert.match(refusal(() => planEdit({ prompt: 'x', background: 'transparent', outputFormat: 'jpeg' }, noSettings, one, at)).message, /png or webp/);
    assert.equal(planEdit({ prompt: 'x', model: 'gpt-image-2', size: '2048x2048' }, noSettings, one, at).parameters.size, '2048x2048');
  });

  it('refuses an empty prompt, bad variants and unknown or text-only models', () => {
    assert.match(refusal(() => planEdit({ prompt: ' ' }, noSettings, one, at)).message, /prompt is empty/i);
    assert.match(refusal(() => planEdit({ prompt: 'x', variants: 5 }, noSettings, one, at)).message, /Variants/);
    assert.equal(planEdit({ prompt: 'x', variants: 3 }, noSettings, one, at).variants, 3);
    assert.match(refusal(() => planEdit({ prompt: 'x', model: 'dall-e-9' }, noSettings, one, at)).message, /Unknown model "dall-e-9"/);
    const textOnly = refusal(() => planEdit({ prompt: 'x', model: 'gpt-image-1' }, noSettings, one, at));
    assert.equal(textOnly.problems[0]?.parameter, 'model');
    assert.match(textOnly.message, /gpt-image-1 cannot edit images; choose gpt-image-1-edit/);
  });

  it('gpt-image-2 takes exactly one image and no mask', () => {
    const plan = planEdit({ prompt: 'x', model: 'gpt-image-2' }, noSettings, one, at);
    assert.equal(plan.model, 'gpt-image-2');
    const twoImages = refusal(() => planEdit({ prompt: 'x', model: 'gpt-image-2' }, noSettings, two, at));
    assert.equal(twoImages.problems[0]?.parameter, 'images');
    assert.match(twoImages.message, /gpt-image-2 edits one image at a time, not 2; use gpt-image-1-edit/);
    const withMask = refusal(() => planEdit({ prompt: 'x', model: 'gpt-image-2' }, noSettings, { ...one, mask: 'mask.png' }, at));
    assert.equal(withMask.problems[0]?.parameter, 'mask');
    assert.match(withMask.message, /mask is only supported by gpt-image-1-edit/);
  });

  it('gpt-image-1-edit takes up to 16 images, and at least one', () => {
    planEdit({ prompt: 'x' }, noSettings, { images: Array.from({ length: 16 }, (_, i) => `${i}.png`) }, at);
    assert.match(
      refusal(() => planEdit({ prompt: 'x' }, noSettings, { images: Array.from({ length: 17 }, (_, i) => `${i}.png`) }, at)).message,
      /at most 16 images, not 17/,
    );
    assert.match(refusal(() => planEdit({ prompt: 'x' }, noSettings, { images: [] }, at)).message, /at least one image/);
  });

  describe('withUploadedSources', () => {
    it('gpt-image-1-edit: image_urls in the order of the sources, no mask field without a mask', () => {
      const plan = withUploadedSources(planEdit({ prompt: 'x' }, noSettings, two, at), { images: ['https://u/1.png', 'https://u/2.jpg'] });
      assert.deepEqual(plan.body['image_urls'], ['https://u/1.png', 'https://u/2.jpg']);
      assert.ok(!('mask' in plan.body));
      assert.ok(!('image' in plan.body));
      assert.deepEqual(plan.sourceImages, [
        { path: 'images/logo.png', uploadedUrl: 'https://u/1.png' },
        { path: 'art/other.jpg', uploadedUrl: 'https://u/2.jpg' },
      ]);
      assert.equal(plan.body['prompt'], 'x');
      assert.equal(plan.body['size'], 'auto');
    });

    it('gpt-image-1-edit with a mask: mask is the mask URL, recorded for the sidecar', () => {
      const planned = planEdit({ prompt: 'x' }, noSettings, { ...one, mask: 'masks/m.png' }, at);
      assert.deepEqual(planned.mask, { path: 'masks/m.png' });
      const plan = withUploadedSources(planned, { images: ['https://u/1.png'], mask: 'https://u/m.png' });
      assert.deepEqual(plan.body['image_urls'], ['https://u/1.png']);
      assert.equal(plan.body['mask'], 'https://u/m.png');
      assert.deepEqual(plan.mask, { path: 'masks/m.png', uploadedUrl: 'https://u/m.png' });
    });

    it('gpt-image-2: one image URL as image, no image_urls', () => {
      const plan = withUploadedSources(planEdit({ prompt: 'x', model: 'gpt-image-2' }, noSettings, one, at), { images: ['https://u/1.png'] });
      assert.equal(plan.body['image'], 'https://u/1.png');
      assert.ok(!('image_urls' in plan.body));
      assert.ok(!('mask' in plan.body));
    });

    it('does not change the plan it was given', () => {
      const planned = planEdit({ prompt: 'x' }, noSettings, one, at);
      withUploadedSources(planned, { images: ['https://u/1.png'] });
      assert.ok(!('image_urls' in planned.body));
      assert.deepEqual(planned.sourceImages, [{ path: 'images/logo.png' }]);
    });

    it('refuses URLs that do not match the sources', () => {
      const planned = planEdit({ prompt: 'x' }, noSettings, two, at);
      assert.throws(() => withUploadedSources(planned, { images: ['https://u/1.png'] }), /1 image URL\(s\) for 2 source/);
      assert.throws(() => withUploadedSources(planned, { images: ['a', 'b'], mask: 'm' }), /and a mask/);
      assert.throws(() => withUploadedSources(planGeneration({ prompt: 'x' }, noSettings), { images: ['a'] }), /source/);
    });
  });

  it('planGeneration still refuses edit inputs and edit-only models', () => {
    assert.match(refusal(() => planGeneration({ prompt: 'x', images: ['a.png'] }, noSettings)).message, /segmind\.editImage/);
    assert.match(refusal(() => planGeneration({ prompt: 'x', model: 'gpt-image-1-edit' }, noSettings)).message, /edits images/);
  });
});

describe('planGeneration', () => {
  it('uses the default model and its defaults when nothing is given', () => {
    const plan = planGeneration({ prompt: '  a fox  ' }, noSettings);
    assert.equal(plan.prompt, 'a fox');
    assert.equal(plan.model, 'gpt-image-1');
    assert.equal(plan.variants, 1);
    assert.equal(plan.parameters.size, 'auto');
    assert.deepEqual(plan.body, {
      prompt: 'a fox',
      size: 'auto',
      quality: 'auto',
      background: 'opaque',
      output_format: 'png',
      output_compression: 100,
      moderation: 'auto',
    });
  });

  it('options override settings, settings override model defaults', () => {
    const defaults: GenerationDefaults = { defaultModel: 'gpt-image-1-mini', parameters: { size: '1024x1536', quality: 'low', outputFormat: 'webp' } };
    const plan = planGeneration({ prompt: 'x', quality: 'medium' }, defaults);
    assert.equal(plan.model, 'gpt-image-1-mini');
    assert.equal(plan.parameters.quality, 'medium');
    assert.equal(plan.parameters.size, '1024x1536');
    assert.equal(plan.parameters.outputFormat, 'webp');
    assert.equal(plan.parameters.moderation, 'auto');
    const other = planGeneration({ prompt: 'x', model: 'gpt-image-2', size: '3840x2160' }, defaults);
    assert.equal(other.model, 'gpt-image-2');
    assert.equal(other.parameters.size, '3840x2160');
    assert.equal(other.body.size, '3840x2160');
  });

  it('null options fall back to settings', () => {
    const plan = planGeneration({ prompt: 'x', size: null }, { defaultModel: 'gpt-image-1', parameters: { size: '1536x1024' } });
    assert.equal(plan.parameters.size, '1536x1024');
  });

  it('refuses a setting that does not fit the model, naming the setting', () => {
    const defaults: GenerationDefaults = { defaultModel: 'gpt-image-1', parameters: { size: '3840x2160' } };
    const error = refusal(() => planGeneration({ prompt: 'x' }, defaults));
    assert.equal(error.problems[0]?.parameter, 'size');
    assert.match(error.message, /segmind\.size/);
    assert.match(error.message, /gpt-image-2/);
  });

  it('an option that does not fit is refused without blaming a setting', () => {
    const error = refusal(() => planGeneration({ prompt: 'x', outputCompression: 0 }, noSettings));
    assert.equal(error.problems[0]?.parameter, 'outputCompression');
    assert.doesNotMatch(error.message, /setting/);
  });

  it('refuses transparent + jpeg', () => {
    const error = refusal(() => planGeneration({ prompt: 'x', background: 'transparent', outputFormat: 'jpeg' }, noSettings));
    assert.equal(error.problems[0]?.parameter, 'background');
  });

  it('accepts 1 to 4 variants and refuses the rest', () => {
    assert.equal(MAX_VARIANTS, 4);
    for (const variants of [1, 2, 3, 4]) assert.equal(planGeneration({ prompt: 'x', variants }, noSettings).variants, variants);
    for (const variants of [0, 5, -1, 1.5, Number.NaN, 100]) {
      const error = refusal(() => planGeneration({ prompt: 'x', variants }, noSettings));
      assert.equal(error.problems[0]?.parameter, 'variants');
      assert.match(error.message, /1 to 4/);
    }
  });

  it('refuses the edit model for generation', () => {
    const error = refusal(() => planGeneration({ prompt: 'x', model: 'gpt-image-1-edit' }, noSettings));
    assert.equal(error.problems[0]?.parameter, 'model');
    assert.match(error.message, /Edit Image/);
  });

  it('refuses an unknown model, listing the known ones', () => {
    const error = refusal(() => planGeneration({ prompt: 'x', model: 'dall-e-3' }, noSettings));
    assert.equal(error.problems[0]?.parameter, 'model');
    assert.match(error.message, /dall-e-3/);
    assert.match(error.message, /gpt-image-1/);
  });

  it('refuses input images on generate', () => {
    const error = refusal(() => planGeneration({ prompt: 'x', images: ['a.png'] }, noSettings));
    assert.equal(error.problems[0]?.parameter, 'images');
  });

  it('refuses an empty prompt before anything else', () => {
    for (const prompt of [undefined, '', '   ']) {
      const error = refusal(() => planGeneration({ prompt, model: 'nope' }, noSettings));
      assert.equal(error.problems[0]?.parameter, 'prompt');
    }
  });
});

describe('exact sizes (resize, fit)', () => {
  it('asks for the native size closest in aspect and carries the exact size, never sending it', () => {
    const plan = planGeneration({ prompt: 'card', resize: '1200x630' }, noSettings);
    assert.equal(plan.parameters.size, '1536x1024');
    assert.deepEqual(plan.exact, { width: 1200, height: 630, fit: 'cover' });
    for (const key of ['resize', 'fit', 'path']) assert.equal(key in plan.body, false);
  });

  it('an explicit size wins; the size setting does not (it was not chosen for this image)', () => {
    assert.equal(planGeneration({ prompt: 'x', resize: '1200x630', size: '1024x1024' }, noSettings).parameters.size, '1024x1024');
    const withSetting: GenerationDefaults = { defaultModel: 'gpt-image-2', parameters: { size: '1024x1536' } };
    assert.equal(planGeneration({ prompt: 'x', resize: '1200x630' }, withSetting).parameters.size, '2048x1152');
  });

  it('refuses a bad resize or fit like any other parameter', () => {
    assert.equal(refusal(() => planGeneration({ prompt: 'x', resize: '0x9' }, noSettings)).problems[0]?.parameter, 'resize');
    assert.equal(refusal(() => planGeneration({ prompt: 'x', fit: 'contain' }, noSettings)).problems[0]?.parameter, 'fit');
    assert.equal(planGeneration({ prompt: 'x' }, noSettings).exact, undefined);
  });
});

describe('planPriceUsd', () => {
  it("multiplies one image's price (its model, quality and size) by the variants", () => {
    const plan = (options: Record<string, unknown>): ReturnType<typeof planGeneration> => planGeneration({ prompt: 'a fox', ...options }, noSettings);
    assert.equal(planPriceUsd(plan({ quality: 'medium', size: '1024x1024' })), 0.042);
    assert.equal(planPriceUsd(plan({ quality: 'medium', size: '1024x1024', variants: 3 })), 0.126);
    assert.equal(planPriceUsd(plan({ model: 'gpt-image-1-mini', quality: 'high', size: '1024x1024', variants: 4 })), 0.176);
    assert.ok(planPriceUsd(plan({ model: 'gpt-image-2', variants: 2 })) > planPriceUsd(plan({ variants: 2 })));
  });
});
