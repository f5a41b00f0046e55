import * as assert from 'node:assert/strict';
import { MAX_VARIANTS, isCommandOptions, parseCommandOptions } from '../../../../src/domain/generation/options';
import { planGeneration, planPriceUsd, type GenerationDefaults } from '../../../../src/domain/generation/plan';
import { refusal } from '../../support/assertions';

const noSettings: GenerationDefaults = { defaultModel: 'gpt-image-1', parameters: {} };

describe('generationRequest', () => {
  describe('isCommandOptions', () => {
    it('recognises the options object and nothing else', () => {
      assert.ok(isCommandOptions({ prompt: 'a fox' }));
      assert.ok(isCommandOptions({ prompt: '', model: 'gpt-image-2' }));
      assert.ok(isCommandOptions({ model: 'gpt-image-2' }), 'no prompt is still a scripted call, refused later');
      assert.ok(
        !isCommandOptions(
          new (class Uri {
            scheme = 'file';
            path = '/a.png';
          })(),
        ),
        'class instances are not options',
      );
      assert.ok(!isCommandOptions(undefined));
      assert.ok(!isCommandOptions(null));
      assert.ok(!isCommandOptions('a fox'));
      assert.ok(!isCommandOptions([{ prompt: 'x' }]));
      assert.ok(!isCommandOptions({ scheme: 'file', path: '/ws/a.png', fsPath: '/ws/a.png' }));
    });
  });

  describe('parseCommandOptions', () => {
    it('accepts the documented options', () => {
      const options = parseCommandOptions({
        prompt: 'a fox',
        model: 'gpt-image-2',
        size: '2048x2048',
        quality: 'high',
        background: 'transparent',
        outputFormat: 'webp',
        outputCompression: 0,
        moderation: 'low',
        variants: 2,
      });
      assert.equal(options.prompt, 'a fox');
      assert.equal(options.outputCompression, 0);
      assert.equal(options.variants, 2);
    });
    it('refuses wrongly typed options, naming each', () => {
      const error = refusal(() => parseCommandOptions({ prompt: 42, variants: 'two', outputCompression: '80' }));
      const names = error.problems.map((p) => p.parameter).sort();
      assert.deepEqual(names, ['outputCompression', 'prompt', 'variants']);
      assert.match(error.message, /variants/);
    });
    it('refuses something that is not an object', () => {
      refusal(() => parseCommandOptions('a fox'));
      refusal(() => parseCommandOptions(null));
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
});
