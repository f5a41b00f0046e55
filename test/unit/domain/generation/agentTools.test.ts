/**
 * The tools agents call (src/domain/generation/agentTools.ts): the fixed names, the strict schemas
 * the window parses each call with, the JSON schemas MCP and package.json declare from them, and the
 * generate description, which must say what the catalog and the prices say.
 */
import * as assert from 'node:assert/strict';
import {
  AGENT_TOOL_DESCRIPTIONS,
  AGENT_TOOL_NAMES,
  AGENT_TOOL_SCHEMAS,
  agentToolJsonSchema,
  generateImageDescription,
} from '../../../../src/domain/generation/agentTools';
import { MODELS, TEXT_TO_IMAGE_MODELS } from '../../../../src/domain/generation/catalog';
import { toolInputJsonSchema, toolInputSchema } from '../../../../src/domain/generation/options';
import { DEFAULT_PLACEHOLDER_SIZE } from '../../../../src/domain/images/placeholder';
import { jobPriceUsd } from '../../../../src/domain/spending/pricing';

const parses = (tool: keyof typeof AGENT_TOOL_SCHEMAS, input: unknown): boolean => AGENT_TOOL_SCHEMAS[tool]().safeParse(input).success;

describe('agentTools', () => {
  it('are the four tools the product names (agents are configured with these names)', () => {
    assert.deepEqual([...AGENT_TOOL_NAMES], ['generate_image', 'find_missing_images', 'fill_missing_images', 'check_credits']);
    assert.deepEqual(Object.keys(AGENT_TOOL_SCHEMAS), [...AGENT_TOOL_NAMES], 'each tool has its schema');
  });

  it('generate_image takes exactly the options of the language model tool segmind_generate_image: one schema', () => {
    assert.equal(AGENT_TOOL_SCHEMAS.generate_image, toolInputSchema);
    assert.deepEqual(agentToolJsonSchema('generate_image'), toolInputJsonSchema());
  });

  it('every schema is strict: a misspelt argument is refused, not silently ignored', () => {
    assert.equal(parses('find_missing_images', {}), true);
    assert.equal(parses('find_missing_images', { scope: 'docs' }), true);
    assert.equal(parses('find_missing_images', { scopes: 'docs' }), false);
    assert.equal(parses('check_credits', {}), true);
    assert.equal(parses('check_credits', { verbose: true }), false);
    assert.equal(parses('fill_missing_images', { mode: 'placeholder', qualty: 'low' }), false);
  });

  it('fill needs a making mode: "list" is what find does', () => {
    assert.equal(parses('fill_missing_images', { mode: 'generate', quality: 'low', style: false }), true);
    assert.equal(parses('fill_missing_images', {}), false);
    assert.equal(parses('fill_missing_images', { mode: 'list' }), false);
    assert.equal(parses('fill_missing_images', { mode: 'generate', quality: 'best' }), false);
  });

  it("fill's model is any string (a custom model is checked by the plan) but its JSON schema offers the catalog's", () => {
    assert.equal(parses('fill_missing_images', { mode: 'generate', model: 'gpt-image-3' }), true);
    const schema = agentToolJsonSchema('fill_missing_images') as { properties: Record<string, { enum?: unknown }>; required: unknown };
    assert.deepEqual(schema.properties['model']?.enum, [...TEXT_TO_IMAGE_MODELS]);
    assert.deepEqual(schema.required, ['mode']);
  });

  it('the JSON schemas are plain objects as MCP wants them: no $schema, no extra properties', () => {
    for (const name of AGENT_TOOL_NAMES) {
      const schema = agentToolJsonSchema(name);
      assert.equal(schema['type'], 'object', name);
      assert.equal('$schema' in schema, false, name);
      assert.equal(schema['additionalProperties'], false, name);
    }
    assert.deepEqual(agentToolJsonSchema('check_credits'), { type: 'object', properties: {}, additionalProperties: false });
  });

  it('every tool but generate_image has its description here (generate_image’s is built from the catalog)', () => {
    assert.deepEqual(Object.keys(AGENT_TOOL_DESCRIPTIONS).sort(), ['check_credits', 'fill_missing_images', 'find_missing_images']);
    assert.match(AGENT_TOOL_DESCRIPTIONS.find_missing_images, /Free; nothing is written\.$/);
    assert.match(AGENT_TOOL_DESCRIPTIONS.fill_missing_images, /held against the user's daily limits before anything is sent/);
  });

  describe('the generate description', () => {
    const text = generateImageDescription();

    it('names each model that makes new images with its time, the first as the default, and what each editor takes', () => {
      const [first, ...rest] = TEXT_TO_IMAGE_MODELS;
      assert.ok(first);
      assert.ok(text.includes(`${first} (default, ~${MODELS[first].typicalSeconds} s)`), first);
      for (const slug of rest) assert.ok(text.includes(`${slug} (~${MODELS[slug].typicalSeconds} s)`), slug);
      assert.match(text, /gpt-image-2 edits one image; gpt-image-1-edit edits one or more images with an optional mask\./);
    });

    it('lists the sizes every model has, then what a model has beyond them', () => {
      assert.match(
        text,
        /Native sizes: auto, 1024x1024, 1536x1024, 1024x1536 on every model; gpt-image-2 also 2048x2048, 2048x1152, 1152x2048, 3840x2160, 2160x3840\./,
      );
    });

    it('quotes each model’s hold at its defaults, and "an eighth" is what the prices say of low against high', () => {
      for (const slug of TEXT_TO_IMAGE_MODELS) {
        const { quality, size } = MODELS[slug].defaults;
        assert.ok(text.includes(`$${jobPriceUsd({ model: slug, quality, size }).toFixed(2)} on ${slug}`), slug);
      }
      const low = jobPriceUsd({ model: 'gpt-image-1', quality: 'low', size: '1024x1024' });
      const high = jobPriceUsd({ model: 'gpt-image-1', quality: 'high', size: '1024x1024' });
      assert.equal(high / low, 8);
      assert.match(text, /quality "low" costs an eighth of "high"/);
    });

    it("gives the placeholder's default size", () => {
      assert.ok(text.includes(`(default ${DEFAULT_PLACEHOLDER_SIZE.width}x${DEFAULT_PLACEHOLDER_SIZE.height})`));
    });
  });
});
