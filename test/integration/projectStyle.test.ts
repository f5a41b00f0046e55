/**
 * The project style (segmind.stylePrompt) in the real VS Code: it goes after the prompt in the
 * request and into the sidecar, with every set of a fill too, and style: false leaves it out, for
 * one image and for a fill alike.
 */
import * as assert from 'node:assert/strict';
import { generate, readJson, setting, useFakeSegmind } from './support/segmindFixture';
import { scripted } from './support/commands';
import { folderFiles, remove } from './support/workspaceFiles';

const FOLDER = 'style-it';
const { at, write } = folderFiles(FOLDER);

describe('The project style (real VS Code)', function () {
  const segmind = useFakeSegmind();

  afterEach(async () => {
    await remove(at());
  });

  it('goes after the prompt in the request and into the sidecar; style: false leaves it out', async () => {
    await setting('stylePrompt', 'flat vector illustration, pastel palette, no text');
    const [styled] = await generate({ prompt: 'A lighthouse', path: `${FOLDER}/lighthouse.png`, model: 'gpt-image-1-mini', quality: 'low' });
    const [plain] = await generate({ prompt: 'A lighthouse', path: `${FOLDER}/plain.png`, model: 'gpt-image-1-mini', quality: 'low', style: false });
    const prompts = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini').map((request) => (request.body as { prompt?: string }).prompt);
    assert.deepEqual(prompts, ['A lighthouse\n\nStyle: flat vector illustration, pastel palette, no text', 'A lighthouse']);
    assert.ok(styled && plain);
    const sidecar = await readJson(styled.with({ path: `${styled.path}.json` }));
    assert.deepEqual([sidecar['prompt'], sidecar['stylePrompt']], ['A lighthouse', 'flat vector illustration, pastel palette, no text']);
    assert.equal((await readJson(plain.with({ path: `${plain.path}.json` })))['stylePrompt'], undefined);
  });

  it('goes with every set of a fill, and fill style: false leaves it out', async () => {
    await setting('stylePrompt', 'watercolour');
    await write('style/kite.html', '<img src="a.png" srcset="a@2x.png 2x" width="100" height="50" alt="A kite">');
    const entries = await scripted('segmind.fillMissingImages', { scope: `${FOLDER}/style`, mode: 'generate', model: 'gpt-image-1-mini', quality: 'low' });
    assert.deepEqual(
      entries.map((entry) => [entry.target, entry.saved]),
      [
        [`${FOLDER}/style/a.png`, true],
        [`${FOLDER}/style/a@2x.png`, true],
      ],
    );
    assert.equal((await readJson(at('style', 'a.png.json')))['stylePrompt'], 'watercolour');
    assert.equal((await readJson(at('style', 'a@2x.png.json')))['stylePrompt'], 'watercolour');
    await write('style/boat.html', '<img src="b.png" alt="A boat">');
    await scripted('segmind.fillMissingImages', {
      scope: `${FOLDER}/style/boat.html`,
      mode: 'generate',
      model: 'gpt-image-1-mini',
      quality: 'low',
      style: false,
    });
    const prompts = segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1-mini').map((request) => (request.body as { prompt?: string }).prompt);
    assert.deepEqual(prompts, ['A kite\n\nStyle: watercolour', 'A boat']);
  });
});
