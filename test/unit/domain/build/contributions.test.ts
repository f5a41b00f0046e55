/**
 * What `npm run contributes` writes into package.json and package.nls.json
 * (src/domain/build/contributions.ts), from the catalog and the schemas. test/unit/project/
 * packageJson.test.ts holds the real files equal to it; here the functions themselves: what they
 * derive, and that the merge replaces only what is generated.
 */
import * as assert from 'node:assert/strict';
import { generatedContributions, withGeneratedContributions, withGeneratedNls } from '../../../../src/domain/build/contributions';
import { AGENT_TOOL_DESCRIPTIONS, agentToolJsonSchema, generateImageDescription } from '../../../../src/domain/generation/agentTools';
import { MODEL_SLUGS, MODELS, TEXT_TO_IMAGE_MODELS } from '../../../../src/domain/generation/catalog';
import { toolInputJsonSchema } from '../../../../src/domain/generation/options';

const generated = generatedContributions();
const setting = (key: string): Record<string, unknown> => generated.settings[`segmind.${key}`] ?? assert.fail(`segmind.${key} is not generated`);

/** A package.json as small as the merge needs: hand-written parts around the generated ones. */
function manifest(): Record<string, unknown> {
  return {
    name: 'image-studio',
    contributes: {
      configuration: {
        properties: {
          'segmind.quality': { type: ['string', 'null'], order: 3, enum: ['stale'], markdownDescription: '%setting.quality.markdownDescription%' },
          'segmind.transport': { type: 'string', enum: ['async', 'sync'] },
        },
      },
      languageModelTools: [
        { name: 'segmind_generate_image', icon: '$(file-media)', modelDescription: 'old' },
        { name: 'segmind_find_missing_images', inputSchema: {} },
      ],
    },
  };
}

describe('contributions', () => {
  it('segmind.defaultModel offers the text-to-image models, the first as default, each described in package.nls.json', () => {
    assert.deepEqual(setting('defaultModel')['enum'], [...TEXT_TO_IMAGE_MODELS]);
    assert.equal(setting('defaultModel')['default'], TEXT_TO_IMAGE_MODELS[0]);
    assert.deepEqual(
      setting('defaultModel')['enumDescriptions'],
      TEXT_TO_IMAGE_MODELS.map((slug) => `%setting.defaultModel.enumDescriptions.${slug}%`),
    );
    assert.equal(generated.nls['setting.defaultModel.enumDescriptions.gpt-image-1-mini'], 'GPT Image 1 Mini: cheaper and a little faster, about 42 s.');
  });

  it('each parameter setting offers null (the model decides) first, then the API’s values, labelled as they are', () => {
    assert.deepEqual(setting('outputFormat'), {
      enum: [null, 'png', 'jpeg', 'webp'],
      enumItemLabels: ['%setting.outputFormat.modelDefault%', 'png', 'jpeg', 'webp'],
    });
    const sizes = setting('size')['enum'] as unknown[];
    assert.deepEqual(sizes.slice(1), [...new Set(Object.values(MODELS).flatMap((model) => model.sizes))], 'every model’s sizes, each once');
  });

  it('the null choice names the default when every model shares it, and only then', () => {
    assert.equal(generated.nls['setting.outputFormat.modelDefault'], 'Model default (png)');
    assert.equal(generated.nls['setting.background.modelDefault'], 'Model default (opaque)');
    // gpt-image-1 defaults to auto, gpt-image-1-mini to 1024x1024: no one size to name.
    assert.equal(generated.nls['setting.size.modelDefault'], 'Model default');
    assert.equal(generated.nls['setting.quality.modelDefault'], 'Model default');
  });

  it('segmind.outputCompression spans every model’s range: 0 from gpt-image-2, up to 100', () => {
    assert.deepEqual(setting('outputCompression'), { minimum: 0, maximum: 100 });
  });

  it('a custom model entry is checked as the extension checks it: a new slug of the allowed characters, like a catalog model', () => {
    const item = (setting('customModels')['items'] ?? {}) as { required: string[]; properties: Record<string, Record<string, unknown>> };
    assert.deepEqual(item.required, ['slug', 'like']);
    const slug = item.properties['slug'] ?? {};
    const pattern = new RegExp(String(slug['pattern']));
    assert.ok(pattern.test('gpt-image-3') && !pattern.test('GPT Image 3'));
    assert.deepEqual(slug['not'], { enum: [...MODEL_SLUGS] }, 'a catalog slug is not a custom model');
    assert.deepEqual(item.properties['like']?.['enum'], [...MODEL_SLUGS]);
  });

  it('the two tools get their schemas and descriptions from the agent tools', () => {
    assert.deepEqual(generated.tool, { inputSchema: toolInputJsonSchema(), modelDescription: generateImageDescription() });
    assert.deepEqual(generated.findTool, {
      inputSchema: agentToolJsonSchema('find_missing_images'),
      modelDescription: AGENT_TOOL_DESCRIPTIONS.find_missing_images,
    });
  });

  describe('withGeneratedContributions', () => {
    it('replaces the generated keys, keeps every hand-written one, and leaves the input as it was', () => {
      const before = manifest();
      const after = withGeneratedContributions(before) as ReturnType<typeof manifest> & {
        contributes: { configuration: { properties: Record<string, Record<string, unknown>> }; languageModelTools: Record<string, unknown>[] };
      };
      assert.deepEqual(before, manifest(), 'the input is not changed');
      const quality = after.contributes.configuration.properties['segmind.quality'];
      assert.deepEqual(quality, { type: ['string', 'null'], order: 3, markdownDescription: '%setting.quality.markdownDescription%', ...setting('quality') });
      assert.deepEqual(after.contributes.configuration.properties['segmind.transport'], { type: 'string', enum: ['async', 'sync'] });
      assert.deepEqual(after.contributes.configuration.properties['segmind.size'], setting('size'), 'a generated setting missing by hand is added');
      assert.equal(after['name'], 'image-studio');
    });

    it('fills the tools by position: the generate tool first, the find tool second, their other keys kept', () => {
      const after = withGeneratedContributions(manifest()) as { contributes: { languageModelTools: Record<string, unknown>[] } };
      const [tool, findTool] = after.contributes.languageModelTools;
      assert.deepEqual(tool, { name: 'segmind_generate_image', icon: '$(file-media)', ...generated.tool });
      assert.deepEqual(findTool, { name: 'segmind_find_missing_images', ...generated.findTool });
      const one = manifest() as { contributes: { languageModelTools: unknown[] } };
      one.contributes.languageModelTools = one.contributes.languageModelTools.slice(0, 1);
      const onlyOne = withGeneratedContributions(one) as { contributes: { languageModelTools: unknown[] } };
      assert.equal(onlyOne.contributes.languageModelTools.length, 1, 'no tool is made up where package.json declares none');
    });
  });

  describe('withGeneratedNls', () => {
    it('keeps hand-written words in their order, drops generated keys that are stale, and puts the generated ones after', () => {
      const nls = {
        'command.generate.title': 'Generate Image',
        'setting.defaultModel.enumDescriptions.gpt-image-0': 'A model taken out of the catalog',
        'setting.quality.modelDefault': 'stale words',
        'setting.transport.enumDescriptions.async': 'Submit and poll',
      };
      const merged = withGeneratedNls(nls);
      assert.deepEqual(Object.keys(merged), ['command.generate.title', 'setting.transport.enumDescriptions.async', ...Object.keys(generated.nls)]);
      assert.equal(merged['setting.quality.modelDefault'], 'Model default');
      assert.equal(merged['setting.transport.enumDescriptions.async'], 'Submit and poll', 'enum descriptions of other settings are hand-written');
    });
  });
});
