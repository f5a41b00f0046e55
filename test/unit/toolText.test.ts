import * as assert from 'node:assert/strict';
import { InvalidParametersError, JobFailedError, MissingApiKeyError, NotAcceptableError } from '../../src/domain/errors';
import { agentErrorText, confirmationOf, resultText } from '../../src/tool/toolText';

const context = { defaultModel: 'gpt-image-1', outputFolder: 'assets', uploadBaseUrl: 'https://workflows-api.segmind.com' };

describe('The agent tool\'s words', () => {
  it('the confirmation names the model, the count, the cost and where the file goes', () => {
    const one = confirmationOf({ prompt: 'a hero image', path: 'web/og.png', resize: '1200x630' }, context);
    assert.equal(one.title, 'Generate an image with Segmind');
    assert.match(one.message, /\*\*Model:\*\* gpt-image-1 · \*\*Images:\*\* 1 · \*\*Size:\*\* exactly 1200x630 \(cover\)/);
    assert.match(one.message, /≈ \$0\.04 per image/);
    assert.match(one.message, /\*\*Saved to:\*\* `web\/og\.png`/);
    assert.doesNotMatch(one.message, /upload/i);
    const three = confirmationOf({ prompt: 'x', model: 'gpt-image-2', variants: 3 }, context);
    assert.match(three.message, /\*\*Images:\*\* 3/);
    assert.match(three.message, /≈ \$0\.24 for 3 images/);
    assert.match(three.message, /`assets\/`, named from the prompt/);
    assert.equal(three.invocationMessage, 'Generating 3 images with gpt-image-2…');
  });

  it('for an edit it says the images are uploaded, and where to', () => {
    const edit = confirmationOf({ prompt: 'make it blue', images: ['images/logo.png'], mask: 'images/mask.png' }, context);
    assert.equal(edit.title, 'Edit an image with Segmind');
    assert.match(edit.message, /\*\*Model:\*\* gpt-image-1-edit/);
    assert.match(edit.message, /Editing \*\*uploads\*\* `images\/logo\.png`, `images\/mask\.png` to Segmind storage \(workflows-api\.segmind\.com\)/);
  });

  it('the result lists each file: path, size, format, model, request id, cost, and a Markdown snippet', () => {
    const text = resultText('A hero image', [
      { path: 'web/og.png', width: 1200, height: 630, format: 'png', model: 'gpt-image-1', requestId: 'r-1', cost: 0.04, warnings: [] },
      { path: 'web/og-2.png', format: 'png', model: 'gpt-image-1', warnings: ['web/og-2.png has no transparent pixels'] },
    ], ['Generation failed: blocked']);
    assert.match(text, /^Saved 2 images:/);
    assert.match(text, /- web\/og\.png — 1200x630 PNG, gpt-image-1, request r-1, cost 0\.04/);
    assert.match(text, /Markdown: !\[A hero image\]\(web\/og\.png\)/);
    assert.match(text, /Warning: web\/og-2\.png has no transparent pixels/);
    assert.match(text, /One image failed: Generation failed: blocked/);
  });

  it('failures say what to change', () => {
    const size = new InvalidParametersError([{ parameter: 'size', message: 'Size 3840x2160 is only available on gpt-image-2, not on gpt-image-1.' }]);
    assert.match(agentErrorText(size, { model: 'gpt-image-1' }), /Allowed sizes for gpt-image-1: auto, 1024x1024, 1536x1024, 1024x1536; for any other size pass resize/);
    assert.match(agentErrorText(size, { model: 'gpt-image-1' }), /Nothing was sent/);
    assert.match(agentErrorText(new MissingApiKeyError(), { model: 'gpt-image-1' }), /ask the user to run "Segmind: Set API Key"/);
    assert.match(agentErrorText(new JobFailedError('r', 'rejected by the safety system'), { model: 'gpt-image-1' }), /refused the job: rejected by the safety system\. Change the prompt/);
    const broke = agentErrorText(new NotAcceptableError('Insufficient credits'), { model: 'gpt-image-1', balance: 0.01 });
    assert.match(broke, /balance: 0\.01/);
    assert.match(broke, /add credits/);
  });
});
