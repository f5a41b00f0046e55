/**
 * Waiting to move (the rule: a module's test at test/unit/<its path>.test.ts). These cases were part
 * of the flat "making sets" file; the rest of it moved to test/unit/domain/images/imageSets.test.ts and
 * test/unit/pixels/. These test modules whose test files another branch is rewriting, so they stay here
 * until the branches meet, then go: the project style to domain/generation/plan.test.ts (the last
 * case, `style` as an option, to domain/generation/options.test.ts).
 */
import * as assert from 'node:assert/strict';
import { planEdit, planGeneration, withStyle, type GenerationDefaults } from '../../src/domain/generation/plan';
import { parseCommandOptions } from '../../src/domain/generation/options';
import { refusal } from './support/assertions';

describe('Waiting to move: the project style (plan, options)', () => {
  describe('the project style', () => {
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

    it('is an option of every way in: the options object takes only a boolean', () => {
      assert.match(refusal(() => parseCommandOptions({ prompt: 'x', style: 'no' })).message, /style/);
    });
  });
});
