/**
 * The options of a scripted call (src/domain/generation/options.ts): what counts as an options object
 * (not a Uri, not an array), and the parse that names each wrongly typed option. How options become
 * a plan: plan.test.ts.
 */
import * as assert from 'node:assert/strict';
import { isCommandOptions, parseCommandOptions } from '../../../../src/domain/generation/options';
import { refusal } from '../../support/assertions';

describe('options', () => {
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

  it('style is an option of every way in: the options object takes only a boolean', () => {
    assert.match(refusal(() => parseCommandOptions({ prompt: 'x', style: 'no' })).message, /style/);
  });
});
