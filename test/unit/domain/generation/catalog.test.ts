/**
 * The model catalog (src/domain/generation/catalog.ts): the four models and what each accepts, and
 * the one check of parameters against the chosen model, so a mistake is refused before it costs a
 * request; the prompt's rules, the request body's field names, sizes in pixels.
 */
import * as assert from 'node:assert/strict';
import {
  BASE_SIZES,
  LARGE_SIZES,
  MODELS,
  MODEL_SLUGS,
  TEXT_TO_IMAGE_MODELS,
  isModelSlug,
  isTextToImageModel,
  resolveParameters,
  sizeInPixels,
  toRequestBody,
  validatePrompt,
  type ModelSlug,
} from '../../../../src/domain/generation/catalog';
import { refusal } from '../../support/assertions';

describe('catalog', () => {
  describe('models', () => {
    it('has exactly the four seed models, three of them text → image', () => {
      assert.deepEqual([...MODEL_SLUGS], ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-2', 'gpt-image-1-edit']);
      assert.deepEqual([...TEXT_TO_IMAGE_MODELS], ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-2']);
      assert.equal(MODELS['gpt-image-1-edit'].textToImage, false);
      assert.ok(isModelSlug('gpt-image-1-edit'));
      assert.ok(!isModelSlug('gpt-image-3'));
      assert.ok(!isModelSlug(42));
      assert.ok(isTextToImageModel('gpt-image-2'));
      assert.ok(!isTextToImageModel('gpt-image-1-edit'));
    });

    const expected: Record<ModelSlug, { sizes: readonly string[]; size: string; quality: string; compression: [number, number]; edit: string }> = {
      'gpt-image-1': { sizes: BASE_SIZES, size: 'auto', quality: 'auto', compression: [1, 100], edit: 'none' },
      'gpt-image-1-mini': { sizes: BASE_SIZES, size: '1024x1024', quality: 'high', compression: [1, 100], edit: 'none' },
      'gpt-image-2': { sizes: [...BASE_SIZES, ...LARGE_SIZES], size: '1536x1024', quality: 'high', compression: [0, 100], edit: 'image' },
      'gpt-image-1-edit': { sizes: BASE_SIZES, size: 'auto', quality: 'auto', compression: [1, 100], edit: 'image_urls' },
    };
    for (const slug of MODEL_SLUGS) {
      it(`${slug}: sizes, defaults, compression range, edit input`, () => {
        const info = MODELS[slug];
        const want = expected[slug];
        assert.equal(info.slug, slug);
        assert.deepEqual([...info.sizes], [...want.sizes]);
        assert.deepEqual(info.defaults, {
          size: want.size,
          quality: want.quality,
          background: 'opaque',
          outputFormat: 'png',
          outputCompression: 100,
          moderation: 'auto',
        });
        assert.deepEqual([...info.compressionRange], want.compression);
        assert.equal(info.editInput, want.edit);
        assert.ok(info.typicalSeconds > 0);
        assert.ok(info.estimatedCostUsd > 0);
        // resolving nothing yields the defaults
        assert.deepEqual(resolveParameters(slug, {}), info.defaults);
      });
    }
    it('lists the large sizes only on gpt-image-2', () => {
      assert.deepEqual([...LARGE_SIZES], ['2048x2048', '2048x1152', '1152x2048', '3840x2160', '2160x3840']);
      for (const slug of ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-1-edit'] as const) {
        for (const size of LARGE_SIZES) assert.ok(!MODELS[slug].sizes.includes(size), `${slug} ${size}`);
      }
    });
  });

  describe('resolveParameters', () => {
    it('refuses 3840x2160 on gpt-image-1 with a message naming gpt-image-2', () => {
      const error = refusal(() => resolveParameters('gpt-image-1', { size: '3840x2160' }));
      assert.equal(error.problems.length, 1);
      assert.equal(error.problems[0]?.parameter, 'size');
      assert.match(error.problems[0]?.message ?? '', /gpt-image-2/);
      assert.match(error.message, /3840x2160/);
    });

    it('accepts 3840x2160 (and every large size) on gpt-image-2', () => {
      for (const size of LARGE_SIZES) assert.equal(resolveParameters('gpt-image-2', { size }).size, size);
    });

    it('refuses an unknown size, listing what would work', () => {
      const error = refusal(() => resolveParameters('gpt-image-1-mini', { size: '512x512' }));
      assert.match(error.message, /512x512/);
      assert.match(error.message, /1024x1536/);
    });

    it('refuses a transparent background with jpeg, but allows png and webp', () => {
      const error = refusal(() => resolveParameters('gpt-image-1', { background: 'transparent', outputFormat: 'jpeg' }));
      assert.equal(error.problems[0]?.parameter, 'background');
      assert.match(error.message, /jpeg/);
      assert.equal(resolveParameters('gpt-image-1', { background: 'transparent', outputFormat: 'png' }).background, 'transparent');
      assert.equal(resolveParameters('gpt-image-1', { background: 'transparent', outputFormat: 'webp' }).outputFormat, 'webp');
      assert.equal(resolveParameters('gpt-image-1', { background: 'transparent' }).outputFormat, 'png');
    });

    it('accepts compression 0 on gpt-image-2 and refuses it on the gpt-image-1 family', () => {
      assert.equal(resolveParameters('gpt-image-2', { outputCompression: 0 }).outputCompression, 0);
      for (const slug of ['gpt-image-1', 'gpt-image-1-mini', 'gpt-image-1-edit'] as const) {
        const error = refusal(() => resolveParameters(slug, { outputCompression: 0 }));
        assert.equal(error.problems[0]?.parameter, 'outputCompression');
        assert.match(error.message, /1 to 100/);
      }
    });

    it('accepts the compression bounds and refuses values outside or not whole', () => {
      assert.equal(resolveParameters('gpt-image-1', { outputCompression: 1 }).outputCompression, 1);
      assert.equal(resolveParameters('gpt-image-1', { outputCompression: 100 }).outputCompression, 100);
      assert.equal(resolveParameters('gpt-image-2', { outputCompression: 100 }).outputCompression, 100);
      for (const bad of [101, -1, 50.5, '80', Number.NaN]) {
        refusal(() => resolveParameters('gpt-image-2', { outputCompression: bad }));
      }
    });

    it('reports several problems at once', () => {
      const error = refusal(() =>
        resolveParameters('gpt-image-1', {
          size: '3840x2160',
          quality: 'ultra',
          outputCompression: 0,
          moderation: 'none',
          background: 'transparent',
          outputFormat: 'jpeg',
        }),
      );
      const names = error.problems.map((p) => p.parameter).sort();
      assert.deepEqual(names, ['background', 'moderation', 'outputCompression', 'quality', 'size']);
      for (const p of error.problems) assert.ok(p.message.length > 0);
    });

    it('refuses values of the wrong type and names the parameter', () => {
      const error = refusal(() => resolveParameters('gpt-image-1', { quality: 3, outputFormat: 'gif' }));
      assert.deepEqual(
        error.problems.map((p) => p.parameter),
        ['quality', 'outputFormat'],
      );
      assert.match(error.message, /gif/);
    });

    it('treats null and undefined as "use the default"', () => {
      assert.deepEqual(resolveParameters('gpt-image-1-mini', { size: null, quality: undefined }), MODELS['gpt-image-1-mini'].defaults);
    });
  });

  describe('validatePrompt', () => {
    it('refuses empty, whitespace-only and non-string prompts', () => {
      for (const bad of ['', '   ', '\n\t ', undefined, null, 42]) {
        const error = refusal(() => validatePrompt(bad));
        assert.equal(error.problems[0]?.parameter, 'prompt');
        assert.match(error.message, /empty/);
      }
    });
    it('trims the prompt', () => {
      assert.equal(validatePrompt('  a red fox \n'), 'a red fox');
    });
    it('refuses a prompt longer than the limit', () => {
      const error = refusal(() => validatePrompt('x'.repeat(32_001)));
      assert.match(error.message, /32000/);
      assert.equal(validatePrompt('x'.repeat(32_000)).length, 32_000);
    });
  });

  describe('toRequestBody', () => {
    it('uses the service field names', () => {
      const parameters = resolveParameters('gpt-image-2', { size: '2048x1152', outputFormat: 'webp', outputCompression: 0, quality: 'low', moderation: 'low' });
      assert.deepEqual(toRequestBody('a fox', parameters), {
        prompt: 'a fox',
        size: '2048x1152',
        quality: 'low',
        background: 'opaque',
        output_format: 'webp',
        output_compression: 0,
        moderation: 'low',
      });
    });
  });

  describe('sizeInPixels', () => {
    it('parses WxH and leaves auto to the model', () => {
      assert.deepEqual(sizeInPixels('1536x1024'), { width: 1536, height: 1024 });
      assert.deepEqual(sizeInPixels('2160x3840'), { width: 2160, height: 3840 });
      assert.equal(sizeInPixels('auto'), undefined);
    });
  });
});
