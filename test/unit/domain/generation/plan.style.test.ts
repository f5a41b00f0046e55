/**
 * The project's style (segmind.stylePrompt) in a plan (domain/generation/plan): sent after the prompt
 * on a paragraph of its own, for generations and edits alike, left out of one call with
 * `style: false`, and refused with both lengths named when the two together pass the prompt limit.
 */
import * as assert from 'node:assert/strict';
import { planEdit, planGeneration, withStyle, type GenerationDefaults } from '../../../../src/domain/generation/plan';
import { parseCommandOptions } from '../../../../src/domain/generation/options';
import { refusal } from '../../support/assertions';

describe('The project style in a plan (domain/generation/plan)', () => {
  const styled: GenerationDefaults = { defaultModel: 'gpt-image-1', parameters: {}, stylePrompt: '  flat vector,\n pastel palette ' };

  it('goes after the prompt on a paragraph of its own, and the plan keeps both apart', () => {
    const plan = planGeneration({ prompt: 'a harbour at dawn' }, styled);
    assert.equal(plan.body['prompt'], 'a harbour at dawn\n\nStyle: flat vector, pastel palette');
    assert.equal(plan.prompt, 'a harbour at dawn');
    assert.equal(plan.stylePrompt, 'flat vector, pastel palette');
    assert.equal(plan.baseName.includes('style'), false, 'the file is named from the prompt alone');
  });

  it('goes with edits too', () => {
    const plan = planEdit({ prompt: 'make it blue' }, styled, { images: ['a.png'] }, new Date(0));
    assert.equal(plan.body['prompt'], 'make it blue\n\nStyle: flat vector, pastel palette');
  });

  it('style: false leaves it out of one call; no setting, no style', () => {
    const without = planGeneration(parseCommandOptions({ prompt: 'a harbour', style: false }), styled);
    assert.equal(without.body['prompt'], 'a harbour');
    assert.equal(without.stylePrompt, undefined);
    assert.equal(planGeneration({ prompt: 'a harbour' }, { ...styled, stylePrompt: '' }).body['prompt'], 'a harbour');
  });

  it('is refused with both lengths named when prompt and style pass the limit together', () => {
    assert.match(refusal(() => withStyle('x'.repeat(31_990), 'flat vector art')).message, /segmind\.stylePrompt.*style: false/);
  });
});
