/**
 * Settings as users really write them: values of the wrong type or out of range in settings.json
 * (VS Code stores them as written) are read as the defaults, never as something surprising.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readSettings } from '../../src/config/settings';
import { generate, setting, useFakeSegmind, workspaceFolder } from './support/segmindFixture';

describe('Settings, coerced where they do not fit', function () {
  const segmind = useFakeSegmind();

  it('wrong types and values fall back to the defaults', async () => {
    await setting('defaultModel', 'dall-e-3');
    await setting('timeoutSeconds', -5);
    await setting('transport', 'carrier-pigeon');
    await setting('saveMetadata', 'no');
    await setting('outputFolder', 'art');
    const settings = readSettings(workspaceFolder());
    assert.equal(settings.defaultModel, 'gpt-image-1');
    assert.equal(settings.timeoutSeconds, 600);
    assert.equal(settings.transport, 'async');
    assert.equal(settings.saveMetadata, true, 'only false turns sidecars off');
    assert.equal(settings.outputFolder, 'art');
  });

  it('a generation under such settings runs with the defaults', async () => {
    await setting('defaultModel', 'not-a-model');
    await setting('transport', 42);
    const [uri] = await generate({ prompt: 'Coerced settings' });
    assert.ok(uri);
    assert.equal(segmind.fake.requestsTo('api', 'POST', '/v2/gpt-image-1').length, 1, 'the default model, over v2');
    const sidecar = await vscode.workspace.fs.stat(uri.with({ path: `${uri.path}.json` }));
    assert.ok(sidecar.size > 0);
  });
});
