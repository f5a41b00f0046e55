/**
 * What an agent reads around a call (src/agents/pure/agentText.ts): the confirmation of a paid run,
 * escaped, and the errors, which say what to change and never name a path of the machine. The text
 * of a call's answer: agentAnswerText.test.ts.
 */
import * as assert from 'node:assert/strict';
import { InvalidParametersError, JobFailedError, MissingApiKeyError, NotAcceptableError, SpendLimitError } from '../../../../src/domain/errors/errors';
import { agentErrorText, confirmationOf, unpreparedConfirmation, withoutMachinePaths, type ConfirmationFacts } from '../../../../src/agents/pure/agentText';

/** What GenerationFlow.prepare would have planned for such an input (the tool builds these from the plan). */
function facts(extra: Partial<ConfirmationFacts>): ConfirmationFacts {
  return {
    prompt: 'x',
    model: 'gpt-image-1',
    variants: 1,
    size: 'auto',
    sizeFrom: 'model',
    estimatedCostUsd: 0.04,
    destination: { folder: 'assets' },
    uploads: [],
    uploadBaseUrl: 'https://workflows-api.segmind.com',
    ...extra,
  };
}

describe("The agent tool's words", () => {
  it('the confirmation names the model, the count, the cost and where the file goes', () => {
    const one = confirmationOf(
      facts({
        prompt: 'a hero image',
        size: '1536x1024',
        sizeFrom: 'options',
        exact: { width: 1200, height: 630, fit: 'cover' },
        destination: { file: 'web/og.png' },
      }),
    );
    assert.equal(one.title, 'Generate an image with Segmind');
    assert.match(one.message, /\*\*Model:\*\* gpt-image-1 · \*\*Images:\*\* 1 · \*\*Size:\*\* exactly 1200x630 \(cover\)/);
    assert.match(one.message, /up to \$0\.04 per image/);
    assert.match(one.message, /\*\*Saved to:\*\* `web\/og\.png`/);
    assert.doesNotMatch(one.message, /upload/i);
    const three = confirmationOf(facts({ model: 'gpt-image-2', variants: 3, size: '1536x1024', estimatedCostUsd: 0.24 }));
    assert.match(three.message, /\*\*Images:\*\* 3/);
    assert.match(three.message, /up to \$0\.24 for 3 images/);
    assert.match(three.message, /`assets\/`, named from the prompt/);
    assert.equal(three.invocationMessage, 'Generating 3 images with gpt-image-2…');
  });

  it('for an edit it says the images are uploaded, and where to', () => {
    const edit = confirmationOf(facts({ prompt: 'make it blue', model: 'gpt-image-1-edit', uploads: ['images/logo.png', 'images/mask.png'] }));
    assert.equal(edit.title, 'Edit an image with Segmind');
    assert.match(edit.message, /\*\*Model:\*\* gpt-image-1-edit/);
    assert.match(edit.message, /Editing \*\*uploads\*\* `images\/logo\.png`, `images\/mask\.png` to Segmind storage \(workflows-api\.segmind\.com\)/);
  });

  it('the size is the one that will be asked, and says who decided it (segmind.size, the model)', () => {
    assert.match(confirmationOf(facts({ size: '1024x1536', sizeFrom: 'setting' })).message, /\*\*Size:\*\* 1024x1536 \(your segmind\.size setting\)/);
    assert.match(
      confirmationOf(facts({ model: 'gpt-image-2', size: '1536x1024', sizeFrom: 'model' })).message,
      /\*\*Size:\*\* 1536x1024 \(the model's default\)/,
    );
    assert.doesNotMatch(confirmationOf(facts({ size: '1024x1536', sizeFrom: 'setting' })).message, /model's default size/);
  });

  it('escapes the prompt and the paths: no link, image, HTML or command gets through', () => {
    const evil = confirmationOf(
      facts({
        prompt: 'cat [click](command:workbench.action.terminal.new) ![x](https://evil.example/p.png) <img src=x onerror=alert(1)> **bold**',
        destination: { file: 'web/`og`.png' },
        uploads: ['images/a`b.png'],
      }),
    );
    assert.doesNotMatch(evil.message, /\]\(command:/);
    assert.doesNotMatch(evil.message, /!\[x\]\(/);
    assert.doesNotMatch(evil.message, /(^|[^\\])<img/, 'HTML shows as text');
    assert.doesNotMatch(evil.message, /\*\*bold\*\*/);
    assert.match(evil.message, /\*\*Saved to:\*\* ``web\/`og`\.png``/);
    assert.match(evil.message, /``images\/a`b\.png``/);
  });

  it("names the agent's spend today against its limit, and says when this call would pass it", () => {
    assert.match(
      confirmationOf(facts({ agentSpend: { spentUsd: 1.2, limitUsd: 2 } })).message,
      /\*\*Agent spend today:\*\* \$1\.20 of \$2\.00 \(segmind\.agentDailySpendLimit\)$/m,
    );
    assert.match(confirmationOf(facts({ agentSpend: { spentUsd: 1.98, limitUsd: 2 } })).message, /will be refused, nothing sent/);
  });

  it('a call that cannot be prepared is still confirmed, and says why it will be refused', () => {
    const refused = unpreparedConfirmation({ prompt: 'a [link](command:x)' }, 'The path "../x.png" must stay inside.');
    assert.match(refused.message, /likely to be refused, before anything is sent: The path/);
    assert.doesNotMatch(refused.message, /\]\(command:/);
  });

  it('no error names a path of the machine: the file system’s errors become what to change', () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, stat '/home/someone/projects/site/nowhere'"), { code: 'ENOENT' });
    const text = agentErrorText(enoent, { model: 'gpt-image-1' });
    assert.doesNotMatch(text, /\/home|ENOENT/);
    assert.match(text, /does not exist\. Check the paths you passed/);
    const other = agentErrorText(new Error('could not open /home/someone/x/y.png or C:\\Users\\me\\z.png'), { model: 'gpt-image-1' });
    assert.doesNotMatch(other, /\/home|C:\\/);
    assert.match(other, /"y\.png" or "z\.png"/);
    assert.equal(withoutMachinePaths('see https://segmind.com/pricing and web/og.png'), 'see https://segmind.com/pricing and web/og.png');
  });

  it('failures say what to change', () => {
    const size = new InvalidParametersError([{ parameter: 'size', message: 'Size 3840x2160 is only available on gpt-image-2, not on gpt-image-1.' }]);
    assert.match(
      agentErrorText(size, { model: 'gpt-image-1' }),
      /Allowed sizes for gpt-image-1: auto, 1024x1024, 1536x1024, 1024x1536; for any other size pass resize/,
    );
    assert.match(agentErrorText(size, { model: 'gpt-image-1' }), /Nothing was sent/);
    assert.match(agentErrorText(new MissingApiKeyError(), { model: 'gpt-image-1' }), /ask the user to run "Segmind: Set API Key"/);
    assert.match(
      agentErrorText(new JobFailedError('r', 'rejected by the safety system'), { model: 'gpt-image-1' }),
      /refused the job: rejected by the safety system\. Change the prompt/,
    );
    assert.match(
      agentErrorText(new SpendLimitError('segmind.agentDailySpendLimit', 2, 1.98, 0.04), { model: 'gpt-image-1' }),
      /ask the user to raise segmind\.agentDailySpendLimit/,
    );
    const broke = agentErrorText(new NotAcceptableError('Insufficient credits'), { model: 'gpt-image-1', balance: 0.01 });
    assert.match(broke, /balance: 0\.01/);
    assert.match(broke, /add credits/);
  });
});
